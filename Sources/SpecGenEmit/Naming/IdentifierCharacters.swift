/// Which Unicode scalars may appear in a generated Swift identifier.
///
/// Two filters apply, and a scalar must pass both:
/// 1. The compiler's own rule (the C11 Annex D ranges the Swift lexer uses; The Swift
///    Programming Language, "Identifiers"), so the name always lexes as one identifier.
/// 2. Our policy: only letters, letter numbers, decimal digits and combining marks. The lexer
///    also accepts things nobody wants in a name — bidi overrides (U+202A–202E), zero-width
///    joiners, U+2060–206F invisibles, emoji — which would make names that read differently
///    from what they are. Those become word separators instead.
enum IdentifierCharacters {
    /// True when `scalar` may appear anywhere in a generated identifier but the first position.
    static func isContinuation(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return isASCIIAlphanumeric(scalar)
        }
        return isAllowedCategory(scalar) && lexerAllowsContinuation(value)
    }

    /// True when `scalar` may start a generated identifier. Digits and combining marks may not;
    /// the naming rules put an underscore in front instead.
    static func isHead(_ scalar: Unicode.Scalar) -> Bool {
        guard isContinuation(scalar) else { return false }
        if isDigitOrMark(scalar) { return false }
        return !lexerForbidsStart(scalar.value)
    }

    static func isDigitOrMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .decimalNumber, .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9": return true
        default: return false
        }
    }

    private static func isAllowedCategory(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .letterNumber, .decimalNumber, .nonspacingMark, .spacingMark:
            return true
        default:
            return false
        }
    }

    /// The ranges the Swift lexer accepts in an identifier (outside ASCII).
    private static let continuationRanges: [ClosedRange<UInt32>] = [
        0xA8...0xA8, 0xAA...0xAA, 0xAD...0xAD, 0xAF...0xAF, 0xB2...0xB5, 0xB7...0xBA,
        0xBC...0xBE, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0xFF,
        0x100...0x167F, 0x1681...0x180D, 0x180F...0x1FFF,
        0x200B...0x200D, 0x202A...0x202E, 0x203F...0x2040, 0x2054...0x2054, 0x2060...0x206F,
        0x2070...0x218F, 0x2460...0x24FF, 0x2776...0x2793, 0x2C00...0x2DFF, 0x2E80...0x2FFF,
        0x3004...0x3007, 0x3021...0x302F, 0x3031...0x303F, 0x3040...0xD7FF,
        0xF900...0xFD3D, 0xFD40...0xFDCF, 0xFDF0...0xFE44, 0xFE47...0xFFFD,
        0x10000...0x1FFFD, 0x20000...0x2FFFD, 0x30000...0x3FFFD, 0x40000...0x4FFFD,
        0x50000...0x5FFFD, 0x60000...0x6FFFD, 0x70000...0x7FFFD, 0x80000...0x8FFFD,
        0x90000...0x9FFFD, 0xA0000...0xAFFFD, 0xB0000...0xBFFFD, 0xC0000...0xCFFFD,
        0xD0000...0xDFFFD, 0xE0000...0xEFFFD,
    ]

    /// Combining ranges the lexer refuses at the start of an identifier.
    private static let notAtStartRanges: [ClosedRange<UInt32>] = [
        0x300...0x36F, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F,
    ]

    private static func lexerAllowsContinuation(_ value: UInt32) -> Bool {
        continuationRanges.contains { $0.contains(value) }
    }

    private static func lexerForbidsStart(_ value: UInt32) -> Bool {
        notAtStartRanges.contains { $0.contains(value) }
    }
}
