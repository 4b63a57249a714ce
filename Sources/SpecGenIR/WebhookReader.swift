import SpecGenYAML

/// OpenAPI 3.1 `webhooks` and 3.x operation `callbacks`: requests the API provider sends, read as
/// operations like those of `paths`. They have no URL path of their own (a webhook goes to the URL
/// a subscriber registered, a callback to a URL taken from a request), so each gets the path a
/// generated receiver serves it at: `/name` for a webhook, `/operationId/name` for a callback.
enum WebhookReader {
    static func webhooks(_ root: Node, version: SpecVersion, _ state: inout ReaderState) -> [Operation] {
        guard let entry = root.entries?.first(where: { $0.key.text == "webhooks" }), !entry.value.isNull else {
            return []
        }
        if !version.family.hasWebhooks {
            state.warning(
                "'webhooks' are an OpenAPI 3.1 field; this document is \(version.written), so they are ignored",
                at: entry.key.mark)
            return []
        }
        var result: [Operation] = []
        for (name, key, value) in state.entries(entry.value, "'webhooks'") {
            guard let item = pathItem(value, what: "webhook '\(name)'", at: key.mark, &state) else { continue }
            let path = "/" + segment(name)
            let methods = methodCount(item)
            var operations = OpenAPI3Reader.operations(
                path: path, item: item,
                ids: { method in methods > 1 ? name + TypeNaming.upperCamel(method.rawValue) : name },
                &state)
            for index in operations.indices {
                operations[index].specPath = name
                dropPathParameters(&operations[index], what: "webhook '\(name)'", at: key.mark, &state)
            }
            result += operations
        }
        return result
    }

    /// The callbacks of operation `operationID`: name → { expression → path item }.
    static func callbacks(_ node: Node, of operationID: String, _ state: inout ReaderState) -> [Callback] {
        var result: [Callback] = []
        for (name, key, value) in state.entries(state.dereferenced(node), "the callbacks of '\(operationID)'") {
            guard let callback = state.dereference(value) else { continue }
            let expressions = state.entries(callback, "callback '\(name)' of '\(operationID)'")
            if expressions.isEmpty {
                state.warning(
                    "callback '\(name)' of '\(operationID)' has no URL expression; it is ignored", at: key.mark)
            }
            for (index, (expression, expressionKey, itemNode)) in expressions.enumerated() {
                let what = "callback '\(name)' of '\(operationID)'"
                if let problem = RuntimeExpressionSyntax.problem(in: expression) {
                    state.error(
                        "\(what) has an invalid URL expression '\(expression)': \(problem); it is ignored",
                        at: expressionKey.mark)
                    continue
                }
                guard let item = pathItem(itemNode, what: what, at: expressionKey.mark, &state) else { continue }
                let suffix = index == 0 ? "" : String(index + 1)
                let path = "/" + segment(operationID) + "/" + segment(name) + suffix
                let stem = operationID + TypeNaming.upperCamel(name) + suffix
                let methods = methodCount(item)
                var operations = OpenAPI3Reader.operations(
                    path: path, item: item,
                    ids: { method in methods > 1 ? stem + TypeNaming.upperCamel(method.rawValue) : stem }, &state)
                for index in operations.indices {
                    operations[index].specPath = expression
                    dropPathParameters(&operations[index], what: what, at: expressionKey.mark, &state)
                }
                result.append(Callback(name: name, expression: expression, operations: operations))
            }
        }
        return result
    }

    /// The path item of a webhook or callback, dereferenced; nil (with a warning) when it is not a
    /// mapping or has no operation.
    private static func pathItem(_ value: Node, what: String, at mark: Mark, _ state: inout ReaderState) -> Node? {
        guard let item = state.dereference(value) else { return nil }
        guard item.entries != nil else {
            state.warning(
                "\(what) should be a path item (a mapping of methods), not \(item.kindDescription); it is ignored",
                at: item.mark)
            return nil
        }
        if methodCount(item) == 0 {
            state.warning("\(what) has no operation (get, post, …); nothing is generated for it", at: mark)
        }
        return item
    }

    private static func methodCount(_ item: Node) -> Int {
        (item.entries ?? []).reduce(0) { count, entry in
            if entry.key.text == "additionalOperations" { return count + (entry.value.entries?.count ?? 0) }
            return count + (HTTPMethod(rawValue: entry.key.text ?? "") != nil ? 1 : 0)
        }
    }

    /// A webhook or callback URL is given whole, so it has no path template to fill.
    private static func dropPathParameters(
        _ operation: inout Operation, what: String, at mark: Mark, _ state: inout ReaderState
    ) {
        for parameter in operation.parameters where parameter.location == .path {
            state.warning(
                "\(what) declares path parameter '\(parameter.name)', but its URL is given whole; it is ignored",
                at: mark)
        }
        operation.parameters.removeAll { $0.location == .path }
    }

    /// Operation ids are unique across the document's operations, webhooks and callbacks (OpenAPI
    /// says so, and the emitter names types after them). A derived id that is taken gets the
    /// smallest free number (`onData2`); a written one used twice is an error at the second.
    /// Walks in the order the operations were read, so each meets its mark.
    static func makeIDsUnique(_ document: inout APIDocument, _ state: inout ReaderState) {
        var taken = Set(document.operations.map(\.id))
        var index = 0
        func visit(_ operation: inout Operation, isSent: Bool) {
            if isSent {
                let marks = state.sentOperationMarks
                let mark = marks.indices.contains(index) ? marks[index] : Mark(file: state.rootFile, line: 1, column: 1)
                index += 1
                if !taken.insert(operation.id).inserted {
                    if operation.idIsDerived == true {
                        var number = 2
                        while taken.contains(operation.id + String(number)) { number += 1 }
                        operation.id += String(number)
                        taken.insert(operation.id)
                    } else {
                        state.error(
                            "operation id '\(operation.id)' is used twice; ids are unique across operations, webhooks and callbacks",
                            at: mark)
                    }
                }
            }
            guard var callbacks = operation.callbacks else { return }
            for callback in callbacks.indices {
                for nested in callbacks[callback].operations.indices {
                    visit(&callbacks[callback].operations[nested], isSent: true)
                }
            }
            operation.callbacks = callbacks
        }
        for position in document.operations.indices { visit(&document.operations[position], isSent: false) }
        for position in document.webhooks.indices { visit(&document.webhooks[position], isSent: true) }
    }

    /// A path segment that matches only itself: everything but unreserved characters
    /// percent-encoded, so `{`, `/` or `?` in a name cannot make a template, a path or a query.
    static func segment(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            let scalar = Unicode.Scalar(byte)
            if scalar.isASCII,
                scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-._~".unicodeScalars.contains(scalar)
            {
                result.unicodeScalars.append(scalar)
            } else {
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result.isEmpty ? "_" : result
    }
}

/// Checks the syntax of a callback URL (a runtime expression template: text with `{$…}` parts).
/// Generated code evaluates it with SpecGenRuntime's `CallbackURL`, which accepts the same syntax.
enum RuntimeExpressionSyntax {
    /// Why `template` is not a valid runtime expression template, or nil when it is.
    static func problem(in template: String) -> String? {
        var rest = Substring(template)
        var sawExpression = false
        while let open = rest.firstIndex(where: { $0 == "{" || $0 == "}" }) {
            guard rest[open] == "{" else { return "a '}' has no '{'" }
            guard let close = rest[open...].firstIndex(of: "}") else { return "a '{' has no '}'" }
            let expression = rest[rest.index(after: open)..<close]
            if let problem = problem(expression: expression) { return problem }
            sawExpression = true
            rest = rest[rest.index(after: close)...]
        }
        if !sawExpression && !(template.hasPrefix("http://") || template.hasPrefix("https://")) {
            return "it is neither an absolute URL nor has a {$…} expression"
        }
        return nil
    }

    private static func problem(expression: Substring) -> String? {
        if ["$url", "$method", "$statusCode"].contains(expression) { return nil }
        for source in ["$request.", "$response."] where expression.hasPrefix(source) {
            let reference = expression.dropFirst(source.count)
            if reference == "body" || reference.hasPrefix("body#") {
                let pointer = reference.dropFirst("body#".count)
                if reference != "body" && !(pointer.isEmpty || pointer.hasPrefix("/")) {
                    return "the JSON pointer of '{\(expression)}' does not start with '/'"
                }
                return nil
            }
            for place in ["header.", "query.", "path."] where reference.hasPrefix(place) {
                if reference.count > place.count { return nil }
            }
        }
        return "'{\(expression)}' is not a runtime expression ($url, $method, $statusCode, "
            + "$request.header.NAME, $request.query.NAME, $request.path.NAME, $request.body#/POINTER, or the same of $response)"
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
