import Foundation
import HTTPTypes

/// Typed header values in the `simple` style, for request headers (server side) and response
/// headers (both sides): `X-Rate-Limit: 100`, `X-Tags: a,b`.
extension HTTPFields {
    /// Nil when absent; repeated fields are one comma-separated list (RFC 9110 §5.3).
    public func parameter<Value: Decodable>(
        _ name: String, as type: Value.Type,
        _ encoding: ParameterEncoding = .headerDefault
    ) throws(ParameterError) -> Value? {
        guard let field = HTTPField.Name(name) else { return nil }
        let values = self[values: field]
        guard !values.isEmpty else { return nil }
        let text = values.joined(separator: ",")
        do {
            return try ParameterValueDecoder.decode(Value.self) {
                try ParameterWire.parseSimple(text[...], $0, explode: encoding.explode, location: .header)
            }
        } catch {
            throw ParameterError(.header, name, ParameterError.problem(of: error))
        }
    }

    /// Sets (replaces) a header from any `Encodable`; nil removes nothing and adds nothing.
    public mutating func setParameter(
        _ name: String, _ value: (some Encodable)?, _ encoding: ParameterEncoding = .headerDefault
    ) throws {
        guard let value, let node = try ParameterValueEncoder.encode(value), let field = HTTPField.Name(name) else {
            return
        }
        self[field] = ParameterWire.simple(node, explode: encoding.explode, location: .header)
    }
}
