import CYAML

/// Turns libyaml's event stream into `Node` trees, one frame per open mapping or sequence.
struct TreeBuilder {
    /// An open collection and what it holds so far.
    private struct Frame {
        var isMapping: Bool
        var mark: Mark
        var tag: String?
        var anchor: String?
        var items: [Node] = []
        var entries: [MappingEntry] = []
        /// A mapping's key waiting for its value.
        var pendingKey: Node?
        var hasMergeKey = false
        /// Node count when the frame opened, to know the size an anchor on it stands for.
        var nodeCountAtStart: Int
        /// Collection levels below this one (a scalar adds none), to bound the depth aliases produce.
        var height = 0
    }

    /// What an anchor stands for, with the cost of repeating it.
    private struct Anchored {
        var node: Node
        var size: Int
        var height: Int
    }

    private let parser: EventParser
    private let limits: LoaderLimits
    /// The innermost open collection, kept out of `parents` so the hot path mutates it directly.
    private var current: Frame?
    private var parents: [Frame] = []
    private var anchors: [String: Anchored] = [:]
    private var nodeCount = 0
    private var aliasNodes = 0
    private var documentRoot: Node?

    init(parser: EventParser, limits: LoaderLimits) {
        self.parser = parser
        self.limits = limits
    }

    mutating func buildStream() throws(YAMLError) -> [Node] {
        var documents: [Node] = []
        let event = parser.event
        while true {
            try parser.next()
            switch event.pointee.type {
            case YAML_STREAM_END_EVENT:
                return documents
            case YAML_DOCUMENT_START_EVENT:
                anchors = [:]  // anchors are scoped to their document
                documentRoot = nil
            case YAML_DOCUMENT_END_EVENT:
                // libyaml gives an empty document an empty plain scalar, so the root is always there.
                documents.append(documentRoot ?? Node(.scalar(Scalar(text: "", style: .plain)), mark: parser.startMark))
            case YAML_SCALAR_EVENT:
                let data = event.pointee.data.scalar
                let scalar = Scalar(
                    text: EventParser.string(data.value, count: data.length), style: Self.style(data.style))
                let node = Node(.scalar(scalar), mark: parser.startMark, tag: EventParser.string(data.tag))
                nodeCount += 1
                try add(node, height: 0, anchor: EventParser.string(data.anchor), size: 1)
            case YAML_ALIAS_EVENT:
                try addAlias(EventParser.string(event.pointee.data.alias.anchor) ?? "")
            case YAML_SEQUENCE_START_EVENT:
                let data = event.pointee.data.sequence_start
                try open(isMapping: false, tag: EventParser.string(data.tag), anchor: EventParser.string(data.anchor))
            case YAML_MAPPING_START_EVENT:
                let data = event.pointee.data.mapping_start
                try open(isMapping: true, tag: EventParser.string(data.tag), anchor: EventParser.string(data.anchor))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                try close()
            default:
                break  // STREAM_START, NO_EVENT
            }
        }
    }

    /// Open collections: `current` and its parents.
    private var depth: Int { parents.count + (current == nil ? 0 : 1) }

    private mutating func open(isMapping: Bool, tag: String?, anchor: String?) throws(YAMLError) {
        guard depth < limits.maxDepth else {
            throw YAMLError(.tooDeep(limit: limits.maxDepth), at: parser.startMark)
        }
        nodeCount += 1
        var frame = Frame(
            isMapping: isMapping, mark: parser.startMark, tag: tag, anchor: anchor,
            nodeCountAtStart: nodeCount)
        // Most spec mappings hold a handful of entries: one allocation instead of growing 1, 2, 4.
        if isMapping { frame.entries.reserveCapacity(4) }
        if let parent = current.take() { parents.append(parent) }
        current = frame
    }

    private mutating func close() throws(YAMLError) {
        guard var frame = current.take() else { return }
        current = parents.popLast()
        let content: Node.Content
        if frame.isMapping {
            try MappingBuilder.rejectDuplicates(frame.entries)
            content = .mapping(frame.hasMergeKey ? try MappingBuilder.merged(frame.entries) : frame.entries)
        } else {
            content = .sequence(frame.items)
        }
        frame.items = []
        frame.entries = []
        let node = Node(content, mark: frame.mark, tag: frame.tag)
        try add(node, height: frame.height + 1, anchor: frame.anchor, size: nodeCount - frame.nodeCountAtStart + 1)
    }

    private mutating func addAlias(_ name: String) throws(YAMLError) {
        guard let anchored = anchors[name] else {
            throw YAMLError(.undefinedAlias(name), at: parser.startMark)
        }
        aliasNodes += anchored.size
        guard aliasNodes <= limits.maxAliasNodes else {
            throw YAMLError(.aliasExpansion(limit: limits.maxAliasNodes), at: parser.startMark)
        }
        guard depth + anchored.height <= limits.maxDepth else {
            throw YAMLError(.tooDeep(limit: limits.maxDepth), at: parser.startMark)
        }
        nodeCount += anchored.size
        // The alias is the anchored node (a cheap copy-on-write value) at the alias's own mark.
        var node = anchored.node
        node.mark = parser.startMark
        try add(node, height: anchored.height, anchor: nil, size: anchored.size)
    }

    private mutating func add(_ node: Node, height: Int, anchor: String?, size: Int) throws(YAMLError) {
        if let anchor {
            anchors[anchor] = Anchored(node: node, size: size, height: height)
        }
        guard current != nil else {
            documentRoot = node
            return
        }
        if height > current!.height { current!.height = height }
        guard current!.isMapping else {
            current!.items.append(node)
            return
        }
        if let key = current!.pendingKey.take() {
            current!.entries.append(MappingEntry(key: key, value: node))
        } else {
            if MappingBuilder.isMergeKey(node) { current!.hasMergeKey = true }
            current!.pendingKey = node
        }
    }

    private static func style(_ style: yaml_scalar_style_t) -> Scalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }
}
