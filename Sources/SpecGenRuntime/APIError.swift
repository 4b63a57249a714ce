import Foundation

/// A non-2xx response, as the generated client throws it: status, error name, message and body.
///
/// The name comes from AWS's `__type` (with or without a `namespace#` prefix) or the
/// `X-Amzn-Errortype` header, and otherwise from `code`/`error`; the message from `message` or `Message`.
public struct APIError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The HTTP status code of the response.
    public var status: Int
    /// The error's name (`RepositoryNotFoundException`), when the response gave one.
    public var name: String?
    /// The human-readable message the server sent, if any.
    public var message: String?
    /// The response body as received (at most `maxErrorBodyBytes`).
    public var body: [UInt8]

    /// An error with the given parts; a server handler throws one to answer `status` with that name and message.
    public init(status: Int, name: String?, message: String?, body: [UInt8] = []) {
        self.status = status
        self.name = name
        self.message = message
        self.body = body
    }

    public var description: String {
        "HTTP \(status)" + (name.map { " \($0)" } ?? "") + (message.map { ": \($0)" } ?? "")
    }

    /// Reads the name and message of an error response.
    public init(status: Int, errorTypeHeader: String?, body: [UInt8]) {
        let object = try? JSONDecoder().decode([String: JSONValue].self, from: Data(body))
        let typeField =
            object?["__type"]?.stringValue ?? object?["code"]?.stringValue ?? object?["Code"]?.stringValue
            ?? object?["error"]?.stringValue
        let name = (errorTypeHeader.flatMap(Self.shapeName) ?? typeField.flatMap(Self.shapeName))
        let message =
            object?["message"]?.stringValue ?? object?["Message"]?.stringValue ?? object?["errorMessage"]?.stringValue
        self.init(status: status, name: name, message: message, body: body)
    }

    /// `aws.ecr#RepositoryNotFoundException`, `RepositoryNotFoundException:http://…` → `RepositoryNotFoundException`.
    public static func shapeName(_ raw: String) -> String? {
        var name = Substring(raw)
        if let colon = name.firstIndex(of: ":") { name = name[..<colon] }
        if let hash = name.lastIndex(of: "#") { name = name[name.index(after: hash)...] }
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }
}

/// An error a server handler throws to answer with its own status and error name (`__type`).
/// `APIError` is one (`throw APIError(status: 404, name: "RepositoryNotFoundException", message: …)`);
/// a service can define its own.
public protocol ServiceError: Error {
    /// The HTTP status the server answers with.
    var httpStatus: Int { get }
    /// The name peers see in `__type` (AWS JSON) or `error`.
    var errorName: String { get }
    /// The message peers see in `message`, if any.
    var errorMessage: String? { get }
}

extension APIError: ServiceError {
    public var httpStatus: Int { status }
    public var errorName: String { name ?? "UnknownError" }
    public var errorMessage: String? { message }
}
