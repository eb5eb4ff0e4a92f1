/* test_keys.c: the full screen's key table: each key does one thing,
 * every action has a key, and the help is written from it. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "help.h"
#include "keys.h"

static void test_one_action_a_key(void **state)
{
	(void)state;
	int seen[KEYC_COUNT] = {0};
	int acted[KEY_ACT_COUNT] = {0};
	for (size_t i = 0; i < keys_count(); i++) {
		const struct key_entry *e = keys_at(i);
		assert_true(e->keys[0] != KEYC_NONE);
		for (int k = 0; k < KEY_ENTRY_KEYS && e->keys[k] != KEYC_NONE; k++) {
			assert_true(e->keys[k] < KEYC_COUNT);
			assert_int_equal(seen[e->keys[k]]++, 0);
		}
		acted[e->action]++;
		/* a label has its help; the first entry starts a line */
		assert_true((e->label == NULL) == (e->help == NULL));
		assert_true(i > 0 || (e->label && !e->same_line));
	}
	for (int a = KEY_ACT_NONE + 1; a < KEY_ACT_COUNT; a++)
		assert_int_equal(acted[a], 1);
	assert_null(keys_at(keys_count()));
}

static void test_lookup(void **state)
{
	(void)state;
	assert_int_equal(keys_action(KEYC_F(1)), KEY_ACT_HELP);
	assert_int_equal(keys_action(KEYC_F(9)), KEY_ACT_HOME);
	assert_int_equal(keys_action(KEYC_ALT_0), KEY_ACT_HOME);
	assert_int_equal(keys_action(KEYC_CTRL('l')), KEY_ACT_REDRAW);
	/* listed, but done by the terminal and readline */
	assert_int_equal(keys_action(KEYC_CTRL('c')), KEY_ACT_NONE);
	assert_int_equal(keys_action(KEYC_CTRL('d')), KEY_ACT_NONE);
	/* no key of the table: the line editor's */
	assert_int_equal(keys_action(KEYC_CTRL('a')), KEY_ACT_NONE);
	assert_int_equal(keys_action(KEYC_F(12)), KEY_ACT_NONE);
	assert_int_equal(keys_action(KEYC_NONE), KEY_ACT_NONE);
}

static void test_help(void **state)
{
	(void)state;
	char buf[2048];
	size_t n = keys_help(buf, sizeof buf);
	assert_int_equal(n, strlen(buf));
	/* a line a label, the keys that share one on it */
	const char *first = "  F1               this help (any key closes it)\n"
	                    "  F2               derivative panel on or off\n"
	                    "  F3 / F4          select the previous / next curve\n";
	assert_true(strncmp(buf, first, strlen(first)) == 0);
	assert_non_null(strstr(buf, "\n  F9 or Alt-0      reset the view to the command's range\n"));
	assert_non_null(strstr(buf, "\n  Ctrl-L           redraw;  Ctrl-C clears the line;  Ctrl-D or quit "
	                            "leaves\n"));
	const char *last = "  Enter/Bksp/q     in a lesson, on an empty line: next step, back, leave\n";
	assert_string_equal(buf + n - strlen(last), last);
	/* help keys is it, under a heading */
	const char *text = help_text("keys", 4);
	assert_non_null(text);
	assert_non_null(strstr(text, buf));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_action_a_key),
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_help),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
