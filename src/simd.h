/* simd.h: which vector path the hot loops take (kernel, rng, stats and
 * actfn's array loops), chosen once at start and the same bytes on each. */
#ifndef ACTVIZ_SIMD_H
#define ACTVIZ_SIMD_H

#include <stdbool.h>
#include <stddef.h>

#include "config.h"

/* x86-64 builds whose compiler takes target attributes get an AVX2 and an
 * AVX-512 variant of each hot loop beside the portable one (configure
 * checks both); every other machine runs the portable loops, written in
 * the compilers' generic vectors and vectorised for the target (NEON on
 * arm64, SSE2 on x86-64). config.h defines TARGET_AVX2 and TARGET_AVX512,
 * the attributes of the x86 variants. */
#ifdef HAVE_X86_PATHS
#define SIMD_X86 1
#else
#define SIMD_X86 0
#endif

enum simd_path {
	SIMD_BASELINE, /* portable C: the target's baseline (SSE2, NEON, ...) */
	SIMD_AVX2,     /* x86-64 with AVX2 and FMA: 4 doubles a vector */
	SIMD_AVX512,   /* x86-64 with AVX-512 F, BW, DQ, VL: 8 doubles a vector */
	SIMD_NPATHS
};

/* SIMD_VARIANTS(name, (params), (args)) defines `static void name(params)`
 * from an always-inline `name_body(args)`: the body compiled once per path
 * (the compiler vectorises each copy for its target) and the path's copy
 * called. Code whose vector width shows in its source (kernel_body.h) is
 * written per width instead. */
#define SIMD_INLINE static inline __attribute__((always_inline))
#if SIMD_X86
/* Calls name_avx512, name_avx2 or name_baseline, as the path says. */
#define SIMD_DISPATCH(name, args)                                              \
	do {                                                                     \
		switch (simd_path()) {                                           \
		case SIMD_AVX512:                                                \
			name##_avx512 args;                                      \
			break;                                                   \
		case SIMD_AVX2:                                                  \
			name##_avx2 args;                                        \
			break;                                                   \
		default:                                                         \
			name##_baseline args;                                    \
		}                                                                \
	} while (0)
#define SIMD_VARIANTS(name, params, args)                                      \
	static void name##_baseline params { name##_body args; }                 \
	TARGET_AVX2 static void name##_avx2 params { name##_body args; }         \
	TARGET_AVX512 static void name##_avx512 params { name##_body args; }     \
	static void name params { SIMD_DISPATCH(name, args); }
#else
#define SIMD_DISPATCH(name, args) name##_baseline args
#define SIMD_VARIANTS(name, params, args) \
	static void name params { name##_body args; }
#endif

/* The path in use: the best this build and CPU can run, unless
 * simd_select or simd_force chose another. */
enum simd_path simd_path(void);
const char *simd_name(enum simd_path p);
/* Compiled in, and this CPU (and its operating system) can run it. */
bool simd_available(enum simd_path p);

/* Chooses the path from a request (ACTVIZ_SIMD's value: NULL, "" or
 * "auto" for the best; "baseline", "avx2" or "avx512"). Returns NULL, or
 * a warning when the request is unknown or this CPU cannot run it (the
 * best path it can run, no better than the one asked for, is taken). */
const char *simd_select(const char *request, char *buf, size_t size);
/* For tests and benchmarks: takes p if available; returns whether it did. */
bool simd_force(enum simd_path p);

/* "avx2 (available: baseline avx2 avx512; ACTVIZ_SIMD chooses)". */
size_t simd_describe(char *buf, size_t size);

#endif
