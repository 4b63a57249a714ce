import Foundation
import Testing

@testable import SpecGenYAML

@Suite("NodeJSON: the tree as people see it")
struct NodeJSONTests {
    func render(_ yaml: String, marks: Bool = false) throws -> String {
        NodeJSON(includeMarks: marks).render(try YAMLLoader().loadDocument(Array(yaml.utf8), file: "t.yaml"))
    }

    @Test func keysStayInDocumentOrder() throws {
        let json = try render("zebra: 1\napple: 2\nmango: 3\n")
        let zebra = try #require(json.range(of: "zebra"))
        let apple = try #require(json.range(of: "apple"))
        let mango = try #require(json.range(of: "mango"))
        #expect(zebra.lowerBound < apple.lowerBound && apple.lowerBound < mango.lowerBound)
    }

    @Test func outputIsValidJSONWithEscapes() throws {
        let json = try render("a: \"quote \\\" back \\\\ nl \\n ctl \\x01 \\u2028\"\nb: [1, 2.5, true, ~, .inf]\n")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["a"] as? String == "quote \" back \\ nl \n ctl \u{01} \u{2028}")
        let b = try #require(object["b"] as? [Any])
        #expect(b.count == 5)
        #expect(b[4] as? String == ".inf")
    }

    @Test func marksShowLineColumnAndStyle() throws {
        let json = try render("a:\n  - 'x'\n", marks: true)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let entry = try #require((object["mapping"] as? [[String: Any]])?.first)
        let item = try #require(((entry["value"] as? [String: Any])?["sequence"] as? [[String: Any]])?.first)
        #expect(item["line"] as? Int == 2)
        #expect(item["column"] as? Int == 5)
        #expect(item["style"] as? String == "single-quoted")
        #expect(item["value"] as? String == "x")
    }
}
