/// The model contexts list their fields for rendering themselves, so `RenderedContext` reflects
/// on none of them (reflection was a fifth of SageMaker's generation time). Each list names every
/// stored property, in declaration order; TemplateContextTests checks that against reflection, so
/// a field added to a context and forgotten here fails a test instead of rendering as nothing.
extension ModelsFileContext: RenderedFields {
    var renderedFields: [(String, Any?)] {
        [
            ("header", header), ("imports", imports), ("types", types), ("bodyTypes", bodyTypes),
            ("responseTypes", responseTypes),
        ]
    }
}

extension TypeContext: RenderedFields {
    var renderedFields: [(String, Any?)] {
        [
            ("extensionOf", extensionOf), ("indent", indent), ("memberIndent", memberIndent), ("doc", doc),
            ("isDeprecated", isDeprecated), ("access", access), ("name", name), ("structType", structType),
            ("enumType", enumType), ("unionType", unionType), ("alias", alias),
        ]
    }
}

extension StructContext: RenderedFields {
    var renderedFields: [(String, Any?)] {
        [
            ("conformances", conformances), ("properties", properties), ("initParameters", initParameters),
            ("coding", coding), ("validation", validation),
        ]
    }
}

extension ValidationContext: RenderedFields {
    var renderedFields: [(String, Any?)] { [("checks", checks)] }
}

extension MemberCheckContext: RenderedFields {
    var renderedFields: [(String, Any?)] {
        [("storageName", storageName), ("rules", rules), ("path", path), ("pointerKey", pointerKey)]
    }
}

extension InitParameterContext: RenderedFields {
    var renderedFields: [(String, Any?)] {
        [
            ("name", name), ("storageName", storageName), ("type", type), ("defaultArgument", defaultArgument),
        ]
    }
}

extension PropertyContext: RenderedFields {
    var renderedFields: [(String, Any?)] {
        [
            ("doc", doc), ("storageName", storageName), ("storageAccess", storageAccess), ("type", type),
            ("deprecatedAccessor", deprecatedAccessor),
        ]
    }
}

extension DeprecatedAccessorContext: RenderedFields {
    var renderedFields: [(String, Any?)] { [("name", name)] }
}

extension CodingContext: RenderedFields {
    var renderedFields: [(String, Any?)] {
        [
            ("keyed", keyed), ("checksObject", checksObject), ("codedProperties", codedProperties),
            ("wholeValues", wholeValues), ("additionalMembers", additionalMembers),
        ]
    }
}

extension CodedPropertyContext: RenderedFields {
    var renderedFields: [(String, Any?)] {
        [
            ("storageName", storageName), ("keyLiteral", keyLiteral), ("baseType", baseType),
            ("decodeMethod", decodeMethod), ("encodeMethod", encodeMethod), ("isRequired", isRequired),
            ("isOptional", isOptional), ("isNullable", isNullable),
            ("defaultLiteral", defaultLiteral),
        ]
    }
}

extension WholeValueCodingContext: RenderedFields {
    var renderedFields: [(String, Any?)] { [("name", name), ("swiftType", swiftType)] }
}

extension AdditionalMembersContext: RenderedFields {
    var renderedFields: [(String, Any?)] { [("name", name), ("valueType", valueType), ("knownKeys", knownKeys)] }
}

extension KeyLiteralContext: RenderedFields {
    var renderedFields: [(String, Any?)] { [("literal", literal)] }
}

extension EnumContext: RenderedFields {
    var renderedFields: [(String, Any?)] {
        [("rawType", rawType), ("cases", cases), ("unknownCase", unknownCase), ("listedLiteral", listedLiteral)]
    }
}

extension EnumCaseContext: RenderedFields {
    var renderedFields: [(String, Any?)] { [("name", name), ("literal", literal)] }
}

extension UnionContext: RenderedFields {
    var renderedFields: [(String, Any?)] {
        [
            ("indirectKeyword", indirectKeyword), ("cases", cases), ("discriminator", discriminator),
            ("unionValidation", unionValidation),
        ]
    }
}

extension UnionValidationContext: RenderedFields {
    var renderedFields: [(String, Any?)] { [("checkedCases", checkedCases), ("skipsSomeCases", skipsSomeCases)] }
}

extension UnionCheckContext: RenderedFields {
    var renderedFields: [(String, Any?)] { [("name", name), ("rules", rules)] }
}

extension UnionCaseContext: RenderedFields {
    var renderedFields: [(String, Any?)] { [("name", name), ("type", type)] }
}

extension DiscriminatorContext: RenderedFields {
    var renderedFields: [(String, Any?)] {
        [("propertyLiteral", propertyLiteral), ("mappings", mappings), ("defaultCaseName", defaultCaseName)]
    }
}

extension DiscriminatorMappingContext: RenderedFields {
    var renderedFields: [(String, Any?)] { [("valueLiteral", valueLiteral), ("caseName", caseName)] }
}

extension AliasContext: RenderedFields {
    var renderedFields: [(String, Any?)] { [("target", target)] }
}
