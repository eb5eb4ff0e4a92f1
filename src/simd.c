/* simd.c: picks the vector path once: the best the CPU runs, or the one
 * ACTVIZ_SIMD names, so that every path can be tested on one machine. */
#define _POSIX_C_SOURCE 200809L
#include "simd.h"

#include <stdio.h>
#include <string.h>

#include "actfn.h"
#include "dmath.h"
#include "dmath_dd.h"
#include "util.h"

/* glibc (2.33 on) says which CPU features it uses, after GLIBC_TUNABLES:
 * glibc.cpu.hwcaps=-FMA then makes this program take the path of a CPU
 * without FMA too, so that both can be tested and timed on one machine. */
#if DMATH_FMA_X86 && defined(__has_include)
#if __has_include(<sys/platform/x86.h>)
#include <sys/platform/x86.h>
#define HAVE_GLIBC_CPU_FEATURES 1
#endif
#endif

static const char *const names[SIMD_NPATHS] = {"baseline", "avx2", "avx512"};

static int current = -1; /* not chosen yet */

bool simd_available(enum simd_path p)
{
	switch (p) {
	case SIMD_BASELINE:
		return true;
#if SIMD_X86
	/* __builtin_cpu_supports also asks whether the operating system
	 * saves the wide registers (XCR0), not just whether CPUID has them. */
	case SIMD_AVX2:
		__builtin_cpu_init();
		return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
	case SIMD_AVX512: /* F, BW, DQ and VL: every AVX-512 CPU but the Xeon Phi */
		__builtin_cpu_init();
		return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
		       __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512vl") &&
		       simd_available(SIMD_AVX2);
#endif
	default:
		return false;
	}
}

static enum simd_path best_up_to(enum simd_path p)
{
	while (p > SIMD_BASELINE && !simd_available(p))
		p--;
	return p;
}

/* Whether the CPU runs the FMA instruction (and the system saves the
 * registers it uses), for dm_fma; independent of the vector path. */
static bool fma_runs(void)
{
#if defined(HAVE_GLIBC_CPU_FEATURES)
	return CPU_FEATURE_ACTIVE(FMA);
#elif DMATH_FMA_X86
	__builtin_cpu_init();
	return __builtin_cpu_supports("fma");
#else
	return false; /* none, or always there and compiled in (arm64) */
#endif
}

static void use(enum simd_path p)
{
	current = (int)p;
	/* actfn and dmath are math and leaves: they are told, they never ask */
	actfn_use_variant((int)p);
	dmath_use_hw_fma(fma_runs());
}

enum simd_path simd_path(void)
{
	if (current < 0)
		use(best_up_to(SIMD_NPATHS - 1));
	return (enum simd_path)current;
}

const char *simd_name(enum simd_path p)
{
	return p < SIMD_NPATHS ? names[p] : "?";
}

bool simd_force(enum simd_path p)
{
	if (p >= SIMD_NPATHS || !simd_available(p))
		return false;
	use(p);
	return true;
}

const char *simd_select(const char *request, char *buf, size_t size)
{
	enum simd_path best = best_up_to(SIMD_NPATHS - 1);
	if (!request || !*request || util_word_eq(request, strlen(request), "auto")) {
		use(best);
		return NULL;
	}
	for (int p = 0; p < SIMD_NPATHS; p++) {
		if (!util_word_eq(request, strlen(request), names[p]))
			continue;
		if (simd_available((enum simd_path)p)) {
			use((enum simd_path)p);
			return NULL;
		}
		enum simd_path got = best_up_to((enum simd_path)p);
		use(got);
		snprintf(buf, size, "ACTVIZ_SIMD=%s: %s; using %s", request,
		         SIMD_X86 ? "this CPU cannot run it" : "this build has no such path",
		         names[got]);
		return buf;
	}
	use(best);
	size_t len = 0;
	buf[0] = 0;
	util_append(buf, size, &len, "ACTVIZ_SIMD=%s ignored (auto", request);
	for (int p = 0; p < SIMD_NPATHS; p++)
		util_append(buf, size, &len, ", %s", names[p]);
	util_append(buf, size, &len, "); using %s", names[best]);
	return buf;
}

size_t simd_describe(char *buf, size_t size)
{
	size_t len = 0;
	buf[0] = 0;
	util_append(buf, size, &len, "%s (available:", names[simd_path()]);
	for (int p = 0; p < SIMD_NPATHS; p++)
		if (simd_available((enum simd_path)p))
			util_append(buf, size, &len, " %s", names[p]);
	util_append(buf, size, &len, "; ACTVIZ_SIMD chooses)");
	return len;
}
