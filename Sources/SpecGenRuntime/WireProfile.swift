import Foundation

/// How an API puts values on the wire beyond plain JSON. Generated code names its profile once;
/// the client and the server read and write bodies through it.
public enum WireProfile: Sendable, Hashable {
    /// JSON bodies, ISO 8601 timestamps.
    case rest
    /// AWS JSON 1.0/1.1: JSON whatever the media type says, timestamps as epoch seconds,
    /// errors named by `__type`.
    case awsJSON(version: String)

    /// The media type requests carry: `application/x-amz-json-1.1`, or the operation's own.
    public func requestMediaType(declared: String?) -> String {
        switch self {
        case .rest: return declared ?? "application/json"
        case .awsJSON(let version): return "application/x-amz-json-\(version)"
        }
    }

    /// Whether this is AWS JSON (errors named by `__type` and `X-Amzn-ErrorType`).
    public var isAWSJSON: Bool {
        if case .awsJSON = self { return true }
        return false
    }

    /// Dates decode from epoch seconds (integer or fractional), ISO 8601 date-times (with or without
    /// fractional seconds) and full dates, whatever the profile: peers differ and being lenient costs nothing.
    public func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            // A REST server reading a request takes what the schema's formats say, RFC 3339 text;
            // a client reads any date it can (epoch seconds, looser ISO 8601), as AWS JSON's are.
            let strict = StrictDecoding.isOn
            if !strict, let seconds = try? container.decode(Double.self) {
                return Date(timeIntervalSince1970: seconds)
            }
            let text = try container.decode(String.self)
            if strict, !StringFormat.isDate(Substring(text)), !StringFormat.isDateTime(text) {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "not an RFC 3339 date or date-time: \(text)")
            }
            guard let date = DateText.parse(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a date: \(text)")
            }
            return date
        }
        return decoder
    }

    /// Dates encode as epoch seconds for AWS JSON and as ISO 8601 otherwise. Keys are sorted so
    /// the same value always gives the same bytes.
    public func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        switch self {
        case .awsJSON:
            encoder.dateEncodingStrategy = .custom { date, encoder in
                var container = encoder.singleValueContainer()
                let seconds = date.timeIntervalSince1970
                if seconds == seconds.rounded() && abs(seconds) < 1e15 {
                    try container.encode(Int64(seconds))
                } else {
                    try container.encode(seconds)
                }
            }
        case .rest:
            encoder.dateEncodingStrategy = .custom { date, encoder in
                var container = encoder.singleValueContainer()
                try container.encode(DateText.iso8601(date))
            }
        }
        return encoder
    }
}

/// ISO 8601 text for dates, without shared formatter state (formatters are not Sendable).
public enum DateText {
    /// `2024-05-01T12:00:00Z`, with fractional seconds only when the date has them.
    public static func iso8601(_ date: Date) -> String {
        date.formatted(
            Date.ISO8601FormatStyle(
                includingFractionalSeconds: date.timeIntervalSince1970.rounded() != date.timeIntervalSince1970))
    }

    /// An ISO 8601 date-time (with or without fractional seconds) or a full date; nil for anything else.
    public static func parse(_ text: String) -> Date? {
        if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text) { return date }
        if let date = try? Date.ISO8601FormatStyle().parse(text) { return date }
        if let date = try? Date.ISO8601FormatStyle().year().month().day().parse(text) { return date }
        return nil
    }
}
