/* test_parser.c: every example of the language, and every kind of error
 * with the column it points at. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "command.h"
#include "parser.h"
#include "tab.h"

static struct cmd cmd;

static void parse_ok(const char *s)
{
	struct diag d;
	cmd_free(&cmd);
	if (command_parse_line(s, strlen(s), &cmd, &d) < 0)
		fail_msg("'%s': %s (at %zu)", s, d.msg, d.off);
}

/* col is 1-based, as the user sees it */
static void parse_err(const char *s, size_t col, const char *msg_part)
{
	struct diag d;
	cmd_free(&cmd);
	if (command_parse_line(s, strlen(s), &cmd, &d) == 0)
		fail_msg("'%s' parsed", s);
	size_t got = diag_column(s, strlen(s), d.off);
	if (got != col || !strstr(d.msg, msg_part))
		fail_msg("'%s': column %zu '%s'; want column %zu '%s'", s, got, d.msg, col, msg_part);
}

static int teardown(void **state)
{
	(void)state;
	cmd_free(&cmd);
	return 0;
}

static void test_plots(void **state)
{
	(void)state;
	parse_ok("relu");
	assert_int_equal(cmd.kind, CMD_PLOT);
	assert_int_equal(cmd.ncurves, 1);
	assert_false(cmd_has(&cmd, CL_ON));
	assert_string_equal(cmd.curve[0].label, "relu");

	parse_ok("leaky 0.01 on -3..3");
	assert_int_equal(cmd.kind, CMD_PLOT);
	assert_true(cmd.curve[0].fn.p[0] == 0.01);
	assert_true(cmd_has(&cmd, CL_ON) && cmd.range.lo == -3 && cmd.range.hi == 3);
	assert_string_equal(cmd.curve[0].label, "leaky");

	parse_ok("elu alpha=1.5 on -4..2");
	assert_true(cmd.curve[0].fn.p[0] == 1.5);
	assert_true(cmd.range.lo == -4 && cmd.range.hi == 2);
	assert_string_equal(cmd.curve[0].label, "elu 1.5");

	parse_ok("softplus beta=2");
	assert_true(cmd.curve[0].fn.p[0] == 2 && cmd.curve[0].fn.p[1] == 20);

	parse_ok("softplus threshold = 10");
	assert_string_equal(cmd.curve[0].label, "softplus 1 10");

	parse_ok("relu, leaky 0.1, elu on -3..3");
	assert_int_equal(cmd.ncurves, 3);
	assert_string_equal(cmd.curve[1].label, "leaky 0.1");
	assert_string_equal(cmd.curve[2].label, "elu");

	parse_ok("PLOT ReLU, Leaky_ReLU slope=0.2");
	assert_int_equal(cmd.ncurves, 2);
	assert_string_equal(cmd.curve[1].label, "leaky 0.2");

	parse_ok("gelu tanh, gelu approximate=none, gelu approx=tanh");
	assert_string_equal(cmd.curve[0].label, "gelu tanh");
	assert_string_equal(cmd.curve[1].label, "gelu");
	assert_string_equal(cmd.curve[2].label, "gelu tanh #2");

	parse_ok("relu, relu, relu   # three of them");
	assert_string_equal(cmd.curve[2].label, "relu #3");

	parse_ok("threshold 0.5 -2 on 0..1");
	assert_string_equal(cmd.curve[0].label, "threshold 0.5 -2");
	assert_int_equal(cmd.range.lo_dec, 0);

	parse_ok("relu on -0.25..1.5");
	assert_int_equal(cmd.range.lo_dec, 2);
	assert_int_equal(cmd.range.hi_dec, 1);
}

static void test_at_and_table(void **state)
{
	(void)state;
	parse_ok("relu at -1, 0, 1, 2");
	assert_int_equal(cmd.kind, CMD_AT);
	assert_int_equal(cmd.npoints, 4);
	assert_true(cmd.points[0] == -1 && cmd.points[3] == 2);

	parse_ok("leaky 0.1, elu at inf, -inf, nan, -0.0, 1e-08");
	assert_int_equal(cmd.ncurves, 2);
	assert_int_equal(cmd.npoints, 5);
	assert_true(isnan(cmd.points[2]) && signbit(cmd.points[3]));

	parse_ok("table elu on -2..2 step 0.5");
	assert_int_equal(cmd.kind, CMD_TABLE);
	assert_true(cmd_has(&cmd, CL_STEP) && cmd.step == 0.5 && cmd.step_dec == 1);

	parse_ok("table relu step 1e-3 on -1..1");
	assert_int_equal(cmd.step_dec, 3);

	parse_ok("table relu");
	assert_false(cmd_has(&cmd, CL_STEP));
}

static void test_settings_and_others(void **state)
{
	(void)state;
	parse_ok("set range -5..5");
	assert_int_equal(cmd.kind, CMD_SET);
	assert_int_equal(cmd.setting, SET_RANGE);
	assert_true(cmd.range.lo == -5);
	parse_ok("set samples 400");
	assert_int_equal(cmd.ival, 400);
	parse_ok("set format csv");
	assert_int_equal(cmd.choice, tab_format_lookup("csv", 3));
	parse_ok("set width auto");
	assert_int_equal(cmd.ival, 0);
	parse_ok("set colour off");
	assert_int_equal(cmd.setting, SET_COLOR);
	assert_int_equal(cmd.choice, TRI_OFF);
	parse_ok("show settings");
	assert_true(cmd.show_all);
	parse_ok("show");
	assert_true(cmd.show_all);
	parse_ok("show range");
	assert_false(cmd.show_all);
	parse_ok("list");
	assert_int_equal(cmd.kind, CMD_LIST);
	parse_ok("info leaky");
	assert_int_equal(cmd.kind, CMD_INFO);
	parse_ok("info leaky 0.2");
	assert_true(cmd.curve[0].fn.p[0] == 0.2);
	parse_ok("help");
	assert_int_equal(cmd.kind, CMD_HELP);
	assert_string_equal(cmd.topic, "");
	parse_ok("help table");
	assert_string_equal(cmd.topic, "table");
	parse_ok("quit");
	assert_int_equal(cmd.kind, CMD_QUIT);
	parse_ok("EXIT");
	assert_int_equal(cmd.kind, CMD_QUIT);
	parse_ok("");
	assert_int_equal(cmd.kind, CMD_EMPTY);
	parse_ok("   \t # just a comment");
	assert_int_equal(cmd.kind, CMD_EMPTY);
}

static void test_errors(void **state)
{
	(void)state;
	parse_err("leakyy 0.1", 1, "unknown activation 'leakyy' (did you mean 'leaky'?)");
	parse_err("relu, leakyy", 7, "unknown activation 'leakyy' (did you mean 'leaky'?)");
	parse_err("lst", 1, "unknown command 'lst' (did you mean 'list'?)");
	parse_err("frobnicate", 1, "unknown command or activation");
	parse_err("42", 1, "unexpected '42'");
	parse_err("relu elu", 6, "expected ','");
	parse_err("relu 0.5", 6, "relu takes no parameters");
	parse_err("leaky 0.1 0.2", 11, "too many parameters: leaky takes 1");
	parse_err("leaky alpha=2", 7, "leaky has no parameter 'alpha' (it has: negative_slope)");
	parse_err("leaky 0.1 slope=0.2", 17, "negative_slope given twice");
	parse_err("leaky slope=", 13, "expected a value");
	parse_err("leaky slope=x", 13, "must be a number");
	parse_err("gelu fast", 6, "approximate must be one of: none, tanh");
	parse_err("gelu 1", 6, "approximate must be one of");
	parse_err("softplus beta=0", 15, "softplus: beta must be > 0 (got 0)");
	parse_err("softplus -1", 10, "beta must be > 0");
	parse_err("celu 0", 6, "alpha must be > 0");
	parse_err("softshrink -0.5", 12, "lambd must be >= 0");
	parse_err("leaky inf", 7, "negative_slope must be a finite number");
	parse_err("elu nan", 5, "must be a finite number");
	parse_err("hardtanh 2 -2", 1, "min_val must be less than max_val");
	parse_err("threshold 0.5", 1, "threshold needs a value for value");
	parse_err("threshold", 1, "threshold needs a value for threshold");
	parse_err("relu on 3..-3", 9, "empty range: LO must be less than HI (did you mean -3..3?)");
	parse_err("relu on 1..1", 9, "empty range: LO and HI are equal");
	parse_err("relu on -1e308..1e308", 9, "range too wide");
	parse_err("relu on 1..1.0000000000000002", 9, "range too narrow");
	parse_err("relu on inf..3", 9, "finite ends");
	parse_err("relu on nan..3", 9, "finite ends");
	parse_err("relu on 1e400..3", 9, "number out of range");
	parse_err("relu on -3", 11, "expected '..'");
	parse_err("relu on -3..", 13, "expected the upper end");
	parse_err("relu on", 8, "expected a range");
	parse_err("relu on -3..3 on -1..1", 15, "'on' given twice");
	parse_err("relu at", 8, "expected a point");
	parse_err("relu at 1 2", 11, "',' between points");
	parse_err("relu at 1,", 11, "expected a number");
	parse_err("relu on -1..1 at 0", 9, "'on' does not go with 'at'");
	parse_err("relu step 0.5", 6, "'step' goes with table and sweep");
	parse_err("train relu step 3", 12, "did you mean 'steps'?");
	parse_err("sweep", 6, "sweep needs a bias range");
	parse_err("table relu at 1", 12, "'at' does not go with 'table'");
	parse_err("table relu step 0", 17, "step must be a positive finite number");
	parse_err("table relu step -1", 17, "step must be a positive");
	parse_err("table relu step inf", 17, "step must be a positive finite");
	parse_err("relu,", 6, "expected an activation name");
	parse_err("relu, , elu", 7, "unexpected ','");
	parse_err("relu with normal(0,1)", 6, "'with' does not go with a plot");
	parse_err("set", 4, "expected a setting");
	parse_err("set rnage -1..1", 5, "unknown setting 'rnage' (did you mean 'range'?)");
	parse_err("set samples 1", 13, "samples must be at least 2");
	parse_err("set samples 1e15", 13, "samples must be at most 100000");
	parse_err("set samples -5", 13, "samples must be at least 2");
	parse_err("set samples 2.5", 13, "samples must be a whole number");
	parse_err("set samples nan", 13, "whole number");
	parse_err("set width 10", 11, "width must be at least 20");
	parse_err("set height 100000", 12, "height must be at most 500");
	parse_err("set format xml", 12, "expected a format");
	parse_err("set color maybe", 11, "on, off or auto");
	parse_err("set deriv auto", 11, "expected on or off");
	parse_err("set range 1..2 extra", 16, "after the end of the command");
	parse_err("show nonsense", 6, "expected 'settings'");
	parse_err("list all", 6, "after the end of the command");
	parse_err("info", 5, "expected an activation name");
	parse_err("info reluu", 6, "did you mean 'relu'?");
	parse_err("quit now", 6, "after the end");
	parse_err("help 3", 6, "a help topic");
}

/* What people bring from elsewhere and the language accepts (man page,
 * CURVES AND PARAMETERS and NUMBERS AND RANGES): each the same record as
 * its canonical form. */
static void test_synonyms(void **state)
{
	(void)state;
	parse_ok("relu on [-3, 3]");
	assert_true(cmd_has(&cmd, CL_ON) && cmd.range.lo == -3 && cmd.range.hi == 3);
	parse_ok("relu on -3:3");
	assert_true(cmd.range.lo == -3 && cmd.range.hi == 3);
	parse_ok("table relu on [ -0.25 , 1e-1 ] step 0.05");
	assert_true(cmd.range.lo == -0.25 && cmd.range.hi == 0.1);
	assert_int_equal(cmd.range.lo_dec, 2);
	assert_int_equal(cmd.range.hi_dec, 1);
	parse_ok("set range [-5,5]");
	assert_true(cmd.range.lo == -5 && cmd.range.hi == 5);
	parse_ok("relu on 0...5"); /* two dots and .5, as before */
	assert_true(cmd.range.lo == 0 && cmd.range.hi == 0.5);
	parse_ok("sweep bias -8:0");
	assert_true(cmd.bias_range.lo == -8 && cmd.bias_range.hi == 0);
}

/* What the language refuses with a hint that spells the working command,
 * each at its column. */
static void test_hints(void **state)
{
	(void)state;
	parse_err("relu on [3, -3]", 10, "empty range: LO must be less than HI (did you mean -3..3?)");
	parse_err("relu on 3:-3", 9, "(did you mean -3..3?)");
	parse_err("relu on [-3 3]", 13, "expected ',' ([LO, HI])");
	parse_err("relu on [-3, 3", 15, "expected ']' ([LO, HI])");
	parse_err("relu on [-3:3]", 12, "expected ',' ([LO, HI])");
	parse_err("relu on [x, 3]", 10, "expected a number ([LO, HI])");
	parse_err("relu at [1, 2]", 9, "unexpected '['");
	parse_err("relu on 1...2", 10, "a range is written with two dots (did you mean 1..2?)");
	parse_err("set range 2...1", 12, "(did you mean 1..2?)");
	parse_err("relu on 1...1", 10, "a range is written with two dots: LO..HI");
	parse_err("relu on -1...-2", 13, "unexpected '.' (a range is written with two dots");
	parse_err("relu on -3 to 3", 12, "unexpected 'to' (write `relu on -3..3`)");
	parse_err("table relu on -3 to 3 step 1 # c", 18, "(write `table relu on -3..3 step 1`)");
	parse_err("relu on -3:0.5:3", 15, "a table's step is a clause: on LO..HI step S");
	parse_err("relu on (-3, 3)", 9, "unexpected '(' (write `relu on -3..3`)");
	parse_err("relu on (-3, x)", 9, "unexpected '(' (expected a range LO..HI)");
	/* English joins and ranges */
	parse_err("relu from -3 to 3", 6, "unexpected 'from' (write `relu on -3..3`)");
	parse_err("relu between -3 and 3", 6, "(write `relu on -3..3`)");
	parse_err("relu over [-3, 3]", 6, "(write `relu on -3..3`)");
	parse_err("table relu from -3 to 3 step 1", 12, "(write `table relu on -3..3 step 1`)");
	parse_err("dead relu from -3 to 3", 11, "unexpected 'from' (expected ','");
	parse_err("relu and leaky", 6, "unexpected 'and' (write `relu, leaky`)");
	parse_err("relu, elu and leaky 0.1 vs gelu tanh from -2 to 2", 11,
	          "(write `relu, elu, leaky 0.1, gelu tanh on -2..2`)");
	parse_err("dead relu and elu with normal(-1, 2)", 11,
	          "(write `dead relu, elu with normal(-1, 2)`)");
	parse_err("relu and", 6, "unexpected 'and' (expected ','");
	parse_err("relu on -3..3 and elu", 15, "unexpected 'and' (expected ','");
	/* the derivative */
	parse_err("relu'", 5, "f' is shown with f: `relu` (lower panel), `table relu` (dy), "
	          "`info relu`");
	parse_err("leaky 0.2' on -1..1", 10, "`table leaky 0.2`");
	parse_err("relu'(2)", 5, "write `relu at 2`: f'(2) is its dy column");
	parse_err("relu\xe2\x80\xb2", 5, "f' is shown with f");
	/* show NAME */
	parse_err("show relu", 6, "unexpected 'relu' (write `info relu`: show is for settings)");
	parse_err("show foo", 6, "expected 'settings' or the name of a setting");
	/* a first word that starts an English phrasing */
	parse_err("derivative of relu", 1, "unknown command 'derivative' (write `table relu`: f' is "
	          "its dy column; `relu` plots it below f)");
	parse_err("gradient of elu at 1", 1, "(write `elu at 1`: f' is its dy column)");
	parse_err("compare relu elu", 1, "unknown command 'compare' (write `relu, elu`: one plot of them all)");
	parse_err("compare relu and leaky 0.1 from -3 to 3", 1, "(write `relu, leaky 0.1 on -3..3`:");
	parse_err("what is dying relu", 1, "unknown command 'what' (write `help dying`)");
	parse_err("why do units die", 1, "(write `help dying`)");
	parse_err("what is elu", 1, "(write `info elu`)");
	parse_err("what is a range", 1, "(write `help range`)");
	parse_err("how", 1, "(write `help`: it lists");
	parse_err("draw relu on -2..2", 1, "unknown command 'draw' (write `relu on -2..2`)");
	parse_err("draw", 1, "unknown command or activation 'draw'");
	/* letters that look like ASCII ones */
	parse_err("r\xc3\xa9lu at 1", 2,
	          "unexpected '\xc3\xa9' in 'r\xc3\xa9lu' (did you mean 'relu'? `relu at 1`)");
	parse_err("r\xd0\xb5lu", 2, "(did you mean 'relu'? `relu`)"); /* Cyrillic e */
	parse_err("relu, \xce\xb5lu", 7, "(did you mean 'elu'? `relu, elu`)"); /* Greek epsilon */
	parse_err("t\xc3\xa1" "ble relu", 2, "(did you mean 'table'? `table relu`)");
	parse_err("relu at \xc3\xa9", 9, "unexpected '\xc3\xa9'");
	parse_err("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 1, "unexpected '\xc3\xa9'");
	/* calls that could mean two things */
	parse_err("leaky(0.2)", 7, "write `leaky 0.2` (parameters) or `leaky at 0.2` (a point)");
	parse_err("softplus(1, 10)", 10,
	          "write `softplus 1 10` (parameters) or `softplus 10 at 1` (a point)");
	parse_err("table relu(2)", 12,
	          "write `relu at 2` (a point in parentheses is a line of its own)");
	parse_err("relu(1), sigmoid(2)", 6, "write `relu, sigmoid at 1, 2`");
	parse_err("relu(2) on -3..3", 6, "write `relu at 2`");
	parse_err("info torch.relu(2)", 17, "write `relu at 2` for the value there (info describes");
	parse_err("relu(1, 2)", 9, "too many arguments: relu(x)");
	parse_err("nn.LeakyReLU(0.2, 0.3)", 19, "too many arguments: leaky(negative_slope)");
	parse_err("F.leaky_relu(1, 0.2, 3)", 22, "too many arguments: leaky(x, negative_slope)");
	parse_err("nn.ELU(beta=2)", 8, "elu has no parameter 'beta'");
	parse_err("nn.ReLU(inplace=maybe)", 17, "inplace must be True or False");
	parse_err("nn.ReLU(", 9, "expected a value or ')'");
	parse_err("nn.ReLU(1 2)", 11, "unexpected '2' (expected ',' or ')')");
	parse_err("nn.Linear(3)", 4, "unknown activation 'Linear' (list shows them all)");
	parse_err("tf.nn.relu", 1, "unknown activation 'tf.nn.relu' (did you mean 'relu'?)");
	parse_err("nn.CELU(alpha=0)", 15, "celu: alpha must be > 0 (got 0)");
}

/* PyTorch's spellings (man page, SPELLINGS FROM ELSEWHERE): each the
 * same record as its canonical form. */
static void test_pytorch(void **state)
{
	(void)state;
	static const char *const names[] = {"torch.relu", "F.relu", "nn.ReLU", "torch.nn.ReLU",
	                                    "torch.nn.functional.relu", "nn.functional.relu",
	                                    "TORCH.RELU", "relu()", "nn.ReLU()", "relu(x)",
	                                    "torch.relu(input)", "nn.ReLU(inplace=True)"};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		parse_ok(names[i]);
		assert_int_equal(cmd.kind, CMD_PLOT);
		assert_string_equal(cmd.curve[0].label, "relu");
	}
	parse_ok("F.leaky_relu");
	assert_string_equal(cmd.curve[0].label, "leaky");
	parse_ok("nn.LeakyReLU(0.2) on -1..1");
	assert_string_equal(cmd.curve[0].label, "leaky 0.2");
	assert_true(cmd_has(&cmd, CL_ON) && cmd.range.lo == -1);
	parse_ok("torch.nn.ELU(alpha=1.5), nn.GELU(approximate='tanh'), nn.Softplus(1, 10)");
	assert_int_equal(cmd.ncurves, 3);
	assert_string_equal(cmd.curve[0].label, "elu 1.5");
	assert_string_equal(cmd.curve[1].label, "gelu tanh");
	assert_string_equal(cmd.curve[2].label, "softplus 1 10");
	parse_ok("torch.nn.LeakyReLU(0.2)"); /* a class: 0.2 is the slope, not x */
	assert_int_equal(cmd.kind, CMD_PLOT);
	assert_string_equal(cmd.curve[0].label, "leaky 0.2");
	parse_ok("leaky(negative_slope=0.2)");
	assert_string_equal(cmd.curve[0].label, "leaky 0.2");
	parse_ok("F.leaky_relu(x, 0.2)");
	assert_int_equal(cmd.kind, CMD_PLOT);
	assert_string_equal(cmd.curve[0].label, "leaky 0.2");
	/* a point: the same record as `at` */
	parse_ok("relu(2)");
	assert_int_equal(cmd.kind, CMD_AT);
	assert_true(cmd_has(&cmd, CL_AT) && cmd.npoints == 1 && cmd.points[0] == 2);
	parse_ok("torch.sigmoid(-inf)");
	assert_true(cmd.kind == CMD_AT && cmd.points[0] == -INFINITY);
	parse_ok("F.leaky_relu(-1, 0.2)");
	assert_true(cmd.kind == CMD_AT && cmd.points[0] == -1);
	assert_string_equal(cmd.curve[0].label, "leaky 0.2");
	parse_ok("F.elu(-1, alpha=2), torch.relu(-1)");
	assert_true(cmd.kind == CMD_AT && cmd.npoints == 1 && cmd.ncurves == 2);
	assert_string_equal(cmd.curve[0].label, "elu 2");
	parse_ok("relu(1.0), sigmoid(1)"); /* one point, written two ways */
	assert_true(cmd.kind == CMD_AT && cmd.npoints == 1 && cmd.points[0] == 1);
	parse_err("relu(0), sigmoid(-0)", 6, "write `relu, sigmoid at 0, -0`");
	parse_ok("table torch.relu on -1..1 step 1");
	assert_int_equal(cmd.kind, CMD_TABLE);
	parse_ok("info nn.LeakyReLU(0.2)");
	assert_string_equal(cmd.curve[0].label, "leaky 0.2");
	parse_ok("dead nn.ReLU(), F.elu");
	assert_int_equal(cmd.ncurves, 2);
}

static void test_statistics(void **state)
{
	(void)state;
	parse_ok("dead relu, leaky 0.01, elu");
	assert_int_equal(cmd.kind, CMD_DEAD);
	assert_int_equal(cmd.ncurves, 3);
	assert_int_equal(cmd.dist.kind, DIST_NORMAL);
	assert_true(cmd.dist.a == 0 && cmd.dist.b == 1);
	parse_ok("dead relu, elu with normal(-1, 2)");
	assert_int_equal(cmd.ncurves, 2);
	assert_true(cmd.dist.a == -1 && cmd.dist.b == 2);
	parse_ok("dead relu with uniform(-3, 1) samples 1e8 seed 7");
	assert_int_equal(cmd.dist.kind, DIST_UNIFORM);
	assert_true(cmd.samples == 1e8 && cmd.seed == 7);
	assert_true(cmd.given & CL_SAMPLES);
	parse_ok("hist relu bins 20 with normal");
	assert_int_equal(cmd.kind, CMD_HIST);
	assert_int_equal(cmd.bins, 20);
	parse_ok("dead relu layer 256 inputs 64 bias -0.5 init he batch 1000 seed 1");
	assert_true(cmd.given & CL_LAYER);
	assert_int_equal(cmd.layer.neurons, 256);
	assert_int_equal(cmd.layer.inputs, 64);
	assert_true(cmd.bias == -0.5);
	assert_int_equal(cmd.layer.init, INIT_HE);
	assert_int_equal(cmd.layer.batch, 1000);
	parse_ok("dead relu layer 10 init normal(0, 0.1)");
	assert_int_equal(cmd.layer.init, INIT_NORMAL);
	assert_true(cmd.layer.init_sd == 0.1);
	parse_ok("sweep bias -3..1");
	assert_int_equal(cmd.kind, CMD_SWEEP);
	assert_int_equal(cmd.ncurves, 3);
	assert_string_equal(cmd.curve[2].label, "elu");
	assert_true(cmd.bias_range.lo == -3 && cmd.bias_range.hi == 1);
	parse_ok("sweep relu, prelu bias -8..0 step 0.5 layer 64 init xavier");
	assert_int_equal(cmd.ncurves, 2);
	assert_int_equal(cmd.layer.init, INIT_XAVIER);
	assert_true(cmd.step == 0.5);

	parse_err("dead relu with normal(0, 0)", 26, "SIGMA of normal(MU, SIGMA) must be > 0");
	parse_err("dead relu with uniform(1, 1)", 24, "LO of uniform(LO, HI) must be less than HI");
	parse_err("dead relu with gauss(0, 1)", 16, "expected normal(MU, SIGMA) or uniform(LO, HI)");
	parse_err("dead relu with normal(0 1)", 25, "',' between the two parameters");
	parse_err("dead relu with normal(0, inf)", 26, "must be finite");
	parse_err("dead relu samples 1e15", 19, "samples must be at most 1e10");
	parse_err("dead relu samples 0", 19, "samples must be at least 1");
	parse_err("dead relu samples 2.5", 19, "samples must be a whole number");
	parse_err("dead relu seed -1", 16, "seed must be at least 0");
	parse_err("dead relu bins 10", 11, "'bins' does not go with 'dead'");
	parse_err("hist relu bins 0", 16, "bins must be at least 1");
	parse_err("hist relu bins 5000", 16, "bins must be at most 1000");
	parse_err("dead relu inputs 64", 11, "'inputs' belongs to a layer");
	parse_err("dead relu layer 64 with normal(0, 1)", 20, "'with' does not go with a layer");
	parse_err("dead relu layer 1e9", 17, "neurons must be at most 1e7");
	parse_err("dead relu layer 10000 inputs 10000", 11, "a layer has at most 1e7 weights");
	parse_err("dead relu layer 64 batch 1e7", 26, "batch must be at most 1e6");
	parse_err("dead relu layer 64 init uniform(0, 1)", 25, "expected he, xavier, torch or normal(0, SIGMA)");
	parse_err("sweep relu", 11, "sweep needs a bias range");
	parse_err("sweep bias 3..1", 12, "empty range");
	parse_err("relu samples 10", 6, "'samples' does not go with a plot");
	parse_err("dead relu seed 1 seed 2", 18, "'seed' given twice");
	parse_err("dead relu on -1..1", 11, "'on' does not go with 'dead'");
}

/* The size limits are checked before anything is allocated. */
static void test_limits(void **state)
{
	(void)state;
	char line[512];
	size_t len = 0;
	for (int i = 0; i < LIMIT_CURVES; i++)
		len += (size_t)snprintf(line + len, sizeof line - len, "%srelu", i ? "," : "");
	parse_ok(line);
	assert_int_equal(cmd.ncurves, LIMIT_CURVES);
	snprintf(line + len, sizeof line - len, ",elu");
	parse_err(line, len + 2, "too many curves (at most 16");

	static char big[LIMIT_POINTS * 3 + 64];
	len = (size_t)snprintf(big, sizeof big, "relu at 0");
	for (int i = 1; i < LIMIT_POINTS; i++)
		len += (size_t)snprintf(big + len, sizeof big - len, ",%d", i % 10);
	parse_ok(big);
	assert_int_equal(cmd.npoints, LIMIT_POINTS);
	snprintf(big + len, sizeof big - len, ",1");
	parse_err(big, 6, "too many points (at most 10000");
}

/* Completion offers the clauses of the command being typed, no others. */
static void test_clause_words(void **state)
{
	(void)state;
	const char *w[32];
	struct {
		const char *cmd, *has, *hasnt;
	} cases[] = {{"train", "steps", "bins"}, {"relu", "at", "lr"}, {"hist", "bins", "steps"},
	             {"table", "step", "at"},    {"sweep", "bias", "with"}, {"dead", "with", "on"}};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t n = command_clause_words(cases[i].cmd, strlen(cases[i].cmd), w, 32);
		bool has = false, hasnt = false;
		for (size_t k = 0; k < n; k++) {
			has |= strcmp(w[k], cases[i].has) == 0;
			hasnt |= strcmp(w[k], cases[i].hasnt) == 0;
		}
		if (!has || hasnt)
			fail_msg("%s: %s %d, %s %d", cases[i].cmd, cases[i].has, has, cases[i].hasnt, hasnt);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_plots, teardown),
		cmocka_unit_test_teardown(test_at_and_table, teardown),
		cmocka_unit_test_teardown(test_settings_and_others, teardown),
		cmocka_unit_test_teardown(test_errors, teardown),
		cmocka_unit_test_teardown(test_limits, teardown),
		cmocka_unit_test(test_clause_words),
		cmocka_unit_test_teardown(test_statistics, teardown),
		cmocka_unit_test_teardown(test_synonyms, teardown),
		cmocka_unit_test_teardown(test_hints, teardown),
		cmocka_unit_test_teardown(test_pytorch, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
