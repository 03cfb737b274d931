/* The libFuzzer entry points every target in tests/fuzz defines, and a few
 * helpers they share.  The same sources build two ways: with
 * -fsanitize=fuzzer (CG_FUZZ=ON) and with replay.c as main, so that the
 * kept crash inputs replay in every ordinary build. */
#ifndef CG_FUZZ_H
#define CG_FUZZ_H

#include "core/diag.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Diagnostics are expected (the input is hostile): count them, print none. */
static inline void cg_fuzz_quiet(void *ctx, const CgDiag *diag)
{
    (void)ctx;
    (void)diag;
}

#define CG_FUZZ_SINK {cg_fuzz_quiet, NULL, 0, 0}

/* A broken promise is a crash, so that libFuzzer keeps the input. */
#define CG_FUZZ_ASSERT(cond)                                                      \
    do {                                                                          \
        if (!(cond)) {                                                            \
            fprintf(stderr, "%s:%d: broken promise: %s\n", __FILE__, __LINE__, #cond); \
            abort();                                                              \
        }                                                                         \
    } while (0)

#endif
