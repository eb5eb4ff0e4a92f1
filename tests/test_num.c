/* test_num.c: number syntax in, shortest round-trip text out. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "num.h"
#include "util.h"

static void check_format(double v, const char *want)
{
	char buf[NUM_BUF];
	size_t n = num_format(v, buf);
	assert_string_equal(buf, want);
	assert_int_equal(n, strlen(want));
}

static void test_format(void **state)
{
	(void)state;
	check_format(0.1, "0.1");
	check_format(1e-8, "1e-08");
	check_format(1e20, "1e+20");
	check_format(-0.0, "-0");
	check_format(0.0, "0");
	check_format(NAN, "nan");
	check_format(-NAN, "nan");
	check_format(INFINITY, "inf");
	check_format(-INFINITY, "-inf");
	check_format(1.0 / 3, "0.3333333333333333");
	check_format(0.1 + 0.2, "0.30000000000000004");
	check_format(DBL_MAX, "1.7976931348623157e+308");
	check_format(-DBL_MIN, "-2.2250738585072014e-308");
	check_format(0x1p-1074, "4.94065645841247e-324"); /* denormal: 15 digits suffice */
	check_format(-2.3, "-2.3");
}

/* Every output reads back as the same double. */
static void test_round_trip(void **state)
{
	(void)state;
	uint64_t s = 88172645463325252u;
	for (int i = 0; i < 200000; i++) {
		s ^= s << 13;
		s ^= s >> 7;
		s ^= s << 17;
		double v;
		memcpy(&v, &s, sizeof v);
		if (!isfinite(v))
			continue;
		char buf[NUM_BUF];
		num_format(v, buf);
		double back = strtod(buf, NULL);
		if (memcmp(&back, &v, sizeof v) != 0)
			fail_msg("%a printed as %s", v, buf);
		assert_true(strlen(buf) < NUM_BUF);
	}
}

static void check_parse(const char *s, enum num_status want, double want_v)
{
	double v = 12345;
	enum num_status st = num_parse(s, strlen(s), &v);
	if (st != want)
		fail_msg("'%s': status %d, want %d", s, st, want);
	if (want == NUM_OK) {
		if (isnan(want_v))
			assert_true(isnan(v));
		else if (v != want_v || signbit(v) != signbit(want_v))
			fail_msg("'%s' read as %a, want %a", s, v, want_v);
	}
}

static void test_parse(void **state)
{
	(void)state;
	check_parse("1", NUM_OK, 1);
	check_parse("-3", NUM_OK, -3);
	check_parse("+2.5", NUM_OK, 2.5);
	check_parse(".5", NUM_OK, 0.5);
	check_parse("2.", NUM_OK, 2);
	check_parse("1e-08", NUM_OK, 1e-8);
	check_parse("-0.0", NUM_OK, -0.0);
	check_parse("0x1p-3", NUM_OK, 0.125);
	check_parse("inf", NUM_OK, INFINITY);
	check_parse("-Infinity", NUM_OK, -INFINITY);
	check_parse("NaN", NUM_OK, NAN);
	check_parse("1e400", NUM_RANGE, 0);
	check_parse("-1e400", NUM_RANGE, 0);
	check_parse("1e-400", NUM_OK, 0);           /* underflow: strtod's 0 */
	check_parse("4e-320", NUM_OK, 4e-320);      /* a denormal, not an error */
	check_parse("nan(123)", NUM_NAN_PAYLOAD, 0);
	check_parse("-nan(x)", NUM_NAN_PAYLOAD, 0);
	check_parse("1e", NUM_INVALID, 0);
	check_parse("1.2.3", NUM_INVALID, 0);
	check_parse("0x", NUM_INVALID, 0);
	check_parse("3abc", NUM_INVALID, 0);
	check_parse(" 1", NUM_INVALID, 0);
	check_parse("", NUM_INVALID, 0);
	char big[NUM_MAX_LEN + 2];
	memset(big, '1', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	check_parse(big, NUM_TOO_LONG, 0);
}

static void test_decimals(void **state)
{
	(void)state;
	assert_int_equal(num_decimals("0.25", 4), 2);
	assert_int_equal(num_decimals("-3", 2), 0);
	assert_int_equal(num_decimals("1e-3", 4), 3);
	assert_int_equal(num_decimals("2.5e-2", 6), 3);
	assert_int_equal(num_decimals("1.25e1", 6), 1);
	/* any magnitude: 1e3 is a multiple of 10^3, 1e-301 of 10^-301 */
	assert_int_equal(num_decimals("1e3", 3), -3);
	assert_int_equal(num_decimals("1e300", 5), -300);
	assert_int_equal(num_decimals("2.5e+300", 8), -299);
	assert_int_equal(num_decimals("1e-301", 6), 301);
	assert_int_equal(num_decimals("5e-324", 6), 324);
	assert_int_equal(num_decimals("1e999999", 8), -100000);
	assert_int_equal(num_decimals("0x1p-3", 6), NUM_DEC_NONE);
	assert_int_equal(num_decimals("inf", 3), NUM_DEC_NONE);
	assert_int_equal(num_decimals("nan", 3), NUM_DEC_NONE);
}

/* Timings and error bars to a few digits: the double %.*g reads back. */
static void test_round_sig(void **state)
{
	(void)state;
	assert_true(num_round_sig(0.0063245553203367, 2) == 0.0063);
	assert_true(num_round_sig(123.456, 3) == 123);
	assert_true(num_round_sig(-0.81649, 3) == -0.816);
	assert_true(num_round_sig(99.96, 3) == 100);
	assert_true(num_round_sig(0, 2) == 0);
	assert_true(isinf(num_round_sig(-INFINITY, 2)) && num_round_sig(-INFINITY, 2) < 0);
	assert_true(isnan(num_round_sig(NAN, 2)));
}

static void test_util(void **state)
{
	(void)state;
	assert_true(util_word_eq("ReLU", 4, "relu"));
	assert_false(util_word_eq("rel", 3, "relu"));
	assert_true(util_word_prefix("re", 2, "relu"));
	uint32_t cp;
	assert_int_equal(util_utf8_next("\xe2\xa0\x81", 3, &cp), 3);
	assert_int_equal(cp, 0x2801);
	assert_int_equal(util_utf8_next("\xff", 1, &cp), 1);
	assert_true(cp & UTIL_INVALID);
	assert_int_equal(util_utf8_next("\xe2\xa0", 2, &cp), 1); /* truncated */
	assert_int_equal(util_utf8_next("\xc0\x80", 2, &cp), 1); /* overlong */
	assert_int_equal(util_utf8_count("a\xe2\x88\x92" "b\xff", 6), 4);
	char buf[4];
	assert_int_equal(util_utf8_put(0x28FF, buf), 3);
	assert_memory_equal(buf, "\xe2\xa3\xbf", 3);
	assert_int_equal(util_cp_width(0x4E2D), 2);
	assert_int_equal(util_cp_width('a'), 1);
	assert_int_equal(util_cp_width(0x301), 0);
	static const char *const words[] = {"table", "list", "info"};
	assert_string_equal(util_closest("tabel", 5, words, 3), "table");
	assert_null(util_closest("xyz", 3, words, 3));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_decimals),
		cmocka_unit_test(test_util),
		cmocka_unit_test(test_round_sig),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
