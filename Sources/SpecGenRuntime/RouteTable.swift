import Foundation
import HTTPTypes
import OpenAPIRuntime

/// One operation of the generated routing table: the wire route and the code that runs it.
public struct ServerRoute: Sendable {
    /// The operation's ID, which server middlewares receive.
    public var operationID: String
    /// The HTTP method the route answers.
    public var method: HTTPRequest.Method
    /// The path template the transport matches (`/repos/{name}`).
    public var path: String
    /// Headers and query items with fixed values that tell this operation apart (`X-Amz-Target`, `Action`).
    public var constantHeaders: [(name: String, value: String)]
    /// Query items with fixed values that tell this operation apart (`Action=…`).
    public var constantQuery: [(name: String, value: String)]
    /// Reads the input, calls the handler, and encodes its output.
    public var handle: @Sendable (ServerRequest) async throws -> ServerResponse
    /// The handler reads the request body as it arrives (`ServerRequest.bodyStream`: binary uploads,
    /// event streams, multipart) instead of receiving it collected.
    public var streamsRequestBody = false
    /// The media types the operation's successes are written in; a request whose `Accept` takes
    /// none of them is answered 406 before the handler runs. Empty: `Accept` is not checked.
    public var produces: [String] = []
    /// The statuses (`"400"`, `"4XX"`, `"default"`) whose declared error is problem details, with
    /// its media type: the errors the server makes itself (a malformed parameter, a missing
    /// credential, 406, 413, 500) are written so for this operation, else as `ServerResponse.error`.
    public var problemMediaTypes: [String: String] = [:]
    /// The error name an AWS API answers a request that breaks the spec's constraints with:
    /// `ValidationException` unless the operation declares another (ECR: `InvalidParameterException`).
    public var invalidInputError = "ValidationException"

    /// A route for one operation; `headers` and `query` are its constants; `produces` the media
    /// types of its successes; `streamsRequestBody` hands the handler the body as it arrives.
    public init(
        _ operationID: String, _ method: HTTPRequest.Method, _ path: String,
        headers: [(name: String, value: String)] = [], query: [(name: String, value: String)] = [],
        produces: [String] = [], problems: [String: String] = [:], invalidInputError: String? = nil,
        streamsRequestBody: Bool = false, handle: @escaping @Sendable (ServerRequest) async throws -> ServerResponse
    ) {
        if let invalidInputError { self.invalidInputError = invalidInputError }
        self.streamsRequestBody = streamsRequestBody
        self.produces = produces
        self.problemMediaTypes = problems
        self.operationID = operationID
        self.method = method
        self.path = path
        self.constantHeaders = headers
        self.constantQuery = query
        self.handle = handle
    }

    /// An error the server makes for this operation: in the declared problem details for `status`
    /// (the exact status, then its range, then `default`), else the profile's error shape.
    func error(status: Int, name: String, message: String?, profile: WireProfile) -> ServerResponse {
        let declared =
            problemMediaTypes[String(status)] ?? problemMediaTypes["\(status / 100)XX"]
            ?? problemMediaTypes["default"]
        guard let contentType = declared else {
            return .error(status: status, name: name, message: message, profile: profile)
        }
        return .problem(status: status, message: message, contentType: contentType)
    }

    /// A request that breaks the schema: AWS's `ValidationException` in its words for an AWS API,
    /// else 400 problem details listing every violation (in the declared problem media type, or
    /// `application/problem+json`).
    func validationError(_ failure: ValidationFailure, profile: WireProfile) -> ServerResponse {
        if profile.isAWSJSON {
            return .error(status: 400, name: invalidInputError, message: failure.awsMessage, profile: profile)
        }
        let contentType =
            problemMediaTypes["400"] ?? problemMediaTypes["4XX"] ?? problemMediaTypes["default"]
            ?? "application/problem+json"
        let count = failure.violations.count
        let detail =
            "the request breaks its schema in \(count)\(failure.isTruncated ? " or more" : "") place"
            + (count == 1 ? "" : "s")
        return .problem(status: 400, message: detail, contentType: contentType, errors: failure.violations)
    }

    func matches(_ request: HTTPRequest, query: [(name: String, value: String)]) -> Bool {
        constantHeaders.allSatisfy { constant in
            HTTPField.Name(constant.name).flatMap { request.headerFields[$0] } == constant.value
        }
            && constantQuery.allSatisfy { constant in
                query.contains { $0.name == constant.name && $0.value == constant.value }
            }
    }
}

/// The generated routing table: registers each distinct method + path once on any
/// swift-openapi-runtime `ServerTransport` and dispatches by the constants.
///
/// A client's mistake never answers 500: no matching constant → 400 `UnknownOperationException`,
/// a body that does not decode → 400 `SerializationException`, a body over the limit → 413.
/// A `ServiceError` thrown by a handler answers its own status and name; anything else 500 `InternalFailure`.
public struct RouteTable: Sendable {
    /// The API's wire profile, which encodes error responses and decodes bodies.
    public var profile: WireProfile
    /// Every operation's route; routes sharing a method and path are told apart by their constants.
    public var routes: [ServerRoute]
    /// The largest request body collected; a larger one answers 413 (8 MiB by default).
    public var maxBodyBytes: Int
    /// Check each JSON body a handler returns against the spec's rules before sending it: a
    /// development switch (a violation answers 500 naming it). Only types generated with
    /// `validation: {responses: true}` have response rules.
    public var validatesResponses = false

    /// A table of `routes`, not yet registered.
    public init(profile: WireProfile, routes: [ServerRoute], maxBodyBytes: Int = 8 << 20) {
        self.profile = profile
        self.routes = routes
        self.maxBodyBytes = maxBodyBytes
    }

    /// Method + path groups in first-seen order, so registration is deterministic.
    var groups: [(method: HTTPRequest.Method, path: String, routes: [ServerRoute])] {
        var result: [(method: HTTPRequest.Method, path: String, routes: [ServerRoute])] = []
        for route in routes {
            if let index = result.firstIndex(where: { $0.method == route.method && $0.path == route.path }) {
                result[index].routes.append(route)
            } else {
                result.append((route.method, route.path, [route]))
            }
        }
        return result
    }

    /// Registers one handler per method and path on `transport`, each running `middlewares` around
    /// the route; the paths under `serverURL`'s path when given (`/v1` + `/items/{id}`).
    public func register(
        on transport: any ServerTransport, serverURL: URL? = nil, middlewares: [any ServerMiddleware] = []
    ) throws {
        let base = Self.basePath(of: serverURL)
        for group in groups {
            let candidates = group.routes
            let table = self
            try transport.register(
                { request, body, metadata in
                    try await table.dispatch(
                        request, body: body, metadata: metadata, candidates: candidates, middlewares: middlewares)
                }, method: group.method, path: base + group.path)
        }
    }

    /// The path a server URL mounts its routes under: `/v1` for `https://api.example.com/v1/`,
    /// "" for none or `/`.
    static func basePath(of serverURL: URL?) -> String {
        guard var path = serverURL?.path, !path.isEmpty else { return "" }
        while path.hasSuffix("/") { path.removeLast() }
        return path.isEmpty || path.hasPrefix("/") ? path : "/" + path
    }

    /// Picks the route by its constants, runs it through the middlewares, and turns every failure into a response.
    ///
    /// The middlewares see every request, also one whose constants name no operation (its
    /// `operationID` is then `""`): authentication answers before routing, as on AWS, where an
    /// unsigned request for an unknown `X-Amz-Target` is refused 403, not 400 `UnknownOperationException`.
    public func dispatch(
        _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata,
        candidates: [ServerRoute], middlewares: [any ServerMiddleware] = []
    ) async throws -> (HTTPResponse, HTTPBody?) {
        let query = ServerRequest.parseQuery(request.path ?? "")
        let route = candidates.first(where: { $0.matches(request, query: query) })
        let profile = self.profile
        let limit = maxBodyBytes
        let validatesResponses = self.validatesResponses
        let table = self
        var next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?) =
            { request, body, metadata in
                // Built only when needed: the error body is JSON-encoded, a cost no matched request should pay.
                guard let route else { return Self.encode(table.unknownOperation(request, candidates: candidates)) }
                if let accept = request.headerFields[.accept], !route.produces.isEmpty,
                    !route.produces.contains(where: { MediaRange.accepts(accept, $0) })
                {
                    return Self.encode(
                        route.error(
                            status: 406, name: "NotAcceptableException",
                            message: "the operation answers " + route.produces.joined(separator: " or ")
                                + ", which 'Accept: \(accept)' does not take", profile: profile))
                }
                let response: ServerResponse
                do {
                    var bytes: [UInt8] = []
                    if let body, !route.streamsRequestBody { bytes = try await body.collectBytes(upTo: limit) }
                    var input = ServerRequest(
                        head: request, body: bytes, pathParameters: metadata.pathParameters, profile: profile)
                    if route.streamsRequestBody { input.bodyStream = body ?? HTTPBody() }
                    input.validatesResponses = validatesResponses
                    // The handler can reach its request (`ServerRequest.current`), e.g. to evaluate a `CallbackURL`.
                    let request = input
                    response = try await ServerRequest.currentOnTask.withValue(request) {
                        try await route.handle(request)
                    }
                } catch let error as ResponseConvertible {
                    do {
                        response = try error.serverResponse(profile: profile)
                    } catch {
                        response = route.error(
                            status: 500, name: "InternalFailure", message: "the server failed to encode its response",
                            profile: profile)
                    }
                } catch let failure as ResponseValidationFailure {
                    response = route.error(
                        status: 500, name: "InternalFailure",
                        message: "the handler's response breaks its schema: \(failure.failure)", profile: profile)
                } catch let failure as ValidationFailure {
                    response = route.validationError(failure, profile: profile)
                } catch let error as ServiceError {
                    response = route.error(
                        status: error.httpStatus, name: error.errorName, message: error.errorMessage, profile: profile)
                } catch is BodyTooLargeError {
                    response = route.error(
                        status: 413, name: "RequestEntityTooLargeException",
                        message: "the request body is larger than \(limit) bytes", profile: profile)
                } catch {
                    response = route.error(
                        status: 500, name: "InternalFailure", message: "the server failed to handle the request",
                        profile: profile)
                }
                return Self.encode(response)
            }
        let operationID = route?.operationID ?? ""
        for middleware in middlewares.reversed() {
            let inner = next
            next = { try await middleware.intercept($0, body: $1, metadata: $2, operationID: operationID, next: inner) }
        }
        return try await next(request, body, metadata)
    }

    private func unknownOperation(_ request: HTTPRequest, candidates: [ServerRoute]) -> ServerResponse {
        let names = Set(candidates.flatMap { $0.constantHeaders.map(\.name) })
        let sent = names.sorted().compactMap { name in
            HTTPField.Name(name).flatMap { request.headerFields[$0] }.map { "\(name): \($0)" }
        }
        let message =
            sent.isEmpty ? "no operation matches this request" : "unknown operation (\(sent.joined(separator: ", ")))"
        return .error(status: 400, name: "UnknownOperationException", message: message, profile: profile)
    }

    static func encode(_ response: ServerResponse) -> (HTTPResponse, HTTPBody?) {
        var head = HTTPResponse(status: .init(code: response.status), headerFields: response.headerFields)
        if let contentType = response.contentType { head.headerFields[.contentType] = contentType }
        return (head, response.stream ?? HTTPBody(response.body))
    }
}
