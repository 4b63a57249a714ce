/// Which characters of spec text may not appear raw in generated source, because they end a
/// line, are invisible, or make the source read differently from how it compiles (bidi
/// overrides and isolates, the "Trojan Source" trick). Shared by string literals and comments
/// so both apply the same judgment.
enum InvisibleCharacters {
    /// Characters an editor or the compiler may show as a line break. Only `\n` and `\r` end a
    /// `//` comment for the compiler, but the others (VT, FF, NEL, U+2028/2029) break lines in
    /// editors and diff tools, which is where a reader would be fooled.
    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// Whether `scalars[index]` must not appear raw in source text.
    ///
    /// Escaped: all controls, all format characters (bidi controls U+202A–202E, U+2066–2069,
    /// U+200E/200F, U+061C, zero-width characters, tag characters), other default-ignorable
    /// code points (Hangul fillers, variation selectors), line and paragraph separators, every
    /// space but U+0020, private-use characters and noncharacters (U+FFFF, …), and a combining mark with no visible base
    /// before it (`previousRaw` is the scalar last written raw, nil at the start or after an
    /// escape). Kept: a zero-width joiner between two emoji and a variation selector after an
    /// emoji, so emoji sequences stay readable. Unassigned code points are kept, so the output
    /// does not depend on the Unicode version of the toolchain.
    static func mustEscape(_ scalars: [Unicode.Scalar], at index: Int, previousRaw: Unicode.Scalar?) -> Bool {
        let scalar = scalars[index]
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return false }
        if value < 0x20 || value == 0x7F { return true }
        let properties = scalar.properties
        if properties.isNoncharacterCodePoint { return true }
        if properties.isDefaultIgnorableCodePoint || properties.generalCategory == .format {
            return !isPartOfEmojiSequence(scalars, at: index, previousRaw: previousRaw)
        }
        switch properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator, .spaceSeparator, .privateUse, .surrogate:
            return true
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return previousRaw == nil || previousRaw == " "
        default:
            return false
        }
    }

    private static func isPartOfEmojiSequence(_ scalars: [Unicode.Scalar], at index: Int, previousRaw: Unicode.Scalar?)
        -> Bool
    {
        guard let previous = previousRaw, isPictographic(previous) else { return false }
        let scalar = scalars[index]
        if (0xFE00...0xFE0F).contains(scalar.value) { return true }
        if scalar.value == 0x200D, index + 1 < scalars.count {
            return isPictographic(scalars[index + 1])
        }
        return false
    }

    /// Emoji outside Latin-1 (`isEmoji` is also true for digits, `#` and `*`, which must not
    /// carry invisible joiners).
    private static func isPictographic(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value > 0xFF && scalar.properties.isEmoji
    }

    /// `\u{202E}`: how an escaped scalar is written, in literals (where the compiler reads it)
    /// and nowhere else.
    static func unicodeEscape(_ scalar: Unicode.Scalar) -> String {
        "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }
}
