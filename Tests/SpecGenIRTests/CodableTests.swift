import Foundation
import SpecGenIR
import Testing

/// The IR round-trips through JSON, and its JSON reads plainly.
@Suite struct CodableTests {
    @Test(arguments: ["petstore-swagger.yaml", "composition.yaml", "schema-31.yaml", "components.yaml", "routes.yaml"])
    func documentsRoundTripThroughJSON(fixture: String) throws {
        let (document, _) = try IRFixtures.document(fixture)
        let data = try JSONEncoder().encode(document)
        #expect(try JSONDecoder().decode(APIDocument.self, from: data) == document)
    }

    @Test func kindsEncodeWithoutSwiftArtifacts() throws {
        let decl = TypeDecl(
            id: "Map", name: "Map", parent: nil,
            kind: .object(
                ObjectType(properties: [], additionalProperties: .typed(.primitive(.integer, format: "int64")))))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(decl), as: UTF8.self)
        #expect(
            text
                == #"{"id":"Map","kind":{"object":{"additionalProperties":{"typed":{"format":"int64","kind":"primitive","primitive":"integer"}},"properties":[]}},"name":"Map"}"#
        )
        let closed = ObjectType(properties: [], additionalProperties: .forbidden)
        #expect(
            String(decoding: try encoder.encode(closed), as: UTF8.self)
                == #"{"additionalProperties":"forbidden","properties":[]}"#)
    }
}
