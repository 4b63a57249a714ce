import Foundation
import Testing

@testable import SpecGenYAML

@Suite("YAMLLoader: what a spec can contain")
struct YAMLLoaderTests {
    let loader = YAMLLoader()

    func load(_ fixture: String) throws -> Node {
        try loader.loadDocument(atPath: FixturePaths.fixture(fixture))
    }

    @Test func firstNonEmptyDocumentOfAStream() throws {
        let path = FixturePaths.fixture("multi-document.yaml")
        let documents = try loader.loadStream(atPath: path)
        #expect(documents.count == 2)
        #expect(documents[1].isNull)
        let spec = try loader.loadDocument(atPath: path)
        #expect(spec["swagger"]?.text == "2.0")
        #expect(spec["info"]?["title"]?.text == "first")
    }

    @Test func theECRSwaggerStreamReadsAsItsSpec() throws {
        let documents = try loader.loadStream(atPath: FixturePaths.spec("ecr-swagger.yaml"))
        #expect(documents.count == 2)
        let spec = try loader.loadDocument(atPath: FixturePaths.spec("ecr-swagger.yaml"))
        #expect(spec["swagger"]?.text == "2.0")
        #expect(spec["paths"]?.entries?.count == 3)
    }

    @Test func theECROpenAPISpecKeepsItsOddEmailAsASequence() throws {
        let spec = try loader.loadDocument(atPath: FixturePaths.spec("ecr-openapi.yaml"))
        let email = try #require(spec["info"]?["contact"]?["email"])
        #expect(email.items?.count == 1)
        #expect(email.mark.line == 8)
        #expect(email.mark.column == 12)
    }

    @Test func anchorsAliasesAndMergeKeys() throws {
        let root = try load("anchors-and-merge.yaml")
        let name = try #require(root["schemas"]?["RepositoryName"])
        #expect(name.entries?.map { $0.key.text } == ["type", "maxLength", "description"])
        #expect(name["maxLength"]?.resolved == .int(256))
        let tag = try #require(root["schemas"]?["Tag"])
        // Keys in the mapping win over merged ones; the first merged mapping wins over later ones.
        #expect(tag["maxLength"]?.resolved == .int(128))
        #expect(tag["type"]?.text == "string")
        #expect(tag["pattern"]?.text == "^[a-z]+$")
        #expect(tag.entries?.count == 3)
        let refs = try #require(root["refs"]?.items)
        #expect(refs[0].text == "repositoryName")
        #expect(refs[1]["maxLength"]?.text == "256")
        // An alias node carries the mark of the alias, where a diagnostic about it should point.
        #expect(refs[0].mark.line == 13)
    }

    @Test func everyScalarStyle() throws {
        let root = try load("scalar-styles.yaml")
        #expect(root["plain"]?.scalar == Scalar(text: "hello world", style: .plain))
        #expect(root["single"]?.scalar == Scalar(text: "it's quoted", style: .singleQuoted))
        #expect(root["double"]?.scalar == Scalar(text: "tab\there é \"q\"", style: .doubleQuoted))
        #expect(root["literal"]?.scalar == Scalar(text: "line one\n  line two\n", style: .literal))
        #expect(root["folded"]?.scalar == Scalar(text: "folded text\nparagraph\n", style: .folded))
        #expect(root["keep"]?.text == "kept\n\n")
        #expect(root["strip"]?.text == "stripped")
    }

    @Test func scalarsResolveByTheCoreSchemaAndKeepTheirText() throws {
        let root = try load("scalar-styles.yaml")
        #expect(root["version"]?.resolved == .float(1.1))
        #expect(root["version"]?.text == "1.10")
        #expect(root["octal"]?.resolved == .int(15))
        #expect(root["hex"]?.resolved == .int(31))
        #expect(root["null-word"]?.resolved == .null)
        #expect(root["tilde"]?.resolved == .null)
        #expect(root["empty"]?.resolved == .null)
        // YAML 1.2: `yes` is a string, not a boolean.
        #expect(root["yes-word"]?.resolved == .string("yes"))
        #expect(root["float"]?.resolved == .float(6.02e23))
        #expect(root["neg"]?.resolved == .int(-42))
        #expect(root["inf"]?.resolved == .float(-.infinity))
        #expect(root["quoted-number"]?.resolved == .string("42"))
    }

    @Test func flowAndBlockCollections() throws {
        let root = try load("flow-and-block.yaml")
        let c = try #require(root["block"]?.items?[1]["b"]?["c"]?.items)
        #expect(c.map { $0.resolved } == [.int(1), .int(2), nil])
        #expect(c[2]["d"]?.text == "e")
        #expect(root["flow"]?["x"]?.items?.map { $0.text } == ["y", "z"])
        #expect(root["flow"]?["w"]?.entries?.isEmpty == true)
        #expect(root["empty-seq"]?.items?.isEmpty == true)
        #expect(root["nested"]?.items?[0].items?[0].text == "inner")
    }

    @Test func nonStringKeysAreKeptAsWritten() throws {
        let root = try load("non-string-keys.yaml")
        let responses = try #require(root["responses"]?.entries)
        #expect(responses.map { $0.key.text } == ["200", "404", "default"])
        #expect(responses[0].key.resolved == .int(200))
        #expect(responses[1].key.resolved == .string("404"))
        #expect(root["responses"]?["200"]?["description"]?.text == "OK")
        #expect(root["flags"]?.entries?.map { $0.key.text } == ["true", "1.5", "~"])
    }

    @Test func commentsAreNotContent() throws {
        let root = try load("comments.yaml")
        #expect(root["openapi"]?.text == "3.1.0")
        #expect(root["info"]?["title"]?.text == "# not a comment")
        #expect(root["info"]?["url"]?.text == "http://example.com/#fragment")
        #expect(root["info"]?["title"]?.mark == Mark(file: FixturePaths.fixture("comments.yaml"), line: 6, column: 10))
    }

    @Test func byteOrderMarkAndCRLFLineEnds() throws {
        let root = try load("bom-crlf.yaml")
        #expect(root.entries?.first?.key.text == "openapi")
        #expect(root["info"]?["description"]?.text == "two\nlines\n")
        #expect(root["info"]?["title"]?.mark.line == 3)
        #expect(root["info"]?["title"]?.mark.column == 10)
    }

    @Test func jsonGoesThroughTheSameParser() throws {
        let compact = try load("compact.json")
        #expect(compact["paths"]?["/a"]?["get"]?["responses"]?["200"]?["description"]?.text == "ok")
        #expect(
            compact["list"]?.items?.map { $0.resolved } == [.int(1), .float(2.5), .bool(true), .null, .string("s")])
        #expect(compact["tabs"]?["k"]?.text == "v")
        let pretty = try load("pretty.json")
        #expect(pretty["info"]?["title"]?.text == "Pretty \"JSON\" é")
        #expect(pretty["info"]?["version"]?.mark.line == 5)
    }

    @Test func marksAreOneBasedLineAndColumn() throws {
        let root = try loader.loadDocument(Array("a:\n  b: [x, y]\n".utf8), file: "inline.yaml")
        let b = try #require(root["a"]?.entries?.first)
        #expect(b.key.mark == Mark(file: "inline.yaml", line: 2, column: 3))
        #expect(b.value.mark == Mark(file: "inline.yaml", line: 2, column: 6))
        #expect(b.value.items?[1].mark.column == 10)
        #expect(root.mark.description == "inline.yaml:1:1")
    }

    @Test func explicitTagsDecideResolution() throws {
        let root = try loader.loadDocument(Array("a: !!str 42\nb: !!int '7'\nc: !custom x\n".utf8), file: "t.yaml")
        #expect(root["a"]?.resolved == .string("42"))
        #expect(root["a"]?.tag == CoreTag.str)
        #expect(root["b"]?.resolved == .int(7))
        #expect(root["c"]?.tag == "!custom")
        #expect(root["c"]?.resolved == .string("x"))
    }
}

@Suite("YAMLLoader: JSON surrogate-pair escapes")
struct SurrogatePairTests {
    let loader = YAMLLoader()

    /// The column (1-based) where `needle` starts on `line` of the fixture, as an editor shows it.
    func column(of needle: String, line: Int) throws -> Int {
        let text = try String(contentsOfFile: FixturePaths.fixture("surrogate-pairs.json"), encoding: .utf8)
        let lineText = text.split(separator: "\n", omittingEmptySubsequences: false)[line - 1]
        let range = try #require(lineText.range(of: needle))
        return lineText.distance(from: lineText.startIndex, to: range.lowerBound) + 1
    }

    @Test func pairsAreTheirCharacterAndMarksStayTheFiles() throws {
        let root = try loader.loadDocument(atPath: FixturePaths.fixture("surrogate-pairs.json"))
        #expect(root["body"]?.text == "Hello! 👍")
        let after = try #require(root["after"]?.items)
        #expect(after[1].text == "x\u{1D11E}y")
        #expect(root["escaped"]?.text == "\\ud83d\\udc4d stays text")
        #expect(root["quote"]?.text == "\"😀\"")
        // Marks after a rewritten pair on the same line are the file's columns, not the rewrite's.
        let afterKey = try #require(root.entries?.first { $0.key.text == "after" }?.key)
        #expect(afterKey.mark.line == 2)
        #expect(afterKey.mark.column == (try column(of: "\"after\"", line: 2)))
        #expect(after[2].mark.column == (try column(of: "true", line: 2)))
        let quoteValue = try #require(root["quote"])
        #expect(quoteValue.mark.column == (try column(of: "\"\\\"\\ud83d", line: 3)))
        #expect(root["next"]?.mark.line == 4)
        #expect(root["next"]?.mark.column == 11)
    }

    @Test func aLoneSurrogateIsALocatedError() throws {
        let text = "{\"a\": 1,\n \"b\": \"x\\ud83d y\"}"
        do {
            _ = try loader.loadDocument(Array(text.utf8), file: "lone.json")
            Issue.record("a lone surrogate was accepted")
        } catch {
            #expect(error.mark.file == "lone.json")
            #expect(error.mark.line == 2)
            #expect(error.description.contains("surrogate"))
        }
    }

    @Test func yamlThatIsNotJSONKeepsTheTextAsWritten() throws {
        let root = try loader.loadDocument(Array("{a: '\\ud83d\\udc4d'}".utf8), file: "single.yaml")
        #expect(root["a"]?.text == "\\ud83d\\udc4d")
        let commented = try loader.loadDocument(Array("# \"\\ud83d\\udc4d\"\nb: 1\n".utf8), file: "comment.yaml")
        #expect(commented["b"]?.text == "1")
    }
}
