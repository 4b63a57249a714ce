/// The version of SpecGen, in one place: `specgen --version` prints it and every generated
/// file's header names it, so a reader of committed code knows which generator wrote it.
///
/// A constant, not read from git or the build date: the same sources always generate the same
/// bytes. Raise it with each release (the goldens then change in their first line only:
/// `SPECGEN_RECORD_GOLDENS=1 swift test --filter GoldenTests`).
package enum SpecGenVersion {
    package static let current = "0.1.0"
}
