import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension StringFormat {
    /// The string is written as the format says (RFC 5321 mailbox, RFC 4122 UUID, RFC 3339
    /// `full-date`/`date-time`/`full-time`, RFC 3986 absolute URI, dotted-quad IPv4, RFC 4291
    /// IPv6, RFC 1123 host name), as JSON Schema's format checkers read them.
    public func accepts(_ text: String) -> Bool {
        switch self {
        case .email: return Self.isEmail(text)
        case .uuid: return Self.isUUID(text)
        case .date: return Self.isDate(Substring(text))
        case .dateTime: return Self.isDateTime(text)
        case .time: return Self.isTime(Substring(text))
        case .uri: return Self.isURI(text)
        case .ipv4: return Self.isIPv4(text)
        case .ipv6: return Self.isIPv6(text)
        case .hostname: return Self.isHostname(text)
        }
    }

    /// `local@domain`: one `@`, both sides non-empty, no spaces.
    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return false }
        return !text.contains { $0.isWhitespace }
    }

    static func isUUID(_ text: String) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        guard groups.map(\.count) == [8, 4, 4, 4, 12] else { return false }
        return groups.allSatisfy { $0.allSatisfy(\.isHexDigit) && $0.allSatisfy(\.isASCII) }
    }

    /// `YYYY-MM-DD` naming a real day.
    static func isDate(_ text: Substring) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.map(\.count) == [4, 2, 2], let year = digits(parts[0]), let month = digits(parts[1]),
            let day = digits(parts[2]), (1...12).contains(month)
        else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }

    /// `HH:MM:SS[.fraction](Z|±HH:MM)`; a leap second (`60`) is allowed.
    static func isTime(_ text: Substring) -> Bool {
        var rest = text
        let offset: Substring
        if rest.last == "Z" || rest.last == "z" {
            rest = rest.dropLast()
            offset = ""
        } else if let sign = rest.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            offset = rest[rest.index(after: sign)...]
            rest = rest[..<sign]
            let zone = offset.split(separator: ":", omittingEmptySubsequences: false)
            guard zone.map(\.count) == [2, 2], let hours = digits(zone[0]), let minutes = digits(zone[1]),
                hours < 24, minutes < 60
            else { return false }
        } else {
            return false
        }
        var clock = rest
        if let dot = rest.firstIndex(of: ".") {
            let fraction = rest[rest.index(after: dot)...]
            guard !fraction.isEmpty, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
            clock = rest[..<dot]
        }
        let fields = clock.split(separator: ":", omittingEmptySubsequences: false)
        guard fields.map(\.count) == [2, 2, 2], let hours = digits(fields[0]), let minutes = digits(fields[1]),
            let seconds = digits(fields[2])
        else { return false }
        return hours < 24 && minutes < 60 && seconds <= 60
    }

    static func isDateTime(_ text: String) -> Bool {
        guard let separator = text.firstIndex(where: { $0 == "T" || $0 == "t" }) else { return false }
        return isDate(text[..<separator]) && isTime(text[text.index(after: separator)...])
    }

    /// An absolute URI: a scheme (`letter *(letter / digit / + - .)`), `:`, and no spaces.
    static func isURI(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":"), let first = text.first, first.isASCII, first.isLetter else {
            return false
        }
        let scheme = text[..<colon]
        guard scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else {
            return false
        }
        return !text.contains { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" }
    }

    /// Four decimal octets 0–255, without leading zeros.
    static func isIPv4(_ text: String) -> Bool {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return false }
        return octets.allSatisfy { octet in
            guard let value = digits(octet), octet.count <= 3, value <= 255 else { return false }
            return octet.count == 1 || octet.first != "0"
        }
    }

    static func isIPv6(_ text: String) -> Bool {
        guard text.allSatisfy({ $0.isASCII }), !text.contains("%") else { return false }
        var address = in6_addr()
        return text.withCString { inet_pton(AF_INET6, $0, &address) } == 1
    }

    /// Labels of letters, digits and `-` (not at either end), 1–63 characters each, 253 in all.
    static func isHostname(_ text: String) -> Bool {
        var name = Substring(text)
        if name.hasSuffix(".") { name = name.dropLast() }
        guard !name.isEmpty, name.count <= 253 else { return false }
        return name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            !label.isEmpty && label.count <= 63 && label.first != "-" && label.last != "-"
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }

    /// The value of ASCII decimal digits, nil when anything else is there.
    private static func digits(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 9, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }
}
