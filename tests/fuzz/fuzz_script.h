/* fuzz_script.h: the fuzz target's entry points, shared by libFuzzer's
 * driver and tests/fuzz/replay.c. */
#ifndef ACTVIZ_FUZZ_SCRIPT_H
#define ACTVIZ_FUZZ_SCRIPT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "exec.h"

/* Runs the bytes as a script with a fresh session; with show not NULL,
 * writes its output, then its errors, there. */
void fuzz_run(const uint8_t *data, size_t size, FILE *show);

/* About how many nanoseconds cmd takes (budget.c), for the budget that
 * keeps each input fast; more is refused like a limit. */
double fuzz_work(struct exec_env *env, const struct cmd *cmd);

/* libFuzzer's entry: fuzz_run without showing anything. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
