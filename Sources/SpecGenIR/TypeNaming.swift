import Foundation
import SpecGenYAML

/// Names for inline schemas, made from where they appear, and the registry that keeps every type
/// id unique. Names are given in document order, so the same spec always gives the same names.
enum TypeNaming {
    /// `createRepository` → `CreateRepository`; `image-scanning_config` → `ImageScanningConfig`;
    /// `#DescribeRepositories` → `DescribeRepositories`. Keeps letters and digits only.
    static func upperCamel(_ text: String) -> String {
        var result = ""
        var upperNext = true
        for character in text {
            guard character.isLetter || character.isNumber else {
                upperNext = true
                continue
            }
            result += upperNext ? character.uppercased() : String(character)
            upperNext = false
        }
        return result.isEmpty ? "Value" : result
    }

    /// `get /pets/{petId}` → `getPetsPetId`: the id of an operation without `operationId`.
    static func operationID(method: HTTPMethod, path: String) -> String {
        let words = upperCamel(path.replacingOccurrences(of: "{", with: "By "))
        return method.rawValue.lowercased() + (words == "Value" ? "Root" : words)
    }
}

/// Every type id in use. Component names are reserved first, so an inline name never takes one.
struct TypeIDs {
    private(set) var used: Set<String> = []

    /// Reserves `id` as written; false when it is already taken.
    mutating func reserve(_ id: String) -> Bool {
        used.insert(id).inserted
    }

    /// `base`, or `base2`, `base3`, … : the first that is free, reserved.
    mutating func unique(_ base: String) -> String {
        if used.insert(base).inserted { return base }
        var counter = 2
        while !used.insert("\(base)\(counter)").inserted { counter += 1 }
        return "\(base)\(counter)"
    }
}

/// What to call a type a schema may need: its parent (for nested names) and its own name.
struct NameHint {
    var parent: String?
    var name: String
    /// Set for component schemas: the id is already reserved and must be used as is.
    var reservedID: String?

    static func topLevel(_ name: String) -> NameHint { NameHint(parent: nil, name: name) }

    static func component(_ id: String) -> NameHint { NameHint(parent: nil, name: id, reservedID: id) }

    /// A name nested in the type `parent`: property `imageScanningConfiguration` of `Repository`.
    static func nested(in parent: String, _ name: String) -> NameHint {
        NameHint(parent: parent, name: TypeNaming.upperCamel(name))
    }

    /// The same place, with a suffix: the items of an array property (`TagsItem`).
    func suffixed(_ suffix: String) -> NameHint {
        NameHint(parent: parent, name: name + suffix)
    }
}
