import Foundation

/// `Accept` matching (RFC 9110 §12.5.1): `type/subtype`, `type/*` or `*/*`, each with an optional
/// `q`; a range with `q=0` refuses what it names. Parameters other than `q` are not compared.
enum MediaRange {
    /// True when the `Accept` field value takes `mediaType`: the most specific range that names
    /// it decides, and its `q` is above zero.
    static func accepts(_ accept: String, _ mediaType: String) -> Bool {
        let wanted = essence(mediaType)
        guard let slash = wanted.firstIndex(of: "/") else { return false }
        let type = wanted[..<slash]
        var best: (specificity: Int, q: Double)?
        for element in accept.split(separator: ",") {
            let parts = element.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let range = parts.first?.lowercased(), !range.isEmpty else { continue }
            let specificity: Int
            if range == wanted {
                specificity = 2
            } else if range == type + "/*" {
                specificity = 1
            } else if range == "*/*" {
                specificity = 0
            } else {
                continue
            }
            let q =
                parts.dropFirst().compactMap { parameter -> Double? in
                    let pair = parameter.split(separator: "=", maxSplits: 1)
                    guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "q" else {
                        return nil
                    }
                    return Double(pair[1].trimmingCharacters(in: .whitespaces))
                }.first ?? 1
            if best == nil || specificity > best!.specificity { best = (specificity, q) }
        }
        return (best?.q ?? 0) > 0
    }

    /// `application/json` of `Application/JSON; charset=utf-8`.
    static func essence(_ mediaType: String) -> String {
        String(mediaType.split(separator: ";").first ?? "").trimmingCharacters(in: .whitespaces).lowercased()
    }
}
