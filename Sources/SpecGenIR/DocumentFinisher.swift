import SpecGenYAML

/// The steps after a reader, the same for every version: route and id clashes, the protocol
/// profile, dropping inline types nothing uses (the route constants' enums), stable order.
enum DocumentFinisher {
    static func finish(_ document: inout APIDocument, _ state: inout ReaderState, protocolOverride: APIProtocol?) {
        reportClashes(document.operations, &state)
        document.protocol = protocolOverride ?? ProtocolDetector.detect(document, &state)
        OperationParts.assumeContentForAWS(&document, &state)
        let reachable = reachableTypes(document, state.types)
        document.types = state.types.values.filter { reachable.contains($0.id) }.sorted { $0.id < $1.id }
        document.securitySchemes.sort { $0.name < $1.name }
        reportSecuritySchemes(document, &state)
        reportUnfillableProblems(&state)
    }

    /// A generated server writes the errors it makes itself (a malformed request's 400, 401, 404,
    /// 406, 415, …) in an operation's declared `application/problem+json` response. A schema that
    /// requires more than problem details' own members cannot be filled: those errors keep the
    /// server's shape, said once per schema where it is first declared.
    static func reportUnfillableProblems(_ state: inout ReaderState) {
        var reported: Set<String> = []
        for (type, status, mark) in state.problemResponses {
            guard case .named(let id) = type.nonOptional, case .object(let object)? = state.types[id]?.kind else {
                continue
            }
            let extra = object.properties.filter(\.required).map(\.name)
                .filter { !MediaContent.problemDetailsMembers.contains($0) }
            guard !extra.isEmpty, reported.insert(id).inserted else { continue }
            let names = extra.map { "'\($0)'" }.joined(separator: ", ")
            state.warning(
                "the \(status) response's problem details schema requires \(names), which the server's own errors "
                    + "(a malformed request, a missing credential, an unknown path, …) cannot fill: they are written "
                    + "as application/json {\"error\": …} instead", at: mark)
        }
    }

    /// Two operations with the same id cannot both be generated: an error. Two with the same wire
    /// route (Box's `POST /oauth2/token` and `/oauth2/token#refresh`) can: a client calls either,
    /// but a server cannot tell which one a request is for, so the route table serves the first
    /// in document order (`RouteTable.dispatch` takes the first match) and a warning says so.
    static func reportClashes(_ operations: [Operation], _ state: inout ReaderState) {
        var byRoute: [String: Int] = [:]
        var byID: [String: Int] = [:]
        for (index, operation) in operations.enumerated() {
            let mark =
                state.operationMarks.indices.contains(index)
                ? state.operationMarks[index] : Mark(file: state.rootFile, line: 1, column: 1)
            if let first = byRoute[operation.route.routingKey] {
                state.warning(
                    "operations '\(operations[first].id)' and '\(operation.id)' have the same wire route (\(operation.route.summary)) and nothing constant tells them apart; clients get both, the server routes every such request to '\(operations[first].id)' (the first in the document) and never calls '\(operation.id)'",
                    at: mark)
            } else {
                byRoute[operation.route.routingKey] = index
            }
            if let first = byID.updateValue(index, forKey: operation.id) {
                state.error(
                    "operation id '\(operation.id)' is used twice (\(operations[first].method.wireName) \(operations[first].specPath) and \(operation.method.wireName) \(operation.specPath))",
                    at: mark)
            }
        }
    }

    /// Schemes nothing requires, and required schemes the generated code cannot apply (one warning each,
    /// where the scheme is declared; an unused one gets only the first).
    static func reportSecuritySchemes(_ document: APIDocument, _ state: inout ReaderState) {
        let requirements = (document.security ?? []) + document.operations.flatMap { $0.security ?? [] }
        let used = Set(requirements.flatMap(\.keys))
        for scheme in document.securitySchemes {
            let mark = state.securitySchemeMarks[scheme.name] ?? Mark(file: state.rootFile, line: 1, column: 1)
            guard used.contains(scheme.name) else {
                state.warning(
                    "security scheme '\(scheme.name)' is not required by the document or any operation", at: mark)
                continue
            }
            if let problem = unappliedReason(scheme) { state.warning(problem, at: mark) }
        }
        // A requirement must name a declared scheme; generated routes cannot check one that is not.
        let declared = Set(document.securitySchemes.map(\.name))
        for (name, mark) in state.securityRequirementMarks where !declared.contains(name) {
            state.warning(
                "security requirement names '\(name)', which no security scheme declares; generated routes do not check it",
                at: mark)
        }
    }

    /// Why generated code cannot apply a required scheme, or nil when it can (or SpecGenAWS does).
    private static func unappliedReason(_ scheme: SecurityScheme) -> String? {
        let name = scheme.name
        switch scheme.kind {
        case .mutualTLS:
            return
                "security scheme '\(name)' is mutualTLS, which generated code cannot see (it happens in the TLS layer): routes do not check it; the server's transport must require and verify client certificates, and the client's must present one"
        case .http where scheme.scheme == nil:
            return "http security scheme '\(name)' has no 'scheme'; generated code does not apply it"
        case .http where scheme.httpSchemeToken == nil:
            return
                "http security scheme '\(name)' has scheme '\(scheme.scheme ?? "")', which is not an HTTP token (RFC 9110) and cannot be sent in Authorization; generated code does not apply it"
        case .apiKey where scheme.parameterName == nil:
            return nil  // a missing 'name' is an error already
        case .apiKey where scheme.parameterName?.isEmpty == true:
            return "apiKey security scheme '\(name)' has an empty 'name'; generated code does not apply it"
        case .apiKey where ![.header, .query, .cookie].contains(scheme.location):
            return
                "apiKey security scheme '\(name)' is not in a header, the query or a cookie; generated code does not apply it"
        case .apiKey where scheme.location == .header && !SecurityScheme.isHTTPToken(scheme.parameterName ?? ""):
            return
                "apiKey security scheme '\(name)' names header '\(scheme.parameterName ?? "")', which is not a valid header name (an HTTP token): no request can carry it, so a requirement naming it is never met (401)"
        default:
            return nil
        }
    }

    /// Component types, and every type an operation or a reachable type uses.
    static func reachableTypes(_ document: APIDocument, _ types: [String: TypeDecl]) -> Set<String> {
        var pending: [TypeRef] = types.values.filter { $0.source != nil }.map { .named($0.id) }
        for operation in document.allOperations {
            pending += operation.parameters.map(\.type)
            pending += operation.requestBody?.content.map(\.type) ?? []
            for response in operation.responses {
                pending += response.content.map(\.type) + (response.headers ?? []).map(\.type)
            }
        }
        var reached: Set<String> = []
        while let type = pending.popLast() {
            switch type {
            case .named(let id):
                guard reached.insert(id).inserted, let decl = types[id] else { continue }
                if let parent = decl.parent { pending.append(.named(parent)) }
                switch decl.kind {
                case .object(let object):
                    pending += object.properties.map(\.type) + (object.composedOf ?? []).map(TypeRef.named)
                    if case .typed(let value) = object.additionalProperties { pending.append(value) }
                case .union(let union): pending += union.variants
                case .alias(let target): pending.append(target)
                case .enumeration: break
                }
            case .array(let element), .dictionary(let element), .optional(let element):
                pending.append(element)
            case .primitive, .untypedJSON:
                break
            }
        }
        return reached
    }
}
