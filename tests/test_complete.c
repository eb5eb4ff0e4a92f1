/* test_complete.c: Tab's candidates at each kind of place in a line, as
 * the line prompt and the full screen offer them: commands, activations,
 * parameters and their choices, clauses, settings and their values, help
 * topics, and nothing where nothing fits. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "complete.h"
#include "util.h"

/* The candidates at the end of line, space-separated ("name=" for a
 * parameter). */
static const char *offered(const char *line)
{
	static char buf[2048];
	struct completion c;
	size_t end = strlen(line);
	complete_line(line, complete_word_start(line, end), end, &c);
	size_t len = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < c.n; i++)
		util_append(buf, sizeof buf, &len, "%s%s%s", i ? " " : "", c.word[i], c.param[i] ? "=" : "");
	return buf;
}

static void test_word_start(void **state)
{
	(void)state;
	assert_int_equal(complete_word_start("", 0), 0);
	assert_int_equal(complete_word_start("rel", 3), 0);
	assert_int_equal(complete_word_start("relu, el", 8), 6);
	assert_int_equal(complete_word_start("leaky negative_slope=0.", 23), 21);
	assert_int_equal(complete_word_start("gelu(x", 6), 5);
	assert_int_equal(complete_word_start("relu ", 5), 5);
	/* the cursor inside the line: the word up to it */
	assert_int_equal(complete_word_start("table relu", 3), 0);
}

static void test_first_word(void **state)
{
	(void)state;
	assert_string_equal(offered("tab"), "table");
	assert_string_equal(offered("LEAK"), "leaky");
	assert_string_equal(offered("ex"), "exit");
	assert_string_equal(offered("h"), "hist help hardtanh hardswish hardsigmoid hardshrink");
	/* commands first, then activations */
	const char *all = offered("");
	assert_true(strncmp(all, "plot table set show list info dead hist sweep train depth describe simplenn bench def defs save load lesson help quit exit relu ",
	                    strlen("plot table set show list info dead hist sweep train depth describe simplenn bench def defs save load lesson help quit exit relu ")) == 0);
}

static void test_curves(void **state)
{
	(void)state;
	assert_string_equal(offered("plot hardsi"), "hardsigmoid");
	assert_string_equal(offered("relu, el"), "elu");
	assert_string_equal(offered("leaky neg"), "negative_slope=");
	assert_string_equal(offered("hardtanh m"), "min_val= max_val=");
	assert_string_equal(offered("gelu app"), "approximate=");
	assert_string_equal(offered("gelu approximate=t"), "tanh");
	assert_string_equal(offered("info hardsw"), "hardswish");
	/* a character the language does not have: an activation anyway */
	assert_string_equal(offered("relu $ el"), "elu");
	/* nothing where nothing fits */
	assert_string_equal(offered("relu st"), "");
	assert_string_equal(offered("info relu s"), "");
	/* at's points are the rest of the line */
	assert_string_equal(offered("relu at e"), "");
	assert_string_equal(offered("relu at 1, e"), "");
}

static void test_clauses(void **state)
{
	(void)state;
	/* each command's own clauses, from the clause table */
	assert_string_equal(offered("table relu st"), "step");
	assert_string_equal(offered("relu o"), "on");
	assert_string_equal(offered("table relu o"), "on");
	assert_string_equal(offered("dead relu wi"), "with");
	assert_string_equal(offered("hist relu bin"), "bins");
	assert_string_equal(offered("sweep relu st"), "step");
	assert_string_equal(offered("train relu opt"), "optimizer");
	assert_string_equal(offered("dead relu st"), "");
	/* depth's, with its curves or without */
	assert_string_equal(offered("dep"), "depth");
	assert_string_equal(offered("depth la"), "layers");
	assert_string_equal(offered("depth relu "), "seed init batch width layers");
	assert_string_equal(offered("depth relu, tanh la"), "layers");
	assert_string_equal(offered("depth w"), "width");
	assert_string_equal(offered("depth layers 3 w"), "width");
	assert_string_equal(offered("depth t"), "tanh threshold tanhshrink");
	assert_string_equal(offered("depth relu, s"), "selu silu softplus sigmoid softsign softshrink");
	assert_string_equal(offered("sweep bias -3..1 st"), "step");
	assert_string_equal(offered("dead relu la"), "layer");
	assert_string_equal(offered("bench relu rep"), "repeats");
	assert_string_equal(offered("bench relu, gelu si"), "size");
	assert_string_equal(offered("simplenn relu see"), "seed seeds");
	assert_string_equal(offered("simplenn relu ba"), "batch");
	assert_string_equal(offered("simplenn relu si"), "");
	/* a clause's value: its words, or nothing where a number goes */
	assert_string_equal(offered("train relu init "), "he xavier torch normal");
	assert_string_equal(offered("depth relu init x"), "xavier");
	assert_string_equal(offered("train relu optimizer "), "sgd adam");
	assert_string_equal(offered("train relu task s"), "sin spirals");
	assert_string_equal(offered("dead relu with "), "normal uniform");
	assert_string_equal(offered("train relu steps "), "");
	assert_string_equal(offered("relu on "), "");
	assert_string_equal(offered("train relu steps 10 "),
	                    "seed bias init batch lr steps width depth task optimizer every");
}

static void test_settings(void **state)
{
	(void)state;
	assert_string_equal(offered("set "), "range samples format width height color ascii deriv describe");
	assert_string_equal(offered("set fo"), "format");
	assert_string_equal(offered("set format "), "text csv tsv json");
	assert_string_equal(offered("set format c"), "csv");
	assert_string_equal(offered("set deriv of"), "off");
	/* a setting's values by the kind the settings table gives it */
	assert_string_equal(offered("set color "), "on off auto");
	assert_string_equal(offered("set colour "), "on off auto");
	assert_string_equal(offered("set ascii "), "on off auto");
	assert_string_equal(offered("set deriv "), "on off");
	assert_string_equal(offered("set describe o"), "on off");
	assert_string_equal(offered("describe re"), "relu relu6");
	assert_string_equal(offered("describe relu o"), "on");
	assert_string_equal(offered("set width a"), "auto");
	assert_string_equal(offered("set range -"), "");
	assert_string_equal(offered("set samples "), "");
	assert_string_equal(offered("set format csv "), "");
	assert_string_equal(offered("show "), "settings range samples format width height color ascii deriv describe");
	assert_string_equal(offered("show settings s"), "");
}

static void test_other_commands(void **state)
{
	(void)state;
	assert_string_equal(offered("help dy"), "dying");
	assert_string_equal(offered("help fo"), "formats");
	assert_string_equal(offered("help sel"), "selu");
	assert_string_equal(offered("help dying s"), "");
	/* list and quit take nothing */
	assert_string_equal(offered("list "), "");
	assert_string_equal(offered("quit "), "");
	assert_string_equal(offered("exit r"), "");
	/* save: what it saves, then a file name (the UI's) */
	assert_string_equal(offered("sa"), "save");
	assert_string_equal(offered("save "), "session defs");
	assert_string_equal(offered("save d"), "defs");
	assert_string_equal(offered("save se"), "session");
	assert_string_equal(offered("save session "), "");
	assert_string_equal(offered("loa"), "load");
	assert_string_equal(offered("load "), "");
	/* def: nothing in its head; in its expression its variable and
	 * parameters, the functions and constants, the activations */
	assert_string_equal(offered("def "), "");
	assert_string_equal(offered("def sq(x) = si"), "sin sinh sign silu sigmoid");
	assert_string_equal(offered("def sq(z, alpha=2) = exp(z) * al"), "alpha");
	assert_string_equal(offered("def sq(z, alpha=2) = z"), "z");
	assert_string_equal(offered("def sq(x) = relu(x) + le"), "leaky");
	assert_string_equal(offered("def sq(x) = max(0, x) + er"), "erf erfc");
	assert_string_equal(offered("def sq(x, a"), "");
	assert_string_equal(offered("  def f(x)=p"), "pow pi prelu");
	assert_string_equal(offered("def q(z, alpha=1) = z*al"), "alpha");
	assert_string_equal(offered("def q(z) = -z+si"), "sin sinh sign silu sigmoid");
	/* elsewhere an operator is part of the word (a file name's) */
	assert_string_equal(offered("relu+s"), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_word_start),    cmocka_unit_test(test_first_word),
		cmocka_unit_test(test_curves),        cmocka_unit_test(test_clauses),
		cmocka_unit_test(test_settings),      cmocka_unit_test(test_other_commands),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
