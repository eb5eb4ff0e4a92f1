/* bench.h: how long an activation takes on this machine through the
 * array evaluation that plots, tables and layers use: f alone and f with
 * f', timed repeat by repeat over an array of normal numbers, on a clock
 * the caller gives (so that tests can give one that never varies). */
#ifndef ACTVIZ_BENCH_H
#define ACTVIZ_BENCH_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>

#include "actfn.h"

/* Documented limits and defaults (man page: bench, LIMITS). */
#define BENCH_SIZE_MIN 1e3
#define BENCH_SIZE_MAX 1e7       /* three arrays of doubles: 240 MB */
#define BENCH_SIZE_DEFAULT 1e5
#define BENCH_REPEATS_MAX 1e5
#define BENCH_REPEATS_MIN 5      /* under the time budget */
#define BENCH_BUDGET 0.2         /* seconds of timed passes per curve */
#define BENCH_WARMUP 0.02        /* seconds of untimed passes first */
/* Every repeat covers at least this many elements (several passes over
 * a small array), so that reading the clock costs under 0.1% of it. */
#define BENCH_REPEAT_ELEMENTS 1e5

struct bench_spec {
	long size;       /* elements of the array */
	long repeats;    /* timed repeats of each pass; 0: the budget decides */
	double budget;   /* seconds of timed passes per curve, when repeats is 0 */
	double warmup;   /* seconds of untimed passes before the timed ones */
};

/* The clock: seconds since some fixed point, never going back. */
typedef double (*bench_clock)(void *ctx);
/* clock_gettime(CLOCK_MONOTONIC). */
double bench_monotonic(void *ctx);

/* Nanoseconds per element over the repeats. */
struct bench_timing {
	double median, q1, q3, min, max;
};

struct bench_result {
	struct bench_timing y;    /* actfn_eval of f alone */
	struct bench_timing y_dy; /* actfn_eval of f and f' together */
	long repeats;             /* timed repeats of each (fewer when stopped) */
	long passes;              /* passes over the array in each repeat */
	double checksum;          /* what the passes computed, summed: used */
};

/* The input array and the outputs, shared by every curve of a command. */
struct bench_arrays {
	double *x, *y, *dy;
	size_t n;
};

/* Bytes bench_alloc takes for an array of size elements. */
double bench_memory(long size);
/* x from N(0, 1) (a seeded stream: not known to the compiler, the same
 * every run). Returns 0, or -1 when out of memory. */
int bench_alloc(struct bench_arrays *a, long size, uint64_t seed);
void bench_free(struct bench_arrays *a);

/* Times one curve: a warm-up, then repeats that each time f alone and f
 * with f' (in alternating order) over the whole array, until the budget
 * and BENCH_REPEATS_MIN are both met, or spec->repeats of them. Returns
 * 0, -1 when out of memory, or 1 when *stop was set (out then holds the
 * repeats done, perhaps none). */
int bench_curve(const struct actfn_curve *c, const struct bench_spec *spec,
                const struct bench_arrays *a, bench_clock now, void *clock_ctx,
                volatile sig_atomic_t *stop, struct bench_result *out);

/* (q3 - q1) / median: the relative spread of a timing. */
double bench_spread(const struct bench_timing *t);

#endif
