/// The default store: everything in memory, gone when the server stops.
actor InMemoryRegistryStore: RegistryStore {
    private var records: [String: RepositoryRecord] = [:]

    init(records: [String: RepositoryRecord] = [:]) {
        self.records = records
    }

    func repository(named name: String) -> RepositoryRecord? {
        records[name]
    }

    func allRepositories() -> [RepositoryRecord] {
        records.values.sorted { $0.name < $1.name }
    }

    func update<T: Sendable>(_ name: String, _ change: @Sendable (inout RepositoryRecord?) throws -> T) throws -> T {
        var record = records[name]
        let result = try change(&record)
        records[name] = record
        return result
    }
}
