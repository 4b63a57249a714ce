import Crypto
import Foundation

/// What the registry reads from a pushed manifest: its digest (`sha256:` + hex SHA-256 of the exact
/// bytes, as ECR and every OCI registry compute it), media types and size.
struct Manifest {
    let digest: String
    let mediaType: String?
    let artifactMediaType: String?
    let sizeInBytes: Int64

    static let dockerV2 = "application/vnd.docker.distribution.manifest.v2+json"

    /// Throws `InvalidParameterException` unless the manifest is a JSON object.
    init(_ text: String) throws {
        let bytes = Array(text.utf8)
        digest = Self.digest(of: bytes)
        guard let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] else {
            throw ECRError.invalidParameter(
                "Invalid parameter at 'imageManifest' failed to satisfy constraint: 'Invalid JSON syntax'")
        }
        mediaType = object["mediaType"] as? String
        let config = object["config"] as? [String: Any]
        artifactMediaType = config?["mediaType"] as? String
        let layers = (object["layers"] as? [[String: Any]]) ?? []
        let layerBytes = layers.compactMap { ($0["size"] as? NSNumber)?.int64Value }.reduce(0, +)
        let configBytes = (config?["size"] as? NSNumber)?.int64Value ?? 0
        sizeInBytes = layers.isEmpty ? Int64(bytes.count) : layerBytes + configBytes
    }

    static func digest(of bytes: [UInt8]) -> String {
        "sha256:" + SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }
}
