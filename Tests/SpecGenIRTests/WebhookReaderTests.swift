import SpecGenIR
import SpecGenYAML
import Testing

@Suite("Webhooks and callbacks")
struct WebhookReaderTests {
    @Test func webhooksAreReadAsOperationsWithAReceiverPath() throws {
        let result = try IRFixtures.readText(
            """
            openapi: 3.1.0
            info: {title: t, version: '1'}
            webhooks:
              newPet:
                post:
                  requestBody:
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/Pet'}
                  responses:
                    '204': {description: Received.}
              'pet/removed':
                post:
                  operationId: petRemoved
                  responses:
                    '204': {description: Received.}
                delete:
                  responses:
                    '204': {description: Received.}
            components:
              schemas:
                Pet: {type: object, properties: {name: {type: string}}}
            """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let document = try #require(result.document)
        #expect(document.operations.isEmpty)
        #expect(document.webhooks.map(\.id) == ["newPet", "petRemoved", "pet/removedDelete"])
        #expect(document.webhooks.map(\.specPath) == ["newPet", "pet/removed", "pet/removed"])
        // The receiver's path is the name as one segment: `/` in it cannot make two.
        #expect(document.webhooks.map(\.route.path) == ["/newPet", "/pet%2Fremoved", "/pet%2Fremoved"])
        #expect(document.webhooks[0].requestBody?.content.first?.type == .named("Pet"))
        #expect(document.webhooks[0].idIsDerived == true)
        #expect(document.webhooks[1].idIsDerived == nil)
        #expect(document.type("Pet") != nil)
    }

    @Test func callbacksOfA30OperationAreReadWithTheirExpressions() throws {
        let result = try IRFixtures.readText(
            """
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths:
              /streams:
                post:
                  operationId: subscribe
                  responses:
                    '201': {description: Subscribed.}
                  callbacks:
                    onData:
                      '{$request.query.callbackUrl}/data':
                        post:
                          requestBody:
                            content:
                              application/json:
                                schema: {type: object, properties: {value: {type: integer}}}
                          responses:
                            '202': {description: Received.}
                    onEnd:
                      $ref: '#/components/callbacks/End'
            components:
              callbacks:
                End:
                  'https://hooks.example/end?id={$request.body#/id}':
                    post:
                      operationId: streamEnded
                      responses:
                        '204': {description: Received.}
            """)
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.warnings.containing("not generated yet").isEmpty)
        let operation = try #require(result.document?.operation("subscribe"))
        let callbacks = try #require(operation.callbacks)
        #expect(callbacks.map(\.name) == ["onData", "onEnd"])
        #expect(
            callbacks.map(\.expression) == [
                "{$request.query.callbackUrl}/data", "https://hooks.example/end?id={$request.body#/id}",
            ])
        #expect(callbacks.map { $0.operations.map(\.id) } == [["subscribeOnData"], ["streamEnded"]])
        #expect(callbacks[0].operations[0].route.path == "/subscribe/onData")
        #expect(callbacks[0].operations[0].specPath == "{$request.query.callbackUrl}/data")
        #expect(callbacks[0].operations[0].requestBody?.content.first?.type == .named("SubscribeOnDataRequest"))
        // The inline body's type is reachable through the callback, so it is kept.
        #expect(result.document?.type("SubscribeOnDataRequest") != nil)
        #expect(result.document?.sentOperations.map(\.id) == ["subscribeOnData", "streamEnded"])
    }

    @Test func aMalformedWebhookIsOneLocatedWarning() throws {
        let result = try IRFixtures.readText(
            """
            openapi: 3.1.0
            info: {title: t, version: '1'}
            webhooks:
              newPet: [post]
              petGone:
                post:
                  responses:
                    '204': {description: Received.}
            """)
        #expect(result.errors.isEmpty)
        #expect(
            result.warnings.map(\.description) == [
                "\(IRFixtures.fixture("inline.yaml")):4:11: warning: webhook 'newPet' should be a path item (a mapping of methods), not a sequence; it is ignored"
            ])
        #expect(result.document?.webhooks.map(\.id) == ["petGone"])
    }

    @Test func aMalformedCallbackExpressionIsOneLocatedError() throws {
        let result = try IRFixtures.readText(
            """
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths:
              /streams:
                post:
                  operationId: subscribe
                  responses:
                    '201': {description: Subscribed.}
                  callbacks:
                    onData:
                      '{$request.bodyy}/data':
                        post:
                          responses:
                            '202': {description: Received.}
            """)
        let error = try #require(result.errors.first)
        #expect(result.errors.count == 1)
        #expect(
            error.message
                == "callback 'onData' of 'subscribe' has an invalid URL expression '{$request.bodyy}/data': '{$request.bodyy}' is not a runtime expression ($url, $method, $statusCode, $request.header.NAME, $request.query.NAME, $request.path.NAME, $request.body#/POINTER, or the same of $response); it is ignored"
        )
        #expect((error.mark.line, error.mark.column) == (11, 11))
    }

    @Test func webhooksInA30DocumentAreIgnoredWithAWarning() throws {
        let result = try IRFixtures.readText(
            """
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths: {}
            webhooks:
              newPet:
                post:
                  responses:
                    '200': {description: Received.}
            """)
        #expect(
            result.warnings.map(\.message) == [
                "'webhooks' are an OpenAPI 3.1 field; this document is 3.0.3, so they are ignored"
            ])
        #expect(result.warnings.first?.mark.line == 4)
        #expect(result.document?.webhooks.isEmpty == true)
    }

    @Test func idsAreUniqueAcrossOperationsWebhooksAndCallbacks() throws {
        let result = try IRFixtures.readText(
            """
            openapi: 3.1.0
            info: {title: t, version: '1'}
            paths:
              /streams:
                post:
                  operationId: subscribe
                  responses:
                    '201': {description: Subscribed.}
                  callbacks:
                    onData:
                      '{$request.query.url}':
                        post:
                          responses:
                            '204': {description: Received.}
              /data:
                get:
                  operationId: subscribeOnData
                  responses:
                    '204': {description: Read.}
            webhooks:
              newPet:
                post:
                  operationId: subscribe
                  responses:
                    '204': {description: Received.}
            """)
        // The derived id steps aside; a written one used twice is an error where it is written.
        #expect(result.document?.sentOperations.map(\.id) == ["subscribe", "subscribeOnData2"])
        #expect(
            result.errors.map(\.message) == [
                "operation id 'subscribe' is used twice; ids are unique across operations, webhooks and callbacks"
            ])
        #expect((result.errors.first?.mark.line, result.errors.first?.mark.column) == (23, 20))
    }
}
