import Foundation
import HTTPTypes
@_spi(Generated) import OpenAPIRuntime
import Testing

@testable import SpecGenRuntime

/// The OpenAPI 3.1.1 "Style Examples" table (RFC 6570 for `label`, whose non-exploded lists use commas),
/// checked both ways: the client writes exactly these bytes, the server reads them back into the value.
// swift-format-ignore: AlwaysUseLowerCamelCase
// The keys are the spec table's, R, G and B.
struct RGB: Codable, Hashable {
    var R: Int
    var G: Int
    var B: Int
}

let colors = ["blue", "black", "brown"]
let rgb = RGB(R: 100, G: 200, B: 150)

private func pathText(_ value: some Encodable, _ encoding: ParameterEncoding) throws -> String {
    var request = ClientRequest(operationID: "op", method: .get, path: "/c/{color}")
    try request.path("color", value, encoding)
    return String(request.pathAndQuery.dropFirst(3))
}

private func serverRequest(path: String = "/c", segment: String? = nil, headers: HTTPFields = [:]) -> ServerRequest {
    ServerRequest(
        head: HTTPRequest(method: .get, scheme: nil, authority: nil, path: path, headerFields: headers), body: [],
        pathParameters: segment.map { ["color": Substring($0)] } ?? [:], profile: .rest)
}

private func queryText(_ value: some Encodable, _ encoding: ParameterEncoding) throws -> String {
    var request = ClientRequest(operationID: "op", method: .get, path: "/c")
    try request.query("color", value, encoding)
    return String(request.pathAndQuery.dropFirst(3))
}

@Suite struct PathStyleTests {
    @Test(arguments: [
        (ParameterEncoding(.simple, explode: false), "blue", "blue,black,brown", "R,100,G,200,B,150"),
        (ParameterEncoding(.simple, explode: true), "blue", "blue,black,brown", "R=100,G=200,B=150"),
        (ParameterEncoding(.label, explode: false), ".blue", ".blue,black,brown", ".R,100,G,200,B,150"),
        (ParameterEncoding(.label, explode: true), ".blue", ".blue.black.brown", ".R=100.G=200.B=150"),
        (
            ParameterEncoding(.matrix, explode: false), ";color=blue", ";color=blue,black,brown",
            ";color=R,100,G,200,B,150"
        ),
        (
            ParameterEncoding(.matrix, explode: true), ";color=blue", ";color=blue;color=black;color=brown",
            ";R=100;G=200;B=150"
        ),
    ])
    func specTable(encoding: ParameterEncoding, string: String, array: String, object: String) throws {
        #expect(try pathText("blue", encoding) == string)
        #expect(try pathText(colors, encoding) == array)
        #expect(try pathText(rgb, encoding) == object)
        #expect(try serverRequest(segment: string).path("color", as: String.self, encoding) == "blue")
        #expect(try serverRequest(segment: array).path("color", as: [String].self, encoding) == colors)
        #expect(try serverRequest(segment: object).path("color", as: RGB.self, encoding) == rgb)
    }

    @Test func delimitersInsideValuesAreEscaped() throws {
        let values = ["a,b", "c.d;e=f", "g h/é"]
        for encoding in [
            ParameterEncoding(.simple, explode: false), ParameterEncoding(.label, explode: true),
            ParameterEncoding(.matrix, explode: true),
        ] {
            let text = try pathText(values, encoding)
            #expect(!text.contains("/") && !text.contains(" "))
            #expect(try serverRequest(segment: text).path("color", as: [String].self, encoding) == values)
        }
        #expect(try pathText(values, ParameterEncoding(.simple, explode: false)) == "a%2Cb,c.d%3Be%3Df,g%20h%2F%C3%A9")
    }

    @Test func malformedPathValuesNameTheParameter() {
        #expect(throws: ParameterError(.path, "color", .malformed("a label value starts with '.'"))) {
            try serverRequest(segment: "blue").path("color", as: String.self, ParameterEncoding(.label, explode: false))
        }
        #expect(throws: ParameterError(.path, "color", .malformed("'x' is not a valid Int"))) {
            try serverRequest(segment: "1,x").path("color", as: [Int].self, .pathDefault)
        }
        #expect(throws: ParameterError(.path, "color", .missingProperty("B"))) {
            try serverRequest(segment: "R,1,G,2").path("color", as: RGB.self, .pathDefault)
        }
        #expect(throws: ParameterError(.path, "color", .malformed("an object needs a value for each name"))) {
            try serverRequest(segment: "R,1,G").path("color", as: RGB.self, .pathDefault)
        }
    }
}

@Suite struct QueryStyleTests {
    @Test(arguments: [
        (ParameterEncoding(.form, explode: false), "color=blue", "color=blue,black,brown", "color=R,100,G,200,B,150"),
        (
            ParameterEncoding(.form, explode: true), "color=blue", "color=blue&color=black&color=brown",
            "R=100&G=200&B=150"
        ),
        (
            ParameterEncoding(.spaceDelimited, explode: false), "color=blue", "color=blue%20black%20brown",
            "color=R%20100%20G%20200%20B%20150"
        ),
        (
            ParameterEncoding(.pipeDelimited, explode: false), "color=blue", "color=blue%7Cblack%7Cbrown",
            "color=R%7C100%7CG%7C200%7CB%7C150"
        ),
        (
            ParameterEncoding(.deepObject, explode: true), "color=blue", "color=blue&color=black&color=brown",
            "color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150"
        ),
    ])
    func specTable(encoding: ParameterEncoding, string: String, array: String, object: String) throws {
        #expect(try queryText("blue", encoding) == string)
        #expect(try queryText(colors, encoding) == array)
        #expect(try queryText(rgb, encoding) == object)
        #expect(try serverRequest(path: "/c?" + string).query("color", as: String.self, encoding) == "blue")
        #expect(try serverRequest(path: "/c?" + array).query("color", as: [String].self, encoding) == colors)
        #expect(try serverRequest(path: "/c?" + object).query("color", as: RGB.self, encoding) == rgb)
    }

    @Test(arguments: [
        (CollectionFormat.csv, "color=blue,black,brown"), (.ssv, "color=blue%20black%20brown"),
        (.tsv, "color=blue%09black%09brown"),
        (.pipes, "color=blue%7Cblack%7Cbrown"), (.multi, "color=blue&color=black&color=brown"),
    ])
    func swaggerCollectionFormats(format: CollectionFormat, wire: String) throws {
        #expect(try queryText(colors, format.encoding) == wire)
        #expect(try serverRequest(path: "/c?" + wire).query("color", as: [String].self, format.encoding) == colors)
    }

    @Test func swaggerCSVInAPathIsTheSimpleStyle() throws {
        #expect(try pathText(colors, CollectionFormat.csv.encoding(in: .path)) == "blue,black,brown")
    }

    @Test func absentParametersAreNilAndOthersAreKept() throws {
        let request = serverRequest(path: "/c?other=1&size=3")
        #expect(try request.query("color", as: [String].self, .queryDefault) == nil)
        #expect(try request.query("color", as: [String].self, ParameterEncoding(.pipeDelimited, explode: false)) == nil)
        #expect(try request.query("color", as: RGB.self, .queryDefault) == nil)
        #expect(try request.query("color", as: RGB.self, ParameterEncoding(.deepObject, explode: true)) == nil)
        #expect(try request.query("size", as: Int.self, .queryDefault) == 3)
        #expect(throws: ParameterError(.query, "color", .missing)) {
            try request.query("color", required: String.self, .queryDefault)
        }
    }

    @Test func typedValuesRoundTrip() throws {
        struct Filter: Codable, Hashable {
            enum Kind: String, Codable { case open, closed }
            var kind: Kind
            var since: Date
            var limit: Int?
            var exact: Bool
        }
        let filter = Filter(kind: .closed, since: Date(timeIntervalSince1970: 1_700_000_000), limit: nil, exact: true)
        for encoding in [
            ParameterEncoding(.deepObject, explode: true), ParameterEncoding(.form, explode: false), .queryDefault,
        ] {
            let text = try queryText(filter, encoding)
            #expect(try serverRequest(path: "/c?" + text).query("color", as: Filter.self, encoding) == filter)
        }
        #expect(
            try queryText(filter, ParameterEncoding(.deepObject, explode: true))
                == "color%5Bkind%5D=closed&color%5Bsince%5D=2023-11-14T22%3A13%3A20Z&color%5Bexact%5D=true")
        #expect(try queryText([1.5, 2], ParameterEncoding(.form, explode: false)) == "color=1.5,2.0")
        #expect(try queryText("a b&c=d", .queryDefault) == "color=a%20b%26c%3Dd")
        #expect(try serverRequest(path: "/c?color=a+b%26c").query("color", as: String.self, .queryDefault) == "a b&c")
    }

    /// Transports build a URL from the request target (swift-openapi-urlsession through
    /// `URLComponents(string:)`). A character RFC 3986 does not allow in a query, such as a literal
    /// `|` or `[`, makes Foundation re-escape the whole query, `%` included: connexion then read
    /// `navy%20blue` for `navy blue`. Every style's target must be a URI Foundation keeps as it is.
    @Test(arguments: [
        ParameterEncoding(.form, explode: false), ParameterEncoding(.form, explode: true),
        ParameterEncoding(.spaceDelimited, explode: false), ParameterEncoding(.pipeDelimited, explode: false),
        ParameterEncoding(.deepObject, explode: true),
    ])
    func requestTargetsAreURIsFoundationKeepsAsTheyAre(encoding: ParameterEncoding) throws {
        // No value holds its style's delimiter (a space, a `|`): those styles cannot carry one.
        let values = ["navy", "a&b=c", "x+y", "100%", "[é]"]
        let object = ["R": "navy", "G": "100%", "B": "[x=y]"]
        for text in [try queryText(values, encoding), try queryText(object, encoding)] {
            let components = try #require(URLComponents(string: "/c?" + text), "\(text)")
            #expect(components.percentEncodedQuery == text)
            #expect(URL(string: "http://127.0.0.1/c?" + text)?.query(percentEncoded: true) == text)
        }
        let list = try queryText(values, encoding)
        #expect(try serverRequest(path: "/c?" + list).query("color", as: [String].self, encoding) == values)
        #expect(
            try serverRequest(path: "/c?" + queryText(object, encoding)).query(
                "color", as: [String: String].self, encoding)
                == object)
    }

    /// The literal forms other clients send (OpenAPI 3.1.0's table) are still read.
    @Test func serversReadLiteralPipesAndBrackets() throws {
        let pipes = ParameterEncoding(.pipeDelimited, explode: false)
        let deep = ParameterEncoding(.deepObject, explode: true)
        #expect(try serverRequest(path: "/c?color=blue|black|brown").query("color", as: [String].self, pipes) == colors)
        #expect(
            try serverRequest(path: "/c?color[R]=100&color[G]=200&color[B]=150").query("color", as: RGB.self, deep)
                == rgb)
    }

    @Test func dictionariesAreSortedSoTheBytesAreStable() throws {
        let filter = ["size": "L", "brand": "Acme", "colour": "red"]
        let deep = ParameterEncoding(.deepObject, explode: true)
        #expect(try queryText(filter, deep) == "color%5Bbrand%5D=Acme&color%5Bcolour%5D=red&color%5Bsize%5D=L")
        #expect(
            try serverRequest(path: "/c?" + queryText(filter, deep)).query("color", as: [String: String].self, deep)
                == filter)
    }

    @Test func malformedQueryValuesNameTheParameter() {
        #expect(throws: ParameterError(.query, "limit", .malformed("'ten' is not a valid Int"))) {
            try serverRequest(path: "/c?limit=ten").query("limit", as: Int.self, .queryDefault)
        }
        #expect(throws: ParameterError(.query, "color", .malformed("'1x' is not a valid Int"))) {
            try serverRequest(path: "/c?color[R]=1x&color[G]=1&color[B]=1").query(
                "color", as: RGB.self, ParameterEncoding(.deepObject, explode: true))
        }
    }

    @Test func nestedValuesCannotBeParameters() {
        #expect(throws: EncodingError.self) { try queryText([[1, 2], [3]], .queryDefault) }
        #expect(throws: EncodingError.self) { try queryText(["a": rgb], ParameterEncoding(.deepObject, explode: true)) }
    }

    @Test func contentParametersAreJSON() throws {
        var request = ClientRequest(operationID: "op", method: .get, path: "/c")
        try request.queryJSON("filter", rgb)
        try request.headerJSON("X-Filter", rgb)
        #expect(request.pathAndQuery == "/c?filter=%7B%22B%22%3A150%2C%22G%22%3A200%2C%22R%22%3A100%7D")
        #expect(request.headerFields[HTTPField.Name("X-Filter")!] == #"{"B":150,"G":200,"R":100}"#)
        let server = serverRequest(path: request.pathAndQuery, headers: request.headerFields)
        #expect(try server.queryJSON("filter", as: RGB.self) == rgb)
        #expect(try server.headerJSON("X-Filter", as: RGB.self) == rgb)
        #expect(throws: ParameterError.self) {
            try serverRequest(path: "/c?filter=%7B").queryJSON("filter", as: RGB.self)
        }
    }

    /// The bytes agree with swift-openapi-runtime's own URI coder wherever it has the style, so servers
    /// generated by apple/swift-openapi-generator read what this client writes, and the other way round.
    @Test(arguments: [(SpecGenRuntime.ParameterStyle.form, false), (.form, true), (.deepObject, true)])
    func agreesWithOpenAPIRuntime(style: SpecGenRuntime.ParameterStyle, explode: Bool) throws {
        let converter = Converter(configuration: Configuration())
        let theirStyle: OpenAPIRuntime.ParameterStyle =
            style == SpecGenRuntime.ParameterStyle.form ? .form : .deepObject
        func theirs(_ value: some Encodable) throws -> String {
            var request = HTTPRequest(method: .get, scheme: nil, authority: nil, path: "/c")
            try converter.setQueryItemAsURI(
                in: &request, style: theirStyle, explode: explode, name: "color", value: value)
            return String(request.path!.dropFirst(3))
        }
        let encoding = ParameterEncoding(style, explode: explode)
        if style != SpecGenRuntime.ParameterStyle.deepObject {
            #expect(try queryText(colors, encoding) == theirs(colors))
            #expect(try queryText(["a b", "c,d"], encoding) == theirs(["a b", "c,d"]))
            let decoded = try converter.getOptionalQueryItemAsURI(
                in: try queryText(colors, encoding)[...], style: theirStyle,
                explode: explode, name: "color", as: [String].self)
            #expect(decoded == colors)
        }
        let object = try queryText(rgb, encoding)
        // OpenAPIRuntime sorts properties (`B,150,G,200,R,100`), this runtime keeps declaration order as the
        // spec's table does; each reads the other's. (It reads an exploded form object only by its own name.)
        if style != .form || !explode {
            let decoded = try converter.getOptionalQueryItemAsURI(
                in: object[...], style: theirStyle, explode: explode, name: "color", as: RGB.self)
            #expect(decoded == rgb)
        }
        #expect(try serverRequest(path: "/c?" + theirs(rgb)).query("color", as: RGB.self, encoding) == rgb)
    }
}

@Suite struct HeaderAndCookieStyleTests {
    @Test func headersAreSimple() throws {
        var request = ClientRequest(operationID: "op", method: .get, path: "/c")
        try request.header("X-Colors", colors, .headerDefault)
        try request.header("X-RGB", rgb, ParameterEncoding(.simple, explode: true))
        try request.header("X-Note", "a, b", .headerDefault)
        let fields = request.headerFields
        #expect(fields[HTTPField.Name("X-Colors")!] == "blue,black,brown")
        #expect(fields[HTTPField.Name("X-RGB")!] == "R=100,G=200,B=150")
        try request.header("X-Notes", ["a, b", "100%"], .headerDefault)
        #expect(fields[HTTPField.Name("X-Note")!] == "a, b")
        #expect(request.headerFields[HTTPField.Name("X-Notes")!] == "a%2C b,100%25")
        let server = serverRequest(headers: fields)
        #expect(try server.header("X-Colors", as: [String].self, .headerDefault) == colors)
        #expect(try server.header("X-RGB", as: RGB.self, ParameterEncoding(.simple, explode: true)) == rgb)
        #expect(try server.header("X-Note", as: String.self, .headerDefault) == "a, b")
        #expect(
            try serverRequest(headers: request.headerFields).header("X-Notes", as: [String].self, .headerDefault) == [
                "a, b", "100%",
            ])
        #expect(
            try serverRequest(headers: [HTTPField.Name("X-Note")!: "100%41"]).header(
                "X-Note", as: String.self, .headerDefault) == "100%41")
        #expect(try server.header("X-Absent", as: String.self, .headerDefault) == nil)
        #expect(throws: ParameterError(.header, "X-Colors", .malformed("'blue' is not a valid Int"))) {
            try server.header("X-Colors", as: [Int].self, .headerDefault)
        }
    }

    @Test func cookiesAreForm() throws {
        var request = ClientRequest(operationID: "op", method: .get, path: "/c")
        try request.cookie("session", "a b;c")
        try request.cookie("color", colors, ParameterEncoding(.form, explode: false))
        try request.cookie("tag", ["x", "y"], ParameterEncoding(.form, explode: true))
        #expect(request.headerFields[.cookie] == "session=a%20b%3Bc; color=blue,black,brown; tag=x; tag=y")
        let server = serverRequest(headers: request.headerFields)
        #expect(try server.cookie("session", as: String.self) == "a b;c")
        #expect(try server.cookie("color", as: [String].self, ParameterEncoding(.form, explode: false)) == colors)
        #expect(try server.cookie("tag", as: [String].self) == ["x", "y"])
        #expect(try server.cookie("absent", as: [String].self) == nil)
    }
}
