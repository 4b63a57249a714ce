import Dispatch
import Foundation
import Mustache

/// A list of a file's context whose section is rendered in pieces, on every core
/// (`TemplateSet.render(_:context:splitting:)`).
struct SplitList {
    /// The context's field that holds the list (empty in the context given with it).
    var key: String
    var elements: [Any]
}

/// How a split render turned out: `split` is false when no list's section was rendered in chunks
/// (the template's shape did not allow it, see `TemplateSet.renderSplit`, or one core).
struct SplitRenderResult {
    var text: String
    var split: Bool
}

extension TemplateSet {
    /// Renders template `name` as `render(_:context:)` would with each list of `lists` in its
    /// field of `context` (where it is given empty), the same bytes, using every core.
    ///
    /// Why: rendering is most of `specgen generate`'s time and swift-mustache renders on one
    /// thread; a file's big lists (the models' types, the operations) are independent of each
    /// other element by element, so their sections are rendered in chunks concurrently and put
    /// together in order.
    func render(_ name: String, context: Any, splitting lists: [SplitList]) throws(TemplateError) -> String {
        try renderSplit(name, context: context, splitting: lists).text
    }

    /// How the pieces are put together without knowing the template. The template is first
    /// rendered with each list replaced by a lambda that prints a marker: the "frame", the file's
    /// text around each list's section (cheap: no list is rendered). Then, per chunk of a list,
    /// the template is rendered with that chunk in the list's place (the other lists still
    /// markers): the frame's text before and after the list's marker, with the chunk's section
    /// between. Removing that frame text leaves the chunk's share of the section; the file is the
    /// frame with each marker replaced by its chunks' shares, in order.
    ///
    /// This holds when the section's output depends on the list only, and what follows it does
    /// not depend on the section's output. Each is checked, and the file is rendered whole (the
    /// same bytes, one thread) when one fails:
    /// - the list's lambda is called exactly once (one `{{#key}}` section; a `{{key}}` variable or
    ///   a dotted name through the list would differ) and its marker is in the frame once;
    /// - the section's own text uses no sequence transforms (`{{#first()}}`, `{{index()}}`): a
    ///   chunk would restart them;
    /// - the frame is the same with the marker ending in a newline and without: in an indented
    ///   partial, swift-mustache indents what follows a section when its output ends in one;
    /// - every chunk's render starts and ends with the frame's text and holds no marker.
    func renderSplit(_ name: String, context: Any, splitting lists: [SplitList]) throws(TemplateError)
        -> SplitRenderResult
    {
        try validateContext(name, context: context)
        guard let template = library.getTemplate(named: name) else {
            throw TemplateError(.unknownTemplate(name, available: names), file: name)
        }
        let converted = RenderedContext.convert(context)
        guard var base = (converted as? RenderedObject)?.fields else {
            return SplitRenderResult(text: template.render(converted, library: library), split: false)
        }
        let library = self.library
        // Every list in the context's field of that name, to render the file whole.
        func whole() -> String {
            var object = base
            for list in lists { object[list.key] = list.elements.map(RenderedContext.convert) }
            return template.render(RenderedObject(fields: object), library: library)
        }
        // Each list must be the (empty) value of a field: otherwise the names are wrong.
        guard ProcessInfo.processInfo.activeProcessorCount > 1,
            lists.allSatisfy({ (base[$0.key] as? [Any])?.isEmpty ?? false })
        else {
            return SplitRenderResult(text: whole(), split: false)
        }
        // A list of one element gains nothing from splitting, and one the templates name other than
        // by one plain section cannot be split: they go back in their fields.
        let plain = plainSectionKeys(name, lists.map(\.key))
        let split = lists.filter { $0.elements.count > 1 && plain.contains($0.key) }
        for list in lists where !split.contains(where: { $0.key == list.key }) {
            base[list.key] = list.elements.map(RenderedContext.convert)
        }
        guard !split.isEmpty else { return SplitRenderResult(text: whole(), split: false) }

        // The two frames first (small), to learn which lists the template renders at all.
        let frames = SplitUnit.renderAll(
            [.frame(endsInNewline: true), .frame(endsInNewline: false)], template, base: base, lists: split,
            library: library)
        // An element's fields that hold a list or an object: a section on one starts a new context,
        // where a sequence transform (`{{^last()}}`) sees that list, not the one being split.
        let nestedContexts = split.map { list -> Set<String> in
            guard let first = list.elements.first, let object = RenderedContext.convert(first) as? RenderedObject
            else { return [] }
            return Set(object.fields.filter { $0.value is [Any] || $0.value is RenderedObject }.keys)
        }
        guard let frame = SplitUnit.frame(frames, lists: split.count, nestedContexts: nestedContexts) else {
            return SplitRenderResult(text: whole(), split: false)
        }
        let chunks = SplitUnit.chunks(
            split, used: frame.order, pieces: 4 * ProcessInfo.processInfo.activeProcessorCount)
        let outputs = SplitUnit.renderAll(chunks, template, base: base, lists: split, library: library)
        guard let text = SplitUnit.assemble(frame, chunks, outputs, lists: split.count) else {
            return SplitRenderResult(text: whole(), split: false)
        }
        return SplitRenderResult(text: text, split: !frame.order.isEmpty)
    }
}

extension TemplateSet {
    /// Which of `keys` the template and the partials it includes name only in plain tags: at most
    /// one `{{#key}}` section in all, and `{{^key}}`, `{{/key}}`. A second section (the list inside
    /// its own section would be the chunk), a transform (`{{count(key)}}` would count the chunk), a
    /// dotted name or a variable could see a chunk where the file has the list. The frame checks
    /// more, but a transform of the list's lambda renders nothing and passes unnoticed. A dynamic
    /// partial (`{{>*name}}`) can include anything: then no key qualifies.
    func plainSectionKeys(_ name: String, _ keys: [String]) -> Set<String> {
        var reached: Set<String> = []
        var pending = [name]
        var sections: [String: Int] = [:]
        var named: Set<String> = []
        while let template = pending.popLast() {
            guard reached.insert(template).inserted, let source = sources[template] else { continue }
            for tag in MustacheTagScanner.tags(in: source.text) {
                switch tag.kind {
                case .partial, .parent:
                    pending.append(tag.name)
                case .dynamicPartial:
                    return []
                case .section, .inverted, .close, .variable, .unescaped:
                    let first = tag.name.split(separator: ".", omittingEmptySubsequences: false).first.map(String.init)
                    guard let first, keys.contains(first) else { continue }
                    if tag.name == first, tag.transforms.isEmpty, tag.kind != .variable, tag.kind != .unescaped {
                        if tag.kind == .section { sections[first, default: 0] += 1 }
                    } else {
                        named.insert(first)
                    }
                case .block, .ignored:
                    continue
                }
            }
        }
        return Set(keys.filter { !named.contains($0) && sections[$0, default: 0] <= 1 })
    }
}

/// One render of a split file: the frame (every list a marker), or one chunk of one list.
private enum SplitUnit {
    /// The frame, its markers ending in a newline or not (`endsInNewline`).
    case frame(endsInNewline: Bool)
    /// Elements `range` of list `list`.
    case chunk(list: Int, range: Range<Int>)

    struct Output {
        var text: String
        /// The parameter of each call of each list's lambda (the section's own template text).
        var lambdaCalls: [[String]]
    }

    static let markerStart = "\u{1}SpecGen split section "

    /// The text a list's lambda prints in the frame: unlikely in a spec, and checked anyway.
    static func marker(_ list: Int, endsInNewline: Bool) -> String {
        markerStart + String(list) + "\u{1}" + (endsInNewline ? "\n" : "\u{2}")
    }

    /// About `pieces` chunks of each list in `used`, in order.
    static func chunks(_ lists: [SplitList], used: [Int], pieces: Int) -> [SplitUnit] {
        var units: [SplitUnit] = []
        for index in used.sorted() {
            let count = lists[index].elements.count
            let size = max(1, (count + pieces - 1) / pieces)
            for start in stride(from: 0, to: count, by: size) {
                units.append(.chunk(list: index, range: start..<min(start + size, count)))
            }
        }
        return units
    }

    /// Renders `units` concurrently, the outputs in the units' order.
    static func renderAll(
        _ units: [SplitUnit], _ template: MustacheTemplate, base: [String: Any], lists: [SplitList],
        library: MustacheLibrary
    ) -> [Output] {
        // Each unit its own run: a render only reads the shared context and library.
        units.concurrentMap(pieces: units.count) { $0.render(template, base: base, lists: lists, library: library) }
    }

    func render(_ template: MustacheTemplate, base: [String: Any], lists: [SplitList], library: MustacheLibrary)
        -> Output
    {
        let calls = LambdaCalls(count: lists.count)
        var object = base
        let newline: Bool
        if case .frame(let endsInNewline) = self { newline = endsInNewline } else { newline = true }
        for index in lists.indices {
            let text = Self.marker(index, endsInNewline: newline)
            object[lists[index].key] = MustacheLambda { (section: String) -> Any? in
                calls.record(index, section)
                return text
            }
        }
        if case .chunk(let list, let range) = self {
            var converter = RenderedContext.Converter()
            object[lists[list].key] = lists[list].elements[range].map { converter.convert($0) }
        }
        let text = template.render(RenderedObject(fields: object), library: library)
        return Output(text: text, lambdaCalls: calls.calls)
    }

    /// The frame, when the two frames agree: each list's lambda called at most once, on a section
    /// that uses no sequence transforms, its marker there exactly when it was called, and the
    /// text around the markers the same whether they end in a newline or not.
    static func frame(_ frames: [Output], lists: Int, nestedContexts: [Set<String>]) -> Frame? {
        guard frames.count == 2 else { return nil }
        let (withNewline, without) = (frames[0], frames[1])
        guard withNewline.lambdaCalls.map(\.count) == without.lambdaCalls.map(\.count) else { return nil }
        for calls in [withNewline.lambdaCalls, without.lambdaCalls] {
            // A section's lambda gets the section's text; a variable or a dotted name calls it with "".
            for (list, texts) in calls.enumerated() where !texts.isEmpty {
                guard texts.count == 1, !texts[0].isEmpty,
                    !SplitSectionText.usesSequenceTransforms(texts[0], nestedContexts: nestedContexts[list])
                else { return nil }
            }
        }
        let used = Set(withNewline.lambdaCalls.indices.filter { withNewline.lambdaCalls[$0].count == 1 })
        guard let frame = Frame(withNewline.text, lists: lists, endsInNewline: true),
            let other = Frame(without.text, lists: lists, endsInNewline: false),
            Set(frame.order) == used, frame.order == other.order,
            frame.texts.elementsEqual(other.texts, by: { $0.elementsEqual($1) })
        else { return nil }
        return frame
    }

    /// The file put together from the frame and the chunks' outputs, or nil when a chunk's render
    /// is not the frame's text around its share (see `TemplateSet.renderSplit`).
    static func assemble(_ frame: Frame, _ units: [SplitUnit], _ outputs: [Output], lists: Int) -> String? {
        var shares = Array(repeating: [Substring](), count: lists)
        var around: [Int: (prefix: [UInt8], suffix: [UInt8])] = [:]
        for (unit, output) in zip(units, outputs) {
            guard case .chunk(let list, _) = unit else { continue }
            if around[list] == nil { around[list] = frame.around(list) }
            let (prefix, suffix) = around[list]!
            let utf8 = output.text.utf8
            guard utf8.count >= prefix.count + suffix.count, utf8.starts(with: prefix),
                utf8.suffix(suffix.count).elementsEqual(suffix)
            else { return nil }
            let start = utf8.index(utf8.startIndex, offsetBy: prefix.count)
            let end = utf8.index(utf8.endIndex, offsetBy: -suffix.count)
            let share = Substring(utf8[start..<end])
            if share.utf8.contains(1), share.contains(markerStart) { return nil }
            shares[list].append(share)
        }
        var text = ""
        text.reserveCapacity(
            frame.texts.reduce(0) { $0 + $1.count } + shares.joined().reduce(0) { $0 + $1.utf8.count })
        text += String(decoding: frame.texts[0], as: UTF8.self)
        for (position, list) in frame.order.enumerated() {
            for share in shares[list] { text += share }
            text += String(decoding: frame.texts[position + 1], as: UTF8.self)
        }
        return text
    }
}

/// A frame cut at its markers: `texts[0]`, marker of list `order[0]`, `texts[1]`, …
private struct Frame {
    var texts: [ArraySlice<UInt8>]
    var order: [Int]

    /// Nil when a marker is there twice or a marker-like text is no list's.
    init?(_ text: String, lists: Int, endsInNewline: Bool) {
        let bytes = Array(text.utf8)
        let start = Array(SplitUnit.markerStart.utf8)
        var texts: [ArraySlice<UInt8>] = []
        var order: [Int] = []
        var cursor = 0
        var index = 0
        while index + start.count <= bytes.count {
            guard bytes[index] == start[0], bytes[index..<index + start.count].elementsEqual(start) else {
                index += 1
                continue
            }
            let found = (0..<lists).first { list in
                let marker = Array(SplitUnit.marker(list, endsInNewline: endsInNewline).utf8)
                return bytes[index...].starts(with: marker)
            }
            guard let found, !order.contains(found) else { return nil }
            texts.append(bytes[cursor..<index])
            order.append(found)
            index += SplitUnit.marker(found, endsInNewline: endsInNewline).utf8.count
            cursor = index
        }
        texts.append(bytes[cursor...])
        self.texts = texts
        self.order = order
    }

    /// The frame's bytes before and after list `list`'s marker (other markers included).
    func around(_ list: Int) -> (prefix: [UInt8], suffix: [UInt8]) {
        let position = order.firstIndex(of: list)!
        var prefix: [UInt8] = []
        var suffix: [UInt8] = []
        for (index, text) in texts.enumerated() {
            if index <= position {
                prefix += text
                if index < position { prefix += SplitUnit.marker(order[index], endsInNewline: true).utf8 }
            } else {
                // The marker of `list` itself (before `texts[position + 1]`) is in neither.
                if index > position + 1 { suffix += SplitUnit.marker(order[index - 1], endsInNewline: true).utf8 }
                suffix += text
            }
        }
        return (prefix, suffix)
    }
}

/// What each list's lambda was called with, during one render (one thread).
private final class LambdaCalls {
    private(set) var calls: [[String]]

    init(count: Int) {
        calls = Array(repeating: [], count: count)
    }

    func record(_ list: Int, _ section: String) {
        calls[list].append(section)
    }
}

/// What a split list's section text may hold (`SplitUnit.frame`).
enum SplitSectionText {
    /// Whether a section's template text has a tag calling a transform without a name
    /// (`{{#first()}}`, `{{ index() }}`: the position in the sequence), or changes the delimiters
    /// (then its tags can't be told apart here). Swift code's `()` outside tags does not count, nor
    /// does a transform inside a section on one of `nestedContexts` (an element's list or object
    /// field): swift-mustache renders that section in a new context, where `last()` is the inner
    /// list's. A section on anything else (a flag keeps the context) or an inverted one does not.
    static func usesSequenceTransforms(_ section: String, nestedContexts: Set<String> = []) -> Bool {
        if section.contains("{{=") { return true }
        var rest = section[...]
        // For each open section: whether it starts a new context.
        var opened: [Bool] = []
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { return false }
            let tag = rest[open.upperBound..<close.lowerBound].filter { !$0.isWhitespace }
            rest = rest[close.upperBound...]
            if tag.hasPrefix("#") || tag.hasPrefix("^") {
                let name = String(tag.dropFirst())
                if name.contains("()") {
                    if !opened.contains(true) { return true }
                    opened.append(false)
                } else {
                    opened.append(tag.hasPrefix("#") && nestedContexts.contains(name))
                }
            } else if tag.hasPrefix("/") {
                _ = opened.popLast()
            } else if tag.contains("()"), !opened.contains(true) {
                return true
            }
        }
        return false
    }
}
