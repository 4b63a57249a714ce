/// ECR's input rules, as its API reference states them.
enum ECRValidation {
    static let repositoryNamePattern = "(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*"

    /// 2 to 256 characters of `(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*`.
    static func checkRepositoryName(_ name: String) throws {
        guard (2...256).contains(name.utf8.count), isValidRepositoryName(name) else {
            throw ECRError.invalidParameter(
                "Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must satisfy regular expression '\(repositoryNamePattern)' and be between 2 and 256 characters'"
            )
        }
    }

    static func isValidRepositoryName(_ name: String) -> Bool {
        name.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { component in
            // [a-z0-9]+ runs joined by single separators: no separator first, last, or twice in a row.
            var previousWasSeparator = true
            for byte in component.utf8 {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    previousWasSeparator = false
                case UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
                    if previousWasSeparator { return false }
                    previousWasSeparator = true
                default:
                    return false
                }
            }
            return !previousWasSeparator
        }
    }

    /// 1 to 300 characters, none of them a control character or a space.
    static func checkImageTag(_ tag: String) throws {
        guard (1...300).contains(tag.count),
            !tag.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 })
        else {
            throw ECRError.invalidParameter(
                "Invalid parameter at 'imageTag' failed to satisfy constraint: 'must be between 1 and 300 characters without spaces'"
            )
        }
    }

    /// `sha256:` and 64 lowercase hex digits.
    static func isValidDigest(_ digest: String) -> Bool {
        guard digest.hasPrefix("sha256:") else { return false }
        let hex = digest.utf8.dropFirst(7)
        return hex.count == 64
            && hex.allSatisfy {
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                    || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0)
            }
    }

    /// 1 to 1000, the range ECR allows; nil (not given) is the default page.
    static func checkMaxResults(_ value: Int32?) throws {
        if let value, !(1...1000).contains(value) {
            throw ECRError.invalidParameter(
                "Invalid parameter at 'maxResults' failed to satisfy constraint: 'Member must have value between 1 and 1000'"
            )
        }
    }

    /// `*` matches any run of characters, as ECR's WILDCARD exclusion filters do.
    static func wildcardMatches(_ pattern: String, _ text: String) -> Bool {
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false)
        guard parts.count > 1 else { return pattern == text }
        var rest = Substring(text)
        guard rest.hasPrefix(parts[0]) else { return false }
        rest = rest.dropFirst(parts[0].count)
        for part in parts.dropFirst().dropLast() {
            guard let range = rest.range(of: part) else { return false }
            rest = rest[range.upperBound...]
        }
        return rest.hasSuffix(parts[parts.count - 1])
    }
}
