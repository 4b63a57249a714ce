import CYAML

/// libyaml's event parser over a byte buffer the caller keeps alive. Owns the C parser and
/// frees it (and the last event) in `deinit`, so no path leaks C memory.
///
/// The C structs live behind pointers allocated once: reading them through a class's stored
/// properties would cost a dynamic exclusivity check per access, on the loader's hottest path.
final class EventParser {
    private let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    /// The current event, valid until the next call to `next()`.
    let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
    private var hasEvent = false
    private let input: UnsafeBufferPointer<UInt8>
    let file: String
    /// Set when the input is a rewrite of the file with shorter lines (see `SurrogateEscapes`).
    private let columnShifts: ColumnShifts?

    /// `input` must stay valid for the parser's lifetime.
    init(input: UnsafeBufferPointer<UInt8>, file: String, columnShifts: ColumnShifts? = nil) {
        self.input = input
        self.file = file
        self.columnShifts = columnShifts
        parser.initialize(to: yaml_parser_t())
        event.initialize(to: yaml_event_t())
        yaml_parser_initialize(parser)
        yaml_parser_set_input_string(parser, input.baseAddress, input.count)
    }

    deinit {
        if hasEvent { yaml_event_delete(event) }
        yaml_parser_delete(parser)
        parser.deallocate()
        event.deallocate()
    }

    /// Moves to the next event; throws libyaml's error with its mark.
    func next() throws(YAMLError) {
        if hasEvent {
            yaml_event_delete(event)
            hasEvent = false
        }
        guard yaml_parser_parse(parser, event) == 1 else { throw parserError() }
        hasEvent = true
    }

    func mark(_ cMark: yaml_mark_t) -> Mark {
        mark(line: Int(cMark.line) + 1, column: Int(cMark.column) + 1)
    }

    private func mark(line: Int, column: Int) -> Mark {
        guard let columnShifts else { return Mark(file: file, line: line, column: column) }
        return Mark(file: file, line: line, column: columnShifts.original(line: line, column: column))
    }

    var startMark: Mark { mark(event.pointee.start_mark) }

    /// libyaml's problem and context in one sentence, at the problem's mark.
    private func parserError() -> YAMLError {
        let parser = self.parser.pointee
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown libyaml error"
        if parser.error == YAML_READER_ERROR {
            // Reader errors (invalid UTF-8, control characters) carry a byte offset, not a mark.
            var text = problem
            if parser.problem_value != -1 {
                let hex = String(parser.problem_value, radix: 16, uppercase: true)
                text += " (byte 0x\(hex.count < 2 ? "0" + hex : hex))"
            }
            return YAMLError(.syntax(text), at: markOfByte(parser.problem_offset))
        }
        if parser.error == YAML_MEMORY_ERROR {
            return YAMLError(.syntax("libyaml ran out of memory"), at: mark(parser.problem_mark))
        }
        var text = problem
        let index = Int(parser.problem_mark.index)
        if problem.hasPrefix("found character that cannot start any token"), index < input.count,
            input[index] == UInt8(ascii: "\t")
        {
            text = "found a tab character where YAML allows only spaces (indentation is spaces only)"
        } else if problem == "found invalid Unicode character escape code" {
            // After SurrogateEscapes, what is left is a lone surrogate or a value past U+10FFFF.
            text =
                "found an invalid Unicode escape: a surrogate (\\uD800–\\uDFFF) must be a high one directly followed by a low one, and no character is above U+10FFFF"
        } else if let context = parser.context {
            let start = mark(parser.context_mark)
            text += " (\(String(cString: context)) that starts at line \(start.line), column \(start.column))"
        }
        return YAMLError(.syntax(text), at: mark(parser.problem_mark))
    }

    /// Line and column (in characters) of a byte offset in the input.
    private func markOfByte(_ offset: Int) -> Mark {
        var line = 1
        var column = 1
        for byte in input.prefix(min(offset, input.count)) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return mark(line: line, column: column)
    }
}

extension EventParser {
    /// The event's anchor, tag, scalar text: libyaml hands them out as NUL-terminated or sized bytes.
    static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafePointer($0)) }
    }

    static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, count: Int) -> String {
        guard let pointer else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }
}
