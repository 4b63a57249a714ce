/// The pages of a paginated operation, fetched one at a time as the caller iterates: the first
/// with the caller's input, each next one with the token the previous page returned. Ends when
/// a page has no token, an empty one, or the same token again (a server bug that would loop).
/// Generated clients return it from `…Pages(_:)` for operations with `nextToken` in and out.
public struct PageSequence<Input: Sendable, Page: Sendable>: AsyncSequence, Sendable {
    /// Each element is one page, the output of one call.
    public typealias Element = Page

    let input: Input
    let setToken: @Sendable (inout Input, String) -> Void
    let nextToken: @Sendable (Page) -> String?
    let fetch: @Sendable (Input) async throws -> Page

    /// Pages starting from `input`: `fetch` calls the operation, `nextToken` reads a page's token,
    /// and `setToken` puts it into the next input.
    public init(
        input: Input, setToken: @escaping @Sendable (inout Input, String) -> Void,
        nextToken: @escaping @Sendable (Page) -> String?, fetch: @escaping @Sendable (Input) async throws -> Page
    ) {
        self.input = input
        self.setToken = setToken
        self.nextToken = nextToken
        self.fetch = fetch
    }

    /// Fetches the next page when asked, with the token the previous page returned.
    public struct AsyncIterator: AsyncIteratorProtocol {
        var sequence: PageSequence
        var input: Input?
        var seenTokens: Set<String> = []

        /// The next page, or nil once a page had no new token; throws what the operation throws.
        public mutating func next() async throws -> Page? {
            guard let current = input else { return nil }
            let page = try await sequence.fetch(current)
            input = nil
            if let token = sequence.nextToken(page), !token.isEmpty, seenTokens.insert(token).inserted {
                var following = current
                sequence.setToken(&following, token)
                input = following
            }
            return page
        }
    }

    /// An iterator that starts again from the first page.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(sequence: self, input: input)
    }

    /// The items of every page, in order (`…Items(_:)` in generated clients).
    public func items<Item: Sendable>(_ extract: @escaping @Sendable (Page) -> [Item]) -> PageItems<Input, Page, Item> {
        PageItems(pages: self, extract: extract)
    }
}

/// The items of a `PageSequence`, flattened.
public struct PageItems<Input: Sendable, Page: Sendable, Item: Sendable>: AsyncSequence, Sendable {
    /// Each element is one item of a page.
    public typealias Element = Item

    let pages: PageSequence<Input, Page>
    let extract: @Sendable (Page) -> [Item]

    /// Hands out the current page's items, fetching the next page when they run out.
    public struct AsyncIterator: AsyncIteratorProtocol {
        var pages: PageSequence<Input, Page>.AsyncIterator
        let extract: @Sendable (Page) -> [Item]
        var buffer: [Item] = []
        var index = 0

        /// The next item, fetching pages as needed (skipping empty ones); nil after the last page.
        public mutating func next() async throws -> Item? {
            while index == buffer.count {
                guard let page = try await pages.next() else { return nil }
                buffer = extract(page)
                index = 0
            }
            defer { index += 1 }
            return buffer[index]
        }
    }

    /// An iterator that starts again from the first page.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(pages: pages.makeAsyncIterator(), extract: extract)
    }
}
