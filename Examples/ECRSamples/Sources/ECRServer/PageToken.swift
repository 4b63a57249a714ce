import Foundation

/// ECR's `maxResults`/`nextToken` paging over a sorted list. A token holds the key of the last item
/// returned (base64 of JSON, opaque to clients), so a page after a write neither repeats nor skips
/// what was already listed.
struct Page<Item> {
    var items: [Item]
    var nextToken: String?

    /// ECR answers at most 100 items when `maxResults` is not given.
    static var defaultSize: Int { 100 }

    /// `items` must be sorted by `key`.
    init(_ items: [Item], key: (Item) -> String, maxResults: Int32?, nextToken: String?) throws {
        try ECRValidation.checkMaxResults(maxResults)
        var remaining = items[...]
        if let nextToken {
            guard let after = Self.decode(nextToken) else {
                throw ECRError.invalidParameter(
                    "Invalid parameter at 'nextToken' failed to satisfy constraint: 'Invalid NextToken'")
            }
            remaining = items.drop(while: { key($0) <= after })
        }
        let size = maxResults.map(Int.init) ?? Self.defaultSize
        let page = Array(remaining.prefix(size))
        self.items = page
        self.nextToken = remaining.count > size ? page.last.map { Self.encode(key($0)) } : nil
    }

    static func encode(_ key: String) -> String {
        (try? JSONEncoder().encode(["after": key]))?.base64EncodedString() ?? ""
    }

    static func decode(_ token: String) -> String? {
        guard let data = Data(base64Encoded: token) else { return nil }
        return (try? JSONDecoder().decode([String: String].self, from: data))?["after"]
    }
}
