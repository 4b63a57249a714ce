import SpecGenIR

/// Finds paginated operations from the spec alone: the input has an optional string `nextToken`
/// and so does the output. When the output has exactly one list besides the token, its items
/// get a sequence of their own (`listImagesItems`).
enum PaginatorPlanner {
    static let tokenName = "nextToken"

    static func context(
        for plan: OperationPlan, inputType: TypeDecl?, outputType: TypeDecl?,
        mapping: TypeMapping
    ) -> PaginatorContext? {
        guard let inputTypeName = plan.inputTypeName, let pageType = plan.responses.plainJSONBody,
            case .object(let input)? = inputType?.kind, case .object(let output)? = outputType?.kind,
            let inputToken = optionalToken(in: input.properties), let outputToken = optionalToken(in: output.properties)
        else { return nil }
        let lists = output.properties.enumerated().filter { _, property in
            if case .array = property.type.nonOptional { return true }
            return false
        }
        var context = PaginatorContext(
            pagesMethodName: plan.methodName + "Pages", inputType: inputTypeName, pageType: pageType,
            inputTokenName: inputToken, outputTokenName: outputToken, items: nil)
        if lists.count == 1, let (index, list) = lists.first, case .array(let element) = list.type.nonOptional {
            let name = StructMemberNames.names(for: output.properties)[index]
            context.items = PaginatorItemsContext(
                itemsMethodName: plan.methodName + "Items", itemType: mapping.swiftType(element),
                itemsMemberName: name, itemsOptional: !(list.required && !list.type.isOptional))
        }
        return context
    }

    /// The Swift name of an optional, non-nullable string `nextToken` property.
    private static func optionalToken(in properties: [Property]) -> String? {
        guard let index = properties.firstIndex(where: { $0.name == tokenName }) else { return nil }
        let property = properties[index]
        guard !property.required, case .primitive(.string, _) = property.type, property.defaultValue == nil,
            property.deprecated != true
        else { return nil }
        return StructMemberNames.names(for: properties)[index]
    }
}
