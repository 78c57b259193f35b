#pragma once

#include <cstdio>
#include <cstdlib>

// A property every input must keep. Breaking it aborts, which libFuzzer reports as a crash and
// the corpus replay test as a failure, with the input that did it.
#define FUZZ_CHECK(condition)                                                                      \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "%s:%d: property broken: %s\n", __FILE__, __LINE__, #condition);  \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)
