// Loader benchmark: libyaml's raw event scan vs. the full `Node` tree build, on a multi-megabyte spec.
//
//   swift run -c release specgen-bench [--size-mb N] [--runs N] [FILE ...]
//
// Without FILE it synthesizes an OpenAPI document of about N MB (default 8) in YAML and in JSON,
// shaped like the ECR spec (paths, operations, parameters, schemas, long descriptions).
import CYAML
import Foundation
import SpecGenYAML

struct Input {
    var name: String
    var bytes: [UInt8]
}

/// The raw scan: parse every event with libyaml and throw it away. The floor under the loader.
func rawScan(_ bytes: [UInt8]) -> Int {
    var parser = yaml_parser_t()
    var event = yaml_event_t()
    var events = 0
    yaml_parser_initialize(&parser)
    defer { yaml_parser_delete(&parser) }
    bytes.withUnsafeBufferPointer { buffer in
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
        while yaml_parser_parse(&parser, &event) == 1 {
            let done = event.type == YAML_STREAM_END_EVENT
            yaml_event_delete(&event)
            events += 1
            if done { break }
        }
    }
    return events
}

func treeBuild(_ bytes: [UInt8]) -> [Node] {
    do {
        return try YAMLLoader().loadStream(bytes, file: "Specs/benchmark-input.yaml")
    } catch {
        fatalError("benchmark input did not load: \(error)")
    }
}

/// Best wall time of `runs` runs, in seconds. What `body` returns is freed after the clock
/// stops: the tree build is timed without the tree's teardown, the raw scan frees as it goes.
func best<Result>(runs: Int, _ body: () -> Result) -> Double {
    var fastest = Double.infinity
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = body()
        fastest = min(fastest, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        withExtendedLifetime(result) {}
    }
    return fastest
}

@inline(never) func blackHole(_ value: Int) {
    if value == -1 { print("") }
}

func synthesizedSpec(megabytes: Int, json: Bool) -> [UInt8] {
    let target = megabytes << 20
    var yaml = "openapi: 3.1.0\ninfo:\n  title: Synthetic\n  version: '1'\npaths:\n"
    var index = 0
    while yaml.utf8.count < target * 6 / 10 {
        yaml += """
              /resources\(index)/{id}:
                post:
                  operationId: operation\(index)
                  summary: Operation number \(index)
                  description: Creates or updates resource \(index). If the resource already exists, an exception is thrown and nothing changes.
                  parameters:
                  - name: X-Amz-Target
                    in: header
                    required: true
                    schema:
                      type: string
                      enum:
                      - Service.Operation\(index)
                  - name: id
                    in: path
                    required: true
                    schema: {type: string, pattern: '^[a-z0-9]+$'}
                  requestBody:
                    required: true
                    content:
                      application/x-amz-json-1.1:
                        schema:
                          $ref: '#/components/schemas/Model\(index)'
                  responses:
                    '200':
                      description: Success
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/Model\(index)'
                    '400':
                      description: "Client error: the \\"request\\" was invalid"

            """
        index += 1
    }
    yaml += "components:\n  schemas:\n"
    for model in 0..<index {
        yaml += """
                Model\(model):
                  type: object
                  required: [name, createdAt]
                  properties:
                    name:
                      type: string
                      description: >
                        The name of the model, folded
                        over two lines.
                    createdAt: {type: string, format: date-time}
                    size: {type: integer, format: int64, minimum: 0}
                    tags:
                      type: array
                      items: {type: string}

            """
    }
    guard json else { return Array(yaml.utf8) }
    // The same document as JSON, through our own loader's tree and a plain writer.
    let node = try! YAMLLoader().loadDocument(Array(yaml.utf8), file: "synthetic")
    return Array(NodeJSON().render(node).utf8)
}

var sizeMB = 8
var runs = 5
var files: [String] = []
var profileTree = false  // `--profile-tree`: only build trees, for `perf record`
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--size-mb": sizeMB = Int(arguments.popFirst() ?? "") ?? sizeMB
    case "--runs": runs = Int(arguments.popFirst() ?? "") ?? runs
    case "--profile-tree": profileTree = true
    default: files.append(argument)
    }
}

var inputs: [Input] = files.map { Input(name: $0, bytes: Array(FileManager.default.contents(atPath: $0) ?? Data())) }
if inputs.isEmpty {
    inputs = [
        Input(name: "synthetic YAML", bytes: synthesizedSpec(megabytes: sizeMB, json: false)),
        Input(name: "synthetic JSON", bytes: synthesizedSpec(megabytes: sizeMB, json: true)),
    ]
}

if profileTree {
    let yaml = synthesizedSpec(megabytes: sizeMB, json: false)
    for _ in 0..<runs { blackHole(treeBuild(yaml).count) }
    exit(0)
}

print("input                      size MB   raw scan MB/s   tree build MB/s   tree/raw")
for input in inputs {
    let megabytes = Double(input.bytes.count) / 1_048_576
    // Interleaved, so a busy moment on the machine hits both measurements alike.
    var raw = Double.infinity
    var tree = Double.infinity
    for _ in 0..<runs {
        raw = min(raw, best(runs: 1) { rawScan(input.bytes) })
        tree = min(tree, best(runs: 1) { treeBuild(input.bytes) })
    }
    let line = String(
        format: "%@ %9.2f %15.1f %17.1f %9.0f%%",
        input.name.padding(toLength: 24, withPad: " ", startingAt: 0) as NSString, megabytes, megabytes / raw,
        megabytes / tree, raw / tree * 100)
    print(line)
}
