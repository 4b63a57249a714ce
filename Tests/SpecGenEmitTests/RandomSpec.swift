/// A random OpenAPI 3.0 / 3.1 or Swagger 2.0 document for property tests: component schemas
/// with nesting, refs (to each other, to themselves, and dangling), enums, unions with and
/// without discriminators, allOf, nullable, additional properties, defaults; operations with
/// parameters, bodies and responses; names and text drawn from `HostileInputs`.
struct RandomSpec {
    enum Flavor: CaseIterable { case openAPI30, openAPI31, swagger20 }

    let seed: UInt64
    let flavor: Flavor
    let yaml: String

    init(seed: UInt64) {
        var builder = Builder(random: SeededRandom(seed: seed))
        self.seed = seed
        self.flavor = builder.flavor
        self.yaml = builder.document().yaml
    }

    private struct Builder {
        var random: SeededRandom
        let flavor: Flavor
        var schemaNames: [String] = []

        init(random: SeededRandom) {
            self.random = random
            flavor = self.random.pick(Flavor.allCases)
        }

        var refPrefix: String { flavor == .swagger20 ? "#/definitions/" : "#/components/schemas/" }

        /// A name: mostly plain words, often hostile ones; collisions after naming are wanted.
        mutating func name() -> String {
            if random.chance(40) { return random.pick(HostileInputs.names) }
            let words = ["item", "Item", "id", "name", "value", "list", "next", "token", "image", "tag", "status"]
            return random.pick(words) + (random.chance(50) ? random.pick(words).capitalized : "")
        }

        mutating func text() -> String {
            random.chance(50) ? random.pick(HostileInputs.docs) : random.pick(HostileInputs.strings)
        }

        mutating func document() -> SpecValue {
            let count = Int.random(in: 1...7, using: &random)
            schemaNames = (0..<count).map { _ in name() }
            var seen = Set<String>()
            schemaNames = schemaNames.filter { seen.insert($0).inserted }
            let schemas = SpecValue.object(schemaNames.map { ($0, schema(depth: 0)) })
            var top: [(String, SpecValue)] = []
            switch flavor {
            case .openAPI30: top.append(("openapi", .string("3.0.3")))
            case .openAPI31: top.append(("openapi", .string("3.1.0")))
            case .swagger20: top.append(("swagger", .string("2.0")))
            }
            top.append(
                (
                    "info",
                    .object([
                        ("title", .string(text())), ("version", .string("1.0")),
                        ("description", .string(text())),
                    ])
                ))
            top.append(("paths", paths()))
            top.append(
                flavor == .swagger20
                    ? ("definitions", schemas)
                    : ("components", .object([("schemas", schemas)])))
            return .object(top)
        }

        mutating func paths() -> SpecValue {
            var pairs: [(String, SpecValue)] = []
            for index in 0..<Int.random(in: 0...3, using: &random) {
                var operations: [(String, SpecValue)] = []
                for method in ["get", "post", "put", "delete"] where random.chance(45) {
                    operations.append((method, operation()))
                }
                pairs.append(("/p\(index)/{id}", .object(operations)))
            }
            return .object(pairs)
        }

        mutating func operation() -> SpecValue {
            var fields: [(String, SpecValue)] = [("operationId", .string(name())), ("description", .string(text()))]
            var parameters: [SpecValue] = [parameter(name: "id", location: "path")]
            for _ in 0..<Int.random(in: 0...2, using: &random) {
                parameters.append(parameter(name: name(), location: random.pick(["query", "header"])))
            }
            if random.chance(50) {
                if flavor == .swagger20 {
                    parameters.append(
                        .object([
                            ("name", .string("body")), ("in", .string("body")),
                            ("required", .bool(true)), ("schema", schema(depth: 1)),
                        ]))
                } else {
                    fields.append(
                        (
                            "requestBody",
                            .object([
                                ("required", .bool(random.chance(50))),
                                ("content", content()),
                            ])
                        ))
                }
            }
            fields.append(("parameters", .array(parameters)))
            var responses: [(String, SpecValue)] = []
            for status in ["200", "201", "404", "default"] where random.chance(50) {
                var response: [(String, SpecValue)] = [("description", .string(text()))]
                if random.chance(70) {
                    response.append(flavor == .swagger20 ? ("schema", schema(depth: 1)) : ("content", content()))
                }
                responses.append((status, .object(response)))
            }
            if responses.isEmpty { responses = [("200", .object([("description", .string("OK"))]))] }
            fields.append(("responses", .object(responses)))
            return .object(fields)
        }

        mutating func content() -> SpecValue {
            let media = random.pick([
                "application/json", "application/json", "application/x-amz-json-1.1",
                "application/octet-stream", "text/plain",
            ])
            return .object([(media, .object([("schema", schema(depth: 1))]))])
        }

        mutating func parameter(name: String, location: String) -> SpecValue {
            let type = SpecValue.string(random.pick(["string", "integer", "boolean"]))
            var fields: [(String, SpecValue)] = [
                ("name", .string(name)), ("in", .string(location)),
                ("required", .bool(location == "path" || random.chance(50))),
            ]
            fields.append(flavor == .swagger20 ? ("type", type) : ("schema", .object([("type", type)])))
            return .object(fields)
        }

        /// A schema; deeper levels lean to leaves so documents stay small.
        mutating func schema(depth: Int) -> SpecValue {
            let leafBias = depth >= 3 ? 100 : 30 + depth * 20
            if random.chance(leafBias) { return random.chance(30) && !schemaNames.isEmpty ? ref() : leaf() }
            switch Int.random(in: 0..<6, using: &random) {
            case 0, 1: return object(depth: depth)
            case 2: return .object([("type", .string("array")), ("items", schema(depth: depth + 1))])
            case 3: return union(depth: depth)
            case 4:
                return .object([
                    (
                        "allOf",
                        .array(
                            (0..<Int.random(in: 1...3, using: &random)).map { _ in
                                random.chance(60) && !schemaNames.isEmpty ? ref() : object(depth: depth + 1)
                            })
                    )
                ])
            default: return nullable(schema(depth: depth + 1))
            }
        }

        mutating func ref() -> SpecValue {
            // Sometimes a ref to nothing: that must be a diagnostic, never a crash.
            let target = random.chance(5) ? "Missing\(Int.random(in: 0...9, using: &random))" : random.pick(schemaNames)
            let pointer = target.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
            return .object([("$ref", .string(refPrefix + pointer))])
        }

        mutating func leaf() -> SpecValue {
            var fields: [(String, SpecValue)] = []
            switch Int.random(in: 0..<7, using: &random) {
            case 0:
                fields = [
                    ("type", .string("string")),
                    (
                        "enum",
                        .array(
                            (0..<Int.random(in: 1...5, using: &random)).map { _ in
                                .string(random.chance(50) ? name() : random.pick(HostileInputs.strings))
                            })
                    ),
                ]
            case 1: fields = [("type", .string("integer")), ("format", .string(random.pick(["int32", "int64"])))]
            case 2: fields = [("type", .string("integer")), ("enum", .array([.int(1), .int(-2), .int(300)]))]
            case 3: fields = [("type", .string("number")), ("default", .int(Int.random(in: -5...5, using: &random)))]
            case 4: fields = [("type", .string("boolean")), ("default", .bool(random.chance(50)))]
            case 5:
                fields = [
                    ("type", .string("string")),
                    ("format", .string(random.pick(["date-time", "byte", "binary", "uuid"]))),
                ]
            default: fields = [("type", .string("string")), ("default", .string(random.pick(HostileInputs.strings)))]
            }
            if random.chance(40) { fields.append(("description", .string(text()))) }
            return .object(fields)
        }

        mutating func object(depth: Int) -> SpecValue {
            var properties: [(String, SpecValue)] = []
            var seen = Set<String>()
            for _ in 0..<Int.random(in: 0...5, using: &random) {
                let property = name()
                if seen.insert(property).inserted { properties.append((property, schema(depth: depth + 1))) }
            }
            var fields: [(String, SpecValue)] = [("type", .string("object")), ("properties", .object(properties))]
            let required = properties.map(\.0).filter { _ in random.chance(50) }
            if !required.isEmpty { fields.append(("required", .array(required.map(SpecValue.string)))) }
            if random.chance(25) {
                fields.append(
                    ("additionalProperties", random.chance(50) ? .bool(random.chance(50)) : schema(depth: depth + 1)))
            }
            if random.chance(30) { fields.append(("description", .string(text()))) }
            return .object(fields)
        }

        mutating func union(depth: Int) -> SpecValue {
            let options = (0..<Int.random(in: 1...4, using: &random)).map { _ in
                random.chance(60) && !schemaNames.isEmpty ? ref() : schema(depth: depth + 1)
            }
            var fields: [(String, SpecValue)] = [(random.chance(70) ? "oneOf" : "anyOf", .array(options))]
            if random.chance(40) {
                var discriminator: [(String, SpecValue)] = [("propertyName", .string(name()))]
                if random.chance(50), !schemaNames.isEmpty {
                    discriminator.append(
                        ("mapping", .object([(name(), .string(refPrefix + random.pick(schemaNames)))])))
                }
                fields.append(("discriminator", .object(discriminator)))
            }
            return .object(fields)
        }

        mutating func nullable(_ inner: SpecValue) -> SpecValue {
            guard case .object(var fields) = inner else { return inner }
            switch flavor {
            case .openAPI30, .swagger20:
                fields.append((flavor == .swagger20 ? "x-nullable" : "nullable", .bool(true)))
                return .object(fields)
            case .openAPI31:
                return .object([("anyOf", .array([inner, .object([("type", .string("null"))])]))])
            }
        }
    }
}
