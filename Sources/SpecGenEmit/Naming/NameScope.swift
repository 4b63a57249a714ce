/// Hands out names that are unique within one Swift scope (the members of one type, the cases
/// of one enum, the top-level types of one module), deterministically.
///
/// `claim` takes a name that is ALREADY a Swift identifier — the output of `Naming.typeName` or
/// `Naming.memberName` — because collisions must be decided on what the compiler sees:
/// "foo-bar" and "foo_bar" both become "fooBar", so the second one gets "fooBar2".
/// `claimType` / `claimMember` do the `Naming` step for you.
///
/// The rule: in the order asked, the first request for a name gets it; a later request for a
/// taken (or reserved) name gets the smallest suffix "2", "3", … that is still free. Appending
/// digits never makes a keyword, so the result is always a valid identifier. Same sequence of
/// requests, same names: callers must ask in a stable order (spec order, or sorted).
/// Comparison is exact (Swift identifiers are case-sensitive): "imageId" and "imageID" are
/// both free. Reserved names are never handed out.
package struct NameScope: Sendable {
    private var taken: Set<String>
    /// Names that are never handed out either, shared by many scopes (the top-level type names,
    /// which no nested type may take): kept apart from `taken` so that it is never copied.
    private let outer: Set<String>

    /// `reserved`: names the generated code declares itself in this scope (for example
    /// "unknown" for the catch-all case of an open enum, or "Client" at the top level).
    /// `outer`: more names to avoid, typically a large set shared by every nested scope.
    package init(reserved: Set<String> = [], outer: Set<String> = []) {
        taken = reserved
        self.outer = outer
    }

    /// Returns `name`, or `name` with the smallest free numeric suffix, and marks it taken.
    package mutating func claim(_ name: String) -> String {
        var candidate = name
        var suffix = 2
        while taken.contains(candidate) || outer.contains(candidate) {
            candidate = name + String(suffix)
            suffix += 1
        }
        taken.insert(candidate)
        return candidate
    }

    /// `claim(Naming.typeName(raw))`.
    package mutating func claimType(_ raw: String) -> String {
        claim(Naming.typeName(raw))
    }

    /// `claim(Naming.memberName(raw))`.
    package mutating func claimMember(_ raw: String) -> String {
        claim(Naming.memberName(raw))
    }
}
