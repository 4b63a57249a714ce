#if SigV4  // the package trait that brings swift-crypto (see Package.swift)
import Crypto
import Foundation
import SpecGenRuntime

/// AWS credentials: an access key, its secret, and the session token of temporary credentials.
public struct AWSCredentials: Sendable, Hashable {
    /// The public half (`AKIA…`, or `ASIA…` for temporary credentials), sent in every request.
    public var accessKeyID: String
    /// The secret half, never sent: it derives the signing key.
    public var secretAccessKey: String
    /// The token of temporary credentials (STS), sent as `X-Amz-Security-Token`; nil for long-term keys.
    public var sessionToken: String?

    /// Credentials given directly; see ``fromEnvironment(_:)`` for the usual source.
    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }

    /// `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN`, as every AWS SDK reads them;
    /// nil when either of the first two is missing or empty.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        -> AWSCredentials?
    {
        guard let key = environment["AWS_ACCESS_KEY_ID"], !key.isEmpty,
            let secret = environment["AWS_SECRET_ACCESS_KEY"], !secret.isEmpty
        else { return nil }
        let token = environment["AWS_SESSION_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        return AWSCredentials(accessKeyID: key, secretAccessKey: secret, sessionToken: token)
    }
}

/// AWS Signature Version 4 (header form), in the steps AWS documents: canonical request → string to
/// sign → signing key → signature. SHA-256 and HMAC come from swift-crypto.
///
/// The steps are public so that tests can compare each with AWS's published test-suite values and so
/// that `SigV4Verifier` recomputes exactly what a client signed.
public enum SigV4 {
    /// The algorithm name that opens the `Authorization` header and the string to sign.
    public static let algorithm = "AWS4-HMAC-SHA256"
    /// The hash of an empty payload.
    public static let emptyPayloadHash = hexSHA256([UInt8]())

    /// What is signed: the request as it travels (path and query as on the wire, percent-encoded).
    public struct Message: Sendable {
        /// The HTTP method, e.g. `POST`.
        public var method: String
        /// The path as sent, e.g. `/` or `/a%20b`, without the query.
        public var path: String
        /// The query string as sent (no `?`), or empty.
        public var query: String
        /// Header names and values; names in any case. Repeated names are joined with commas.
        public var headers: [(name: String, value: String)]
        /// Hex SHA-256 of the body (or `UNSIGNED-PAYLOAD`).
        public var payloadHash: String

        /// A message from its parts, each as it travels.
        public init(
            method: String, path: String, query: String = "", headers: [(name: String, value: String)],
            payloadHash: String
        ) {
            self.method = method
            self.path = path
            self.query = query
            self.headers = headers
            self.payloadHash = payloadHash
        }

        /// Splits `/path?query` as an `HTTPRequest.path` holds it.
        public init(method: String, pathAndQuery: String, headers: [(name: String, value: String)], payloadHash: String)
        {
            let parts = pathAndQuery.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
            self.init(
                method: method, path: parts.first.map(String.init) ?? "/",
                query: parts.count > 1 ? String(parts[1]) : "",
                headers: headers, payloadHash: payloadHash)
        }
    }

    /// The credential scope: `20150830/us-east-1/service/aws4_request`.
    public struct Scope: Sendable, Hashable {
        /// The signing day, `YYYYMMDD` (UTC), the first 8 characters of the `X-Amz-Date`.
        public var date: String
        /// The region, e.g. `us-east-1`.
        public var region: String
        /// The service's signing name, e.g. `ecr`.
        public var service: String

        /// A scope from its parts.
        public init(date: String, region: String, service: String) {
            self.date = date
            self.region = region
            self.service = service
        }

        /// The scope as signed and sent: `date/region/service/aws4_request`.
        public var text: String { "\(date)/\(region)/\(service)/aws4_request" }
    }

    /// The canonical request and the `SignedHeaders` list (lowercase names, sorted, `;`-joined).
    /// `signedHeaderNames` limits which headers are signed (the verifier passes the client's list);
    /// nil signs all given headers.
    public static func canonicalRequest(_ message: Message, signedHeaderNames: [String]? = nil) -> (
        text: String, signedHeaders: String
    ) {
        var values: [String: [String]] = [:]
        for header in message.headers {
            values[header.name.lowercased(), default: []].append(canonicalHeaderValue(header.value))
        }
        let names = (signedHeaderNames?.map { $0.lowercased() } ?? Array(values.keys)).sorted()
        let headerLines = names.map { "\($0):\((values[$0] ?? []).joined(separator: ","))\n" }.joined()
        let signedHeaders = names.joined(separator: ";")
        let text = [
            message.method.uppercased(),
            canonicalURI(message.path),
            canonicalQuery(message.query),
            headerLines,
            signedHeaders,
            message.payloadHash,
        ].joined(separator: "\n")
        return (text, signedHeaders)
    }

    /// The string to sign: the algorithm, the `X-Amz-Date`, the scope and the canonical request's hex SHA-256, one per line.
    public static func stringToSign(canonicalRequest: String, amzDate: String, scope: Scope) -> String {
        [algorithm, amzDate, scope.text, hexSHA256(Array(canonicalRequest.utf8))].joined(separator: "\n")
    }

    /// kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request").
    public static func signingKey(secretAccessKey: String, scope: Scope) -> SymmetricKey {
        var key = SymmetricKey(data: Array(("AWS4" + secretAccessKey).utf8))
        for part in [scope.date, scope.region, scope.service, "aws4_request"] {
            key = SymmetricKey(data: Array(HMAC<SHA256>.authenticationCode(for: Array(part.utf8), using: key)))
        }
        return key
    }

    /// The signature: hex HMAC-SHA256 of the string to sign under the signing key.
    public static func signature(stringToSign: String, signingKey: SymmetricKey) -> String {
        hex(HMAC<SHA256>.authenticationCode(for: Array(stringToSign.utf8), using: signingKey))
    }

    /// The `Authorization` header value.
    public static func authorization(accessKeyID: String, scope: Scope, signedHeaders: String, signature: String)
        -> String
    {
        "\(algorithm) Credential=\(accessKeyID)/\(scope.text), SignedHeaders=\(signedHeaders), Signature=\(signature)"
    }

    /// All steps at once: the signature and the `SignedHeaders` list.
    public static func sign(
        _ message: Message, secretAccessKey: String, amzDate: String, scope: Scope,
        signedHeaderNames: [String]? = nil
    ) -> (signature: String, signedHeaders: String) {
        let canonical = canonicalRequest(message, signedHeaderNames: signedHeaderNames)
        let toSign = stringToSign(canonicalRequest: canonical.text, amzDate: amzDate, scope: scope)
        return (
            signature(stringToSign: toSign, signingKey: signingKey(secretAccessKey: secretAccessKey, scope: scope)),
            canonical.signedHeaders
        )
    }

    // MARK: - Canonical parts

    /// Each path segment URI-encoded (RFC 3986 unreserved kept), as AWS does for every service but S3:
    /// the path as sent is encoded again, so `%20` becomes `%2520`. An empty path is `/`.
    public static func canonicalURI(_ path: String) -> String {
        guard !path.isEmpty else { return "/" }
        return uriEncode(path, keepSlash: true)
    }

    /// Query items decoded, then encoded the AWS way, sorted by name and then value.
    public static func canonicalQuery(_ query: String) -> String {
        guard !query.isEmpty else { return "" }
        let items = query.split(separator: "&").map { item -> (String, String) in
            let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decoded(_ text: Substring) -> String { String(text).removingPercentEncoding ?? String(text) }
            return (
                uriEncode(decoded(pair[0]), keepSlash: false),
                pair.count > 1 ? uriEncode(decoded(pair[1]), keepSlash: false) : ""
            )
        }
        return items.sorted { $0.0 == $1.0 ? $0.1 < $1.1 : $0.0 < $1.0 }.map { "\($0.0)=\($0.1)" }.joined(
            separator: "&")
    }

    /// Leading and trailing spaces trimmed, runs of spaces inside collapsed to one.
    static func canonicalHeaderValue(_ value: String) -> String {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// Percent-encodes every byte but A–Z a–z 0–9 `-._~` (and `/` when asked), uppercase hex.
    public static func uriEncode(_ text: String, keepSlash: Bool) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: "/") where keepSlash:
                result.append("/")
            default:
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result
    }

    // MARK: - Hashing and dates

    /// Lowercase hex SHA-256 of the bytes, the form every hash takes in SigV4.
    public static func hexSHA256(_ bytes: some DataProtocol) -> String { hex(SHA256.hash(data: bytes)) }

    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }

    /// `20150830T123600Z` (UTC).
    public static func amzDate(_ date: Date) -> String {
        let parts = utcCalendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String { String(value ?? 0).leftPadded(to: 2) }
        return String(parts.year ?? 0).leftPadded(to: 4) + two(parts.month) + two(parts.day)
            + "T" + two(parts.hour) + two(parts.minute) + two(parts.second) + "Z"
    }

    /// Reads `20150830T123600Z`; nil when malformed.
    public static func parseAmzDate(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 16, bytes[8] == UInt8(ascii: "T"), bytes[15] == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int? { Int(String(decoding: bytes[range], as: UTF8.self)) }
        guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8),
            let hour = number(9..<11), let minute = number(11..<13), let second = number(13..<15)
        else { return nil }
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard components.isValidDate(in: utcCalendar) else { return nil }
        return utcCalendar.date(from: components)
    }

    static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }()
}

fileprivate extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
#endif
