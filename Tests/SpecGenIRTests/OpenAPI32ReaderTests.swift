import SpecGenIR
import SpecGenYAML
import Testing

/// OpenAPI 3.2 is read by the 3.x reader; what it adds is used or warned about, one warning a field.
@Suite("OpenAPI 3.2")
struct OpenAPI32ReaderTests {
    @Test func aThreeTwoDocumentIsReadAsItsOwnFamily() throws {
        let (document, _) = try IRFixtures.specDocument("oas32.yaml")
        #expect(document.specVersion == SpecVersion(family: .openAPI32, written: "3.2.0"))
    }

    @Test func everyUnusedThreeTwoFieldIsOneLocatedWarning() throws {
        let (_, diagnostics) = try IRFixtures.specDocument("oas32.yaml")
        #expect(
            diagnostics.map { $0.description.replacingOccurrences(of: IRFixtures.spec("oas32.yaml") + ":", with: "") }
                == [
                    "2:1: warning: '$self' (OpenAPI 3.2) is ignored: relative references are resolved against the file's own location",
                    "23:5: warning: 'summary' (OpenAPI 3.2) is ignored: tags are not documented in the generated code",
                    "25:5: warning: 'summary' (OpenAPI 3.2) is ignored: tags are not documented in the generated code",
                    "27:5: warning: 'kind' (OpenAPI 3.2) is ignored: tags are not sorted by kind in the generated code",
                    "196:9: warning: 'nodeType' (OpenAPI 3.2) is ignored: it changes nothing, since SpecGen generates JSON coding only",
                    "238:19: warning: security scheme 'legacyKey' is deprecated; operations that use it still get its credentials",
                    "232:11: warning: 'serializedValue' (OpenAPI 3.2) is ignored: stubs answer with 'dataValue' or 'value'",
                ])
    }

    @Test func tagsAreNestedByTheirParent() throws {
        let (document, _) = try IRFixtures.specDocument("oas32.yaml")
        #expect(document.tags.map(\.name) == ["notes", "archive"])
        #expect(document.tags.last?.summary == "Archived notes")
        #expect(document.tags.last?.kind == "nav")
        #expect(document.tagWithAncestors("archive") == ["archive", "notes"])
        #expect(document.tagWithAncestors("unknown") == ["unknown"])
    }

    @Test func aParentThatIsNoTagOrACycleIsALocatedWarning() throws {
        let result = try IRFixtures.readText(
            """
            openapi: 3.2.0
            info: {title: t, version: '1'}
            paths: {}
            tags:
              - {name: a, parent: nowhere}
              - {name: b, parent: c}
              - {name: c, parent: b}
            """)
        let messages = result.diagnostics.map { $0.description.components(separatedBy: "inline.yaml:").last ?? "" }
        #expect(
            messages == [
                "5:23: warning: tag 'a' has parent 'nowhere', which is no tag of the document",
                "6:23: warning: tag 'b' is nested in itself through 'parent'",
            ])
        // The first tag of a cycle loses its parent, which breaks the cycle for the others.
        #expect(result.document?.tags.map(\.parent) == [nil, nil, "b"])
    }

    /// A tag whose parents lead into a cycle it is not part of keeps its parent and gets no warning.
    @Test func aTagAboveACycleIsNotNestedInItself() throws {
        let result = try IRFixtures.readText(
            """
            openapi: 3.2.0
            info: {title: t, version: '1'}
            paths: {}
            tags:
              - {name: a, parent: b}
              - {name: b, parent: c}
              - {name: c, parent: b}
            """)
        let messages = result.diagnostics.map { $0.description.components(separatedBy: "inline.yaml:").last ?? "" }
        #expect(messages == ["6:23: warning: tag 'b' is nested in itself through 'parent'"])
        #expect(result.document?.tags.map(\.parent) == ["b", nil, "b"])
    }

    @Test func aDiscriminatorsDefaultMappingNamesItsVariant() throws {
        let (document, _) = try IRFixtures.specDocument("oas32.yaml")
        guard case .union(let shape)? = document.type("Shape")?.kind else {
            Issue.record("Shape is not a union")
            return
        }
        #expect(shape.discriminator?.defaultMapping == "Circle")
    }

    @Test func aDefaultMappingOutsideTheVariantsIsALocatedWarning() throws {
        let result = try IRFixtures.readText(
            """
            openapi: 3.2.0
            info: {title: t, version: '1'}
            paths: {}
            components:
              schemas:
                A: {type: object, properties: {kind: {type: string}}}
                B: {type: object, properties: {kind: {type: string}}}
                C: {type: object}
                AB:
                  oneOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/B'}]
                  discriminator: {propertyName: kind, defaultMapping: C}
            """)
        #expect(
            result.diagnostics.map(\.description).contains {
                $0.hasSuffix(
                    ":11:59: warning: 'defaultMapping' names a schema that is not one of the variants: "
                        + "a value no mapping names fails to decode")
            }, "\(result.diagnostics)")
    }

    @Test func itemSchemaTypesJSONLinesAndJSONSequenceItems() throws {
        let (document, _) = try IRFixtures.specDocument("oas32.yaml")
        #expect(document.operation("listNotes")?.responses.first?.content.first?.type == .array(.named("Note")))
        #expect(document.operation("noteSequence")?.responses.first?.content.first?.type == .array(.named("Note")))
    }

    @Test func anEventsDataWithAJSONContentSchemaIsTypedAndPlainDataIsText() throws {
        let (document, _) = try IRFixtures.specDocument("oas32.yaml")
        #expect(document.operation("noteEvents")?.responses.first?.content.first?.type == .array(.named("Note")))
        #expect(
            document.operation("noteTicks")?.responses.first?.content.first?.type
                == .array(.primitive(.string, format: nil)))
    }

    @Test func aMediaTypeComponentIsFollowedWithItsDataValueExample() throws {
        let (document, _) = try IRFixtures.specDocument("oas32.yaml")
        let body = try #require(document.operation("createNote")?.requestBody?.content.first)
        #expect(body.type == .named("Note"))
        #expect(body.example == .object(["id": .int(1), "text": .string("hello")]))
    }

    @Test func theSecuritySchemesKeepDeprecationAndTheDeviceFlow() throws {
        let (document, _) = try IRFixtures.specDocument("oas32.yaml")
        #expect(document.securitySchemes.first { $0.name == "legacyKey" }?.deprecated == true)
        guard case .object(let flows)? = document.securitySchemes.first(where: { $0.name == "device" })?.flows else {
            Issue.record("no flows on 'device'")
            return
        }
        #expect(flows.keys.sorted() == ["deviceAuthorization"])
    }

    @Test func anUnknownMinorIsRefusedNamingTheOnesRead() throws {
        let result = try IRFixtures.readText("openapi: 3.3.0\ninfo: {title: t, version: '1'}\npaths: {}\n")
        #expect(
            result.diagnostics.map(\.message) == [
                "unknown OpenAPI version '3.3.0'; SpecGen reads 3.0.x, 3.1.x and 3.2.x (and Swagger 2.0)"
            ])
    }

    @Test func webhooksAndOptionalPathsAreThreeOneRulesThatThreeTwoKeeps() throws {
        let result = try IRFixtures.readText(
            """
            openapi: 3.2.0
            info: {title: t, version: '1'}
            webhooks:
              ping:
                post: {}
            """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.document?.webhooks.map(\.id) == ["ping"])
    }

    @Test func querystringIsStillAnErrorBeforeThreeTwo() throws {
        let result = try IRFixtures.readText(
            """
            openapi: 3.1.0
            info: {title: t, version: '1'}
            paths:
              /a:
                get:
                  operationId: a
                  parameters:
                    - {name: q, in: querystring, content: {application/json: {schema: {type: object}}}}
                  responses: {'204': {description: ok}}
            """)
        #expect(
            result.diagnostics.map(\.description).map {
                $0.replacingOccurrences(of: IRFixtures.fixture("inline.yaml"), with: "")
            }
                == [
                    ":8:25: error: parameter 'q' is in 'querystring'; OpenAPI 3 knows path, query, header and cookie"
                ])
    }

    @Test func serversKeepTheirNameAndVariables() throws {
        let (document, _) = try IRFixtures.specDocument("oas32.yaml")
        #expect(document.servers.map(\.name) == ["production", "local"])
        let variables = try #require(document.servers.last?.variables)
        #expect(variables.map(\.name) == ["host", "port", "base"])
        #expect(variables.map(\.defaultValue) == ["127.0.0.1", "8080", "v1"])
        #expect(variables[1].enumValues == ["8080", "8443"])
        #expect(variables[1].description == "The port it listens on.")
    }

    @Test func aServerVariableWithoutADefaultIsAWarning() throws {
        let result = try IRFixtures.readText(
            """
            openapi: 3.2.0
            info: {title: t, version: '1'}
            servers:
              - url: 'https://{region}.example.com/{stage}'
                variables:
                  region: {enum: [eu, us]}
                  stage: {description: no default}
            paths: {}
            """)
        #expect(
            result.diagnostics.map(\.description).map {
                $0.replacingOccurrences(of: IRFixtures.fixture("inline.yaml"), with: "")
            } == [
                ":6:7: warning: server variable 'region' has no 'default', which OpenAPI requires; its first value 'eu' is used",
                ":7:7: warning: server variable 'stage' has no 'default', which OpenAPI requires; callers must pass one",
            ])
        #expect(result.document?.servers.first?.variables?.map(\.defaultValue) == ["eu", nil])
    }

    @Test func aQuerystringParameterIsTheWholeQueryStringOfItsMediaType() throws {
        let (document, _) = try IRFixtures.specDocument("oas32.yaml")
        let form = try #require(document.operation("noteSequence")?.parameters.first)
        #expect(form.location == .querystring)
        #expect(form.contentMediaType == "application/x-www-form-urlencoded")
        #expect(form.style == nil && form.explode == nil)
        let json = try #require(document.operation("findNotes")?.parameters.first)
        #expect(json.location == .querystring && json.required)
        #expect(json.contentMediaType == "application/json")
        #expect(json.type == .named("NoteSearch"))
    }

    /// Diagnostics of a 3.2 operation with `parameters` in flow style (line 8 onwards).
    static func querystringDiagnostics(_ parameters: String) throws -> [String] {
        let result = try IRFixtures.readText(
            """
            openapi: 3.2.0
            info: {title: t, version: '1'}
            paths:
              /a:
                get:
                  operationId: a
                  parameters:
            \(parameters)
                  responses: {'204': {description: ok}}
            """)
        return result.diagnostics.map(\.description).map {
            $0.replacingOccurrences(of: IRFixtures.fixture("inline.yaml"), with: "")
        }
    }

    @Test func aQueryParameterBesideAQuerystringIsALocatedError() throws {
        let diagnostics = try Self.querystringDiagnostics(
            """
                    - {name: q, in: querystring, content: {application/json: {schema: {type: object}}}}
                    - {name: limit, in: query, schema: {type: integer}}
            """)
        #expect(
            diagnostics == [
                ":9:29: error: operation 'a' has the querystring parameter 'q' and the query parameter 'limit'; a querystring parameter is the whole query string, so no 'in: query' parameter may stand beside it"
            ])
    }

    @Test func twoQuerystringParametersAreALocatedError() throws {
        let diagnostics = try Self.querystringDiagnostics(
            """
                    - {name: q, in: querystring, content: {application/json: {schema: {type: object}}}}
                    - {name: r, in: querystring, content: {application/json: {schema: {type: object}}}}
            """)
        #expect(
            diagnostics == [
                ":9:25: error: operation 'a' has two querystring parameters, 'q' and 'r'; it may have one"
            ])
    }

    @Test func aQuerystringWithASchemaInsteadOfContentIsALocatedError() throws {
        let diagnostics = try Self.querystringDiagnostics(
            """
                    - {name: q, in: querystring, schema: {type: object}}
            """)
        #expect(
            diagnostics == [
                ":8:46: error: parameter 'q' is in 'querystring', so it needs 'content' with one media type (and no 'schema'): the whole query string is one value of it"
            ])
    }

    @Test func aQuerystringOfAnotherMediaTypeIsLeftOutWithAWarning() throws {
        let diagnostics = try Self.querystringDiagnostics(
            """
                    - {name: q, in: querystring, style: form, content: {text/plain: {schema: {type: string}}}}
            """)
        #expect(
            diagnostics == [
                ":8:38: warning: 'style' is ignored on the querystring parameter 'q': its media type 'text/plain' says how it is written",
                ":8:61: warning: the querystring parameter 'q' is left out: SpecGen writes a query string as application/x-www-form-urlencoded or JSON, not 'text/plain'",
            ])
    }

    @Test func itemSchemaOnAMediaTypeThatIsNoStreamOfJSONIsAWarning() throws {
        let result = try IRFixtures.readText(
            """
            openapi: 3.2.0
            info: {title: t, version: '1'}
            paths:
              /a:
                get:
                  operationId: a
                  responses:
                    '200':
                      description: ok
                      content:
                        multipart/mixed:
                          itemSchema: {type: string}
            """)
        #expect(
            result.diagnostics.map(\.message) == [
                "'itemSchema' (OpenAPI 3.2) is ignored on 'multipart/mixed': SpecGen types the items of application/json-seq, application/jsonl, application/jsonlines, application/x-jsonlines, application/x-ndjson, text/event-stream only"
            ])
    }
}
