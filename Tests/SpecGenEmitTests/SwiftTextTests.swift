import Testing

@testable import SpecGenEmit

@Suite struct SwiftTextTests {
    static let literals: [(String, String)] = [
        ("plain", #""plain""#), ("", #""""#), ("\"", #""\"""#), ("\\", #""\\""#),
        ("\\(exit(1))", #""\\(exit(1))""#), ("\"\"\"", #""\"\"\"""#), ("*/", #""*/""#),
        ("#if", ##""#if""##), ("`x`", #""`x`""#), ("a\nb", #""a\nb""#), ("a\r\nb", #""a\r\nb""#),
        ("\t", #""\t""#), ("\u{0}", #""\u{0}""#), ("\u{7F}", #""\u{7F}""#), ("\u{1B}", #""\u{1B}""#),
        ("\u{85}", #""\u{85}""#), ("\u{2028}\u{2029}", #""\u{2028}\u{2029}""#),
        ("\u{202E}abc", #""\u{202E}abc""#), ("\u{2066}x\u{2069}", #""\u{2066}x\u{2069}""#),
        ("\u{200B}", #""\u{200B}""#), ("\u{FEFF}", #""\u{FEFF}""#), ("\u{A0}", #""\u{A0}""#),
        ("\u{E0041}", #""\u{E0041}""#), ("\u{115F}", #""\u{115F}""#), ("\u{F8FF}", #""\u{F8FF}""#),
        ("\u{FFFF}", #""\u{FFFF}""#), ("\u{10FFFF}", #""\u{10FFFF}""#),
        // Combining marks stay on a visible base, and are escaped without one.
        ("e\u{301}", "\"e\u{301}\""), ("\u{301}", #""\u{301}""#), ("\"\u{301}", #""\"\u{301}""#),
        // Emoji sequences keep their joiners and variation selectors.
        ("🚀", "\"🚀\""), ("👨‍👩‍👧", "\"👨‍👩‍👧\""), ("❤️", "\"❤️\""), ("日本語", "\"日本語\""),
        // A joiner or selector not inside an emoji sequence is escaped.
        ("1\u{FE0F}", #""1\u{FE0F}""#), ("a\u{200D}b", #""a\u{200D}b""#), ("🚀\u{200D}", #""🚀\u{200D}""#),
    ]

    @Test(arguments: literals) func stringLiteral(text: String, expected: String) {
        #expect(SwiftText.stringLiteral(text) == expected, "\(text.debugDescription)")
    }

    /// Whatever the input, the literal is one line of visible text with no unescaped quote.
    @Test func literalsStayOneVisibleLine() {
        for text in HostileInputs.strings + HostileInputs.names + HostileInputs.docs {
            let literal = SwiftText.stringLiteral(text)
            let scalars = Array(literal.unicodeScalars)
            #expect(scalars.first == "\"" && scalars.last == "\"")
            #expect(!scalars.contains { InvisibleCharacters.isLineBreak($0) }, "\(text.debugDescription)")
            #expect(!scalars.contains { $0.properties.generalCategory == .format && $0 != "\u{200D}" })
            // Every quote inside is preceded by an odd number of backslashes.
            var backslashes = 0
            for scalar in scalars.dropFirst().dropLast() {
                if scalar == "\"" { #expect(backslashes % 2 == 1, "\(text.debugDescription)") }
                backslashes = scalar == "\\" ? backslashes + 1 : 0
            }
            #expect(backslashes % 2 == 0, "the closing quote is escaped: \(text.debugDescription)")
        }
    }

    // MARK: - Comments

    @Test func docCommentNilOrBlankIsEmpty() {
        #expect(SwiftText.docComment(nil, indent: "    ") == "")
        #expect(SwiftText.docComment("", indent: "") == "")
        #expect(SwiftText.docComment(" \n\t\r\n\u{2028} \u{202E}", indent: "  ") == "")
    }

    @Test func docCommentLinesParagraphsAndIndent() {
        let text = "\n\nFirst line.  \nSecond */ line.\r\n\n\n\n  Indented\tcode\r#if false\u{2028}end\u{85}x\n\n"
        #expect(
            SwiftText.docComment(text, indent: "    ") == """
                    /// First line.
                    /// Second */ line.
                    ///
                    ///   Indented    code
                    /// #if false
                    /// end
                    /// x

                """)
    }

    @Test func docCommentRemovesInvisibleAndControlCharacters() {
        #expect(SwiftText.docComment("a\u{202E}b\u{0}c\u{1B}d\u{200B}e\u{A0}f", indent: "") == "/// abcde f\n")
        #expect(
            SwiftText.docComment("`code` \"\"\" \\(x) 🚀 e\u{301}", indent: "") == "/// `code` \"\"\" \\(x) 🚀 e\u{301}\n"
        )
    }

    @Test func everyDocLineIsACommentLine() {
        for text in HostileInputs.docs + HostileInputs.strings + HostileInputs.names {
            let doc = SwiftText.docComment(text, indent: "  ")
            guard !doc.isEmpty else { continue }
            #expect(doc.hasSuffix("\n"))
            for line in doc.dropLast().split(separator: "\n", omittingEmptySubsequences: false) {
                #expect(line == "  ///" || line.hasPrefix("  /// "), "\(text.debugDescription)")
                #expect(!line.unicodeScalars.contains { InvisibleCharacters.isLineBreak($0) })
                #expect(line.last != " ")
            }
        }
    }

    @Test func lineCommentIsOneLine() {
        #expect(SwiftText.lineComment("a\nb\r\nc  \u{2028}d") == "// a b c d")
        #expect(SwiftText.lineComment("") == "")
        #expect(SwiftText.lineComment(" \n ") == "")
        #expect(SwiftText.lineComment("*/ \u{202E}x") == "// */ x")
        for text in HostileInputs.docs + HostileInputs.strings {
            let comment = SwiftText.lineComment(text)
            #expect(!comment.unicodeScalars.contains { InvisibleCharacters.isLineBreak($0) })
        }
    }
}
