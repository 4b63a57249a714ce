import Foundation
import SpecGenRuntime
import Testing

/// Each rule generated validation applies, with values just inside and just outside its limit.
@Suite("Validation: the rules")
struct ValidationTests {
    /// The constraints `value` breaks under `rules`, as a request.
    func broken<Value: ConstrainedValue>(_ value: Value, _ rules: [ValueRule]) -> [String] {
        var report = ValidationReport(direction: .request)
        report.check(value, rules, at: ValidationPath(["body"]), "v")
        return report.violations.map(\.constraint)
    }

    @Test func lengthsCountCodePoints() {
        #expect(broken("ab", [.minLength(2), .maxLength(2)]).isEmpty)
        #expect(broken("a", [.minLength(2)]) == ["minLength"])
        #expect(broken("abc", [.maxLength(2)]) == ["maxLength"])
        // Two code points, one grapheme: JSON Schema counts code points.
        #expect(broken("e\u{301}", [.maxLength(1)]) == ["maxLength"])
        #expect(broken("😀", [.maxLength(1)]).isEmpty)
    }

    @Test func aPatternIsSearchedNotAnchored() {
        #expect(broken("xx123456789012", [.pattern("[0-9]{12}")]).isEmpty)
        #expect(broken("12345", [.pattern("[0-9]{12}")]) == ["pattern"])
        #expect(broken("ab", [.pattern("^a$")]) == ["pattern"])
    }

    @Test func boundsInclusiveAndExclusive() {
        #expect(broken(1, [.minimum(1), .maximum(100)]).isEmpty)
        #expect(broken(0, [.minimum(1)]) == ["minimum"])
        #expect(broken(101, [.maximum(100)]) == ["maximum"])
        #expect(broken(0.0, [.exclusiveMinimum(0)]) == ["exclusiveMinimum"])
        #expect(broken(0.001, [.exclusiveMinimum(0)]).isEmpty)
        #expect(broken(Int64(200), [.exclusiveMaximum(200)]) == ["exclusiveMaximum"])
        #expect(broken(Float(199.5), [.exclusiveMaximum(200)]).isEmpty)
    }

    @Test func multipleOfAsDecimalValidatorsReadIt() {
        #expect(broken(19.99, [.multipleOf(0.01)]).isEmpty)
        #expect(broken(0.3, [.multipleOf(0.1)]).isEmpty)
        #expect(broken(0.015, [.multipleOf(0.01)]) == ["multipleOf"])
        #expect(broken(12, [.multipleOf(4)]).isEmpty)
        #expect(broken(Int32(13), [.multipleOf(4)]) == ["multipleOf"])
    }

    @Test func arraysCountAndCheckEachItem() {
        #expect(broken(["a"], [.minItems(1), .maxItems(1)]).isEmpty)
        #expect(broken([String](), [.minItems(1)]) == ["minItems"])
        #expect(broken(["a", "b"], [.maxItems(1)]) == ["maxItems"])
        #expect(broken(["a", "b", "a"], [.uniqueItems]) == ["uniqueItems"])
        #expect(broken(["ab", "abcd", "abcde"], [.items([.maxLength(3)])]) == ["maxLength", "maxLength"])
    }

    @Test func mapsCountAndCheckEachValue() {
        #expect(broken(["a": 1], [.minProperties(1), .maxProperties(1)]).isEmpty)
        #expect(broken([String: Int](), [.minProperties(1)]) == ["minProperties"])
        #expect(broken(["a": 1, "b": 2], [.maxProperties(1)]) == ["maxProperties"])
        #expect(broken(["a": 1, "b": 5], [.values([.maximum(2)])]) == ["maximum"])
    }

    @Test func anAbsentValueKeepsEveryRule() {
        let absent: String? = nil
        #expect(broken(absent, [.minLength(3), .readOnly]).isEmpty)
        #expect(broken(Optional("a"), [.minLength(3)]) == ["minLength"])
        #expect(broken(Nullable<String>.null, [.minLength(3)]).isEmpty)
        #expect(broken(Nullable.value("a"), [.minLength(3)]) == ["minLength"])
    }

    @Test func readOnlyInRequestsWriteOnlyInResponses() {
        #expect(broken(Optional(1), [.readOnly]) == ["readOnly"])
        #expect(broken(Optional(1), [.writeOnly]).isEmpty)
        var response = ValidationReport(direction: .response)
        response.check(Optional(1), [.readOnly], at: ValidationPath(), "id")
        response.check(Optional("x"), [.writeOnly], at: ValidationPath(), "password")
        #expect(response.violations.map(\.constraint) == ["writeOnly"])
    }

    @Test func untypedJSONKeepsTheRulesOfItsKind() {
        #expect(broken(JSONValue.string("abc"), [.maxLength(2), .maximum(1)]) == ["maxLength"])
        #expect(broken(JSONValue.number(5), [.maxLength(2), .maximum(1)]) == ["maximum"])
        #expect(broken(JSONValue.array([.null, .null]), [.maxItems(1)]) == ["maxItems"])
    }

    @Test func aViolationNamesItsPointerLimitAndDetail() {
        var report = ValidationReport(direction: .request)
        report.check(
            ["a/b~": "toolong"], [.values([.maxLength(3)])], at: ValidationPath(["body", "items", "3"]), "map")
        #expect(
            report.violations == [
                Violation(
                    pointer: "/body/items/3/map/a~1b~0", constraint: "maxLength", limit: .number(3),
                    detail: "is 7 characters long, more than 3")
            ])
    }

    @Test func violationsAreBoundedAndTheCutIsSaid() {
        var report = ValidationReport(direction: .request, limit: 3)
        report.check(Array(repeating: "toolong", count: 10), [.items([.maxLength(1)])], at: ValidationPath(), "v")
        #expect(report.violations.count == 3)
        #expect(report.isTruncated)
    }

    @Test func awsWordsTheFailureAsAWSDoes() {
        var report = ValidationReport(direction: .request)
        report.check("UPPER", [.pattern("^[a-z]+$")], at: ValidationPath(["body"]), "repositoryName")
        #expect(
            ValidationFailure(report).awsMessage
                == "1 validation error detected: Value at 'repositoryName' failed to satisfy constraint: "
                + "Member must satisfy regular expression pattern: ^[a-z]+$")
    }

    @Test(arguments: [
        (StringFormat.email, "a@example.com", true), (.email, "a.example.com", false), (.email, "a b@c", false),
        (.uuid, "123e4567-e89b-12d3-a456-426614174000", true), (.uuid, "123e4567e89b12d3a456426614174000", false),
        (.date, "2024-02-29", true), (.date, "2023-02-29", false), (.date, "2024-13-01", false),
        (.dateTime, "2024-02-29T12:30:00.5Z", true), (.dateTime, "2024-02-29T12:30:00+01:00", true),
        (.dateTime, "2024-02-29 12:30:00Z", false), (.dateTime, "2024-02-29T25:00:00Z", false),
        (.time, "23:59:60Z", true), (.time, "23:59", false),
        (.uri, "https://example.com/a?b", true), (.uri, "/relative/path", false), (.uri, "http://a b", false),
        (.ipv4, "192.168.0.1", true), (.ipv4, "256.1.1.1", false), (.ipv4, "01.1.1.1", false),
        (.ipv6, "::1", true), (.ipv6, "2001:db8::ff00:42:8329", true), (.ipv6, "1:2:3", false),
        (.hostname, "api.example.com", true), (.hostname, "-bad.example.com", false), (.hostname, "a..b", false),
    ])
    func formats(format: StringFormat, text: String, valid: Bool) {
        #expect(format.accepts(text) == valid)
    }
}
