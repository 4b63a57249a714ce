/// A scalar read by the YAML 1.2 core schema. Resolution happens on request, never at load time,
/// so a reader that wants the text (`version: 1.10` → "1.10") still has it.
package enum ScalarValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)

    package var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .int: return "integer"
        case .float: return "number"
        case .string: return "string"
        }
    }
}

/// Standard tags libyaml reports for `!!null`, `!!bool`, … (YAML's `tag:yaml.org,2002:` namespace).
package enum CoreTag {
    package static let null = "tag:yaml.org,2002:null"
    package static let bool = "tag:yaml.org,2002:bool"
    package static let int = "tag:yaml.org,2002:int"
    package static let float = "tag:yaml.org,2002:float"
    package static let str = "tag:yaml.org,2002:str"
    package static let merge = "tag:yaml.org,2002:merge"
}

extension Node {
    /// The scalar's value by the YAML 1.2 core schema; nil for collections.
    /// Quoted and block scalars are strings unless an explicit tag says otherwise.
    package var resolved: ScalarValue? {
        guard case .scalar(let scalar) = content else { return nil }
        switch tag {
        case nil:
            return scalar.style == .plain ? ScalarValue.resolvePlain(scalar.text) : .string(scalar.text)
        case CoreTag.str?, "!"?:
            return .string(scalar.text)
        case CoreTag.null?:
            return .null
        case CoreTag.bool?, CoreTag.int?, CoreTag.float?:
            let value = ScalarValue.resolvePlain(scalar.text)
            return value == .string(scalar.text) ? .string(scalar.text) : value
        default:
            return .string(scalar.text)
        }
    }
}

extension ScalarValue {
    /// The core schema's rules for an untagged plain scalar.
    package static func resolvePlain(_ text: String) -> ScalarValue {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .float(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .float(-.infinity)
        case ".nan", ".NaN", ".NAN": return .float(.nan)
        default: break
        }
        let utf8 = text.utf8
        guard let first = utf8.first,
            first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
                || first == UInt8(ascii: ".") || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9"))
        else { return .string(text) }
        if let int = parseInteger(text) { return .int(int) }
        if isCoreFloat(utf8), let double = Double(text) { return .float(double) }
        return .string(text)
    }

    /// `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`. Integers too large for `Int` read as floats
    /// by the caller's next rule, so they are never silently wrapped.
    private static func parseInteger(_ text: String) -> Int? {
        if text.hasPrefix("0x") { return text.count > 2 ? Int(text.dropFirst(2), radix: 16) : nil }
        if text.hasPrefix("0o") { return text.count > 2 ? Int(text.dropFirst(2), radix: 8) : nil }
        var digits = Substring(text)
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return Int(text)
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
    private static func isCoreFloat(_ utf8: String.UTF8View) -> Bool {
        var bytes = Array(utf8)[...]
        func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
        func digitRun() -> Int {
            var count = 0
            while let byte = bytes.first, isDigit(byte) {
                bytes = bytes.dropFirst()
                count += 1
            }
            return count
        }
        if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        let whole = digitRun()
        var fraction = 0
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            fraction = digitRun()
            if whole == 0 && fraction == 0 { return false }
        } else if whole == 0 {
            return false
        }
        if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
            if digitRun() == 0 { return false }
        }
        return bytes.isEmpty
    }
}
