/* test_fma.c: dmath's fma emulation and exact error terms (dmath_dd.h)
 * against C's fma(), which is correctly rounded (the instruction, or
 * glibc's generic routine): the same bits for random triples over the
 * whole range, and for the hard cases (ties, double-rounding traps,
 * cancellation, subnormal results, overflowing products, zeros by sign,
 * infinities, NaN). make check runs 10^6 triples; ACTVIZ_FMA_TRIPLES=1e8
 * tests/test_fma runs more. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "dmath.h"
#include "dmath_dd.h"

/* a and b the same double, zeros by sign; NaN matches any NaN (the
 * payload of a NaN result is not specified, and no output shows it) */
static bool same(double a, double b)
{
	if (isnan(a) || isnan(b))
		return isnan(a) && isnan(b);
	return dm_bits(a) == dm_bits(b);
}

static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;

static uint64_t next(void) /* splitmix64 */
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* A random sign and significand with a biased exponent in [lo, hi]. */
static double rand_exp(int lo, int hi)
{
	uint64_t e = (uint64_t)(lo + (int)(next() % (uint64_t)(hi - lo + 1)));
	return dm_double((next() & 0x800fffffffffffffULL) | e << 52);
}

static double rand_sign(double x)
{
	return next() & 1 ? -x : x;
}

/* A triple of one of several kinds, each aimed at a part of the range
 * or at a way an emulation goes wrong. */
static void triple(double t[3])
{
	double a, b, c;
	switch (next() % 11) {
	case 0: /* any bits: NaN, infinities, subnormals, zeros */
		a = dm_double(next()), b = dm_double(next()), c = dm_double(next());
		break;
	case 1: /* every exponent alike */
		a = rand_exp(0, 2047), b = rand_exp(0, 2047), c = rand_exp(0, 2047);
		break;
	case 2: /* the everyday range */
		a = rand_exp(1023 - 60, 1023 + 60), b = rand_exp(1023 - 60, 1023 + 60);
		c = rand_exp(1023 - 130, 1023 + 130);
		break;
	case 3: /* cancellation: c = -(a*b rounded), maybe a few ulps off */
		a = rand_exp(0, 2046), b = rand_exp(0, 2046), c = -(a * b);
		for (int k = (int)(next() % 4); k > 0; k--)
			c = nextafter(c, next() & 1 ? INFINITY : -INFINITY);
		break;
	case 4: { /* ties: 54-bit odd products, scaled anywhere, plus a
	           * multiple of their last bit (often still a tie) */
		double ia = (double)((next() & 0x7ffffff) | 0x4000001);
		double ib = (double)((next() & 0x7ffffff) | 0x4000001);
		int sa = (int)(next() % 2200) - 1100, sb = (int)(next() % 400) - 200;
		a = rand_sign(ldexp(ia, sa)), b = ldexp(ib, sb);
		/* far below the product, c is only a sticky bit that breaks the tie */
		int sc = sa + sb + (next() % 3 == 0 ? -60 - (int)(next() % 200) : next() & 1 ? 0 : 30);
		c = (double)((int)(next() % 64) - 32) * ldexp(1, sc);
		break;
	}
	case 5: { /* double-rounding traps: a*b rounded has an odd last bit
	           * and c an exponent one higher, so a*b + c rounded twice
	           * is a tie broken to even, where fma has the product's
	           * error to decide */
		a = rand_exp(1023 - 60, 1023 + 60), b = rand_exp(1023 - 60, 1023 + 60);
		double p = a * b;
		if (!(dm_bits(p) & 1))
			a = nextafter(a, INFINITY), p = a * b;
		int e;
		frexp(p, &e);
		c = rand_sign(ldexp(1 + (double)(next() >> 12) * 0x1p-52, e));
		break;
	}
	case 6: /* subnormal and near-subnormal results */
		a = rand_exp(1, 400), b = rand_exp(1023 - 100, 1023 + 60), c = rand_exp(0, 60);
		break;
	case 7: /* products beyond DBL_MAX brought back by c, or not */
		a = rand_exp(1023 + 500, 1023 + 530), b = rand_exp(1023 + 490, 1023 + 500);
		c = rand_exp(2040, 2046);
		break;
	case 8: /* the emulation's fast-path limits: |a|, |b| near 2^995,
	         * |a*b| near 2^-970 and 2^1021, |c| near 2^1021 */
		a = rand_exp(2010, 2020), b = rand_exp(1023 - 1000, 1023 + 30);
		c = rand_exp(2038, 2046);
		if (next() & 1)
			a = rand_exp(1, 60), b = rand_exp(1023 + 40, 1023 + 60), c = rand_exp(0, 80);
		break;
	case 9: { /* rounding-to-odd traps: a*b rounds to a power of two p
	           * (and is not one), c has last bit 2p, so c + p is a tie
	           * and a*b - p, far below p's last bit, decides it: where
	           * the emulation's v is not rounded to odd, it errs */
		a = rand_exp(1023 - 60, 1023 + 60);
		double p = ldexp(1, (int)(next() % 100) - 50);
		b = p / a;
		c = rand_sign(ldexp(p, 53) * (1 + (double)(next() >> 12) * 0x1p-52));
		break;
	}
	default: /* sums of products of very different size */
		a = rand_exp(1, 2046), b = rand_exp(1, 2046), c = rand_exp(0, 2046);
		break;
	}
	t[0] = a, t[1] = b, t[2] = c;
}

static long triples(void)
{
	const char *s = getenv("ACTVIZ_FMA_TRIPLES");
	double n = s ? strtod(s, NULL) : 1e6;
	return n >= 1 ? (long)n : 1;
}

/* The emulation, its exact path alone, and dm_fma (the instruction or the
 * emulation, as the CPU has it) against fma(); naive a*b + c counted to
 * show the triples reach the cases a second rounding gets wrong. */
static void test_random_triples(void **state)
{
	(void)state;
	long n = triples(), naive = 0, failures = 0;
	for (long i = 0; i < n; i++) {
		double t[3];
		triple(t);
		double want = fma(t[0], t[1], t[2]);
		double got[3] = {dmath_fma_emul(t[0], t[1], t[2]), dmath_fma_slow(t[0], t[1], t[2]),
		                 dm_fma(t[0], t[1], t[2])};
		for (int k = 0; k < 3; k++)
			if (!same(got[k], want) && failures++ < 20)
				print_error("%s(%a, %a, %a) = %a, fma gives %a\n",
				            k == 0 ? "emul" : k == 1 ? "slow" : "dm_fma", t[0], t[1], t[2],
				            got[k], want);
		naive += !same(t[0] * t[1] + t[2], want);
	}
	print_message("%ld triples; a*b + c rounded twice differed from fma in %ld\n", n, naive);
	assert_int_equal(failures, 0);
	assert_true(n < 1000 || naive > n / 100);
}

/* The exact error terms: dm_mul_err(a, b, a*b) is fma(a, b, -(a*b)) and
 * dm_div_rem(n, n/d, d) is fma(-(n/d), d, n), over the whole range. */
static void test_error_terms(void **state)
{
	(void)state;
	/* where the halves' product overflows though a*b does not, and
	 * where a*b is near the bound below which its error is no double */
	static const double pairs[][2] = {
		{0x1.fffffffffffffp511, 0x1.fffffffffffffp511}, {0x1.fffffffffffffp511, 0x1p512},
		{0x1.0000001p-485, 0x1.0000001p-485},           {0x1.fffffffffffffp-486, 0x1.8p-486},
		{0x1.0000000000001p-1022, 0x1p53},              {0x1p-1074, 0x1.8p100},
	};
	long n = triples(), failures = 0;
	for (long i = 0; i < n; i++) {
		double t[3];
		if (i < (long)(sizeof pairs / sizeof pairs[0]))
			t[0] = pairs[i][0], t[1] = pairs[i][1];
		else
			triple(t);
		double a = t[0], b = t[1], p = a * b, q = a / b;
		double want_e = fma(a, b, -p), want_r = fma(-q, b, a);
		double got_e = dm_mul_err(a, b, p), got_r = dm_div_rem(a, q, b);
		if ((!same(got_e, want_e) || !same(got_r, want_r)) && failures++ < 20)
			print_error("a %a b %a: mul_err %a (fma %a), div_rem %a (fma %a)\n", a, b, got_e,
			            want_e, got_r, want_r);
	}
	assert_int_equal(failures, 0);
}

/* Cases worked out by hand: the result fma must give, which both the
 * emulation and fma() are held to. */
static void test_hard_cases(void **state)
{
	(void)state;
	const double inf = INFINITY, nan = NAN, tiny = 0x1p-1074, eps = 0x1p-52;
	static const struct {
		double a, b, c, want;
	} cases[] = {
		{1 + eps, 1 + eps, -(1 + 2 * eps), 0x1p-104},  /* the product's error, exactly */
		{1 + eps, 1 - eps, -1, -0x1p-104},
		{1 + eps, 1 - eps, 0x1p53 + 2, 0x1p53 + 2},   /* a*b rounds to 1, c + 1 is a tie: */
		{1 + eps, 1 - eps, 0x1p53 + 4, 0x1p53 + 4},   /* a*b's rest, -2^-104, breaks it */
		{-1 - eps, 1 - eps, 0x1p53 + 2, 0x1p53 + 2},
		{0x1p1023, 2, -0x1p1023, 0x1p1023},            /* a*b overflows, the sum does not */
		{DBL_MAX, 2, -DBL_MAX, DBL_MAX},
		{DBL_MAX, 2, -inf, -inf},                      /* not inf - inf */
		{DBL_MAX, 1 + eps, 0, inf},
		{DBL_MAX, 1 + eps, -DBL_MAX, 0x1.fffffffffffffp+971},
		{DBL_MAX, 0x1.fffffffffffffp-1, 0, 0x1.ffffffffffffep+1023},
		{DBL_MAX, 1, 0x1p970, inf},                    /* half an ulp over: a tie, to 2^1024 */
		{-DBL_MAX, 1, -0x1.fffffffffffffp969, -DBL_MAX}, /* just under it: no overflow */
		{tiny, 0.5, 0, 0},                             /* a tie at 2^-1075: to even, 0 */
		{tiny, 0.5, -0.0, 0},                          /* exact value positive: +0 */
		{-tiny, 0.5, 0, -0.0},
		{tiny, 1.5, 0, 2 * tiny},                      /* a tie between 1 and 2: to 2 */
		{tiny, 2.5, 0, 2 * tiny},
		{0x1p-1022, 1 - 0x1p-53, 0, 0x1p-1022},        /* a tie below 2^-1022: to it */
		{0x1p-1022, 1 - 0x1p-52, 0, 0x1p-1022 - tiny},
		{0x1p-600, 0x1p-600, 1, 1},                    /* far below c's last bit */
		{0x1p-600, 0x1p-600, -1, -1},
		{0x1p-600, -0x1p-600, 1, 1},                   /* 1 less a hair: still 1 */
		{0x1p-1000, 0x1p-60, 0x1p-1040, 0x1p-1040 + 0x1p-1060},
		{0x1.8p-537, 0x1p-537, tiny, 2 * tiny},       /* 2.5 units of 2^-1074: to 2 */
		{0x1.8p-537, 0x1p-537, -tiny, 0},              /* half a unit: to +0 */
		{-0x1.8p-537, 0x1p-537, tiny, -0.0},
		{0x1.0000000000001p500, 0x1.0000000000001p500, -0x1.0000000000002p1000, 0x1p896},
		{3, 0x1.5555555555555p-2, -1, -0x1p-54},
		{0.0, 5, -0.0, 0},                             /* +0 + -0 = +0 */
		{-0.0, 5, -0.0, -0.0},
		{-0.0, 5, 0, 0},
		{0.0, -5, 0, 0},
		{0.0, -5, -0.0, -0.0},
		{2, 3, -6, 0},                                 /* exact cancellation: +0 */
		{-2, 3, 6, 0},
		{inf, 0, 1, nan},
		{inf, 2, -inf, nan},
		{inf, -2, -inf, -inf},
		{1, 1, nan, nan},
		{nan, 0, inf, nan},
		{1e300, 1e300, inf, inf},
		{1e300, 1e300, -inf, -inf},
		{5, 0, inf, inf},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		double a = cases[i].a, b = cases[i].b, c = cases[i].c;
		double got[3] = {fma(a, b, c), dmath_fma_emul(a, b, c), dmath_fma_slow(a, b, c)};
		for (int k = 0; k < 3; k++)
			if (!same(got[k], cases[i].want))
				fail_msg("case %zu, %s(%a, %a, %a) = %a, want %a", i,
				         k == 0 ? "fma" : k == 1 ? "emul" : "slow", a, b, c, got[k],
				         cases[i].want);
	}
}

/* dm_fma with the instruction allowed and not: the flag is only a
 * choice of speed. */
static void test_dm_fma_paths(void **state)
{
	(void)state;
	for (int hw = 0; hw < 2; hw++) {
#if DMATH_FMA_X86
		__builtin_cpu_init();
		if (hw && !__builtin_cpu_supports("fma"))
			continue;
#endif
		dmath_use_hw_fma(hw);
		for (int i = 0; i < 100000; i++) {
			double t[3];
			triple(t);
			double want = fma(t[0], t[1], t[2]);
			if (!same(dm_fma(t[0], t[1], t[2]), want))
				fail_msg("hw %d: dm_fma(%a, %a, %a) = %a, fma %a", hw, t[0], t[1], t[2],
				         dm_fma(t[0], t[1], t[2]), want);
		}
	}
	dmath_use_hw_fma(false);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hard_cases),
		cmocka_unit_test(test_random_triples),
		cmocka_unit_test(test_error_terms),
		cmocka_unit_test(test_dm_fma_paths),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
