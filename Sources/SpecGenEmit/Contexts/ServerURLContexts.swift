import SpecGenIR

/// One server of the spec, as `Client.Servers` declares it (`Templates/Client.mustache`): a
/// function that returns its URL with each `{variable}` replaced by an argument, defaulted as the
/// spec says; a variable with an `enum` is a Swift enum of those values.
struct ServerURLContext: Encodable {
    /// `///` lines indented for a member of `Servers` (eight spaces): the URL, its description and
    /// the variables' descriptions.
    var doc: String
    /// `server1`, `server2`, …, or OpenAPI 3.2's `name` made a Swift name (`production`).
    var functionName: String
    /// The URL as written, as a Swift string literal.
    var urlLiteral: String
    /// True when the URL has variables: the function then replaces them in a `var`.
    var hasVariables: Bool
    var variables: [ServerVariableContext]
}

struct ServerVariableContext: Encodable {
    /// The parameter's name in Swift (`region`), and `{region}` as a Swift string literal.
    var swiftName: String
    var placeholderLiteral: String
    /// `String`, or the enum's name when the spec lists the values.
    var type: String
    /// The parameter's default as Swift (`"8080"`, `.eu`); nil when the spec gives none.
    var defaultValue: String?
    /// The enum `Servers` declares for the variable (`Server1Region`), with its cases.
    var enumType: ServerVariableEnumContext?
}

struct ServerVariableEnumContext: Encodable {
    var name: String
    var cases: [EnumCaseContext]
}

enum ServerURLContextBuilder {
    /// The servers of `document`, named uniquely in the enum that holds them (`Servers`).
    static func contexts(_ servers: [Server], enclosingTypeName: String = "Servers") -> [ServerURLContext] {
        var functions = NameScope(reserved: ["init"])
        var types = NameScope(reserved: [enclosingTypeName])
        return servers.enumerated().map { index, server in
            let functionName = functions.claim(Naming.memberName(server.name ?? "server\(index + 1)"))
            let variables = server.variables ?? []
            var parameters = NameScope(reserved: ["url"])  // the function's own local
            let contexts = variables.map { variable in
                let swiftName = parameters.claim(Naming.memberName(variable.name))
                var enumType: ServerVariableEnumContext?
                var defaultValue = variable.defaultValue.map(SwiftText.stringLiteral)
                if let values = variable.enumValues {
                    let enumeration = EnumContextBuilder.context(
                        EnumType(
                            rawType: .string, values: values.map(JSONValue.string), nullable: false, isConst: false))
                    let name = types.claim(Naming.typeName(functionName + "_" + variable.name))
                    enumType = ServerVariableEnumContext(name: name, cases: enumeration.cases)
                    defaultValue = variable.defaultValue.flatMap { given in
                        zip(values.uniqued(), enumeration.cases).first { $0.0 == given }.map { "." + $0.1.name }
                    }
                }
                return ServerVariableContext(
                    swiftName: swiftName,
                    placeholderLiteral: SwiftText.stringLiteral("{" + variable.name + "}"),
                    type: enumType?.name ?? "String", defaultValue: defaultValue, enumType: enumType)
            }
            var about = ["`" + server.url + "`", server.description].compactMap { $0 }.joined(separator: ": ")
            let described = zip(variables, contexts).filter { $0.0.description?.isEmpty == false }
            if !described.isEmpty {
                about +=
                    "\n\n- Parameters:\n"
                    + described.map { "  - \($0.1.swiftName): \($0.0.description!)" }.joined(separator: "\n")
            }
            return ServerURLContext(
                doc: SwiftText.docComment(about, indent: "        "), functionName: functionName,
                urlLiteral: SwiftText.stringLiteral(server.url), hasVariables: !contexts.isEmpty,
                variables: contexts)
        }
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each once (as `EnumContextBuilder` makes one case per distinct value).
    fileprivate func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
