import Foundation
import Testing

@testable import SpecGenEmit

@Suite struct NamingTests {
    static let typeNames: [(String, String)] = [
        // Punctuation, spaces, separators.
        ("image-scan_config", "ImageScanConfig"), ("my name", "MyName"), ("foo.bar", "FooBar"),
        (" foo ", "Foo"), ("a$b", "AB"), ("tab\there", "TabHere"), ("a\nb", "AB"),
        // Leading digits.
        ("2fa", "_2fa"), ("200", "_200"), ("1.5", "_15"), ("v2", "V2"), ("ec2Instance", "Ec2Instance"),
        // Nothing usable: spelled with Unicode names.
        ("", "_Empty"), (" ", "_Space"), ("+", "_PlusSign"), ("-", "_HyphenMinus"),
        ("_", "_LowLine"), ("*/", "_AsteriskSolidus"), ("\u{0}", "_U0"), ("🚀", "_Rocket"),
        // Keywords and reserved names.
        ("self", "Self_"), ("Self", "Self_"), ("Type", "Type_"), ("type", "Type_"),
        ("Protocol", "Protocol_"), ("Any", "Any_"), ("String", "String_"), ("Error", "Error_"),
        ("JSONValue", "JSONValue_"), ("HTTPBody", "HTTPBody_"), ("CodingKeys", "CodingKeys_"),
        ("foundation", "Foundation_"), ("default", "Default"), ("init", "Init"), ("some", "Some"),
        // Unicode.
        ("café", "Café"), ("cafe\u{301}", "Café"), ("日本", "日本"), ("日本語Name", "日本語Name"),
        ("rocket🚀launch", "RocketLaunch"), ("a\u{202E}b", "AB"), ("\u{301}abc", "Abc"), ("٣abc", "_٣abc"),
        // AWS-style.
        ("ECRClient", "ECRClient"), ("imageIds", "ImageIds"), ("X-Amz-Target", "XAmzTarget"),
        ("__type", "Type_"), ("HTTP_Method", "HTTPMethod"), ("imageIDs", "ImageIDs"),
        // All caps.
        ("TAGGED", "TAGGED"), ("IMAGE_NOT_FOUND", "ImageNotFound"), ("FOO_BAR", "FooBar"),
    ]

    static let memberNames: [(String, String)] = [
        ("X-Amz-Target", "xAmzTarget"), ("repositoryName", "repositoryName"), ("TAGGED", "tagged"),
        ("IMAGE_NOT_FOUND", "imageNotFound"), ("200", "_200"), ("2fa", "_2fa"),
        ("ECRClient", "ecrClient"), ("imageIds", "imageIds"), ("__type", "type"), ("URLs", "urls"),
        ("IDs", "ids"), ("Message", "message"), ("foo-bar", "fooBar"), ("foo bar", "fooBar"),
        ("", "_empty"), ("+", "_plusSign"), ("-", "_hyphenMinus"), ("🚀", "_rocket"),
        ("é", "é"), ("日本", "日本"), ("İstanbul", "i\u{307}stanbul"), ("Ⅻ", "ⅻ"),
        // Keywords: one trailing underscore, whatever the position.
        ("self", "self_"), ("Self", "self_"), ("Type", "type"), ("Protocol", "protocol_"),
        ("init", "init_"), ("deinit", "deinit_"), ("subscript", "subscript_"), ("default", "default_"),
        ("case", "case_"), ("func", "func_"), ("in", "in_"), ("is", "is_"), ("as", "as_"),
        ("try", "try_"), ("throws", "throws_"), ("rethrows", "rethrows_"), ("return", "return_"),
        ("operator", "operator_"), ("associatedtype", "associatedtype_"), ("inout", "inout_"),
        ("some", "some_"), ("any", "any_"), ("ANY", "any_"), ("none", "none_"), ("true", "true_"),
        ("nil", "nil_"), ("await", "await_"),
        // Contextual keywords that work as plain names stay plain.
        ("get", "get"), ("set", "set"), ("required", "required"), ("optional", "optional"),
        // Names generated code declares itself.
        ("encode", "encode_"), ("rawValue", "rawValue_"), ("hash", "hash_"), ("hashValue", "hashValue_"),
        ("description", "description_"), ("Description", "description_"), ("allCases", "allCases_"),
        ("CodingKeys", "codingKeys"),
    ]

    @Test(arguments: typeNames) func typeName(raw: String, expected: String) {
        #expect(Naming.typeName(raw) == expected, "\(raw.debugDescription)")
    }

    @Test(arguments: memberNames) func memberName(raw: String, expected: String) {
        #expect(Naming.memberName(raw) == expected, "\(raw.debugDescription)")
    }

    /// Whatever the input, both styles give a valid identifier: first character a head
    /// character or `_`, the rest identifier characters, not `_` alone, not a keyword.
    @Test func everyHostileNameIsAnIdentifier() {
        for raw in HostileInputs.names + HostileInputs.strings {
            for name in [Naming.typeName(raw), Naming.memberName(raw)] {
                let scalars = Array(name.unicodeScalars)
                #expect(name != "_" && !scalars.isEmpty, "\(raw.debugDescription)")
                guard let head = scalars.first else { continue }
                #expect(head == "_" || IdentifierCharacters.isHead(head), "\(raw.debugDescription) → \(name)")
                #expect(
                    scalars.dropFirst().allSatisfy { $0 == "_" || IdentifierCharacters.isContinuation($0) },
                    "\(raw.debugDescription) → \(name)")
                #expect(!Naming.swiftKeywords.contains(name), "\(raw.debugDescription) → \(name)")
                #expect(name == name.precomposedForTest, "not NFC: \(raw.debugDescription)")
            }
            #expect(!Naming.reservedTypeNames.contains(Naming.typeName(raw)))
            #expect(!Naming.generatedMemberNames.contains(Naming.memberName(raw)))
        }
    }

    @Test func identifierCharacterPolicy() {
        #expect(IdentifierCharacters.isHead("é"))
        #expect(!IdentifierCharacters.isHead("7"))
        #expect(IdentifierCharacters.isContinuation("7"))
        #expect(!IdentifierCharacters.isHead("\u{301}"))
        #expect(IdentifierCharacters.isContinuation("\u{301}"))
        // The lexer accepts these; we refuse them so names read as they compile.
        for scalar: Unicode.Scalar in ["\u{202E}", "\u{200D}", "\u{2066}", "🚀", "_", "$"] {
            #expect(!IdentifierCharacters.isContinuation(scalar), "\(scalar.value)")
        }
    }

    // MARK: - NameScope

    @Test func collisionsAfterNamingGetNumberedInRequestOrder() {
        var scope = NameScope()
        let names = ["foo-bar", "foo_bar", "FOO_BAR", "fooBar", "foo bar"].map { scope.claimMember($0) }
        #expect(names == ["fooBar", "fooBar2", "fooBar3", "fooBar4", "fooBar5"])
        var types = NameScope()
        #expect(["Foo", "foo", "FOO", "_foo"].map { types.claimType($0) } == ["Foo", "Foo2", "FOO", "Foo3"])
    }

    @Test func caseVariantsThatStayDistinctAreBothKept() {
        var scope = NameScope()
        #expect(scope.claim("imageId") == "imageId")
        #expect(scope.claim("imageID") == "imageID")
    }

    @Test func reservedNamesAreNeverHandedOut() {
        var scope = NameScope(reserved: ["unknown", "unknown2", "Client"])
        #expect(scope.claimMember("unknown") == "unknown3")
        #expect(scope.claimMember("UNKNOWN") == "unknown4")
        #expect(scope.claimType("client") == "Client2")
    }

    @Test func aTakenSuffixedNameIsSkipped() {
        var scope = NameScope()
        #expect(scope.claim("a2") == "a2")
        #expect(scope.claim("a") == "a")
        #expect(scope.claim("a") == "a3")
        #expect(scope.claim("a2") == "a22")
    }

    @Test func escapedKeywordsCollideWithTheirUnderscoredSpelling() {
        var scope = NameScope()
        #expect(scope.claimMember("default") == "default_")
        #expect(scope.claimMember("default_") == "default_2")
    }

    @Test func sameSequenceGivesSameNames() {
        func run() -> [String] {
            var scope = NameScope(reserved: ["value"])
            return HostileInputs.names.map { scope.claimMember($0) }
        }
        let first = run()
        #expect(first == run())
        #expect(Set(first).count == first.count, "names are unique")
        #expect(!first.contains("value"))
    }
}

extension String {
    var precomposedForTest: String { precomposedStringWithCanonicalMapping }
}
