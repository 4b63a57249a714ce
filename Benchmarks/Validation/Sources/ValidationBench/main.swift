import ChatGPTAPI
import ECRAPI
import Foundation
import HTTPTypes
import SpecGenRuntime

// Per request, a generated route decodes the body (`ServerRequest.decodeBody`) and then validates
// it (`ServerRequest.validate`) before the handler runs. This times the two steps apart on the same
// bytes, each input valid (a violation would add the cost of building an answer), so the figure is
// what validation adds to every request that passes it.
//
//     ValidationBench [--iterations N] [--runs R]      prints JSON: per case, µs per decode and per validate
//     ValidationBench --profile CASE validate|decode    only that step of the case whose name contains CASE, for perf

struct Case {
    var name: String
    var bytes: Int
    /// One decode, and one validate of the value decoded once beforehand.
    var decode: () throws -> Void
    var validate: () throws -> Void
}

func makeCase<Input: Decodable & ConstrainedValue>(
    _ name: String, _ type: Input.Type, profile: WireProfile, _ json: String
) throws -> Case {
    let request = ServerRequest(
        head: HTTPRequest(method: .post, scheme: nil, authority: nil, path: "/"), body: Array(json.utf8),
        pathParameters: [:], profile: profile)
    let input = try request.decodeBody(Input.self)
    try request.validate(input, [], at: ValidationPath(["body"]))
    return Case(
        name: name, bytes: json.utf8.count,
        decode: { _ = try request.decodeBody(Input.self) },
        validate: { try request.validate(input, [], at: ValidationPath(["body"])) })
}

/// A JSON string literal of `text`.
func quoted(_ text: String) -> String {
    String(decoding: try! JSONEncoder().encode(text), as: UTF8.self)
}

let aws = WireProfile.awsJSON(version: "1.1")
let digest = "sha256:" + String(repeating: "0123456789abcdef", count: 4)
let manifest = """
    {"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json",\
    "config":{"mediaType":"application/vnd.docker.container.image.v1+json","size":7023,"digest":"\(digest)"},\
    "layers":[\((0..<8).map { _ in #"{"mediaType":"application/vnd.docker.image.rootfs.diff.tar.gzip","size":32654,"digest":"\#(digest)"}"# }.joined(separator: ","))]}
    """
let messages = (0..<10).map { index in
    index % 2 == 0
        ? #"{"role":"user","content":"What is the weather in city number \#(index)?"}"#
        : #"{"role":"assistant","content":"It is sunny in city number \#(index), 21 degrees."}"#
}

let cases: [Case] = try [
    makeCase(
        "ECR CreateRepository", CreateRepositoryRequest.self, profile: aws,
        #"{"repositoryName":"team/service-api","imageTagMutability":"IMMUTABLE","#
            + #""imageScanningConfiguration":{"scanOnPush":true},"encryptionConfiguration":{"encryptionType":"AES256"},"#
            + #""tags":[{"Key":"team","Value":"platform"},{"Key":"env","Value":"prod"}]}"#),
    makeCase(
        "ECR PutImage (2 KB manifest)", PutImageRequest.self, profile: aws,
        #"{"repositoryName":"team/service-api","imageTag":"v1.2.3","imageManifest":\#(quoted(manifest))}"#),
    makeCase(
        "ECR BatchGetImage (100 image ids)", BatchGetImageRequest.self, profile: aws,
        #"{"repositoryName":"team/service-api","acceptedMediaTypes":["application/vnd.docker.distribution.manifest.v2+json"],"#
            + #""imageIds":["# + (0..<100).map { #"{"imageTag":"v\#($0)","imageDigest":"\#(digest)"}"# }.joined(separator: ",")
            + "]}"),
    makeCase(
        "ECR DescribeImages (50 image ids)", DescribeImagesRequest.self, profile: aws,
        #"{"repositoryName":"team/service-api","filter":{"tagStatus":"TAGGED"},"imageIds":["#
            + (0..<50).map { #"{"imageTag":"v\#($0)"}"# }.joined(separator: ",") + "]}"),
    makeCase(
        "OpenAI CreateChatCompletion (10 messages, 1 tool)", CreateChatCompletionRequest.self, profile: .rest,
        #"{"model":"gpt-4o","messages":["# + messages.joined(separator: ",") + "],"
            + #""temperature":0.7,"top_p":1,"n":1,"presence_penalty":0,"frequency_penalty":0.5,"#
            + #""tools":[{"type":"function","function":{"name":"get_weather","description":"The weather in a city","#
            + #""parameters":{"type":"object","properties":{"city":{"type":"string"}}}}}]}"#),
    makeCase(
        "OpenAI CreateEmbedding (16 inputs)", CreateEmbeddingRequest.self, profile: .rest,
        #"{"model":"text-embedding-3-small","encoding_format":"float","dimensions":256,"input":["#
            + (0..<16).map { #""a sentence to embed, number \#($0)""# }.joined(separator: ",") + "]}"),
    makeCase(
        "OpenAI CreateAssistant", CreateAssistantRequest.self, profile: .rest,
        #"{"model":"gpt-4o","name":"Helper","description":"Answers questions","instructions":"Be brief.","#
            + #""tools":[{"type":"code_interpreter"}],"metadata":{"team":"platform"},"temperature":1,"top_p":1}"#),
]

var iterations = 20_000
var runs = 5
var profiled: (name: String, step: String)?
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--iterations": iterations = Int(arguments.next() ?? "") ?? iterations
    case "--runs": runs = Int(arguments.next() ?? "") ?? runs
    case "--profile": profiled = (arguments.next() ?? "", arguments.next() ?? "validate")
    default: fatalError("ValidationBench: unknown argument \(argument)")
    }
}

/// Microseconds per call of `body`, over `iterations` calls.
func time(_ iterations: Int, _ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<iterations { try body() }
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000 / Double(iterations)
}

if let profiled, let benchCase = cases.first(where: { $0.name.contains(profiled.name) }) {
    let step = profiled.step == "decode" ? benchCase.decode : benchCase.validate
    for _ in 0..<runs { print(try time(iterations, step), "µs per call") }
    exit(0)
}

var results: [[String: Any]] = []
for benchCase in cases {
    _ = try time(iterations, benchCase.decode)  // warm-up
    _ = try time(iterations, benchCase.validate)
    var decode: [Double] = []
    var validate: [Double] = []
    for _ in 0..<runs {  // alternated, so that drift hits both alike
        decode.append(try time(iterations, benchCase.decode))
        validate.append(try time(iterations, benchCase.validate))
    }
    results.append(["case": benchCase.name, "bytes": benchCase.bytes, "decode": decode, "validate": validate])
}
let output = try JSONSerialization.data(withJSONObject: ["cases": results], options: [.prettyPrinted, .sortedKeys])
print(String(decoding: output, as: UTF8.self))
