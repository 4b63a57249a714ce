import Foundation

// What generated code calls to validate: a route before its handler, a client before it sends,
// and the response-body checks behind `validatesResponses`.

extension ServerRequest {
    /// Checks a decoded input against `rules` and its type's own before the handler runs: every
    /// violation at once, thrown as `ValidationFailure` (the route answers 400).
    public func validate<Input: ConstrainedValue>(
        _ input: Input, _ rules: [ValueRule] = [], at path: ValidationPath = ValidationPath()
    ) throws {
        try ValidationReport.checking(input, rules, at: path, .request).throwIfInvalid()
    }
}

extension ServerRequest {
    /// When the request being served has `validatesResponses` on (`RouteTable.validatesResponses`),
    /// checks a body its handler returned; a violation is the server's fault, answered 500.
    static func checkResponseBody(_ value: Any) throws {
        guard let request = current, request.validatesResponses else { return }
        let report = ValidationReport.responseBody(value)
        if !report.isValid { throw ResponseValidationFailure(failure: ValidationFailure(report)) }
    }
}

extension APIClient {
    /// When `validatesInputs` is on, checks an input as the server will before it is sent.
    public func validate<Input: ConstrainedValue>(
        _ input: Input, _ rules: [ValueRule] = [], at path: ValidationPath = ValidationPath()
    ) throws {
        guard validatesInputs else { return }
        try ValidationReport.checking(input, rules, at: path, .request).throwIfInvalid()
    }
}
