import Foundation
import GoldenFeatures
import SpecGenRuntime
import Testing

/// The model features of Specs/features.yaml, through its compiled golden code.
@Suite("Generated models: features")
struct FeaturesModelTests {
    let decoder = WireProfile.rest.makeDecoder()
    let encoder = WireProfile.rest.makeEncoder()

    func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try decoder.decode(T.self, from: Data(json.utf8))
    }

    func encode<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func oneOfUsesTheDiscriminatorAndAllOfMergesProperties() throws {
        let dog = try decode(Pet.self, #"{"petType": "dog", "name": "Rex", "barks": false}"#)
        #expect(dog == .dog(Dog(name: "Rex", petType: "dog", barks: false)))
        // `lives` is absent: its spec default (9) applies.
        let cat = try decode(Pet.self, #"{"petType": "cat", "name": "Tom"}"#)
        #expect(cat == .cat(Cat(name: "Tom", petType: "cat", lives: 9)))
        #expect(throws: DecodingError.self) { try decode(Pet.self, #"{"petType": "fish", "name": "Nemo"}"#) }
        #expect(try encode(cat) == #"{"lives":9,"name":"Tom","petType":"cat"}"#)
    }

    /// Models' coding is written out against one shared key type (not synthesized): the errors
    /// still name the JSON member, as synthesized coding's did, and absent optionals stay absent.
    @Test func writtenCodingNamesTheMemberInErrors() throws {
        do {
            _ = try decode(Cat.self, #"{"petType": "cat"}"#)
            Issue.record("a missing required member decoded")
        } catch DecodingError.keyNotFound(let key, _) {
            #expect(key.stringValue == "name")
        }
        do {
            _ = try decode(Cat.self, #"{"name": 7, "petType": "cat"}"#)
            Issue.record("a number decoded as a string")
        } catch DecodingError.typeMismatch(_, let context) {
            #expect(context.codingPath.map(\.stringValue) == ["name"])
        }
        #expect(throws: DecodingError.self) { try decode(Cat.self, #"{"name": null, "petType": "cat"}"#) }
        #expect(
            try encode(Cat(name: "Tom", petType: "cat", born: nil, lives: 9))
                == #"{"lives":9,"name":"Tom","petType":"cat"}"#)
    }

    @Test func anyOfTriesVariantsInOrder() throws {
        #expect(try decode(Shape.self, #"{"radius": 2}"#) == .variant1(.init(radius: 2)))
        #expect(try decode(Shape.self, #"{"side": 3}"#) == .variant2(.init(side: 3)))
        #expect(throws: DecodingError.self) { try decode(Shape.self, #"{"corners": 4}"#) }
    }

    @Test func optionalNullableTellsAbsentFromNull() throws {
        #expect(try decode(PetPatch.self, "{}").nickname == nil)
        #expect(try decode(PetPatch.self, #"{"nickname": null}"#).nickname == .null)
        #expect(try decode(PetPatch.self, #"{"nickname": "Bo"}"#).nickname == .value("Bo"))
        #expect(try encode(PetPatch()) == "{}")
        #expect(try encode(PetPatch(nickname: .null)) == #"{"nickname":null}"#)
        #expect(try encode(PetPatch(nickname: .value("Bo"))) == #"{"nickname":"Bo"}"#)
    }

    @Test func recursiveTypesNestAndRoundTrip() throws {
        let json = #"{"children":[{"value":4}],"left":{"left":{"value":3},"value":2},"value":1}"#
        let tree = try decode(TreeNode.self, json)
        #expect(tree.left?.left?.value == 3)
        #expect(tree.children?.first?.value == 4)
        #expect(try encode(tree) == json)
    }

    @Test func additionalPropertiesSitBesideDeclaredOnes() throws {
        let labels = try decode(Labels.self, #"{"primary": "a", "team": "b", "zone": "c"}"#)
        #expect(labels.primary == "a")
        #expect(labels.additionalProperties == ["team": "b", "zone": "c"])
        #expect(try encode(labels) == #"{"primary":"a","team":"b","zone":"c"}"#)
    }

    @Test func defaultsApplyWhenFieldsAreAbsent() throws {
        let settings = try decode(Settings.self, "{}")
        #expect(settings.mode == .dog)
        #expect(settings.retries == 3)
        #expect(settings.ratio == 0.5)
        #expect(settings.greeting == "hello")
        #expect(settings.flags == [])
        #expect(try decode(Settings.self, #"{"retries": 7}"#).retries == 7)
        #expect(Settings() == settings)
    }

    @Test func datesAndBase64() throws {
        let base = try decode(PetBase.self, #"{"name": "a", "petType": "cat", "born": "2020-02-29", "photo": "aGk="}"#)
        #expect(base.born == Date(timeIntervalSince1970: 1_582_934_400))
        #expect(base.photo == Data("hi".utf8))
        #expect(try decode(PetBase.self, #"{"name": "a", "petType": "cat", "priority": 2}"#).priority == .value2)
    }
}
