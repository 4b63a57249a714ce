// SpecGenAWS: AWS Signature Version 4 for generated clients (`SigV4Middleware`) and servers
// (`SigV4Verifier`). It needs swift-crypto, which SwiftPM resolves and builds only when the
// depending package enables SpecGen's `SigV4` trait:
//
//     .package(url: "https://github.com/…/SpecGen", from: "…", traits: ["SigV4"])
//
// Without the trait this module is empty, so that `swift test` of SpecGen itself and packages
// that only generate code never compile BoringSSL.
