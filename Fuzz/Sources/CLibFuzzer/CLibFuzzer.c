// Only the declaration in include/CLibFuzzer.h; libFuzzer (linked by -sanitize=fuzzer) defines it.
