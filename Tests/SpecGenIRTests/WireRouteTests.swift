import SpecGenIR
import SpecGenYAML
import Testing

/// Wire routes: fragments dropped, query constants from the path key, constant headers and
/// query parameters taken out of the inputs, clashes reported, the AWS JSON profile.
@Suite struct WireRouteTests {
    @Test func constantsComeFromThePathKeyAndOneValueParameters() throws {
        let (document, _) = try IRFixtures.document("routes.yaml")
        let one = try #require(document.operation("one"))
        #expect(one.specPath == "/#One")
        #expect(
            one.route
                == WireRoute(
                    method: .post, path: "/",
                    constantHeaders: [RouteConstant(name: "X-Amz-Target", value: "Svc_2020.One")]))
        // An optional one-value header is an input, not a constant: the caller may leave it out.
        #expect(one.parameters.map(\.name) == ["X-Trace"])
        #expect(
            try #require(document.operation("two")).route.constantHeaders == [
                RouteConstant(name: "X-Amz-Target", value: "Svc_2020.Two")
            ])
        let list = try #require(document.operation("listItems"))
        #expect(
            list.route
                == WireRoute(
                    method: .get, path: "/items",
                    constantQuery: [
                        RouteConstant(name: "Action", value: "List"), RouteConstant(name: "Version", value: "2"),
                    ]))
        #expect(list.parameters.map(\.name) == ["page"])
        let byMode = try #require(document.operation("getItemsByMode"))
        #expect(byMode.route.constantQuery == [RouteConstant(name: "mode", value: "full")])
        #expect(byMode.parameters.isEmpty)
        // The constants' one-value enums are not kept as types: nothing the user passes uses them.
        #expect(!document.types.contains { $0.id.hasPrefix("OneXAmzTarget") || $0.id.hasPrefix("TwoXAmzTarget") })
    }

    @Test func awsJSONProfileFromMediaTypeAndTargets() throws {
        let (document, _) = try IRFixtures.document("routes.yaml")
        #expect(document.protocol == APIProtocol(kind: .awsJSON, version: "1.0", targetPrefix: "Svc_2020"))
        let overridden = IRFixtures.read(
            IRFixtures.fixture("routes.yaml"), options: ReaderOptions(protocolOverride: APIProtocol(kind: .rest)))
        #expect(overridden.document?.protocol == APIProtocol(kind: .rest))
        let (petstore, _) = try IRFixtures.document("petstore-openapi.yaml")
        #expect(petstore.protocol == APIProtocol(kind: .rest))
    }

    @Test func aTargetHeaderAloneMakesAnAWSJSONAPI() throws {
        let result = try IRFixtures.readText(
            """
            openapi: 3.0.0
            info: {title: t, version: '1'}
            paths:
              /:
                post:
                  operationId: go
                  parameters:
                  - {name: x-amz-target, in: header, required: true, schema: {type: string, enum: [Acme_1.Go]}}
                  responses:
                    '204': {description: Done.}
            """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.document?.protocol == APIProtocol(kind: .awsJSON, version: nil, targetPrefix: "Acme_1"))
    }

    @Test func twoOperationsOnOneWireRouteAreAWarningNamingBothAndBothAreKept() throws {
        let result = IRFixtures.read(IRFixtures.fixture("routes-duplicate.yaml"))
        #expect(result.errors.isEmpty, "\(result.errors)")
        let warning = try #require(result.warnings.first { $0.message.contains("same wire route") })
        #expect(warning.message.contains("'listFirst' and 'listSecond' have the same wire route (GET /?Action=List)"))
        #expect(warning.message.contains("routes every such request to 'listFirst'"))
        #expect(warning.mark.line == 11)
        #expect(result.document?.operations.map(\.id) == ["listFirst", "listSecond"])
    }

    /// Box's token endpoint: `/oauth2/token` and `/oauth2/token#refresh`, same method, bodies only.
    @Test func fragmentTwinsLikeBoxsTokenEndpointGenerateBoth() throws {
        let (document, diagnostics) = try IRFixtures.document("routes-fragment-twins.yaml")
        #expect(document.operations.map(\.id) == ["requestAccessToken", "refreshAccessToken"])
        #expect(document.operations.map(\.route.path) == ["/oauth2/token", "/oauth2/token"])
        let clash = diagnostics.containing("same wire route")
        #expect(clash.count == 1)
        #expect(clash.first?.severity == .warning)
        #expect(clash.first?.mark.line == 15)
    }

    @Test func routeSummaryShowsEveryConstant() {
        let route = WireRoute(
            method: .post, path: "/", constantHeaders: [RouteConstant(name: "X-Amz-Target", value: "S.Op")],
            constantQuery: [RouteConstant(name: "b", value: "2"), RouteConstant(name: "a", value: "1")])
        #expect(route.summary == "POST /?a=1&b=2 X-Amz-Target: S.Op")
    }
}
