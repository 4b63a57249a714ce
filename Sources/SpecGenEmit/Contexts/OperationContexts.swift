/// What `Templates/Client.mustache` and `Templates/Server.mustache` receive. As for models,
/// every string is finished Swift text.
struct OperationsFileContext: Encodable {
    var header: String
    var imports: [String]
    /// `public `, `package ` or "".
    var access: String
    var clientTypeName: String
    var handlerProtocolName: String
    /// The doc comments of the client struct and the handler protocol (`///` lines, no final
    /// newline), and the text of the init's `serverURL` parameter: the API's, or the webhooks'.
    var clientDoc: String
    var handlerDoc: String
    var serverURLDoc: String
    /// The wire profile (`Templates/WireProfile.mustache` writes `.rest` or `.awsJSON(version: "1.1")`).
    var profile: WireProfileContext
    /// The spec's first server URL, its variables at their defaults, as a Swift string literal;
    /// nil when it declares none.
    var defaultServerURLLiteral: String?
    /// `Client.Servers`: one function per server; declared when `hasServers`.
    var hasServers: Bool
    var servers: [ServerURLContext]
    /// The enum's name: `Servers`, or another when a model is named so (`OperationTypeNames`).
    var serversTypeName: String
    /// True in the file that declares the client struct or the handler protocol (the only
    /// file, or the first of several).
    var declaresType: Bool
    /// The shard's own route list name (`routes0`), and every shard's, for the table.
    var routeListName: String
    var allRouteListNames: [String]
    /// All operations, for the handler protocol (declared once); `operations` are this file's.
    var allOperations: [OperationContext]
    var operations: [OperationContext]
}

/// The wire conventions generated code passes to the runtime (`WireProfile`). Exactly one kind is set.
struct WireProfileContext: Encodable {
    /// REST: `.rest`.
    var isREST: Bool
    /// AWS JSON: the protocol version as a Swift string literal (`"1.1"`), for `.awsJSON(version:)`.
    var awsJSONVersion: String?
}

struct OperationContext: Encodable {
    /// Doc comment lines indented for a member (four spaces), or "".
    var doc: String
    /// The client method's: `doc` and, when the operation declares errors, the `- Throws:` line.
    var methodDoc: String
    /// The operation is deprecated: the client method is marked `@available(*, deprecated)`.
    var isDeprecated: Bool
    var methodName: String
    var outputType: String
    /// The operation id, path template and constant headers/query items as Swift literals
    /// (`"ListImages"`, `"/pets/{petId}"`, `["X-Amz-Target": "…"]`); the HTTP method as a member of
    /// `HTTPRequest.Method` after its dot (`get`, `init("LINK")!`: `OperationContextBuilder.methodMember`).
    var operationIDLiteral: String
    var httpMethod: String
    var pathLiteral: String
    var constantHeadersLiteral: String
    var constantQueryLiteral: String
    /// True when the client sets parameters on the request (it is then a `var`).
    var hasParameters: Bool
    /// The inputs that travel as parameters, in spec order.
    var parameters: [ParameterContext]
    /// The route's constant headers and query items as Swift arrays of `(name:value:)` tuples.
    var routeHeadersLiteral: String
    var routeQueryLiteral: String
    /// The media types the server answers successes with, as a Swift array literal, checked
    /// against `Accept` (406 when none is acceptable); nil when there is nothing to check.
    var producesLiteral: String?
    /// The declared error statuses whose body is problem details the server can fill, with the
    /// media type, as a Swift dictionary literal (`["default": "application/problem+json"]`);
    /// nil when there are none.
    var problemsLiteral: String?
    /// For an AWS API, the declared error name a constraint violation answers with when it is not
    /// `ValidationException` (ECR declares `InvalidParameterException`), as a Swift literal; else nil.
    var invalidInputErrorLiteral: String?
    /// The input's Swift type (`GetPetInput`, or the body type when the body is the whole input).
    var inputTypeName: String?
    /// True when the input is a struct of parameters (and maybe a body) the server builds.
    var inputIsStruct: Bool
    /// True when the whole input is a choice of media types: the server passes the `body` it matched
    /// as the input (a single media type is read straight into `input`).
    var inputIsBody: Bool
    /// How the input is checked against the spec before the handler runs (server) or before it is
    /// sent (client, when `validatesInputs` is on); nil when the spec has no rule for it.
    var inputValidation: InputValidationContext?
    /// The request body, for the `ClientRequestBody` and `ServerRequestBody` partials; nil without one.
    var requestBody: RequestBodyContext?
    /// The media types the client accepts (`Accept`), as a Swift array literal (`["application/json"]`).
    var acceptLiteral: String
    /// Every declared response the client reads, codes before ranges, `default` last.
    var responseCases: [ResponseCaseContext]
    /// A `default` response is declared: the client's `default:` branch is its error case.
    var hasDefaultResponse: Bool
    /// The operation's `…Output` enum, when several successes differ: the route answers with it.
    var outputEnumName: String?
    /// The success the server answers with the handler's value when there is no output enum.
    var primarySuccess: ResponseCaseContext
    /// The declared error enum, for the doc comment (`Throws`), or nil.
    var errorTypeName: String?
    /// Set for an operation with `nextToken` in its input and output.
    var paginator: PaginatorContext?
    /// The operation's security requirements as the route checks them first
    /// (`request.authenticate(anyOf: [[.httpBearer], […]])`: alternatives OR'd, schemes within one
    /// AND'd); nil when the route checks nothing.
    var authentication: AuthenticationContext?
    /// One handler argument per security scheme the operation accepts, after the input.
    var credentials: [CredentialContext]
    /// True when `credentials` is not empty (the handler's parameters are then one a line).
    var hasCredentials: Bool
    /// What the route binds the handler's result to: `let output`, or `_` when the answer needs
    /// nothing of it (a success without body or headers).
    var outputBinding: String
}

/// A credential the route hands to the handler: `bearerAuth: BearerToken`, read with
/// `request.bearerToken()` (`Templates/ServerCredentialRead.mustache` writes the call from `scheme`).
struct CredentialContext: Encodable {
    /// The argument label (the scheme's name as a Swift identifier, never `input`).
    var label: String
    /// `BearerToken`, `BasicCredentials`, `HTTPAuthorization` or `APIKey`.
    var type: String
    /// True when some alternative does without this scheme: the handler gets an optional.
    var isOptional: Bool
    /// `try?` for an optional credential (absent is nil), else `try`.
    var tryKeyword: String
    /// The scheme the credential is read for.
    var scheme: SecuritySchemeContext
    /// OAuth2 / OpenID Connect: the scopes the operation requires of the scheme, one list per
    /// requirement naming it (`BearerToken.requiredScopes`); empty when none lists a scope.
    var requiredScopes: [ScopeListContext]
    /// True when `requiredScopes` is not empty (the read passes them on).
    var hasRequiredScopes: Bool
}

/// The scopes one security requirement lists for an OAuth2 / OpenID Connect scheme (all needed).
struct ScopeListContext: Encodable {
    /// Each scope as a Swift string literal.
    var scopes: [ListItemContext]
}

/// A literal in a comma-separated list.
struct ListItemContext: Encodable {
    /// A Swift literal (`"read:pets"`).
    var literal: String
}

/// The requirements a route checks before anything else.
struct AuthenticationContext: Encodable {
    /// The alternatives, OR'd; an empty one (`security: [{}]`) means "no credential needed".
    var alternatives: [AuthenticationAlternativeContext]
}

/// One security requirement: schemes that must all be sent.
struct AuthenticationAlternativeContext: Encodable {
    var schemes: [SecuritySchemeContext]
}

/// A security scheme as the server checks (`SecurityScheme` case) and reads it. Exactly one of
/// `isHTTPBearer`, `isHTTPBasic`, `isOAuth2`, `isOpenIDConnect`, `httpSchemeLiteral`, `apiKey` is set.
struct SecuritySchemeContext: Encodable {
    /// http `bearer`: `.httpBearer`, read with `bearerToken()`.
    var isHTTPBearer: Bool
    /// http `basic`: `.httpBasic`, read with `basicCredentials()`.
    var isHTTPBasic: Bool
    /// `oauth2` and `openIdConnect`: `.oauth2` / `.openIDConnect`, read with `bearerToken()`.
    var isOAuth2: Bool
    var isOpenIDConnect: Bool
    /// True for the three that send bearer tokens (http bearer, OAuth2, OpenID Connect).
    var isBearerToken: Bool
    /// Another http scheme (`Digest`): its name as a Swift string literal; `.http(scheme:)`, read with
    /// `httpAuthorization(scheme:)`.
    var httpSchemeLiteral: String?
    /// An API key: `.apiKey(name:in:)`, read with `apiKey(_:in:)`.
    var apiKey: ClientAPIKeyContext?
    /// The scheme as the route's check names it, a `SecurityRequirement` literal (`.oauth2`,
    /// `.apiKey(name: "X-API-Key", in: .header)`), from the flags above.
    var requirementLiteral: String
}

/// One parameter, as the templates write the `ClientRequest`/`ServerRequest` call for it.
struct ParameterContext: Encodable {
    /// `path`, `query`, `querystring`, `header` or `cookie`: the request methods' name and `ParameterLocation` case.
    var location: String
    /// The server reader's label for the type: `required` (absent is a 400) or `as` (absent is nil).
    var typeLabel: String
    var isPath: Bool
    /// The name on the wire as a Swift string literal.
    var wireName: String
    /// The member of the input struct.
    var swiftName: String
    /// The Swift type without `?` (`Int`, `[String]`, `Filter`).
    var valueType: String
    var required: Bool
    /// A `ParameterStyle` case name (`form`, `deepObject`, …) and the explode flag.
    var style: String
    var explode: Bool
    /// Declared with JSON `content`: sent and read with `queryJSON`/`headerJSON`, no style.
    var isJSONContent: Bool
}

/// `…Pages(_:)` (and `…Items(_:)`) methods of the client for a paginated operation.
struct PaginatorContext: Encodable {
    var pagesMethodName: String
    var inputType: String
    var pageType: String
    /// The Swift names of the token properties in the input and the output.
    var inputTokenName: String
    var outputTokenName: String
    var items: PaginatorItemsContext?
}

struct PaginatorItemsContext: Encodable {
    var itemsMethodName: String
    var itemType: String
    /// The page's member holding the items (`imageIds`), and whether it is optional (absent means none).
    var itemsMemberName: String
    var itemsOptional: Bool
}

/// What `Templates/CallbackURLs.mustache` receives: the URL expression of every callback.
struct CallbackURLsFileContext: Encodable {
    var header: String
    var imports: [String]
    var access: String
    /// The webhooks client the constants are declared on.
    var clientTypeName: String
    var callbacks: [CallbackURLContext]
}

struct CallbackURLContext: Encodable {
    /// Doc comment lines indented for a member, naming the operation and callback.
    var doc: String
    /// `subscribeOnDataURL`.
    var propertyName: String
    /// The runtime expression template as a Swift string literal.
    var templateLiteral: String
}

/// One declared response as the templates read it (the client's `switch response.status`) and
/// write it (the server's route, the `serverResponse(profile:)` of the generated enums).
struct ResponseCaseContext: Encodable {
    /// `case 404`, `case 400..<500`, or `default` (a `default` response).
    var caseLabel: String
    /// The status the server answers with, as a Swift integer literal (`201`; a range's first code).
    var statusCode: String
    /// A range or `default`: the server answers the status the `TypedResponse` value carries.
    var statusFromValue: Bool
    /// The case of the `…Error` or `…Output` enum (`notFound`, `clientError`, `other`).
    var caseName: String
    /// The enum the case belongs to (`GetPetError`, `ListPetsOutput`), or "" for a plain success.
    var enumTypeName: String
    var isError: Bool
    /// A success that is a case of the operation's `…Output` enum.
    var inOutputEnum: Bool
    /// The payload is `TypedResponse<Body, Headers>` (status and headers travel with the body).
    var isTyped: Bool
    /// The case's payload type (`Pet`, `TypedResponse<Problem, NoHeaders>`).
    var payloadType: String
    var hasBody: Bool
    /// What the client binds the body it read to: `return` for a plain success (the body is the
    /// method's value), else `let responseBody =` (wrapped in a case or a `TypedResponse` next).
    var readBinding: String
    /// The body's kind, one flag each (`Templates/ResponseBodyRead.mustache` and `ResponseBodyWrite.mustache`).
    var bodyIsJSON: Bool
    var bodyIsBinary: Bool
    var bodyIsForm: Bool
    var bodyIsText: Bool
    var bodyIsJSONLines: Bool
    var bodyIsJSONSequence: Bool
    var bodyIsServerSentEvents: Bool
    var bodyIsMultipart: Bool
    /// Items in several sequential media types (`itemMediaTypesLiteral`, a Swift array literal):
    /// read by the response's `Content-Type`, written in the first the request accepts. The
    /// JSON Lines / Sequence / SSE flags are then off.
    var bodyIsItems: Bool
    var itemMediaTypesLiteral: String
    /// A multipart body's generated part enum (nil: raw parts).
    var partTypeName: String?
    /// Bytes, multipart parts or an event stream: the client reads it as it arrives (a declared
    /// error's body too, which is otherwise collected first).
    var bodyStreams: Bool
    /// `Pet`, `String`, `HTTPBody`, `EventStream<Event>`, or `NoContent`.
    var bodyType: String
    /// An event stream's element (the JSON `data` of Server-Sent Events; nil when it is text).
    var itemType: String?
    /// What the server encodes and with which profile: `output`/`output.body` in a route,
    /// `body`/`response.body` with `profile` in an enum's `serverResponse(profile:)`.
    var writeValue: String
    var writeProfile: String
    /// The declared media type as a Swift string literal, or `nil`.
    var mediaTypeLiteral: String
    /// The headers struct (`GetPetTooManyRequestsHeaders`) or `NoHeaders`.
    var headersType: String
    /// The response's description as doc comment lines for an enum case (indented), or "".
    var doc: String
}

/// The types one operation's responses need, declared with the models (client and server share
/// them): a `…Headers` struct per response that declares headers, and the `…Output`/`…Error` enums.
struct ResponseTypesContext: Encodable {
    /// `public `, `package ` or "".
    var access: String
    var headers: [ResponseHeadersContext]
    var enums: [ResponseEnumContext]
}

struct ResponseHeadersContext: Encodable {
    /// Doc comment lines, or "".
    var doc: String
    var typeName: String
    var fields: [ResponseHeaderFieldContext]
}

struct ResponseHeaderFieldContext: Encodable {
    /// Doc comment lines indented for a member, or "".
    var doc: String
    var swiftName: String
    /// The field name on the wire as a Swift string literal.
    var wireName: String
    /// The Swift type without `?`.
    var valueType: String
    var required: Bool
}

struct ResponseEnumContext: Encodable {
    /// Doc comment lines, or "".
    var doc: String
    var typeName: String
    /// `Error, ResponseConvertible, Hashable` or `ResponseConvertible, Hashable, Sendable`; without
    /// `Hashable` when a case holds an event stream.
    var conformances: String
    var cases: [ResponseCaseContext]
    /// The body type every case carries (an `…Output` enum whose 2xx statuses share a body): the
    /// enum then has a `body` property. Nil otherwise.
    var commonBodyType: String?
}

/// What `Templates/Security.mustache` receives: one client helper per supported security scheme.
/// Its output is appended to the first client file (which has the imports).
struct SecurityFileContext: Encodable {
    /// `public `, `package ` or "".
    var access: String
    var clientTypeName: String
    /// The first helper's name, for the usage line at the top.
    var exampleMethodName: String
    var schemes: [ClientSchemeContext]
}

/// A scheme's static helper on the client, returning an `AuthenticationMiddleware` bound to the
/// operations that accept the scheme. Exactly one of `bearer`, `basic`, `httpSchemeLiteral`,
/// `apiKey` is set.
struct ClientSchemeContext: Encodable {
    /// Doc comment lines indented for a member (four spaces).
    var doc: String
    var methodName: String
    /// False for the first helper (the others start with a blank line).
    var notFirst: Bool
    /// The ids of the operations that accept the scheme, as a `Set<String>` literal.
    var operationsLiteral: String
    /// http bearer, oauth2, openIdConnect: a token, or a provider of fresh tokens.
    var bearer: Bool
    var basic: Bool
    /// Another http scheme (`Digest`): its name as a Swift string literal; the caller gives the
    /// `Authorization` value after it.
    var httpSchemeLiteral: String?
    var apiKey: ClientAPIKeyContext?
}

struct ClientAPIKeyContext: Encodable {
    /// The header, query item or cookie name as a Swift string literal.
    var nameLiteral: String
    /// An `APIKeyLocation` case name: `header`, `query` or `cookie`.
    var location: String
}

/// `try request.validate(input, <rules>, at: <path>)`: the input's own rules and where it sits.
struct InputValidationContext: Encodable {
    /// The runtime's `ValueRule`s for the input as a whole, a Swift array literal (`[]`, `[.maxItems(100)]`).
    var rules: String
    /// `ValidationPath()` for a struct of parameters, `ValidationPath(["body"])` for a body.
    var path: String
}
