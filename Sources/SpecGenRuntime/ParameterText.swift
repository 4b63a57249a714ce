import Foundation

/// A value that travels as text in a path, query item or header, and back.
public protocol ParameterText {
    /// The value as it appears on the wire, before percent-encoding.
    var parameterText: String { get }
    /// Reads a value from its wire text (percent-decoded); nil if the text is not a valid value.
    init?(parameterText: String)
}

extension String: ParameterText {
    public var parameterText: String { self }
    public init?(parameterText: String) { self = parameterText }
}

extension Int: ParameterText {
    public var parameterText: String { String(self) }
    public init?(parameterText: String) { self.init(parameterText) }
}

extension Int32: ParameterText {
    public var parameterText: String { String(self) }
    public init?(parameterText: String) { self.init(parameterText) }
}

extension Int64: ParameterText {
    public var parameterText: String { String(self) }
    public init?(parameterText: String) { self.init(parameterText) }
}

extension Double: ParameterText {
    public var parameterText: String { String(self) }
    public init?(parameterText: String) { self.init(parameterText) }
}

extension Float: ParameterText {
    public var parameterText: String { String(self) }
    public init?(parameterText: String) { self.init(parameterText) }
}

extension Bool: ParameterText {
    public var parameterText: String { self ? "true" : "false" }
    public init?(parameterText: String) {
        switch parameterText {
        case "true": self = true
        case "false": self = false
        default: return nil
        }
    }
}

extension Date: ParameterText {
    public var parameterText: String { DateText.iso8601(self) }
    public init?(parameterText: String) {
        guard let date = DateText.parse(parameterText) ?? Double(parameterText).map(Date.init(timeIntervalSince1970:))
        else {
            return nil
        }
        self = date
    }
}

/// Generated string and integer enums are parameters through their raw value.
extension ParameterText where Self: RawRepresentable, RawValue: ParameterText {
    public var parameterText: String { rawValue.parameterText }
    public init?(parameterText: String) {
        guard let raw = RawValue(parameterText: parameterText) else { return nil }
        self.init(rawValue: raw)
    }
}
