import SpecGenYAML

/// What the 3.x minors differ in, as data: one reader for 3.0, 3.1 and 3.2 asks its family these
/// questions instead of comparing versions, so a minor is a row here, not a copy of a reader.
extension SpecVersion.Family {
    /// The `openapi:` prefixes (`3.2` reads `3.2`, `3.2.0`, `3.2.1`, …), newest last.
    static let openAPIMinors: [(minor: String, family: SpecVersion.Family)] = [
        ("3.0", .openAPI30), ("3.1", .openAPI31), ("3.2", .openAPI32),
    ]

    /// The family of an `openapi:` value, nil when no minor SpecGen reads matches.
    static func openAPI(_ written: String) -> SpecVersion.Family? {
        openAPIMinors.first { written == $0.minor || written.hasPrefix($0.minor + ".") }?.family
    }

    /// 3.0 requires `paths` at the top and `responses` on each operation; 3.1 made both optional.
    var requiresPathsAndResponses: Bool { self == .openAPI30 }

    /// The path item's method fields: `query` is 3.2's.
    var pathItemMethods: [HTTPMethod] {
        self == .openAPI32 ? HTTPMethod.fields : HTTPMethod.fields.filter { $0 != .query }
    }

    /// A path item's `additionalOperations` (3.2): operations of any other method, keyed by its token.
    var hasAdditionalOperations: Bool { self == .openAPI32 }

    /// `webhooks` (3.1 on).
    var hasWebhooks: Bool { self == .openAPI31 || self == .openAPI32 }

    /// `$ref` beside other schema keywords applies both (3.1 on, JSON Schema 2020-12).
    var refSiblingsApply: Bool { self == .openAPI31 || self == .openAPI32 }

    /// The fields this minor adds that SpecGen reads but generates nothing from yet, by the object
    /// that holds them, with what happens instead. Each one present is one warning at its key.
    var unusedAdditions: [SpecObject: [(key: String, instead: String)]] {
        guard self == .openAPI32 else { return [:] }
        return Self.openAPI32Unused
    }

    /// The media types whose body is a sequence of JSON items (`itemSchema` types each item; for
    /// `text/event-stream`, each event). The emitter's `RequestBodyPlan` streams the same ones.
    static let jsonItemStreams: Set<String> = [
        "application/jsonl", "application/x-ndjson", "application/x-jsonlines", "application/jsonlines",
        "application/json-seq", "text/event-stream",
    ]

    /// The parameter locations (`in:`) of this minor: 3.2 adds `querystring`.
    var parameterLocations: [Parameter.Location] {
        self == .openAPI32 ? [.path, .query, .querystring, .header, .cookie] : [.path, .query, .header, .cookie]
    }

    private static let openAPI32Unused: [SpecObject: [(key: String, instead: String)]] = [
        .document: [("$self", "relative references are resolved against the file's own location")],
        .tag: [
            ("summary", "tags are not documented in the generated code"),
            ("kind", "tags are not sorted by kind in the generated code"),
        ],
        .mediaType: [
            ("itemEncoding", "the items of a sequential body are encoded by their media type"),
            ("prefixEncoding", "the parts of a sequential body are encoded by their media type"),
        ],
        .encoding: [
            ("encoding", "nested parts are encoded by their media type"),
            ("itemEncoding", "nested parts are encoded by their media type"),
            ("prefixEncoding", "nested parts are encoded by their media type"),
        ],
        .xml: [("nodeType", "it changes nothing, since SpecGen generates JSON coding only")],
        .example: [("serializedValue", "stubs answer with 'dataValue' or 'value'")],
    ]
}

/// The objects of an OpenAPI document that a minor's additions are listed by.
enum SpecObject: Hashable {
    case document, server, tag, mediaType, encoding, response, example, discriminator, xml, securityScheme
}

extension ReaderState {
    /// One warning for each field `object` holds that this document's minor adds and SpecGen does
    /// not use (see `SpecVersion.Family.unusedAdditions`): never a silent drop.
    mutating func warnUnusedAdditions(_ node: Node?, _ object: SpecObject) {
        guard let entries = node?.entries, let additions = family.unusedAdditions[object] else { return }
        for entry in entries {
            guard let key = entry.key.text, let addition = additions.first(where: { $0.key == key }) else { continue }
            warning("'\(key)' (OpenAPI 3.2) is ignored: \(addition.instead)", at: entry.key.mark)
        }
    }
}
