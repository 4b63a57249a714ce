import Foundation

/// Turns any text from a spec into a Swift identifier that compiles in every position
/// generated code uses it, and reads like the original.
///
/// The rules, in order (the same for both styles, only the casing differs):
/// 1. The text is NFC-normalized, so "é" written precomposed or decomposed gives one name
///    (the compiler compares identifiers byte for byte; `Set<String>` would not).
/// 2. Words are the runs of letters, digits and combining marks (see `IdentifierCharacters`);
///    everything else — punctuation, spaces, `_`, emoji, invisible and bidi characters — only
///    separates words. A run splits again at case changes: "imageIds" → image|Ids,
///    "ECRClient" → ECR|Client.
/// 3. SHOUTING_SNAKE input (several words, no lowercase letter anywhere) is lowercased first,
///    so "IMAGE_NOT_FOUND" → "ImageNotFound"/"imageNotFound"; a single all-caps word keeps
///    its letters as a type ("ECR") and is lowercased as a member ("ecr").
/// 4. Text with no letter or digit at all is spelled with the Unicode names of its characters
///    behind an underscore: "+" → "_PlusSign"/"_plusSign", "🚀" → "_rocket", "" → "_empty".
/// 5. A name that would start with a digit or combining mark gets a leading underscore: "2fa" → "_2fa".
/// 6. A name that is a Swift keyword or a reserved name (`swiftKeywords`, `reservedTypeNames`,
///    `generatedMemberNames`) gets ONE trailing underscore: "default" → "default_",
///    "self" → "self_", "Type" → "Type_", "description" → "description_". Never backticks:
///    a backticked name breaks as soon as a template concatenates or interpolates it.
///
/// Names are not unique: "foo-bar" and "foo_bar" both give "fooBar". Use `NameScope` to
/// hand out unique names within one scope.
package enum Naming {
    /// UpperCamelCase type name for any spec text.
    package static func typeName(_ raw: String) -> String {
        let split = words(of: raw)
        let name: String
        if split.words.isEmpty {
            name = "_" + symbolWords(of: raw).map(capitalizedWord).joined()
        } else {
            let cased = split.shouting ? split.words.map { $0.lowercased() } : split.words
            name = finish(cased.map(capitalizedWord).joined(), fallback: "_Empty")
        }
        if reservedTypeNames.contains(name) || swiftKeywords.contains(name) {
            return name + "_"
        }
        return name
    }

    /// lowerCamelCase name for properties, enum cases, methods and parameters.
    package static func memberName(_ raw: String) -> String {
        let split = words(of: raw)
        let name: String
        if split.words.isEmpty {
            let symbols = symbolWords(of: raw)
            name = "_" + symbols[0] + symbols.dropFirst().map(capitalizedWord).joined()
        } else {
            let cased = split.shouting ? split.words.map { $0.lowercased() } : split.words
            let first = lowercasedFirstWord(cased[0])
            name = finish(first + cased.dropFirst().map(capitalizedWord).joined(), fallback: "_empty")
        }
        if swiftKeywords.contains(name) || generatedMemberNames.contains(name) {
            return name + "_"
        }
        return name
    }

    // MARK: - Words

    /// `text` in Unicode normalization form C. ASCII text is its own NFC (and nearly every name
    /// is ASCII), so Foundation's normalization, which shows in profiles, runs only on the rest.
    static func nfc(_ text: String) -> String {
        text.utf8.allSatisfy { $0 < 0x80 } ? text : text.precomposedStringWithCanonicalMapping
    }

    /// The words of `raw` and whether the whole text is SHOUTING_SNAKE.
    static func words(of raw: String) -> (words: [String], shouting: Bool) {
        let scalars = Array(nfc(raw).unicodeScalars)
        var words: [String] = []
        var chunk: [Unicode.Scalar] = []
        var sawLowercase = false
        for scalar in scalars {
            if IdentifierCharacters.isContinuation(scalar) {
                // A mark with nothing to combine with would attach to the previous word's
                // letter in a confusing way; drop it.
                if chunk.isEmpty && IdentifierCharacters.isMark(scalar) { continue }
                if scalar.properties.isLowercase { sawLowercase = true }
                chunk.append(scalar)
            } else {
                words += camelWords(chunk)
                chunk.removeAll()
            }
        }
        words += camelWords(chunk)
        return (words, !sawLowercase && words.count > 1)
    }

    /// Splits one run of identifier characters at case changes.
    private static func camelWords(_ chunk: [Unicode.Scalar]) -> [String] {
        guard !chunk.isEmpty else { return [] }
        var result: [String] = []
        var current = String.UnicodeScalarView()
        for index in chunk.indices {
            let scalar = chunk[index]
            if index > 0, scalar.properties.isUppercase {
                let previous = chunk[index - 1]
                let next = index + 1 < chunk.count ? chunk[index + 1] : nil
                // "imageIds": lower → Upper starts a word. "ECRClient": the last capital of an
                // acronym followed by a lowercase letter starts the next word.
                let startsWord =
                    !previous.properties.isUppercase
                    || ((next?.properties.isLowercase ?? false) && !isPluralS(chunk, at: index + 1))
                if startsWord && !current.isEmpty {
                    result.append(String(current))
                    current = String.UnicodeScalarView()
                }
            }
            current.append(scalar)
        }
        result.append(String(current))
        return result
    }

    /// "IDs", "URLs": an "s" that ends the run (or is followed by a capital) after an acronym
    /// is its plural, not the start of a word.
    private static func isPluralS(_ chunk: [Unicode.Scalar], at index: Int) -> Bool {
        guard index < chunk.count, chunk[index] == "s" else { return false }
        return index + 1 == chunk.count || !chunk[index + 1].properties.isLowercase
    }

    /// Words for text without a single letter or digit, from the Unicode character names
    /// ("PLUS SIGN" → plus, sign). Unnamed scalars (controls, unassigned) use their code point.
    /// At most 8 characters are spelled out so hostile input cannot make huge names; `NameScope`
    /// takes care of the collisions that leaves.
    static func symbolWords(of raw: String) -> [String] {
        let scalars = nfc(raw).unicodeScalars.prefix(8)
        guard !scalars.isEmpty else { return ["empty"] }
        var result: [String] = []
        for scalar in scalars {
            let spelled = scalar.properties.name ?? "u" + String(scalar.value, radix: 16, uppercase: true)
            let parts = spelled.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
            result += parts.map { $0.lowercased() }
        }
        return result
    }

    // MARK: - Casing

    private static func capitalizedWord(_ word: String) -> String {
        guard let first = word.first else { return word }
        return first.uppercased() + word.dropFirst()
    }

    /// "ECR" → "ecr", "IDs" → "ids", "Repository" → "repository", "iOS" → "iOS".
    private static func lowercasedFirstWord(_ word: String) -> String {
        let singular = word.count > 2 && word.hasSuffix("s") ? word.dropLast() : word[...]
        if !singular.unicodeScalars.contains(where: { $0.properties.isLowercase }) {
            return word.lowercased()
        }
        guard let first = word.first else { return word }
        return first.lowercased() + word.dropFirst()
    }

    /// Case mapping can produce decomposed or (in theory) disallowed scalars: renormalize,
    /// filter again, and guard the first character.
    private static func finish(_ name: String, fallback: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in nfc(name).unicodeScalars
        where IdentifierCharacters.isContinuation(scalar) {
            scalars.append(scalar)
        }
        guard let head = scalars.first else { return fallback }
        if !IdentifierCharacters.isHead(head) {
            scalars.insert("_", at: scalars.startIndex)
        }
        return String(scalars)
    }
}
