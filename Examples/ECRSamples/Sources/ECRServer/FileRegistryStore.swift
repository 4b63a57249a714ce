import Crypto
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A store that keeps one JSON file per repository under `DIR/repositories/`, so a restart loses
/// nothing. Each change is written to a temporary file, flushed, and renamed over the old one:
/// a reader (or a crash) sees the old file or the new one, never half of one.
actor FileRegistryStore: RegistryStore {
    let directory: URL
    private var records: [String: RepositoryRecord]

    /// Loads every repository file under the directory (made if missing).
    init(directory: URL) throws {
        let folder = directory.appendingPathComponent("repositories", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var records: [String: RepositoryRecord] = [:]
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        for file in try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        where file.pathExtension == "json" {
            let record = try decoder.decode(RepositoryRecord.self, from: Data(contentsOf: file))
            records[record.name] = record
        }
        self.directory = folder
        self.records = records
    }

    func repository(named name: String) -> RepositoryRecord? {
        records[name]
    }

    func allRepositories() -> [RepositoryRecord] {
        records.values.sorted { $0.name < $1.name }
    }

    func update<T: Sendable>(_ name: String, _ change: @Sendable (inout RepositoryRecord?) throws -> T) throws -> T {
        let before = records[name]
        var record = before
        let result = try change(&record)
        guard record != before else { return result }
        try persist(record, name: name)
        records[name] = record
        return result
    }

    private func persist(_ record: RepositoryRecord?, name: String) throws {
        let file = directory.appendingPathComponent(Self.fileName(for: name))
        guard let record else {
            if FileManager.default.fileExists(atPath: file.path) { try FileManager.default.removeItem(at: file) }
            return
        }
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(record)
        let temporary = directory.appendingPathComponent(".\(UUID().uuidString).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try handle.close()
            guard rename(temporary.path, file.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    /// A readable prefix of the name (`/` as `~`, which names cannot hold) and a hash of the whole
    /// name, so that 256-character names stay under the file system's limit and never collide.
    static func fileName(for name: String) -> String {
        let readable = String(name.replacingOccurrences(of: "/", with: "~").prefix(64))
        let hash = SHA256.hash(data: Array(name.utf8)).prefix(8).map { String(format: "%02x", $0) }.joined()
        return "\(readable)-\(hash).json"
    }
}
