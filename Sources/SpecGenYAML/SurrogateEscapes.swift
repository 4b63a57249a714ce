/// JSON writes a character outside the Basic Multilingual Plane as a UTF-16 surrogate pair,
/// `"\ud83d\udc4d"` (👍); libyaml refuses surrogate escapes ("found invalid Unicode character
/// escape code"), so valid JSON such as Twilio's spec would be refused.
///
/// Before libyaml reads a JSON document, each pair is rewritten to YAML's 8-digit escape of the
/// same character, `\U0001F44D`: the scalar's value is the same and libyaml still reads every
/// byte. The rewrite is 2 characters shorter, so `ColumnShifts` maps libyaml's columns on those
/// lines back to the file's. Only input that is JSON outside its strings is touched (a YAML
/// comment or single-quoted scalar may hold the same text, where it is not an escape); a lone
/// surrogate is left for libyaml to refuse, at its place.
enum SurrogateEscapes {
    /// The rewritten input and its column shifts, or nil when there is nothing to rewrite.
    static func rewrite(_ input: UnsafeBufferPointer<UInt8>) -> (bytes: [UInt8], shifts: ColumnShifts)? {
        guard mayContainSurrogate(input), looksLikeJSON(input) else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var shifts = ColumnShifts()
        var line = 1
        var column = 1  // of the input, in characters
        var removed = 0  // characters removed so far on this line
        var inString = false
        var index = 0
        while index < input.count {
            let byte = input[index]
            if inString && byte == UInt8(ascii: "\\"), index + 1 < input.count {
                if input[index + 1] == UInt8(ascii: "u"), let scalar = pair(input, at: index) {
                    output += Array("\\U".utf8) + hex8(scalar)
                    index += 12
                    column += 12
                    removed += 2
                    shifts.add(line: line, fromColumn: column - removed, add: removed)
                    continue
                }
                output += [byte, input[index + 1]]  // any other escape, kept (so `\"` never ends the string)
                index += 2
                column += 2
                continue
            }
            if byte == UInt8(ascii: "\"") { inString.toggle() }
            output.append(byte)
            index += 1
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
                removed = 0
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return shifts.isEmpty ? nil : (output, shifts)
    }

    /// A quick look for `\uD8`–`\uDB` (any case) before the full scan.
    private static func mayContainSurrogate(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index + 3 < input.count {
            if input[index] == UInt8(ascii: "\\"), input[index + 1] == UInt8(ascii: "u"),
                input[index + 2] | 0x20 == UInt8(ascii: "d"), let digit = hexValue(input[index + 3]),
                (8...11).contains(digit)
            {
                return true
            }
            index += 1
        }
        return false
    }

    /// Starts with `{` or `[` and has, outside its double-quoted strings, only what JSON has there:
    /// no comment, single quote, tag, anchor or plain word other than true, false and null.
    private static func looksLikeJSON(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
        let allowed = Set("{}[],: \t\r\n0123456789+-.eEtruefalsn".utf8)
        var inString = false
        var sawStart = false
        var index = 0
        if input.count >= 3, input[0] == 0xEF, input[1] == 0xBB, input[2] == 0xBF { index = 3 }  // BOM
        while index < input.count {
            let byte = input[index]
            if inString {
                if byte == UInt8(ascii: "\\") {
                    index += 2
                    continue
                }
                if byte == UInt8(ascii: "\"") { inString = false }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if !allowed.contains(byte) {
                return false
            } else if !sawStart,
                !(byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
                    || byte == UInt8(ascii: "\n"))
            {
                guard byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") else { return false }
                sawStart = true
            }
            index += 1
        }
        return sawStart
    }

    /// The character of `\uD8xx\uDCxx` at `index`, when it is a high surrogate followed by a low one.
    private static func pair(_ input: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt32? {
        guard index + 12 <= input.count, let high = unit(input, at: index), (0xD800...0xDBFF).contains(high),
            input[index + 6] == UInt8(ascii: "\\"), input[index + 7] == UInt8(ascii: "u"),
            let low = unit(input, at: index + 6), (0xDC00...0xDFFF).contains(low)
        else { return nil }
        return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
    }

    /// The 4 hex digits after `\u` at `index`.
    private static func unit(_ input: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt32? {
        var value: UInt32 = 0
        for offset in 2..<6 {
            guard let digit = hexValue(input[index + offset]) else { return nil }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    private static func hex8(_ value: UInt32) -> [UInt8] {
        let digits = Array("0123456789ABCDEF".utf8)
        return (0..<8).reversed().map { digits[Int((value >> (UInt32($0) * 4)) & 0xF)] }
    }
}

/// Where a rewrite made lines shorter: libyaml's column on such a line → the file's column.
struct ColumnShifts: Sendable {
    /// Per line: (first rewritten column after a rewrite, characters removed before it), ascending.
    private var lines: [Int: [(column: Int, add: Int)]] = [:]

    var isEmpty: Bool { lines.isEmpty }

    mutating func add(line: Int, fromColumn column: Int, add: Int) {
        lines[line, default: []].append((column, add))
    }

    /// The file's column of `column` (1-based, as libyaml counts) on `line`.
    func original(line: Int, column: Int) -> Int {
        guard let shifts = lines[line], let last = shifts.last(where: { $0.column <= column }) else { return column }
        return column + last.add
    }
}
