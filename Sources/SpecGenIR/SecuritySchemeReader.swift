import SpecGenYAML

/// `securitySchemes` (3.x) and `securityDefinitions` (2.0) → `SecurityScheme`, the 3.x form.
enum SecuritySchemeReader {
    static func openAPI3(_ name: String, _ node: Node, _ state: inout ReaderState) -> SecurityScheme? {
        guard let node = state.dereference(node),
            let type = state.requiredString(node, "type", in: "security scheme '\(name)'")
        else { return nil }
        guard let kind = SecurityScheme.Kind(rawValue: type) else {
            state.error("security scheme '\(name)' has unknown type '\(type)'", at: node["type"]!.mark)
            return nil
        }
        state.warnUnusedAdditions(node, .securityScheme)
        var scheme = common(name, kind, node, &state)
        if state.bool(node, "deprecated") == true {
            scheme.deprecated = true
            state.warning(
                "security scheme '\(name)' is deprecated; operations that use it still get its credentials",
                at: node["deprecated"]!.mark)
        }
        scheme.scheme = state.string(node, "scheme")
        scheme.bearerFormat = state.string(node, "bearerFormat")
        scheme.openIdConnectURL = state.string(node, "openIdConnectUrl")
        if state.family == .openAPI32 { scheme.oauth2MetadataURL = state.string(node, "oauth2MetadataUrl") }
        scheme.flows = node["flows"].map(JSONValue.init)
        return scheme
    }

    static func swagger2(_ name: String, _ node: Node, _ state: inout ReaderState) -> SecurityScheme? {
        guard let type = state.requiredString(node, "type", in: "security definition '\(name)'") else { return nil }
        switch type {
        case "basic":
            var scheme = common(name, .http, node, &state)
            scheme.scheme = "basic"
            return scheme
        case "apiKey":
            return common(name, .apiKey, node, &state)
        case "oauth2":
            var scheme = common(name, .oauth2, node, &state)
            // 2.0 names one flow; 3.x keys flows by a different name for two of them.
            let flowNames = [
                "implicit": "implicit", "password": "password", "application": "clientCredentials",
                "accessCode": "authorizationCode",
            ]
            var flow: [String: JSONValue] = [:]
            for key in ["authorizationUrl", "tokenUrl"] {
                if let value = state.string(node, key) { flow[key] = .string(value) }
            }
            flow["scopes"] = node["scopes"].map(JSONValue.init) ?? .object([:])
            let written = state.string(node, "flow") ?? ""
            scheme.flows = .object([flowNames[written] ?? written: .object(flow)])
            return scheme
        default:
            state.error("security definition '\(name)' has unknown type '\(type)'", at: node["type"]!.mark)
            return nil
        }
    }

    private static func common(_ name: String, _ kind: SecurityScheme.Kind, _ node: Node, _ state: inout ReaderState)
        -> SecurityScheme
    {
        var scheme = SecurityScheme(name: name, kind: kind)
        scheme.description = state.string(node, "description")
        if kind == .apiKey {
            scheme.parameterName = state.requiredString(node, "name", in: "apiKey scheme '\(name)'")
            scheme.location = state.string(node, "in").flatMap(Parameter.Location.init(rawValue:))
        }
        scheme.extensions = node.extensions
        return scheme
    }
}
