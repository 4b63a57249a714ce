import Foundation
import GoldenHostile
import HTTPTypes
import OpenAPIRuntime
import SpecGenRuntime
import Testing

/// Specs/hostile.yaml puts comment ends, triple quotes, interpolations, backticks, newlines,
/// `#if` and bidi overrides into names, descriptions, enum values, keys and defaults. Its golden
/// compiles with warnings as errors (a build target); here its values come back exactly as written.
@Suite("Generated code from a hostile spec")
struct HostileSpecTests {
    @Test(arguments: [
        "*/", "\"\"\"", "\\(x)", "`", "a\nb", "#if", "\u{202E}", "", "self", "undocumented", "SELF", "self_",
    ])
    func enumValuesRoundTripExactly(_ value: String) throws {
        let decoded = Protocol_(rawValue: value)
        #expect(decoded.rawValue == value)
        guard case .undocumented = decoded else { return }
        Issue.record("'\(value)' is listed in the spec but decoded as undocumented")
    }

    @Test func defaultsAndKeysAreTheSpecsText() throws {
        #expect(Type_().class_ == "\\(fatalError())\"")
        let value = Type_(self_: "s", weirdKey: "w", _2fa: 2, init_: true, protocol_: ._asteriskSolidus, name: "n")
        let json =
            try JSONSerialization.jsonObject(with: WireProfile.rest.makeEncoder().encode(value)) as? [String: Any]
        #expect(json?["weird key\n\"\\"] as? String == "w")
        #expect(json?["self"] as? String == "s")
        #expect(json?["2fa"] as? Int == 2)
        #expect(json?["Protocol"] as? String == "*/")
        #expect(json?["\u{202E}name"] as? String == "n")
        #expect(json?["class"] as? String == "\\(fatalError())\"")
    }

    @Test func integerEnumValuesKeepTheirSign() {
        #expect(_AsteriskSolidus(rawValue: -1) == .valueMinus1)
        #expect(_AsteriskSolidus(rawValue: 9_007_199_254_740_993).rawValue == 9_007_199_254_740_993)
    }

    @Test func hostileParameterNamesStayData() async throws {
        let transport = CannedTransport(body: "{}")
        let client = Client(serverURL: URL(string: "http://127.0.0.1:1")!, transport: transport)
        _ = try await client.getItemExit1(GetItemExit1Input(itEm: "*/", self_: "\\(x)", xEvilHeader: "v"))
        let (request, _) = try #require(transport.requests.first)
        #expect(request.path == "/items/%2A%2F?self=%5C%28x%29")
    }

    /// The stub answers with the spec's example: every string as written, nothing run.
    @Test func stubAnswersTheExampleAsWritten() async throws {
        let value = try await APIStubs().getItemExit1(GetItemExit1Input(itEm: "x")).body
        #expect(value.self_ == "\"); exit(1); (\"")
        #expect(value.class_ == "\\(fatalError())")
        #expect(value.weirdKey == "*/ \"\"\" \u{202E}")
        #expect(value.protocol_?.rawValue == "\"\"\"")
    }

    /// Hostile media types and header names of responses are literals the code sends as written.
    @Test func hostileResponseTextStaysData() throws {
        let response = try GetItemExit1Error.notFound(TypedResponse(status: 404, body: Type_())).serverResponse(
            profile: .rest)
        #expect(response.status == 404)
        #expect(response.contentType == "application/json\"; exit(1)")
        var fields = GetItemExit1OkHeaders.Fields()
        try GetItemExit1OkHeaders(fields2: "f", self_: "s").write(to: &fields)
        #expect(try GetItemExit1OkHeaders(from: fields) == GetItemExit1OkHeaders(fields2: "f", self_: "s"))
    }

    /// Hostile part names, part media types and part header names are literals sent as written
    /// (a header name that is no HTTP token, `X-Evil"Part */`, cannot travel: it is left out, as a
    /// response header of that name is).
    @Test func hostileMultipartTextStaysData() async throws {
        let part = UploadPartsPart.fiLe(
            MultipartPartWithHeaders(
                MultipartFile(HTTPBody("x")), headers: UploadPartsPartFiLeHeaders(xEvilPart: "e", write2: 2, xTag: "t"))
        )
        let raw = try part.rawPart(profile: .rest)
        #expect(raw.name == "fi\"le */")
        #expect(raw.contentType == "text/plain\"; exit(1) //")
        #expect(raw.headerFields[HTTPField.Name("X-Tag")!] == "t")
        #expect(raw.headerFields[HTTPField.Name("write")!] == "2")
        // Received, the part lacks the required header that could not travel: refused, both named.
        await #expect {
            _ = try await UploadPartsPart.decode(raw, profile: .rest)
        } throws: { error in
            "\(error)" == #"the part 'fi"le */' has a bad header: header 'X-Evil"Part */' is required"#
        }
    }

    /// A callback's name and URL expression: data in the route, the method and the constant.
    @Test func hostileCallbackTextStaysData() throws {
        #expect(
            WebhooksClient.getItemExit1OnEvilExit1URL.template
                == "{$request.body#/x\"); exit(1); //*/ \u{202E}}?q={$request.header.X-Evil\"Header}")
        let receiver = InMemoryServer()
        try EvilCallbacks().registerHandlers(on: receiver)
        #expect(
            receiver.registrations == [
                "POST /get-item%22%3B%20exit%281%29%3B%20%2F%2F/on%22Evil%20%2A%2F%20%5C%28exit%281%29%29"
            ])
    }
}

struct EvilCallbacks: APIWebhookHandler {
    func getItemExit1OnEvilExit1() async throws -> NoContent { NoContent() }

    @Test func hostileServerTextStaysData() {
        #expect(Client.Servers.Server1ReGion.allCases.map(\.rawValue) == ["e\"u", "case", "\\(x)"])
        #expect(Client.Servers.server2()?.absoluteString == URL(string: "/\"\\(exit(1))")?.absoluteString)
        #expect(
            Client.Servers.server1(reGion: .case_)?.absoluteString
                == URL(string: "https://case.example.com/\\(exit(1))")?.absoluteString)
    }
}
