/* test_dmath.c: actviz's own elementary functions against exact values
 * (tests/dmath_ref.h, from mpmath), each within its measured worst case;
 * C's special values; and the exact cases callers rely on (powers of ten). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dmath.h"

#include "dmath_ref.h"

/* One ulp of the rounded exact value: the gap above its magnitude, as the
 * generator measured its remainders; subnormals count in 2^-1074. */
static double ulp_of(double ref)
{
	double a = fabs(ref);
	double u = a == 0 ? 0x1p-1074 : nextafter(a, INFINITY) - a;
	return isinf(u) ? a - nextafter(a, 0) : u;
}

static double err_ulps(double y, double ref, double rem)
{
	if (y == ref && rem == 0)
		return 0;
	return fabs((y - ref) / ulp_of(ref) - rem);
}

static double eval(int fn, double x, double y)
{
	switch (fn) {
	case 0: return dmath_exp(x);
	case 1: return dmath_expm1(x);
	case 2: return dmath_log(x);
	case 3: return dmath_log1p(x);
	case 4: return dmath_log10(x);
	case 5: return dmath_sin(x);
	case 6: return dmath_cos(x);
	case 7: return dmath_erfc(x);
	default: return dmath_pow(x, y);
	}
}

/* Each function's worst case on the table, rounded up to 0.01 ulp: a
 * change that loses digits fails here. The table holds the worst point of
 * every region of the dense sweeps (10^6 points per function, 1.2 10^6
 * for sin and cos), so these are the sweeps' worst cases too. log is
 * correctly rounded at every point of both (at most 0.5000000 ulp). */
static const double bounds[] = {
	0.51, /* exp: 0.5084 */
	0.51, /* expm1: 0.5062 */
	0.50, /* log: 0.5000 */
	0.51, /* log1p: 0.500003 */
	0.51, /* log10: 0.5000001 */
	0.51, /* sin: 0.5006 */
	0.51, /* cos: 0.5008 */
	0.63, /* erfc: 0.6236 (glibc's: 3.5) */
	0.51, /* pow: 0.5072 */
};

static void test_exact_values(void **state)
{
	(void)state;
	size_t nfn = sizeof dmath_ref_names / sizeof dmath_ref_names[0];
	assert_int_equal(nfn, sizeof bounds / sizeof bounds[0]);
	double worst[sizeof bounds / sizeof bounds[0]] = {0};
	int failures = 0;
	for (size_t i = 0; i < sizeof dmath_refs / sizeof dmath_refs[0]; i++) {
		const struct dmath_ref *r = &dmath_refs[i];
		double v = eval(r->fn, r->x, r->y);
		double e = err_ulps(v, r->ref, r->rem);
		if (!(e <= bounds[r->fn]) && failures++ < 20)
			print_error("%s(%a, %a) = %a, exact %a%+.3f ulp: %.4f ulp off\n",
			            dmath_ref_names[r->fn], r->x, r->y, v, r->ref, r->rem, e);
		if (e > worst[r->fn])
			worst[r->fn] = e;
	}
	for (size_t f = 0; f < nfn; f++)
		print_message("%-6s worst %.4f ulp (bound %.2f)\n", dmath_ref_names[f], worst[f], bounds[f]);
	assert_int_equal(failures, 0);
}

/* a and b the same double, zeros by sign, nans alike */
static int same(double a, double b)
{
	if (isnan(a) || isnan(b))
		return isnan(a) && isnan(b);
	return a == b && signbit(a) == signbit(b);
}

#define SAME(expr, want)                                                                \
	do {                                                                                \
		double got_ = (expr);                                                           \
		if (!same(got_, (want)))                                                        \
			fail_msg("%s = %a, want %a", #expr, got_, (double)(want));                  \
	} while (0)

static void test_special_values(void **state)
{
	(void)state;
	const double inf = INFINITY, nan = NAN;
	SAME(dmath_exp(0.0), 1);
	SAME(dmath_exp(-0.0), 1);
	SAME(dmath_exp(inf), inf);
	SAME(dmath_exp(-inf), 0);
	SAME(dmath_exp(nan), nan);
	SAME(dmath_exp(709.79), inf);
	SAME(dmath_exp(-745.14), 0);
	SAME(dmath_exp(-745.13), 0x1p-1074);
	SAME(dmath_exp(0x1.62e42fefa39efp+9), 0x1.fffffffffff2ap+1023);
	SAME(dmath_expm1(-0.0), -0.0);
	SAME(dmath_expm1(0.0), 0.0);
	SAME(dmath_expm1(inf), inf);
	SAME(dmath_expm1(-inf), -1);
	SAME(dmath_expm1(nan), nan);
	SAME(dmath_expm1(710), inf);
	SAME(dmath_expm1(0x1p-1074), 0x1p-1074);
	SAME(dmath_log(1), 0);
	SAME(dmath_log(0.0), -inf);
	SAME(dmath_log(-0.0), -inf);
	SAME(dmath_log(-1), nan);
	SAME(dmath_log(-inf), nan);
	SAME(dmath_log(inf), inf);
	SAME(dmath_log(nan), nan);
	SAME(dmath_log1p(-0.0), -0.0);
	SAME(dmath_log1p(0.0), 0.0);
	SAME(dmath_log1p(-1), -inf);
	SAME(dmath_log1p(-2), nan);
	SAME(dmath_log1p(inf), inf);
	SAME(dmath_log1p(-inf), nan);
	SAME(dmath_log1p(nan), nan);
	SAME(dmath_log10(1), 0);
	SAME(dmath_log10(0.0), -inf);
	SAME(dmath_log10(-1), nan);
	SAME(dmath_log10(inf), inf);
	SAME(dmath_sin(-0.0), -0.0);
	SAME(dmath_sin(0.0), 0.0);
	SAME(dmath_sin(inf), nan);
	SAME(dmath_sin(-inf), nan);
	SAME(dmath_sin(nan), nan);
	SAME(dmath_sin(0x1p-1074), 0x1p-1074);
	SAME(dmath_cos(-0.0), 1);
	SAME(dmath_cos(inf), nan);
	SAME(dmath_cos(nan), nan);
	SAME(dmath_erfc(0.0), 1);
	SAME(dmath_erfc(-0.0), 1);
	SAME(dmath_erfc(inf), 0);
	SAME(dmath_erfc(-inf), 2);
	SAME(dmath_erfc(nan), nan);
	SAME(dmath_erfc(28), 0);
	/* C11 F.10.4.4 */
	SAME(dmath_pow(nan, 0.0), 1);
	SAME(dmath_pow(nan, -0.0), 1);
	SAME(dmath_pow(1, nan), 1);
	SAME(dmath_pow(2, nan), nan);
	SAME(dmath_pow(nan, 1), nan);
	SAME(dmath_pow(0.0, -3), inf);
	SAME(dmath_pow(-0.0, -3), -inf);
	SAME(dmath_pow(-0.0, -2), inf);
	SAME(dmath_pow(-0.0, -0.5), inf);
	SAME(dmath_pow(-0.0, -inf), inf);
	SAME(dmath_pow(-0.0, 3), -0.0);
	SAME(dmath_pow(-0.0, 2), 0.0);
	SAME(dmath_pow(-0.0, 0.5), 0.0);
	SAME(dmath_pow(-1, inf), 1);
	SAME(dmath_pow(-1, -inf), 1);
	SAME(dmath_pow(0.5, -inf), inf);
	SAME(dmath_pow(-2, -inf), 0);
	SAME(dmath_pow(0.5, inf), 0);
	SAME(dmath_pow(-2, inf), inf);
	SAME(dmath_pow(-inf, -3), -0.0);
	SAME(dmath_pow(-inf, -2), 0.0);
	SAME(dmath_pow(-inf, 3), -inf);
	SAME(dmath_pow(-inf, 2.5), inf);
	SAME(dmath_pow(inf, -1), 0.0);
	SAME(dmath_pow(inf, 0.5), inf);
	SAME(dmath_pow(-8, 1.0 / 3), nan);
	SAME(dmath_pow(-2, 3), -8);
	SAME(dmath_pow(-2, 0x1p60), inf);
	SAME(dmath_pow(-0.5, 0x1p60), 0.0);
	SAME(dmath_pow(2, 1024), inf);
	SAME(dmath_pow(2, -1074), 0x1p-1074);
	SAME(dmath_pow(2, -1076), 0);
	SAME(dmath_pow(0.9, 1e7), 0);
}

/* Callers compare pow(10, e) with what strtod read and take floor(log10)
 * of it: both must be exact there. 10^23 lies exactly halfway between two
 * doubles. */
static void test_powers_of_ten(void **state)
{
	(void)state;
	for (int e = -330; e <= 310; e++) {
		char buf[16];
		snprintf(buf, sizeof buf, "1e%d", e);
		double want = strtod(buf, NULL);
		if (dmath_pow(10, e) != want)
			fail_msg("pow(10, %d) = %a, strtod gives %a", e, dmath_pow(10, e), want);
		if (want >= 0x1p-1022 && isfinite(want) && dmath_log10(want) != e)
			fail_msg("log10(1e%d) = %.17g", e, dmath_log10(want));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_exact_values),
		cmocka_unit_test(test_special_values),
		cmocka_unit_test(test_powers_of_ten),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
