/* test_lesson.c: the lesson's prose: every placeholder of every step
 * computes, the numbers are the commands' own (stats, actfn), and they
 * follow when what they are computed from changes. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "actfn.h"
#include "lesson.h"

static const struct lesson_step *step_titled(const char *title)
{
	for (int i = 0; lesson_step_at(i); i++)
		if (strcmp(lesson_step_at(i)->title, title) == 0)
			return lesson_step_at(i);
	fail_msg("no step '%s'", title);
	return NULL;
}

static void test_every_step_renders(void **state)
{
	(void)state;
	struct lesson_ctx ctx;
	lesson_ctx_default(&ctx);
	int n = 0;
	for (int i = 0; lesson_step_at(i); i++, n++) {
		char buf[LESSON_TEXT];
		if (lesson_text(&ctx, lesson_step_at(i), 78, buf, sizeof buf) < 0)
			fail_msg("step %d: %s", i + 1, buf);
		assert_null(strchr(buf, '{'));
		assert_null(strstr(buf, "\xc2\xa0"));
		/* wrapped: no line over 78 columns */
		for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n"))
			assert_true(strlen(line) <= 78 + 2); /* ' in f' is one column */
	}
	assert_int_equal(n, 10);
	/* the topics take steps that exist, the whole lesson all ten in order */
	for (size_t t = 0; t < lesson_topic_count(); t++) {
		const int *order;
		int k = lesson_topic_steps(t, &order);
		assert_true(k >= 1 && k <= LESSON_MAX_STEPS);
		for (int j = 0; j < k; j++)
			assert_non_null(lesson_step_at(order[j]));
	}
	const int *all;
	assert_int_equal(lesson_topic_steps(0, &all), 10);
	for (int j = 0; j < 10; j++)
		assert_int_equal(all[j], j);
	assert_int_equal(lesson_topic_lookup("DYING", 5), 2);
	assert_int_equal(lesson_topic_lookup("nope", 4), -1);
}

/* The mean the prose states is stats' own, for whatever distribution. */
static void mean_follows(const struct stats_dist *dist)
{
	struct lesson_ctx ctx;
	lesson_ctx_default(&ctx);
	ctx.dist = *dist;
	char buf[LESSON_TEXT];
	assert_int_equal(lesson_text(&ctx, step_titled("not zero-centred"), 1000, buf, sizeof buf), 0);
	struct actfn_curve relu;
	actfn_curve_default(&relu, actfn_lookup("relu", 4));
	struct stats_figures f;
	assert_int_equal(stats_exact(&relu, dist, &f), 0);
	char want[64];
	snprintf(want, sizeof want, "their mean is %.4g ", f.mean);
	if (!strstr(buf, want))
		fail_msg("'%s' not in: %s", want, buf);
}

static void test_numbers_follow(void **state)
{
	(void)state;
	/* N(0, 1): 1/sqrt(2 pi) */
	mean_follows(&stats_std_normal);
	struct lesson_ctx ctx;
	lesson_ctx_default(&ctx);
	char buf[LESSON_TEXT];
	lesson_text(&ctx, step_titled("not zero-centred"), 1000, buf, sizeof buf);
	assert_non_null(strstr(buf, "their mean is 0.3989 "));
	/* another distribution: the text changes with it */
	struct stats_dist shifted = {.kind = DIST_NORMAL, .a = 0.5, .b = 2};
	mean_follows(&shifted);
	ctx.dist = shifted;
	lesson_text(&ctx, step_titled("not zero-centred"), 1000, buf, sizeof buf);
	assert_null(strstr(buf, "0.3989"));
	/* sparsity in per cent, the derivative at the kink as PyTorch takes it */
	lesson_ctx_default(&ctx);
	lesson_text(&ctx, step_titled("sparsity"), 1000, buf, sizeof buf);
	assert_non_null(strstr(buf, "exactly 0 for 50% of them"));
	lesson_text(&ctx, step_titled("the derivative"), 1000, buf, sizeof buf);
	assert_non_null(strstr(buf, "relu'(0) = 0,"));
	assert_non_null(strstr(buf, "at most 0.25 and tanh's at most 1,"));
	/* a parameter's default comes from the table */
	lesson_text(&ctx, step_titled("the fixes: Leaky ReLU, PReLU, ELU"), 1000, buf, sizeof buf);
	assert_non_null(strstr(buf, "0.01 by default"));
	assert_non_null(strstr(buf, "starting at 0.25."));
	/* through 10 layers of sigmoid: 0.25^10 */
	lesson_text(&ctx, step_titled("vanishing gradients"), 1000, buf, sizeof buf);
	assert_non_null(strstr(buf, "at most 9.54e-07,"));
}

static void test_bad_placeholder(void **state)
{
	(void)state;
	struct lesson_ctx ctx;
	lesson_ctx_default(&ctx);
	char buf[LESSON_TEXT];
	const struct lesson_step bad[] = {
		{.title = "t", .text = "{mean nosuch}"},
		{.title = "t", .text = "{f relu}"},
		{.title = "t", .text = "{median relu}"},
		{.title = "t", .text = "open {f relu 1"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(lesson_text(&ctx, &bad[i], 78, buf, sizeof buf), -1);
		assert_non_null(strstr(buf, "lesson: "));
	}
	/* a no-break space keeps two words on one line, written as a space */
	const struct lesson_step keep = {.title = "t", .text = "aaaa bbbb\xc2\xa0" "cccc"};
	assert_int_equal(lesson_text(&ctx, &keep, 10, buf, sizeof buf), 0);
	assert_string_equal(buf, "aaaa\nbbbb cccc\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_step_renders),
		cmocka_unit_test(test_numbers_follow),
		cmocka_unit_test(test_bad_placeholder),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
