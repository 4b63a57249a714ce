@testable import SpecGenEmit

/// Spec text chosen to break generated code: keywords, reserved names, digits, punctuation,
/// unicode, and text that tries to end a literal or a comment or to start code.
enum HostileInputs {
    /// Names that become identifiers. Distinct as Swift strings (they are also enum raw values).
    static let names: [String] = {
        var seen = Set<String>()
        var result: [String] = []
        for name in keywordLike + shapes where seen.insert(name).inserted {
            result.append(name)
        }
        return result
    }()

    /// Every word `Naming` escapes, plus contextual keywords it deliberately leaves alone
    /// (the compile check proves those work as plain names).
    static let keywordLike: [String] =
        Naming.swiftKeywords.sorted()
        + Naming.generatedMemberNames.sorted()
        + Naming.reservedTypeNames.sorted()
        + [
            // Spelled out too, so a word dropped from the lists above is still tested.
            "self", "Self", "init", "deinit", "subscript", "Type", "Protocol", "default", "case",
            "func", "in", "is", "as", "try", "throws", "rethrows", "return", "operator",
            "associatedtype", "inout", "some", "any", "none", "true", "nil", "description",
            "encode", "rawValue", "hash", "CodingKeys", "String", "Error",
            "get", "set", "willSet", "didSet", "left", "right", "required", "optional", "lazy",
            "weak", "unowned", "final", "dynamic", "mutating", "nonmutating", "indirect",
            "package", "actor", "macro", "convenience", "override", "prefix", "postfix", "infix",
            "precedence", "associativity", "then", "unsafe", "type", "value",
            "unknown", "print", "main",
        ]

    static let shapes: [String] = [
        // Digits.
        "2fa", "200", "404", "1.5", "0",
        // Punctuation, spaces and case variants that collide after naming.
        "foo-bar", "foo_bar", "foo.bar", "foo bar", "FOO_BAR", "fooBar", "FooBar", " foo ",
        "", " ", "+", "-", "_", "__", "$", "@", "a$b",
        // Text that tries to escape.
        "*/", "/*", "\"\"\"", "\\(exit(1))", "`", "`x`", "#if", "#if false", "\u{202E}", "\u{0}",
        "\\", "a\nb", "a\r\nb", "tab\there",
        // Unicode.
        "é", "e\u{301}", "café", "日本", "日本語Name", "🚀", "rocket🚀launch", "İstanbul", "ß",
        "\u{301}abc", "a\u{202E}b", "Ⅻ", "٣abc", "ǆ",
        // AWS-style.
        "ECRClient", "imageIds", "X-Amz-Target", "__type", "Message", "message", "nextToken",
        // All-caps enum values.
        "TAGGED", "UNTAGGED", "ANY", "IMAGE_NOT_FOUND", "URLs", "IDs",
    ]

    /// Strings that become string literals; each must evaluate to exactly itself.
    static let strings: [String] = [
        "plain", "", "*/", "/*", "\"\"\"", "\"", "\\(exit(1))", "\\", "\\\\", "\\u{41}", "`rm -rf /`",
        "a\nb", "a\r\nb", "\r", "\t", "#if false", "#\"raw\"#", "\u{202E}gnp.exe", "\u{2066}\u{2069}",
        "\u{0}", "a\u{0}b", "\u{7F}\u{1B}[31m", "\u{85}", "\u{2028}\u{2029}", "\u{A0}", "\u{200B}",
        "\u{FEFF}", "\u{E0041}\u{E007F}", "\u{115F}", "🚀", "👨‍👩‍👧", "❤️", "1️⃣", "e\u{301}",
        "\u{301}", "\"\u{301}", "日本語", "\u{10FFFF}", "\u{FFFF}", "\u{F8FF}", "'single'",
        "line1\nline2\n", "\"\"\"\nprint(\"pwned\")\n\"\"\"",
    ]

    /// Descriptions that try to end a comment or start code if a line break got through.
    static let docs: [String] = [
        "A plain description.",
        "*/ print(\"pwned\") /*",
        "end\nprint(\"pwned LF\")",
        "end\r\nprint(\"pwned CRLF\")",
        "end\rprint(\"pwned CR\")",
        "end\u{2028}print(\"pwned LS\")\u{2029}print(\"pwned PS\")",
        "end\u{85}print(\"pwned NEL\")\u{B}x\u{C}y",
        "#if false\n#error(\"boom\")\n#endif",
        "\"\"\"\n\\(exit(1))\n`code`",
        "bidi \u{202E}}\u{2066}evil\u{2069} and NUL \u{0} and ESC \u{1B}[2J",
        "Paragraph one.  \n\n\n\n  Indented paragraph two.\t\n\n",
        "\n\n",
        "   ",
    ]
}
