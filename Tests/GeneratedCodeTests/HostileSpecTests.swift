import Foundation
import GoldenHostile
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
}
