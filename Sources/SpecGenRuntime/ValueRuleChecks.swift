import Foundation

// The values rules apply to: how strings, numbers, arrays, maps, optionals and untyped JSON keep
// each `ValueRule` (`Validation.swift` declares the rules and the report).

extension String: ConstrainedValue {
    /// Applies the string rules: lengths, `pattern`, `format`.
    public func check(_ rules: [ValueRule], at path: ValidationPath, into report: inout ValidationReport) {
        report.checkDirection(rules, isPresent: true, at: path)
        // JSON Schema counts characters as code points; counted once, and only when the UTF-8
        // length (1 to 4 bytes a code point) cannot settle a bound alone.
        var counted: Int?
        func codePoints() -> Int {
            if let counted { return counted }
            let length = unicodeScalars.count
            counted = length
            return length
        }
        for rule in rules {
            switch rule {
            case .minLength(let bound) where utf8.count / 4 < bound:
                let length = codePoints()
                if length < bound {
                    report.fail(
                        path, "minLength", limit: .number(Double(bound)),
                        "is \(length) characters long, fewer than \(bound)")
                }
            case .maxLength(let bound) where utf8.count > bound:
                let length = codePoints()
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

extension Optional: ConstrainedValue where Wrapped: ConstrainedValue {
    /// Nothing to check when absent (`required` is decoding's); the wrapped value's rules otherwise.
    public func check(_ rules: [ValueRule], at path: ValidationPath, into report: inout ValidationReport) {
        self?.check(rules, at: path, into: &report)
    }
}

extension Nullable: ConstrainedValue where Wrapped: ConstrainedValue {
    /// Nothing to check for `null`; the wrapped value's rules otherwise.
    public func check(_ rules: [ValueRule], at path: ValidationPath, into report: inout ValidationReport) {
        guard case .value(let wrapped) = self else { return }
        wrapped.check(rules, at: path, into: &report)
    }
}

extension Indirect: ConstrainedValue where Wrapped: ConstrainedValue {
    /// The boxed value's rules.
    public func check(_ rules: [ValueRule], at path: ValidationPath, into report: inout ValidationReport) {
        wrappedValue.check(rules, at: path, into: &report)
    }
}

/// Elements of a collection whose element type is known only at run time: an array of a struct
/// without rules still keeps `minItems`. Whether the element type has rules is asked once per
/// collection, not per element (a dynamic cast costs more than most checks).
enum ElementChecks {
    /// Checks each element of `elements` (`key(index)` its key in the pointer) against `rules`;
    /// nothing when the element type has no rules and `rules` asks nothing of it.
    static func check<Element>(
        _ elements: [Element], key: (Int) -> String, _ rules: [ValueRule], at path: ValidationPath,
        into report: inout ValidationReport
    ) {
        guard let checkable = Element.self as? any ConstrainedValue.Type else {
            guard rules.contains(where: \.isDirection) else { return }
            for index in elements.indices {
                report.checkDirection(rules, isPresent: true, at: path.appending(key(index)))
            }
            return
        }
        func each<Checked: ConstrainedValue>(_: Checked.Type) {
            // `Element` is `Checked`, as the cast above found: the same array, typed.
            let typed = unsafeBitCast(elements, to: [Checked].self)
            for index in typed.indices { typed[index].check(rules, at: path.appending(key(index)), into: &report) }
        }
        each(checkable)
    }

    /// The index of the first element equal to an earlier one (elements that are not `Hashable`
    /// are never duplicates).
    static func firstDuplicateIndex<Element>(_ elements: [Element]) -> Int? {
        guard let hashable = Element.self as? any Hashable.Type else { return nil }
        func first<Key: Hashable>(_: Key.Type) -> Int? {
            var seen = Set<Key>()
            for (index, element) in unsafeBitCast(elements, to: [Key].self).enumerated()
            where !seen.insert(element).inserted {
                return index
            }
            return nil
        }
        return first(hashable)
    }
}

extension ValueRule {
    /// `readOnly` or `writeOnly`: a rule on where a value may travel, whatever its type.
    var isDirection: Bool {
        switch self {
        case .readOnly, .writeOnly: true
        default: false
        }
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
                if let duplicate = ElementChecks.firstDuplicateIndex(self) {
                    report.fail(path, "uniqueItems", limit: .bool(true), "has item \(duplicate) twice")
                }
            case .items(let rules):
                elementRules = rules
            default:
                continue
            }
        }
        ElementChecks.check(self, key: { String($0) }, elementRules, at: path, into: &report)
    }
}

extension Dictionary: ConstrainedValue where Key == String {
    /// Applies the map rules (counts, `propertyNames`), then `values` and each value's own to every value.
    public func check(_ rules: [ValueRule], at path: ValidationPath, into report: inout ValidationReport) {
        report.checkDirection(rules, isPresent: true, at: path)
        let sortedKeys = keys.sorted()
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
                for key in sortedKeys {
                    // A key is no value of its own: its violations are the object's, at the key.
                    let keyPath = path.appending(key)
                    var keyReport = ValidationReport(direction: report.direction, limit: report.limit)
                    key.check(rules, at: keyPath, into: &keyReport)
                    for violation in keyReport.violations {
                        report.fail(keyPath, "propertyNames", limit: violation.limit, "the key " + violation.detail)
                    }
                }
            default:
                continue
            }
        }
        ElementChecks.check(sortedKeys.map { self[$0]! }, key: { sortedKeys[$0] }, valueRules, at: path, into: &report)
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
