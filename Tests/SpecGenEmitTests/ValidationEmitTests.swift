import Foundation
import SpecGenEmit
import SpecGenIR
import Testing

/// What `validation:` in the config decides about the generated code (issue 21).
@Suite("Emit: validation")
struct ValidationEmitTests {
    static let spec = """
        openapi: 3.1.0
        info: {title: t, version: '1'}
        paths:
          /pets:
            post:
              operationId: createPet
              requestBody:
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Pet'}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Receipt'}
        components:
          schemas:
            Pet:
              type: object
              properties:
                name: {type: string, maxLength: 10}
                id: {type: integer, readOnly: true}
            Receipt:
              type: object
              properties:
                code: {type: string, pattern: '^[0-9]+$'}
        """

    static func generate(_ validation: EmitOptions.Validation) -> String {
        let result = SpecGenPipeline.generate(
            Array(spec.utf8), path: "/nonexistent-specgen-validation/spec.yaml",
            options: PipelineOptions(emit: EmitOptions(validation: validation)))
        #expect(result.errors.isEmpty, "\(result.errors)")
        return result.files.map(\.contents).joined()
    }

    @Test func offGeneratesNoValidationCodeAtAll() {
        let code = Self.generate(EmitOptions.Validation(requests: false, responses: false))
        #expect(!code.contains("Validatable"))
        #expect(!code.contains("validate("))
    }

    @Test func requestsOnlyChecksWhatARequestCanHold() {
        let code = Self.generate(EmitOptions.Validation(requests: true, responses: false))
        #expect(code.contains("public struct Pet: Codable, Hashable, Sendable, Validatable {"))
        #expect(code.contains("public struct Receipt: Codable, Hashable, Sendable {"))
        #expect(code.contains(#"try request.validate(input, [], at: ValidationPath(["body"]))"#))
    }

    /// `readOnly: reject` (the default) makes a readOnly property sent in a request a violation;
    /// `ignore` lets it through, so no rule is generated for it.
    @Test func readOnlyInARequestIsRejectedUnlessConfiguredToBeIgnored() {
        let rejecting = Self.generate(EmitOptions.Validation())
        #expect(rejecting.contains(#"report.check(self.id, [.readOnly], at: path, "id")"#))
        let ignoring = Self.generate(EmitOptions.Validation(readOnly: .ignore))
        #expect(!ignoring.contains(".readOnly"))
        #expect(ignoring.contains(#"report.check(self.name, [.maxLength(10)], at: path, "name")"#))
    }

    @Test func responsesToo() {
        let code = Self.generate(EmitOptions.Validation(requests: true, responses: true))
        #expect(code.contains("public struct Receipt: Codable, Hashable, Sendable, Validatable {"))
        #expect(code.contains(#"report.check(self.code, [.pattern("^[0-9]+$")], at: path, "code")"#))
    }
}
