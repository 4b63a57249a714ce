import SpecGenYAML

/// Splits an operation's parameters into the route's constants and the inputs the user passes.
///
/// A required header or query parameter whose type is a one-value string enum (or a `const`) is a
/// constant of the route: the client always sends it and the server routes by it (the ECR spec's
/// `X-Amz-Target`). Query items written into the path key (`/?Action=ListImages`) are constants
/// too; a fragment (`/#DescribeRepositories`) never goes on the wire.
enum WireRouteBuilder {
    static func route(method: HTTPMethod, pathKey: String, parameters: [Parameter], _ state: ReaderState) -> (
        WireRoute, [Parameter]
    ) {
        let key = PathKey(pathKey)
        var headers: [RouteConstant] = []
        var query = key.query
        var inputs: [Parameter] = []
        for parameter in parameters {
            guard parameter.required, parameter.location == .header || parameter.location == .query,
                let value = constantValue(parameter.type, state)
            else {
                inputs.append(parameter)
                continue
            }
            if parameter.location == .header {
                headers.append(RouteConstant(name: parameter.name, value: value))
            } else {
                query.append(RouteConstant(name: parameter.name, value: value))
            }
        }
        return (WireRoute(method: method, path: key.path, constantHeaders: headers, constantQuery: query), inputs)
    }

    /// The one value of a one-value string enum.
    static func constantValue(_ type: TypeRef, _ state: ReaderState) -> String? {
        guard case .named(let id) = type, case .enumeration(let enumeration)? = state.types[id]?.kind,
            enumeration.values.count == 1, !enumeration.nullable, case .string(let value) = enumeration.values[0]
        else { return nil }
        return value
    }
}
