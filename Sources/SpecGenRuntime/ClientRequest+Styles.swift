import Foundation
import HTTPTypes

/// Parameters in any OpenAPI style, from any `Encodable` (primitives, arrays, generated structs and enums).
/// Absent optionals are left out. A value no style can carry (an object inside an array) throws `EncodingError`.
extension ClientRequest {
    /// Sets the path parameter `name` in the style `encoding` says (`simple`, `label` or `matrix`).
    public mutating func path(_ name: String, _ value: some Encodable, _ encoding: ParameterEncoding) throws {
        guard let node = try ParameterValueEncoder.encode(value) else { return }
        escapedPathValues[name] = ParameterWire.path(name, node, encoding)
    }

    /// Adds the query parameter `name` in the style `encoding` says (`form`, `spaceDelimited`,
    /// `pipeDelimited` or `deepObject`); nil adds nothing.
    public mutating func query(_ name: String, _ value: (some Encodable)?, _ encoding: ParameterEncoding) throws {
        guard let value, let node = try ParameterValueEncoder.encode(value) else { return }
        escapedQueryItems += ParameterWire.query(name, node, encoding)
    }

    /// Adds the header `name` in the `simple` style; nil adds nothing.
    public mutating func header(
        _ name: String, _ value: (some Encodable)?, _ encoding: ParameterEncoding = .headerDefault
    ) throws {
        guard let value, let node = try ParameterValueEncoder.encode(value), let field = HTTPField.Name(name) else {
            return
        }
        headerFields.append(
            HTTPField(name: field, value: ParameterWire.simple(node, explode: encoding.explode, location: .header)))
    }

    /// Appends to the one `Cookie` header: `a=1; b=2`.
    public mutating func cookie(
        _ name: String, _ value: (some Encodable)?, _ encoding: ParameterEncoding = .cookieDefault
    ) throws {
        guard let value, let node = try ParameterValueEncoder.encode(value) else { return }
        let pairs = ParameterWire.cookie(name, node, encoding).joined(separator: "; ")
        headerFields[.cookie] = headerFields[.cookie].map { $0 + "; " + pairs } ?? pairs
    }

    /// A parameter declared with `content: application/json`: the value's JSON in one query item.
    public mutating func queryJSON(_ name: String, _ value: (some Encodable)?, profile: WireProfile = .rest) throws {
        guard let value else { return }
        let json = String(decoding: try profile.makeEncoder().encode(value), as: UTF8.self)
        escapedQueryItems.append(ParameterWire.escape(name, in: .query) + "=" + ParameterWire.escape(json, in: .query))
    }

    /// OpenAPI 3.2's `in: querystring` with `application/x-www-form-urlencoded` content: the value's
    /// properties are the whole query string (`tag=a&limit=2`), as an exploded `form` object; nil adds nothing.
    public mutating func querystring(_ name: String, _ value: (some Encodable)?, _ encoding: ParameterEncoding)
        throws
    {
        guard let value, let node = try ParameterValueEncoder.encode(value) else { return }
        escapedQueryItems += ParameterWire.query(name, node, encoding)
    }

    /// OpenAPI 3.2's `in: querystring` with JSON content: the value's JSON, percent-escaped, is the
    /// whole query string (`?%7B%22tag%22%3A%22a%22%7D`); nil adds nothing.
    public mutating func querystringJSON(_ name: String, _ value: (some Encodable)?, profile: WireProfile = .rest)
        throws
    {
        guard let value else { return }
        let json = String(decoding: try profile.makeEncoder().encode(value), as: UTF8.self)
        escapedQueryItems.append(ParameterWire.escape(json, in: .querystring))
    }

    /// A header declared with `content: application/json`: the value's JSON as the field value.
    public mutating func headerJSON(_ name: String, _ value: (some Encodable)?, profile: WireProfile = .rest) throws {
        guard let value, let field = HTTPField.Name(name) else { return }
        headerFields.append(
            HTTPField(name: field, value: String(decoding: try profile.makeEncoder().encode(value), as: UTF8.self)))
    }
}
