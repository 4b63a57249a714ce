// Placeholder until the IR lands (issue 3).
public struct APIDocument: Sendable, Codable, Equatable {}
