import Foundation

/// ECR's `maxResults`/`nextToken` paging over a sorted list. A token holds the key of the last item
/// returned (base64 of JSON, opaque to clients), so a page after a write neither repeats nor skips
/// what was already listed.
struct Page<Item> {
    var items: [Item]
    var nextToken: String?

    /// ECR answers at most 100 items when `maxResults` is not given.
    static var defaultSize: Int { 100 }

    /// `items(after)` gives the items in ascending `key` order, from anywhere not after the first
    /// item whose key is above `after` (the key in `nextToken`; nil on the first page): the caller
    /// seeks, this drops what is left up to `after` and reads at most one item past the page.
    init<Items: Sequence<Item>>(
        key: (Item) -> String, maxResults: Int32?, nextToken: String?,
        items: (_ after: String?) -> Items
    ) throws {
        try ECRValidation.checkMaxResults(maxResults)
        var after: String?
        if let nextToken {
            guard let decoded = Self.decode(nextToken) else {
                throw ECRError.invalidParameter(
                    "Invalid parameter at 'nextToken' failed to satisfy constraint: 'Invalid NextToken'")
            }
            after = decoded
        }
        let size = maxResults.map(Int.init) ?? Self.defaultSize
        var page: [Item] = []
        var more = false
        for item in items(after) {
            if let after, key(item) <= after { continue }
            if page.count == size {
                more = true
                break
            }
            page.append(item)
        }
        self.items = page
        self.nextToken = more ? page.last.map { Self.encode(key($0)) } : nil
    }

    /// Pages an array already sorted by `key`.
    init(_ items: [Item], key: (Item) -> String, maxResults: Int32?, nextToken: String?) throws {
        try self.init(key: key, maxResults: maxResults, nextToken: nextToken) { _ in items }
    }

    static func encode(_ key: String) -> String {
        (try? JSONEncoder().encode(["after": key]))?.base64EncodedString() ?? ""
    }

    static func decode(_ token: String) -> String? {
        guard let data = Data(base64Encoded: token) else { return nil }
        return (try? JSONDecoder().decode([String: String].self, from: data))?["after"]
    }
}
