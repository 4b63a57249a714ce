import CLibFuzzer
import FuzzSupport

/// The executable's entry point: SwiftPM links `main` to `FuzzPipeline_main` (`-parse-as-library`
/// emits none), and libFuzzer's driver runs the stage on every input.
@_cdecl("FuzzPipeline_main")
func fuzzPipelineMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        FuzzStages.generate(Array(UnsafeBufferPointer(start: data, count: size)))
        return 0
    }
}
