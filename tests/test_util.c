/* test_util.c: the text helpers every stage leans on: UTF-8 decoding of
 * each malformed kind (an error echo counts characters with it), encoding
 * of every length, display widths, bounded appends, and the typo
 * suggestions behind "did you mean". */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "util.h"

static void test_case_and_words(void **state)
{
	(void)state;
	assert_int_equal(util_lower('A'), 'a');
	assert_int_equal(util_lower('Z'), 'z');
	assert_int_equal(util_lower('@'), '@'); /* just before 'A' */
	assert_int_equal(util_lower('['), '['); /* just after 'Z' */
	assert_int_equal(util_lower('z'), 'z');
	assert_true(util_word_eq("GeLu", 4, "gelu"));
	assert_false(util_word_eq("relu6", 5, "relu")); /* longer */
	assert_false(util_word_eq("rel", 3, "relu"));   /* shorter */
	assert_false(util_word_eq("relx", 4, "relu"));
	assert_true(util_word_eq("", 0, ""));
	assert_true(util_word_prefix("", 0, "relu"));
	assert_true(util_word_prefix("RELU", 4, "relu"));
	assert_false(util_word_prefix("relu6", 5, "relu"));
	assert_false(util_word_prefix("ra", 2, "relu"));
}

static void test_utf8_decode(void **state)
{
	(void)state;
	uint32_t cp;
	/* every length, valid */
	assert_int_equal(util_utf8_next("A", 1, &cp), 1);
	assert_int_equal(cp, 'A');
	assert_int_equal(util_utf8_next("\xc3\xa9", 2, &cp), 2);
	assert_int_equal(cp, 0xE9);
	assert_int_equal(util_utf8_next("\xe2\x88\x92", 3, &cp), 3);
	assert_int_equal(cp, 0x2212);
	assert_int_equal(util_utf8_next("\xf0\x9f\x98\x80", 4, &cp), 4);
	assert_int_equal(cp, 0x1F600);
	assert_int_equal(util_utf8_next("\xf4\x8f\xbf\xbf", 4, &cp), 4);
	assert_int_equal(cp, 0x10FFFF);
	/* each kind of invalid: one byte, marked, the byte kept */
	static const struct {
		const char *s;
		size_t len;
	} bad[] = {
		{"\x80", 1},             /* a lone continuation byte */
		{"\xc1\xbf", 2},         /* overlong lead */
		{"\xe2\x28\xa1", 3},     /* not a continuation */
		{"\xe2\x88", 2},         /* cut short */
		{"\xf0\x9f\x98", 3},     /* cut short, 4-byte */
		{"\xe0\x80\xaf", 3},     /* overlong 3-byte */
		{"\xf0\x8f\xbf\xbf", 4}, /* overlong 4-byte */
		{"\xed\xa0\x80", 3},     /* a surrogate, the first */
		{"\xed\xbf\xbf", 3},     /* and the last */
		{"\xf4\x90\x80\x80", 4}, /* past U+10FFFF */
		{"\xf5\x80\x80\x80", 4}, /* a lead that can't be */
		{"\xff", 1},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(util_utf8_next(bad[i].s, bad[i].len, &cp), 1);
		assert_int_equal(cp, UTIL_INVALID | (unsigned char)bad[i].s[0]);
	}
	/* counting: an invalid byte is one character, the next starts after it */
	assert_int_equal(util_utf8_count("\xe2\x28\xa1x", 4), 4);
	assert_int_equal(util_utf8_count("\xf0\x9f\x98\x80\xf0\x9f\x98\x80", 8), 2);
	assert_int_equal(util_utf8_count("", 0), 0);
}

static void test_utf8_encode(void **state)
{
	(void)state;
	static const struct {
		uint32_t cp;
		size_t len;
		const char *bytes;
	} cases[] = {
		{0x00, 1, "\x00"},          {0x7F, 1, "\x7f"},
		{0x80, 2, "\xc2\x80"},      {0x7FF, 2, "\xdf\xbf"},
		{0x800, 3, "\xe0\xa0\x80"}, {0xFFFF, 3, "\xef\xbf\xbf"},
		{0x2800, 3, "\xe2\xa0\x80"}, {0x10000, 4, "\xf0\x90\x80\x80"},
		{0x1F600, 4, "\xf0\x9f\x98\x80"}, {0x20000, 4, "\xf0\xa0\x80\x80"},
		{0x10FFFF, 4, "\xf4\x8f\xbf\xbf"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char buf[4];
		assert_int_equal(util_utf8_put(cases[i].cp, buf), cases[i].len);
		assert_memory_equal(buf, cases[i].bytes, cases[i].len);
		uint32_t back;
		if (cases[i].cp) { /* and reads back */
			assert_int_equal(util_utf8_next(buf, cases[i].len, &back), cases[i].len);
			assert_int_equal(back, cases[i].cp);
		}
	}
}

static void test_widths(void **state)
{
	(void)state;
	static const struct {
		uint32_t cp;
		int width;
	} cases[] = {
		{'a', 1},     {0x2800, 1},  {0x2502, 1},  /* ASCII, braille, box */
		{0x0300, 0},  {0x036F, 0},  {0x200B, 0},  {0x200F, 0}, {0x20D0, 0},
		{0x20FF, 0},  {0xFE00, 0},  {0xFE0F, 0},  {0x0370, 1}, {0x2010, 1},
		{0x1100, 2},  {0x115F, 2},  {0x1160, 1},  {0x2E80, 2}, {0x303F, 1},
		{0x4E2D, 2},  {0xA4CF, 2},  {0xA4D0, 1},  {0xAC00, 2}, {0xD7A3, 2},
		{0xD7A4, 1},  {0xF900, 2},  {0xFAFF, 2},  {0xFE30, 2}, {0xFE4F, 2},
		{0xFF01, 2},  {0xFF60, 2},  {0xFF61, 1},  {0xFFE0, 2}, {0xFFE6, 2},
		{0xFFE7, 1},  {0x1F300, 2}, {0x1F64F, 2}, {0x1F650, 1}, {0x1F900, 2},
		{0x1F9FF, 2}, {0x20000, 2}, {0x3FFFD, 2}, {0x3FFFE, 1},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		if (util_cp_width(cases[i].cp) != cases[i].width)
			fail_msg("width of U+%04X: %d, want %d", (unsigned)cases[i].cp,
			         util_cp_width(cases[i].cp), cases[i].width);
	}
}

static void test_append(void **state)
{
	(void)state;
	char buf[8];
	size_t len = 0;
	util_append(buf, sizeof buf, &len, "%s", "abc");
	assert_string_equal(buf, "abc");
	assert_int_equal(len, 3);
	/* cut at the end of the buffer, len kept inside it */
	util_append(buf, sizeof buf, &len, "%d", 1234567);
	assert_string_equal(buf, "abc1234");
	assert_int_equal(len, 7);
	/* a full buffer takes nothing more, and stays terminated */
	util_append(buf, sizeof buf, &len, "%s", "x");
	assert_string_equal(buf, "abc1234");
	assert_int_equal(len, 7);
	/* exactly filling it */
	len = 0;
	util_append(buf, sizeof buf, &len, "%s", "1234567");
	assert_string_equal(buf, "1234567");
	assert_int_equal(len, 7);
}

static void test_suggestions(void **state)
{
	(void)state;
	static const char *const words[] = {"leaky", "relu", "relu6", "softplus", "hardsigmoid"};
	/* a swap of neighbours is one edit */
	assert_string_equal(util_closest("lekay", 5, words, 5), "leaky");
	assert_string_equal(util_closest("erlu", 4, words, 5), "relu");
	/* case does not count */
	assert_string_equal(util_closest("RELUU", 5, words, 5), "relu");
	/* the nearest wins; of two as near, the first */
	assert_string_equal(util_closest("relu66", 6, words, 5), "relu6");
	assert_string_equal(util_closest("relu7", 5, words, 5), "relu");
	/* short words allow one edit, longer two, long three */
	assert_null(util_closest("rxlx", 4, words, 5));
	assert_string_equal(util_closest("sftpls", 6, words, 5), "softplus");
	assert_null(util_closest("sxftpxs", 7, words, 5));
	assert_string_equal(util_closest("hrdsigmod", 9, words, 5), "hardsigmoid");
	assert_null(util_closest("hrdsgmod", 8, words, 5));
	/* past 32 characters nothing is a typo of ours */
	const char *long_word = "relurelurelurelurelurelurelurelur";
	assert_null(util_closest(long_word, strlen(long_word), words, 5));
	static const char *const long_cand[] = {"abcdefghijklmnopqrstuvwxyzabcdefgh"};
	assert_null(util_closest("abc", 3, long_cand, 1));
	assert_null(util_closest("relu", 4, words, 0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_case_and_words),
		cmocka_unit_test(test_utf8_decode),
		cmocka_unit_test(test_utf8_encode),
		cmocka_unit_test(test_widths),
		cmocka_unit_test(test_append),
		cmocka_unit_test(test_suggestions),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
