import Foundation

// The values rules apply to: how strings, numbers, arrays, maps, optionals and untyped JSON keep
// each `ValueRule` (`Validation.swift` declares the rules and the report).

extension String: ConstrainedValue {
    /// Applies the string rules: lengths, `pattern`, `format`.
    public func check(_ rules: [ValueRule], at path: ValidationPath, into report: inout ValidationReport) {
        report.checkDirection(rules, isPresent: true, at: path)
        for rule in rules {
            switch rule {
            case .minLength(let bound):
                // JSON Schema counts characters as code points.
                let length = unicodeScalars.count
                if length < bound {
                    report.fail(
                        path, "minLength", limit: .number(Double(bound)),
                        "is \(length) characters long, fewer than \(bound)")
                }
            case .maxLength(let bound):
                let length = unicodeScalars.count
                if length > bound {
                    report.fail(
                        path, "maxLength", limit: .number(Double(bound)),
                        "is \(length) characters long, more than \(bound)")
                }
            case .pattern(let pattern):
                if let regex = RegexCache.shared.regex(pattern),
                    regex.firstMatch(in: self, range: NSRange(startIndex..., in: self)) == nil
                {
                    report.fail(path, "pattern", limit: .string(pattern), "does not match the pattern \(pattern)")
                }
            case .format(let format):
                if !format.accepts(self) {
                    report.fail(path, "format", limit: .string(format.rawValue), "is not a valid \(format.rawValue)")
                }
            default:
                continue
            }
        }
    }
}

/// Numbers keep the numeric rules, compared as `Double` (a JSON number is one).
protocol ConstrainedNumber: ConstrainedValue {
    var doubleValue: Double { get }
    /// `self` is a whole multiple of `divisor`, exactly for integers.
    func isMultiple(of divisor: Double) -> Bool
}

extension ConstrainedNumber {
    /// Applies the numeric rules: bounds and `multipleOf`.
    public func check(_ rules: [ValueRule], at path: ValidationPath, into report: inout ValidationReport) {
        report.checkDirection(rules, isPresent: true, at: path)
        let value = doubleValue
        for rule in rules {
            switch rule {
            case .minimum(let bound) where value < bound:
                report.fail(
                    path, "minimum", limit: .number(bound), "is \(Self.text(value)), less than \(Self.text(bound))")
            case .exclusiveMinimum(let bound) where value <= bound:
                report.fail(
                    path, "exclusiveMinimum", limit: .number(bound),
                    "is \(Self.text(value)), not more than \(Self.text(bound))")
            case .maximum(let bound) where value > bound:
                report.fail(
                    path, "maximum", limit: .number(bound), "is \(Self.text(value)), more than \(Self.text(bound))")
            case .exclusiveMaximum(let bound) where value >= bound:
                report.fail(
                    path, "exclusiveMaximum", limit: .number(bound),
                    "is \(Self.text(value)), not less than \(Self.text(bound))")
            case .multipleOf(let divisor) where !isMultiple(of: divisor):
                report.fail(
                    path, "multipleOf", limit: .number(divisor),
                    "is \(Self.text(value)), not a multiple of \(Self.text(divisor))")
            default:
                continue
            }
        }
    }

    /// `3` rather than `3.0` for a whole number.
    static func text(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

extension BinaryInteger where Self: ConstrainedNumber {
    var doubleValue: Double { Double(self) }

    func isMultiple(of divisor: Double) -> Bool {
        if divisor.rounded() == divisor, abs(divisor) < 9e18 {
            return Int64(exactly: self).map { $0 % Int64(divisor) == 0 } ?? true
        }
        return Double(self).isWholeMultiple(of: divisor)
    }
}

extension Int: ConstrainedNumber {}
extension Int32: ConstrainedNumber {}
extension Int64: ConstrainedNumber {}

extension Double: ConstrainedNumber {
    var doubleValue: Double { self }
    func isMultiple(of divisor: Double) -> Bool { isWholeMultiple(of: divisor) }
}

extension Float: ConstrainedNumber {
    var doubleValue: Double { Double(self) }
    func isMultiple(of divisor: Double) -> Bool { Double(self).isWholeMultiple(of: divisor) }
}

extension Double {
    /// `self / divisor` is a whole number (as JSON Schema validators compute it for decimals:
    /// `0.3` is a multiple of `0.1` although binary floating point says otherwise).
    func isWholeMultiple(of divisor: Double) -> Bool {
        let quotient = self / divisor
        guard quotient.isFinite else { return false }
        return abs(quotient - quotient.rounded()) <= 1e-9 * max(1, abs(quotient))
    }
}

extension Bool: ConstrainedValue {
    /// Applies only `readOnly`/`writeOnly`: decoding checked the rest.
    public func check(_ rules: [ValueRule], at path: ValidationPath, into report: inout ValidationReport) {
        report.checkDirection(rules, isPresent: true, at: path)
    }
}

extension Date: ConstrainedValue {
    /// Applies only `readOnly`/`writeOnly`: decoding checked the rest.
    public func check(_ rules: [ValueRule], at path: ValidationPath, into report: inout ValidationReport) {
        report.checkDirection(rules, isPresent: true, at: path)
    }
}

extension Data: ConstrainedValue {
    /// Applies only `readOnly`/`writeOnly`: decoding checked the rest.
    public func check(_ rules: [ValueRule], at path: ValidationPath, into report: inout ValidationReport) {
        report.checkDirection(rules, isPresent: true, at: path)
    }
}

extension Optional: ConstrainedValue {
    /// Nothing to check when absent (`required` is decoding's); the wrapped value's rules otherwise.
    public func check(_ rules: [ValueRule], at path: ValidationPath, into report: inout ValidationReport) {
        guard let wrapped = self else { return }
        Self.checkAny(wrapped, rules, at: path, into: &report)
    }

    /// Checks a value whose type is known only at run time (an element of an array of any type).
    static func checkAny(
        _ value: Any, _ rules: [ValueRule], at path: ValidationPath, into report: inout ValidationReport
    ) {
        if let value = value as? any ConstrainedValue {
            value.check(rules, at: path, into: &report)
        } else {
            report.checkDirection(rules, isPresent: true, at: path)
        }
    }
}

extension Nullable: ConstrainedValue {
    /// Nothing to check for `null`; the wrapped value's rules otherwise.
    public func check(_ rules: [ValueRule], at path: ValidationPath, into report: inout ValidationReport) {
        guard case .value(let wrapped) = self else { return }
        Optional<Wrapped>.checkAny(wrapped, rules, at: path, into: &report)
    }
}

extension Indirect: ConstrainedValue {
    /// The boxed value's rules.
    public func check(_ rules: [ValueRule], at path: ValidationPath, into report: inout ValidationReport) {
        Optional<Wrapped>.checkAny(wrappedValue, rules, at: path, into: &report)
    }
}

extension Array: ConstrainedValue {
    /// Applies the array rules (counts, `uniqueItems`), then `items` and each element's own to every element.
    public func check(_ rules: [ValueRule], at path: ValidationPath, into report: inout ValidationReport) {
        report.checkDirection(rules, isPresent: true, at: path)
        var elementRules: [ValueRule] = []
        for rule in rules {
            switch rule {
            case .minItems(let bound) where count < bound:
                report.fail(path, "minItems", limit: .number(Double(bound)), "has \(count) items, fewer than \(bound)")
            case .maxItems(let bound) where count > bound:
                report.fail(path, "maxItems", limit: .number(Double(bound)), "has \(count) items, more than \(bound)")
            case .uniqueItems:
                if let duplicate = firstDuplicateIndex() {
                    report.fail(path, "uniqueItems", limit: .bool(true), "has item \(duplicate) twice")
                }
            case .items(let rules):
                elementRules = rules
            default:
                continue
            }
        }
        for (index, element) in enumerated() {
            Optional<Element>.checkAny(element, elementRules, at: path.appending(String(index)), into: &report)
        }
    }

    /// The index of the first element equal to an earlier one (elements that are not `Hashable`
    /// are never duplicates).
    private func firstDuplicateIndex() -> Int? {
        var seen = Set<AnyHashable>()
        for (index, element) in enumerated() {
            guard let hashable = element as? AnyHashable else { return nil }
            if !seen.insert(hashable).inserted { return index }
        }
        return nil
    }
}

extension Dictionary: ConstrainedValue where Key == String {
    /// Applies the map rules (counts), then `values` and each value's own to every value.
    public func check(_ rules: [ValueRule], at path: ValidationPath, into report: inout ValidationReport) {
        report.checkDirection(rules, isPresent: true, at: path)
        var valueRules: [ValueRule] = []
        for rule in rules {
            switch rule {
            case .minProperties(let bound) where count < bound:
                report.fail(
                    path, "minProperties", limit: .number(Double(bound)), "has \(count) properties, fewer than \(bound)"
                )
            case .maxProperties(let bound) where count > bound:
                report.fail(
                    path, "maxProperties", limit: .number(Double(bound)), "has \(count) properties, more than \(bound)")
            case .values(let rules):
                valueRules = rules
            case .propertyNames(let rules):
                for key in keys.sorted() {
                    // A key is no value of its own: its violations are the object's, at the key.
                    var keyReport = ValidationReport(direction: report.direction, limit: report.limit)
                    key.check(rules, at: path.appending(key), into: &keyReport)
                    for violation in keyReport.violations {
                        report.fail(
                            path.appending(key), "propertyNames", limit: violation.limit, "the key " + violation.detail)
                    }
                }
            default:
                continue
            }
        }
        for key in keys.sorted() {
            Optional<Value>.checkAny(self[key]!, valueRules, at: path.appending(key), into: &report)
        }
    }
}

extension JSONValue: ConstrainedValue {
    /// An untyped value keeps the rules of the kind it turns out to be.
    public func check(_ rules: [ValueRule], at path: ValidationPath, into report: inout ValidationReport) {
        switch self {
        case .null: return
        case .bool(let value): value.check(rules, at: path, into: &report)
        case .number(let value): value.check(rules, at: path, into: &report)
        case .string(let value): value.check(rules, at: path, into: &report)
        case .array(let value): value.check(rules, at: path, into: &report)
        case .object(let value): value.check(rules, at: path, into: &report)
        }
    }
}

/// Compiled patterns, by pattern: each is compiled once per process.
final class RegexCache: @unchecked Sendable {
    static let shared = RegexCache()
    private let lock = NSLock()
    private var compiled: [String: NSRegularExpression?] = [:]

    func regex(_ pattern: String) -> NSRegularExpression? {
        lock.lock()
        defer { lock.unlock() }
        if let known = compiled[pattern] { return known }
        let regex = try? NSRegularExpression(pattern: pattern)
        compiled[pattern] = regex
        return regex
    }
}
