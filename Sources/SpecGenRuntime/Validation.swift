import Foundation

/// Where a value sits in a request or response: the segments of a JSON pointer (RFC 6901),
/// e.g. `body`, `items`, `3`, `price` for `/body/items/3/price`, or `query`, `limit`.
///
/// Every member and element checked gets a path, and nearly all are never read (only a violation
/// reads one), so a path is a link to its parent's rather than an array copied at each step.
public struct ValidationPath: Sendable, Hashable, CustomStringConvertible {
    private final class Link: Sendable {
        let parent: Link?
        let key: String

        init(parent: Link?, key: String) {
            self.parent = parent
            self.key = key
        }
    }

    private let last: Link?

    private init(last: Link?) {
        self.last = last
    }

    /// A path of `segments` (none: the value itself).
    public init(_ segments: [String] = []) {
        last = segments.reduce(nil) { Link(parent: $0, key: $1) }
    }

    /// The keys and indices from the root, unescaped.
    public var segments: [String] {
        var keys: [String] = []
        var link = last
        while let current = link {
            keys.append(current.key)
            link = current.parent
        }
        return keys.reversed()
    }

    /// This path followed by `key`.
    public func appending(_ key: String) -> ValidationPath {
        ValidationPath(last: Link(parent: last, key: key))
    }

    /// This path followed by `keys`.
    public func appending(_ keys: String...) -> ValidationPath {
        ValidationPath(last: keys.reduce(last) { Link(parent: $0, key: $1) })
    }

    /// Two paths are equal when their segments are.
    public static func == (lhs: ValidationPath, rhs: ValidationPath) -> Bool { lhs.segments == rhs.segments }

    /// Hashes the segments.
    public func hash(into hasher: inout Hasher) { hasher.combine(segments) }

    /// The JSON pointer: `/body/items/3/price` (`~` and `/` in a key escaped as `~0` and `~1`).
    public var description: String {
        segments.map { "/" + $0.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1") }
            .joined()
    }
}

/// One rule of a schema a value must keep: the JSON Schema validation keywords OpenAPI uses.
/// Generated `validate` methods list them per property; `items` and `values` apply rules to
/// each element of an array and each value of a map.
public enum ValueRule: Sendable, Hashable {
    /// At least this many characters (code points).
    case minLength(Int)
    /// At most this many characters (code points).
    case maxLength(Int)
    /// An ECMA-262 pattern the string must contain a match of (not anchored), checked with
    /// `NSRegularExpression` (ICU): see `docs/VALIDATION.md` for where the two dialects differ.
    case pattern(String)
    /// Written as the format says (`email`, `uuid`, …).
    case format(StringFormat)
    /// Not less than the bound.
    case minimum(Double)
    /// More than the bound.
    case exclusiveMinimum(Double)
    /// Not more than the bound.
    case maximum(Double)
    /// Less than the bound.
    case exclusiveMaximum(Double)
    /// A whole multiple of the divisor.
    case multipleOf(Double)
    /// At least this many elements.
    case minItems(Int)
    /// At most this many elements.
    case maxItems(Int)
    /// No element twice.
    case uniqueItems
    /// At least this many keys.
    case minProperties(Int)
    /// At most this many keys.
    case maxProperties(Int)
    /// Rules every element of an array keeps.
    case items([ValueRule])
    /// Rules every value of a map keeps.
    case values([ValueRule])
    /// String rules every key of a map keeps (`propertyNames`).
    case propertyNames([ValueRule])
    /// The server sets it: present in a request is a violation.
    case readOnly
    /// The client sets it: present in a response is a violation.
    case writeOnly
}

/// A rule on which of an object's keys are present, beyond `required`: JSON Schema's `required`
/// lists inside `anyOf`, `oneOf` and `not`, and `dependentRequired`. Keys are JSON keys.
public enum PresenceRule: Sendable, Hashable {
    /// Every key of at least one list is present.
    case anyOf([[String]])
    /// Every key of exactly one list is present.
    case oneOf([[String]])
    /// Not all of these keys are present at once.
    case notAll([String])
    /// When the key is present, so is each of the others.
    case dependentRequired(String, [String])
}

/// The string formats generated validation checks (`format: email`, …). Formats whose Swift type
/// is not `String` (`date-time` and `date` as `Date`, `byte` and `binary` as `Data`) are checked
/// by decoding.
public enum StringFormat: String, Sendable, Hashable, CaseIterable {
    /// `local@domain` (RFC 5321's mailbox, loosely).
    case email
    /// `8-4-4-4-12` hexadecimal digits (RFC 4122).
    case uuid
    /// RFC 3339 `full-date`: `2024-02-29`.
    case date
    /// RFC 3339 `date-time`: `2024-02-29T12:30:00Z`.
    case dateTime = "date-time"
    /// RFC 3339 `full-time`: `12:30:00+01:00`.
    case time
    /// An absolute URI (RFC 3986): a scheme and `:`.
    case uri
    /// A dotted-quad IPv4 address.
    case ipv4
    /// An IPv6 address (RFC 4291).
    case ipv6
    /// An RFC 1123 host name.
    case hostname
}

/// A value that breaks one rule of the schema.
public struct Violation: Sendable, Hashable, Codable {
    /// Where the value is, as a JSON pointer (`/body/items/3/price`, `/query/limit`).
    public var pointer: String
    /// The keyword it breaks (`maxLength`, `pattern`, `enum`, `readOnly`, …).
    public var constraint: String
    /// The keyword's value in the schema (`10`, the pattern, the allowed values); nil for flags.
    public var limit: JSONValue?
    /// What is wrong, in words.
    public var detail: String

    /// A violation at `pointer` of `constraint` (whose schema value is `limit`), told as `detail`.
    public init(pointer: String, constraint: String, limit: JSONValue?, detail: String) {
        self.pointer = pointer
        self.constraint = constraint
        self.limit = limit
        self.detail = detail
    }
}

/// The violations found in one value, collected all at once up to `limit`.
public struct ValidationReport: Sendable {
    /// Which way the value travels: `readOnly` applies to requests, `writeOnly` to responses.
    public enum Direction: Sendable {
        /// Client to server: `readOnly` properties may not be present.
        case request
        /// Server to client: `writeOnly` properties may not be present.
        case response
    }

    /// Which way the checked value travels.
    public var direction: Direction
    /// What was found, in the order checked.
    public private(set) var violations: [Violation] = []
    /// More violations were found than `limit` keeps.
    public private(set) var isTruncated = false
    /// The most violations kept: a hostile body cannot make the answer unbounded.
    public var limit: Int

    /// An empty report for a value travelling `direction`, keeping at most `limit` violations.
    public init(direction: Direction, limit: Int = 50) {
        self.direction = direction
        self.limit = limit
    }

    /// Nothing was found.
    public var isValid: Bool { violations.isEmpty }

    /// Checks `value`, the member `key` of the value at `path`, against `rules` (and, when it is a
    /// generated type with rules of its own, against those).
    public mutating func check<Value: ConstrainedValue>(
        _ value: Value, _ rules: [ValueRule], at path: ValidationPath, _ key: String
    ) {
        value.check(rules, at: path.appending(key), into: &self)
    }

    /// Checks `value`, which sits at `path` itself (a struct's additional properties).
    public mutating func check<Value: ConstrainedValue>(_ value: Value, _ rules: [ValueRule], at path: ValidationPath) {
        value.check(rules, at: path, into: &self)
    }

    /// Checks which keys of the object at `path` are `present` against `rules`.
    public mutating func check(present: Set<String>, _ rules: [PresenceRule], at path: ValidationPath) {
        func names(_ keys: [String]) -> String { keys.map { "'\($0)'" }.joined(separator: ", ") }
        func sets(_ lists: [[String]]) -> String { lists.map { "[" + names($0) + "]" }.joined(separator: " or ") }
        func limit(_ lists: [[String]]) -> JSONValue { .array(lists.map { .array($0.map(JSONValue.string)) }) }
        for rule in rules {
            switch rule {
            case .anyOf(let lists):
                if !lists.contains(where: { present.isSuperset(of: $0) }) {
                    fail(path, "anyOf", limit: limit(lists), "needs every key of at least one of \(sets(lists))")
                }
            case .oneOf(let lists):
                let complete = lists.filter { present.isSuperset(of: $0) }.count
                if complete == 0 {
                    fail(path, "oneOf", limit: limit(lists), "needs every key of exactly one of \(sets(lists))")
                } else if complete > 1 {
                    fail(path, "oneOf", limit: limit(lists), "has every key of more than one of \(sets(lists))")
                }
            case .notAll(let keys):
                if present.isSuperset(of: keys) {
                    fail(path, "not", limit: .array(keys.map(JSONValue.string)), "may not have all of \(names(keys))")
                }
            case .dependentRequired(let key, let requires):
                let missing = requires.filter { !present.contains($0) }
                if present.contains(key), !missing.isEmpty {
                    fail(
                        path, "dependentRequired", limit: .array(requires.map(JSONValue.string)),
                        "has '\(key)', so needs \(names(missing)) too")
                }
            }
        }
    }

    /// Records a violation (beyond `limit`, only that there were more).
    public mutating func fail(_ path: ValidationPath, _ constraint: String, limit: JSONValue?, _ detail: String) {
        guard violations.count < self.limit else {
            isTruncated = true
            return
        }
        violations.append(
            Violation(pointer: path.description, constraint: constraint, limit: limit, detail: detail))
    }

    /// An enum value the spec does not list (kept by decoding so that a client never fails on one).
    public mutating func notListed<Raw: CustomStringConvertible>(
        _ value: Raw, at path: ValidationPath, listed: [JSONValue]
    ) {
        fail(path, "enum", limit: .array(listed), "'\(value)' is not one of the listed values")
    }

    /// Applies the rules that hold whatever the value's type (`readOnly`, `writeOnly`).
    mutating func checkDirection(_ rules: [ValueRule], isPresent: Bool, at path: ValidationPath) {
        guard isPresent else { return }
        for rule in rules where rule.isDirection {
            if case .readOnly = rule, direction == .request {
                fail(path, "readOnly", limit: .bool(true), "is read-only: the server sets it, a request may not")
            } else if case .writeOnly = rule, direction == .response {
                fail(path, "writeOnly", limit: .bool(true), "is write-only: a response may not contain it")
            }
        }
    }
}

/// A value generated validation can check against rules: strings, numbers, arrays, maps,
/// optionals and the generated types (`Validatable`).
public protocol ConstrainedValue {
    /// Adds to `report` each rule of `rules` this value breaks, and those of its own type.
    func check(_ rules: [ValueRule], at path: ValidationPath, into report: inout ValidationReport)
}

/// A generated type with rules of its own (a struct's properties, an enum's listed values).
public protocol Validatable: ConstrainedValue {
    /// Adds to `report` every violation of the value's schema, under `path`.
    func validate(_ report: inout ValidationReport, at path: ValidationPath)
}

extension Validatable {
    /// Applies `readOnly`/`writeOnly`, then the type's own rules (`validate`).
    public func check(_ rules: [ValueRule], at path: ValidationPath, into report: inout ValidationReport) {
        report.checkDirection(rules, isPresent: true, at: path)
        validate(&report, at: path)
    }

    /// Every violation of the value's schema as a request (`direction`) or response, at `path`.
    public func validation(
        _ direction: ValidationReport.Direction, at path: ValidationPath = ValidationPath()
    ) -> ValidationReport {
        var report = ValidationReport(direction: direction)
        validate(&report, at: path)
        return report
    }
}

/// Thrown when a value breaks its schema: a server answers it 400 with every violation, a
/// client that validates before sending throws it instead of sending.
public struct ValidationFailure: Error, Sendable, CustomStringConvertible {
    /// Every violation found (up to the report's limit).
    public var violations: [Violation]
    /// There were more than `violations` holds.
    public var isTruncated: Bool

    /// The failure a report with violations describes.
    public init(_ report: ValidationReport) {
        violations = report.violations
        isTruncated = report.isTruncated
    }

    /// `/body/name: is 12 characters long, more than maxLength 10; …`
    public var description: String {
        violations.map { "\($0.pointer): \($0.detail)" }.joined(separator: "; ") + (isTruncated ? "; …" : "")
    }

    /// AWS's own wording for a JSON protocol's `ValidationException` (Coral's): `1 validation
    /// error detected: Value at 'repositoryName' failed to satisfy constraint: Member must have
    /// length less than or equal to 256` (AWS also quotes the value; this leaves it out).
    public var awsMessage: String {
        let count = violations.count
        let each = violations.map { violation in
            // AWS names members from the input's root; `body` is the whole input there.
            let segments = violation.pointer.split(separator: "/").map(String.init)
            let member = (segments.first == "body" ? segments.dropFirst() : segments[...]).joined(separator: ".")
            return "Value at '\(member)' failed to satisfy constraint: Member \(Self.awsConstraint(violation))"
        }
        return "\(count) validation error\(count == 1 ? "" : "s") detected: " + each.joined(separator: "; ")
    }

    private static func awsConstraint(_ violation: Violation) -> String {
        let limit: String
        switch violation.limit {
        case .number(let value)?: limit = value.rounded() == value ? String(Int64(value)) : String(value)
        case .string(let text)?: limit = text
        case .array(let values)?:
            limit =
                "["
                + values.map { value in
                    if case .string(let text) = value { return text }
                    if case .number(let number) = value { return String(Int64(number)) }
                    return "\(value)"
                }.joined(separator: ", ") + "]"
        default: limit = ""
        }
        switch violation.constraint {
        case "minLength", "minItems", "minProperties": return "must have length greater than or equal to \(limit)"
        case "maxLength", "maxItems", "maxProperties": return "must have length less than or equal to \(limit)"
        case "minimum": return "must have value greater than or equal to \(limit)"
        case "maximum": return "must have value less than or equal to \(limit)"
        case "exclusiveMinimum": return "must have value greater than \(limit)"
        case "exclusiveMaximum": return "must have value less than \(limit)"
        case "pattern": return "must satisfy regular expression pattern: \(limit)"
        case "enum": return "must satisfy enum value set: \(limit)"
        default: return violation.detail
        }
    }
}

/// A handler returned a body that breaks the spec (`RouteTable.validatesResponses`): the server's
/// fault, answered 500 with the violations in the message.
public struct ResponseValidationFailure: Error, Sendable {
    /// The violations of the returned body.
    public var failure: ValidationFailure
}

extension ValidationReport {
    /// The violations of `value` under `rules` (and its type's own), travelling `direction`.
    static func checking<Value: ConstrainedValue>(
        _ value: Value, _ rules: [ValueRule], at path: ValidationPath, _ direction: Direction
    ) -> ValidationReport {
        var report = ValidationReport(direction: direction)
        value.check(rules, at: path, into: &report)
        return report
    }

    /// The violations of a response body (`/body/…`); none for a value without rules of its own.
    static func responseBody(_ value: Any) -> ValidationReport {
        guard let value = value as? any ConstrainedValue else { return ValidationReport(direction: .response) }
        return checking(value, [], at: ValidationPath(["body"]), .response)
    }

    /// Throws `ValidationFailure` when anything was found.
    public func throwIfInvalid() throws {
        if !violations.isEmpty { throw ValidationFailure(self) }
    }
}
