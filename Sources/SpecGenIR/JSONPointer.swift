import Foundation
import SpecGenYAML

/// An RFC 6901 JSON pointer as a `$ref` fragment writes it: `/components/schemas/a~1b`,
/// possibly percent-encoded (`/paths/~1pets%7Bid%7D`).
struct JSONPointer: Equatable, Hashable, CustomStringConvertible {
    var tokens: [String]

    init(tokens: [String]) {
        self.tokens = tokens
    }

    /// Parses a fragment (without `#`); nil when it is not a pointer (does not start with `/`).
    init?(fragment: String) {
        let decoded = fragment.removingPercentEncoding ?? fragment
        if decoded.isEmpty {
            tokens = []
            return
        }
        guard decoded.hasPrefix("/") else { return nil }
        tokens = decoded.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            // `~1` first, so `~01` stays `~1` as RFC 6901 requires. Most tokens have no `~`, and
            // Foundation's replacing is slow enough to show in profiles of large specs.
            guard $0.contains("~") else { return String($0) }
            return $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }

    /// The pointer written back, escaped: `/components/schemas/a~1b`.
    var description: String {
        tokens.map { token in
            guard token.contains("~") || token.contains("/") else { return "/" + token }
            return "/" + token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
        }.joined()
    }

    /// The node this pointer names inside `root`, or nil when a step is missing.
    func resolve(in root: Node) -> Node? {
        var node = root
        for token in tokens {
            if let entries = node.entries {
                guard let entry = entries.first(where: { $0.key.text == token }) else { return nil }
                node = entry.value
            } else if let items = node.items {
                guard let index = Int(token), items.indices.contains(index) else { return nil }
                node = items[index]
            } else {
                return nil
            }
        }
        return node
    }
}
