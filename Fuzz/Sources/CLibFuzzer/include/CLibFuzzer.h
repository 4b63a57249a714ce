#ifndef SPECGEN_CLIBFUZZER_H
#define SPECGEN_CLIBFUZZER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt FuzzerInterface.h): parses libFuzzer's flags from argv and runs
/// `callback` on every input. SwiftPM links an executable with `--defsym main=<Module>_main`, and
/// `-parse-as-library` emits no `main`, so each fuzz target defines `<Module>_main` and calls this.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
