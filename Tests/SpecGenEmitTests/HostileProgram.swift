@testable import SpecGenEmit

/// The Swift program the compile check builds: every hostile name declared as a top-level
/// type, a nested type, a stored property and coding key, an enum case with its raw value, a
/// method with a parameter; every declaration under a doc comment of hostile text; then every
/// hostile string printed through its literal. All names go through `NameScope`, as the
/// emitters do, since many hostile names collide after `Naming`.
struct HostileProgram {
    let source: String
    let expectedOutput: String

    init() {
        let names = HostileInputs.names
        // Hostile descriptions in turn, round and round, one per declaration.
        var docCount = 0
        func doc(_ indent: String) -> String {
            defer { docCount += 1 }
            return SwiftText.docComment(HostileInputs.docs[docCount % HostileInputs.docs.count], indent: indent)
        }
        var topLevel = NameScope(reserved: ["Model", "Cases", "Functions", "Namespace"])
        var nested = NameScope()
        var properties = NameScope()
        var cases = NameScope()
        var functions = NameScope()
        let typeNames = names.map { topLevel.claimType($0) }
        let nestedNames = names.map { nested.claimType($0) }
        let propertyNames = names.map { properties.claimMember($0) }
        let caseNames = names.map { cases.claimMember($0) }
        let functionNames = names.map { functions.claimMember($0) }
        let keys = names.map(SwiftText.stringLiteral)

        var s = "import Foundation\n\n"
        for name in typeNames {
            // Only `Sendable`: 200+ synthesized Codable/Hashable conformances would triple the
            // compile time and prove nothing more about the name (`Model` covers Codable).
            s += doc("") + "struct \(name): Sendable {\n"
            s += doc("    ") + "    var value: Int\n}\n\n"
        }
        s += "enum Namespace {\n"
        for (name, member) in zip(nestedNames, propertyNames) {
            s += doc("    ") + "    struct \(name) { var \(member): Int }\n"
        }
        s += "}\n\nstruct Model: Codable, Hashable, Sendable, CustomStringConvertible {\n"
        for name in propertyNames {
            s += doc("    ") + "    var \(name): Int?\n"
        }
        s += "    var description: String { \"Model\" }\n"
        s += "    enum CodingKeys: String, CodingKey {\n"
        for (name, key) in zip(propertyNames, keys) {
            s += "        case \(name) = \(key)\n"
        }
        s += "    }\n}\n\nenum Cases: String, Codable, CaseIterable, Sendable {\n"
        for (name, key) in zip(caseNames, keys) {
            s += doc("    ") + "    case \(name) = \(key)\n"
        }
        s += "}\n\nstruct Functions {\n"
        for name in functionNames {
            s += doc("    ") + "    func \(name)(\(name): Int) -> Int { \(name) }\n"
        }
        s += "}\n\n"

        var expected = ""
        for text in HostileInputs.strings {
            s += doc("") + "print(\(SwiftText.stringLiteral(text))) \(SwiftText.lineComment(text))\n"
            expected += text + "\n"
        }

        // Use every declaration, each in the position generated code would use it.
        s += "\nvar model = Model()\n"
        for (index, name) in propertyNames.enumerated() { s += "model.\(name) = \(index)\n" }
        s += "let data = try! JSONEncoder().encode(model)\n"
        s += "print(\"roundtrip\", try! JSONDecoder().decode(Model.self, from: data) == model)\n"
        s += "let object = try! JSONSerialization.jsonObject(with: data) as! [String: Int]\n"
        // Explicit types: a long untyped literal next to `==` costs the type checker seconds.
        s +=
            "let expectedKeys: [String: Int] = [\(zip(keys, names.indices).map { "\($0): \($1)" }.joined(separator: ", "))]\n"
        s += "print(\"keys\", object == expectedKeys)\n"
        s += "var total = 0\nlet functions = Functions()\n"
        for name in functionNames { s += "total += functions.\(name)(\(name): 1)\n" }
        s += "print(\"functions\", total)\n"
        s += "func index(of value: Cases) -> Int {\n    switch value {\n"
        for (index, name) in caseNames.enumerated() { s += "    case .\(name): \(index)\n" }
        s += "    }\n}\n"
        // Cases in an Optional context, as optional enum properties use them: `.none` or
        // `.some` here would silently mean Optional's (a warning, so an error).
        s += "let optionals: [Cases?] = [\(caseNames.map { "." + $0 }.joined(separator: ", "))]\n"
        s += "print(\"optionals\", optionals.compactMap { $0 } == Cases.allCases)\n"
        s += "let expectedRawValues: [String] = [\(keys.joined(separator: ", "))]\n"
        s +=
            "print(\"cases\", Cases.allCases.map(index(of:)) == Array(0..<\(names.count)), Cases.allCases.map(\\.rawValue) == expectedRawValues)\n"
        for name in typeNames { s += "_ = \(name)(value: 1).value\n" }
        for (name, member) in zip(nestedNames, propertyNames) {
            s += "_ = Namespace.\(name)(\(member): 1).\(member)\n"
        }
        expected += "roundtrip true\nkeys true\nfunctions \(names.count)\noptionals true\ncases true true\n"
        source = s
        expectedOutput = expected
    }
}
