/* test_exec.c: commands run against a session, output in memory: the
 * bytes of every format, settings, info, help, limits, interruption, and
 * how errors are rendered. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "exec.h"
#include "num.h"
#include "out.h"
#include "parser.h"
#include "run.h"
#include "tab.h"

static struct settings set;
static struct out out, err;
static struct exec_env env;
static struct run_ctx rc;
static volatile sig_atomic_t stop;

static int setup(void **state)
{
	(void)state;
	settings_default(&set);
	out_init_mem(&out, 0);
	out_init_mem(&err, 0);
	stop = 0;
	env = (struct exec_env){.set = &set, .out = &out, .term_width = 80, .term_height = 24,
	                        .utf8 = true, .stop = &stop};
	rc = (struct run_ctx){.env = &env, .err = &err};
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	out_free(&out);
	out_free(&err);
	return 0;
}

/* Runs a script; returns its status. */
static enum exec_status run(const char *script)
{
	out_reset(&out);
	out_reset(&err);
	return run_string(&rc, "test", script);
}

static void expect(const char *script, const char *want)
{
	enum exec_status st = run(script);
	if (st != EXEC_OK)
		fail_msg("'%s' failed: %s", script, err.buf ? err.buf : "");
	if (strcmp(out.buf ? out.buf : "", want) != 0)
		fail_msg("'%s' wrote:\n%s\nwant:\n%s", script, out.buf ? out.buf : "", want);
}

static void test_at_formats(void **state)
{
	(void)state;
	expect("set format csv\nrelu at -1, 0, 1, 2", "x,y,dy\n-1,0,0\n0,0,0\n1,1,1\n2,2,1\n");
	expect("set format tsv\nrelu at -1, 2", "x\ty\tdy\n-1\t0\t0\n2\t2\t1\n");
	expect("set format text\nrelu at -1, 0, 1, 2",
	       " x  y  dy\n"
	       "-1  0   0\n"
	       " 0  0   0\n"
	       " 1  1   1\n"
	       " 2  2   1\n");
	expect("set format csv\nleaky 0.1 at inf, -inf, nan, -0.0, 1e-08",
	       "x,y,dy\ninf,inf,1\n-inf,-inf,0.1\nnan,nan,nan\n-0,-0,0.1\n1e-08,1e-08,1\n");
	expect("set format csv\nrelu, leaky 0.1 at -1",
	       "x,y(relu),dy(relu),y(leaky 0.1),dy(leaky 0.1)\n-1,0,0,-0.1,0.1\n");
	expect("set format json\nleaky 0.1 at -1, nan",
	       "[{\"curve\":\"leaky 0.1\",\"params\":{\"negative_slope\":0.1},\"points\":["
	       "{\"x\":-1,\"y\":-0.1,\"dy\":0.1},{\"x\":\"nan\",\"y\":\"nan\",\"dy\":\"nan\"}]}]\n");
	expect("set format json\nrelu, gelu tanh at 0",
	       "[{\"curve\":\"relu\",\"params\":{},\"points\":[{\"x\":0,\"y\":0,\"dy\":0}]},"
	       "{\"curve\":\"gelu tanh\",\"params\":{\"approximate\":\"tanh\"},\"points\":["
	       "{\"x\":0,\"y\":0,\"dy\":0.5}]}]\n");
	expect("set format csv\nsoftplus 1 10, softplus 1 10 at 0",
	       "x,y(softplus 1 10),dy(softplus 1 10),y(softplus 1 10 #2),dy(softplus 1 10 #2)\n"
	       "0,0.6931471805599453,0.5,0.6931471805599453,0.5\n");
}

static void test_table(void **state)
{
	(void)state;
	expect("set format csv\ntable elu on -2..2 step 0.5",
	       "x,y,dy\n"
	       "-2,-0.8646647167633873,0.1353352832366127\n"
	       "-1.5,-0.7768698398515702,0.22313016014842982\n"
	       "-1,-0.6321205588285577,0.36787944117144233\n"
	       "-0.5,-0.3934693402873666,0.6065306597126334\n"
	       "0,0,1\n0.5,0.5,1\n1,1,1\n1.5,1.5,1\n2,2,1\n");
	/* x as typed: -2.3, never -2.2999999999999998 */
	run("set format csv\ntable relu on -3..3 step 0.1");
	assert_non_null(strstr(out.buf, "\n-2.3,0,0\n"));
	assert_non_null(strstr(out.buf, "\n0.3,0.3,1\n"));
	assert_non_null(strstr(out.buf, "\n3,3,1\n"));
	assert_null(strstr(out.buf, "999999"));
	assert_null(strstr(out.buf, "000000"));
	/* without a step: a round one, about 10 to 20 rows, ends included */
	run("set format csv\ntable relu");
	assert_non_null(strstr(out.buf, "x,y,dy\n-3,0,0\n-2.5,0,0\n"));
	assert_non_null(strstr(out.buf, "\n3,3,1\n"));
	/* the limit is checked before anything is written */
	assert_int_equal(run("table relu on 0..1 step 1e-7"), EXEC_ERROR);
	assert_non_null(strstr(err.buf, "test:1:25: table would have more than 1000000 rows"));
	assert_true(out.len == 0);
	/* exactly at the limit: 0, 1e-6, ..., 0.999999 is 1000000 rows */
	assert_int_equal(run("set format csv\ntable relu on 0..0.999999 step 1e-6"), EXEC_OK);
	assert_non_null(strstr(out.buf, "\n0.999999,0.999999,1\n"));
	assert_int_equal(rc.errors, 1);
}

/* Bit for bit, +0 and -0 told apart. */
static void same(double got, double want, const char *what)
{
	if (!(got == want && signbit(got) == signbit(want)))
		fail_msg("%s: got %.17g, want %.17g", what, got, want);
}

static void test_round_decimals(void **state)
{
	(void)state;
	/* the grid's x as typed, at every magnitude */
	same(exec_round_decimals(-3 + 7 * 0.1, 1), -2.3, "-3 step 0.1");
	same(exec_round_decimals(-1e-30 + 3 * 1e-31, 31), -7e-31, "-1e-30 step 1e-31");
	same(exec_round_decimals(4e-301 + 2 * 1e-301, 301), 6e-301, "4e-301 step 1e-301");
	same(exec_round_decimals(9 * 1e300, -300), 9e300, "0 step 1e300");
	same(exec_round_decimals(1e23 + 1e22, -22), 1.1e23, "1e23 step 1e22");
	same(exec_round_decimals(-5e307 + 6 * 1e307, -307), 1e307, "-5e307 step 1e307");
	same(exec_round_decimals(3 * 5e-324, 324), 1.5e-323, "denormal");
	same(exec_round_decimals(-1e-315 + 3e-317, 317), -9.7e-316, "-1e-315 step 3e-317");
	same(exec_round_decimals(2 * 7e-322, 322), 1.4e-321, "0 step 7e-322");
	same(exec_round_decimals(123456.5, 0), 123456, "half to even");
	same(exec_round_decimals(-0.96, 1), -1, "carry to a new digit");
	/* a grid point at zero is +0, whatever the residue's sign */
	same(exec_round_decimals(-0.3 + 3 * 0.1, 1), 0, "positive residue");
	same(exec_round_decimals(0.3 - (0.1 + 0.2), 1), 0, "negative residue");
	same(exec_round_decimals(-5e307 + 5 * 1e307, -307), 0, "residue at 1e307");
	/* finer than the double, or not decimal: v itself */
	same(exec_round_decimals(0.1 + 0.2, 400), 0.1 + 0.2, "400 decimals");
	same(exec_round_decimals(0.1 + 0.2, 100000), 0.1 + 0.2, "100000 decimals");
	same(exec_round_decimals(0.1 + 0.2, NUM_DEC_NONE), 0.1 + 0.2, "none");
	same(exec_round_decimals(-0.0, 3), -0.0, "-0");
	assert_true(isnan(exec_round_decimals(NAN, 1)));
	same(exec_round_decimals(-INFINITY, 1), -INFINITY, "-inf");
	/* below the grid's step: 0 or one step, 0 on a tie */
	same(exec_round_decimals(0.04, 1), 0, "0.04");
	same(exec_round_decimals(0.06, 1), 0.1, "0.06");
	same(exec_round_decimals(-0.7, 0), -1, "-0.7");
	same(exec_round_decimals(0.5, 0), 0, "0.5, a tie");
	same(exec_round_decimals(5, -1), 0, "5, a tie");
	same(exec_round_decimals(7, -1), 10, "7");
	same(exec_round_decimals(4e-300, 299), 0, "4e-300");
	same(exec_round_decimals(9e307, -308), 1e308, "9e307");
	same(exec_round_decimals(9e307, -309), 0, "9e307 to 1e309");
	/* 17 digits say 5e-297 and 5e-300 exactly; all of them say above
	 * and below the tie */
	same(exec_round_decimals(5e-297, 296), 1e-296, "just above a tie");
	same(exec_round_decimals(5e-300, 299), 0, "just below a tie");
	/* 1e-305's 17 digits round up to 1e-305, its value is below */
	same(exec_round_decimals(1e-305, 305), 1e-305, "1e-305 at 305");
	same(exec_round_decimals(1e-305, 304), 0, "1e-305 at 304");
	same(exec_round_decimals(1e-305, 306), 1e-305, "1e-305 at 306");

	/* what the grid is rounded to: a LO of 0 counts for none */
	struct range r = {0, 1, 0, 0};
	assert_int_equal(exec_grid_decimals(&r, -300), -300);
	r.lo = -1e301;
	r.lo_dec = -301;
	assert_int_equal(exec_grid_decimals(&r, -300), -300);
	r.lo = -3;
	r.lo_dec = 0;
	assert_int_equal(exec_grid_decimals(&r, 1), 1);
	assert_int_equal(exec_grid_decimals(&r, NUM_DEC_NONE), NUM_DEC_NONE);

	/* tables at any magnitude read as typed */
	run("set format csv\ntable relu on -1e-30..1e-30 step 1e-31");
	assert_non_null(strstr(out.buf, "\n-7e-31,0,0\n"));
	assert_non_null(strstr(out.buf, "\n0,0,0\n"));
	assert_null(strstr(out.buf, "000000"));
	run("set format csv\ntable relu on 4e-301..6e-301 step 1e-301");
	assert_string_equal(out.buf, "x,y,dy\n4e-301,4e-301,1\n5e-301,5e-301,1\n6e-301,6e-301,1\n");
	run("set format csv\ntable relu on 0..1e301 step 1e300");
	assert_non_null(strstr(out.buf, "\n9e+300,9e+300,1\n"));
	assert_null(strstr(out.buf, "000000"));
	run("set format csv\ntable relu on -5e307..5e307 step 1e307");
	assert_non_null(strstr(out.buf, "\n0,0,0\n1e+307,1e+307,1\n"));
	assert_null(strstr(out.buf, "999999"));
	/* -0.9 + 3 * 0.3 is -1.1e-16: the row is 0, not -0 with relu(-0) = -0 */
	run("set format csv\ntable relu on -0.9..0.9 step 0.3");
	assert_non_null(strstr(out.buf, "\n-0.3,0,0\n0,0,0\n0.3,0.3,1\n"));
	assert_null(strstr(out.buf, "-0,"));
	/* without a step: the round step chosen is at that magnitude too */
	run("set format csv\ntable relu on 0..1e301");
	assert_non_null(strstr(out.buf, "\n4.5e+300,4.5e+300,1\n"));
	assert_null(strstr(out.buf, "000000"));
}

static void test_plots_as_data(void **state)
{
	(void)state;
	run("set format csv\nset samples 5\nrelu on -2..2");
	assert_string_equal(out.buf, "x,y,dy\n-2,0,0\n-1,0,0\n0,0,0\n1,1,1\n2,2,1\n");
	run("set format tsv\nset samples 201\nrelu");
	size_t lines = 0;
	for (const char *p = out.buf; *p; p++)
		lines += *p == '\n';
	assert_int_equal(lines, 202); /* header and the default 201 samples */
}

static void test_text_plot(void **state)
{
	(void)state;
	run("relu");
	assert_non_null(strstr(out.buf, "f(x)  relu\n"));
	assert_non_null(strstr(out.buf, "f'(x)  \xe2\x94\x81\xe2\x94\x81 zero gradient: f' = 0\n"));
	assert_null(strchr(out.buf, '\x1b'));
	size_t lines = 0;
	for (const char *p = out.buf; *p; p++)
		lines += *p == '\n';
	assert_int_equal(lines, 24);
	run("set width 40\nset height 12\nset ascii on\nleaky 0.1");
	lines = 0;
	for (const char *p = out.buf; *p; p++) {
		lines += *p == '\n';
		assert_true((unsigned char)*p < 0x80);
	}
	assert_int_equal(lines, 12);
	run("set deriv off\nrelu");
	assert_null(strstr(out.buf, "f'(x)"));
}

/* With a palette and color on, escapes appear; never otherwise. */
static void test_color(void **state)
{
	(void)state;
	static struct palette pal;
	for (int i = 0; i < PLOT_NCOLORS; i++)
		pal.fg[i] = "<c>";
	pal.reset = "<r>";
	env.pal = &pal;
	run("relu");
	assert_null(strstr(out.buf, "<c>")); /* auto, and not a terminal */
	env.color_auto = true;
	run("relu");
	assert_non_null(strstr(out.buf, "<c>"));
	run("set color off\nrelu");
	assert_null(strstr(out.buf, "<c>"));
	run("set color on\nset format csv\nrelu at 1");
	assert_null(strstr(out.buf, "<c>"));
	env.pal = NULL;
}

static void test_settings(void **state)
{
	(void)state;
	expect("set range -5..5\nset samples 400\nset format csv\nshow settings",
	       "range    -5..5\nsamples  400\nformat   csv\nwidth    auto\nheight   auto\n"
	       "color    auto\nascii    off\nderiv    on\ndescribe off\n");
	expect("show range", "range    -5..5\n");
	run("set format csv\ntable relu step 5");
	assert_string_equal(out.buf, "x,y,dy\n-5,0,0\n0,0,0\n5,5,1\n");
	/* on applies to one command only */
	run("set format csv\ntable relu on 0..1 step 1\ntable relu step 5");
	assert_string_equal(out.buf, "x,y,dy\n0,0,0\n1,1,1\nx,y,dy\n-5,0,0\n0,0,0\n5,5,1\n");
}

static void test_list_and_info(void **state)
{
	(void)state;
	run("list");
	assert_non_null(strstr(out.buf, "name"));
	assert_non_null(strstr(out.buf, "leaky        leaky_relu leakyrelu lrelu  negative_slope=0.01\n"));
	assert_non_null(strstr(out.buf, "threshold"));
	assert_non_null(strstr(out.buf, "threshold=(required) value=(required)"));
	run("set format csv\nlist");
	assert_non_null(strstr(out.buf, "name,aliases,params\nrelu,rectifier,\n"));
	assert_non_null(strstr(out.buf, "\nsoftplus,,beta=1 threshold=20\n"));
	run("set format json\nlist");
	assert_non_null(strstr(out.buf, "[{\"name\":\"relu\",\"aliases\":\"rectifier\",\"params\":\"\"},"));

	run("info relu");
	assert_non_null(strstr(out.buf, "max(0, x)"));
	assert_non_null(strstr(out.buf, "f'(0) = 0"));
	assert_non_null(strstr(out.buf, "[0, inf)"));
	assert_non_null(strstr(out.buf, "torch.relu(x)"));
	assert_non_null(strstr(out.buf, "Dying ReLU"));
	run("info leaky");
	assert_non_null(strstr(out.buf, "f'(0) = negative_slope"));
	assert_non_null(strstr(out.buf, "default 0.01"));
	assert_non_null(strstr(out.buf, "leaky_relu(x, negative_slope=0.01)"));
	run("set format csv\ninfo leaky 0.2");
	assert_non_null(strstr(out.buf, "f'(0) = 0.2"));
	assert_non_null(strstr(out.buf, "here 0.2"));
	/* every activation has its kink convention stated */
	for (size_t i = 0; i < actfn_count(); i++) {
		char line[64];
		snprintf(line, sizeof line, "info %s%s", actfn_at(i)->name,
		         strcmp(actfn_at(i)->name, "threshold") == 0 ? " 0 0" : "");
		assert_int_equal(run(line), EXEC_OK);
		assert_non_null(strstr(out.buf, "  kink "));
		assert_non_null(strstr(out.buf, "  pytorch "));
	}
}

static void test_help(void **state)
{
	(void)state;
	run("help");
	assert_non_null(strstr(out.buf, "Topics:"));
	run("help table");
	assert_non_null(strstr(out.buf, "step"));
	run("help dying");
	assert_non_null(strstr(out.buf, "zero gradient"));
	run("help elu");
	assert_non_null(strstr(out.buf, "exponential linear unit"));
	assert_int_equal(run("help tabel"), EXEC_ERROR);
	assert_non_null(strstr(err.buf, "no help on 'tabel' (did you mean 'table'?)"));
	assert_int_equal(run("quit\nrelu"), EXEC_QUIT);
	assert_true(out.len == 0);
}

static void test_error_rendering(void **state)
{
	(void)state;
	rc.keep_going = false;
	assert_int_equal(run("relu\n\nleakyy 0.1\nrelu"), EXEC_ERROR);
	assert_string_equal(err.buf, "actviz: test:3:1: unknown activation 'leakyy' (did you mean 'leaky'?)\n"
	                             "leakyy 0.1\n"
	                             "^\n");
	/* -k runs on */
	rc.keep_going = true;
	assert_int_equal(run("reluu\nset format csv\nrelu at 1\nelu alpha=\nrelu at 2"), EXEC_ERROR);
	assert_string_equal(out.buf, "x,y,dy\n1,1,1\nx,y,dy\n2,2,1\n");
	assert_non_null(strstr(err.buf, "test:4:11: expected a value after '='"));
	rc.keep_going = false;

	/* tabs line up; invalid bytes are echoed as \xNN and count as one column */
	run("\trelu\t\xff");
	assert_string_equal(err.buf, "actviz: test:1:7: unexpected byte \\xFF (not UTF-8 text)\n"
	                             "\trelu\t\\xFF\n"
	                             "\t    \t^\n");
	/* a long line is cut to 80 characters around the spot */
	char line[300];
	memset(line, 'a', sizeof line);
	memcpy(line, "relu at ", 8);
	memcpy(line + 200, " 1", 2);
	line[sizeof line - 1] = '\0';
	run(line);
	const char *echo = strchr(err.buf, '\n') + 1;
	const char *caret = strchr(echo, '\n') + 1;
	assert_true(strchr(echo, '\n') - echo <= 86);
	assert_int_equal(strchr(caret, '^') - caret, strchr(echo, 'a') ? strchr(caret, '^') - caret : 0);

	/* at the prompt: caret under what was typed, then the message */
	struct diag d;
	diag_set(&d, 5, "unexpected 'x'");
	out_reset(&err);
	diag_render(&err, &d, NULL, 0, "relu x", 6, 8);
	assert_string_equal(err.buf, "             ^\nactviz: unexpected 'x'\n");
}

/* dead: the csv shape, closed forms exact, Monte Carlo seeded. */
static void test_dead(void **state)
{
	(void)state;
	expect("set format csv\ndead relu",
	       "curve,dist,p_dead,p_zero,mean,std,mean_grad,mean_grad_sq,method,err\n"
	       "relu,\"normal(0, 1)\",0.5,0.5,0.3989422804014327,0.583819370103549,0.5,0.5,closed_form,0\n");
	run("set format csv\ndead relu, elu with uniform(-3, 1)");
	assert_non_null(strstr(out.buf, "\nrelu,\"uniform(-3, 1)\",0.75,0.75,0.125,"));
	assert_non_null(strstr(out.buf, ",quadrature,"));
	run("set format csv\ndead relu samples 10000 seed 4");
	assert_non_null(strstr(out.buf, ",monte_carlo,"));
	char first[512];
	snprintf(first, sizeof first, "%s", out.buf);
	run("set format csv\ndead relu samples 10000 seed 4");
	assert_string_equal(out.buf, first); /* same seed, same bytes */
	run("set format tsv\ndead relu with normal(-1, 2)");
	assert_non_null(strstr(out.buf, "relu\tnormal(-1, 2)\t"));
	run("set format json\ndead leaky");
	assert_non_null(strstr(out.buf, "[{\"curve\":\"leaky\",\"dist\":\"normal(0, 1)\",\"p_dead\":0,"));
	assert_non_null(strstr(out.buf, "\"method\":\"closed_form\",\"err\":0}]\n"));
	/* a layer: ReLU units die below a bias of about -4, the fixes never */
	run("set format csv\ndead relu, leaky 0.01, elu layer 256 inputs 64 bias -5 batch 1000 seed 1");
	assert_non_null(strstr(out.buf, "curve,dead_share,inactive_share\n"));
	double relu_dead = -1, leaky_dead = -1;
	sscanf(strstr(out.buf, "\nrelu,") + 6, "%lf", &relu_dead);
	sscanf(strstr(out.buf, "\nleaky,") + 7, "%lf", &leaky_dead);
	assert_true(relu_dead > 0.5 && relu_dead < 1);
	assert_true(leaky_dead == 0);
	/* an interrupted Monte Carlo says so */
	stop = 1;
	assert_int_equal(run("dead relu samples 1e9"), EXEC_INTERRUPTED);
	stop = 0;
}

static void test_hist_and_sweep(void **state)
{
	(void)state;
	run("set format csv\nhist relu bins 4 samples 1000");
	assert_non_null(strstr(out.buf, "curve,bin_lo,bin_hi,count\nrelu,0,"));
	long total = 0, first = -1;
	for (const char *p = strchr(out.buf, '\n') + 1; *p;) {
		const char *nl = strchr(p, '\n');
		const char *comma = nl;
		while (comma > p && comma[-1] != ',')
			comma--;
		long c = atol(comma);
		if (first < 0)
			first = c;
		total += c;
		p = nl + 1;
	}
	assert_int_equal(total, 1000);
	assert_true(first > 500); /* the spike at 0: half of them, and a little more */
	run("set format text\nhist relu");
	assert_non_null(strstr(out.buf, "relu: distribution of f(z)"));
	assert_non_null(strstr(out.buf, "\xe2\x96\x88")); /* a full block */
	run("set format csv\nhist relu layer 64 bins 10 bias -1");
	assert_non_null(strstr(out.buf, "relu,0,0.1,"));
	run("set format csv\nsweep relu bias -8..0 step 4 batch 200 seed 2");
	assert_non_null(strstr(out.buf, "curve,bias,dead_share,inactive_share\nrelu,-8,1,1\nrelu,-4,"));
	assert_non_null(strstr(out.buf, "\nrelu,0,0,0\n"));
	run("set format text\nsweep bias -8..0");
	assert_non_null(strstr(out.buf, "dead share  * relu  + leaky  o elu"));
	assert_non_null(strstr(out.buf, "never active"));
}

/* train: the csv shape, rows by step then curve, the default reports. */
static void test_train(void **state)
{
	(void)state;
	run("set format csv\ntrain relu, prelu steps 120 batch 8 width 8 depth 3 seed 2");
	assert_non_null(strstr(out.buf, "curve,step,loss,dead_share,dead_l1,dead_l2,dead_l3\nrelu,1,"));
	assert_non_null(strstr(out.buf, "\nprelu,1,"));
	/* every defaults to ceil(120/50) = 3: steps 1, 3, 6, ..., 120 */
	assert_non_null(strstr(out.buf, "\nrelu,3,"));
	assert_null(strstr(out.buf, "\nrelu,2,"));
	assert_non_null(strstr(out.buf, "\nrelu,120,"));
	const char *r = strstr(out.buf, "\nrelu,3,"), *p = strstr(out.buf, "\nprelu,3,"),
	           *r6 = strstr(out.buf, "\nrelu,6,");
	assert_true(r < p && p < r6);
	size_t lines = 0;
	for (const char *q = out.buf; *q; q++)
		lines += *q == '\n';
	assert_int_equal(lines, 1 + 2 * 41);
	run("set format csv\ntrain relu steps 10 every 4 batch 8 width 8");
	assert_non_null(strstr(out.buf, "\nrelu,8,"));
	assert_non_null(strstr(out.buf, "\nrelu,10,"));
	assert_null(strstr(out.buf, "\nrelu,9,"));
	run("set format text\nset width 60\nset height 16\ntrain relu, elu steps 30 batch 8 width 8");
	assert_non_null(strstr(out.buf, "log10 loss"));
	assert_non_null(strstr(out.buf, "dead share"));
	assert_non_null(strstr(out.buf, "curve  step"));
	stop = 1;
	assert_int_equal(run("set format csv\ntrain relu steps 1000"), EXEC_INTERRUPTED);
	stop = 0;
	assert_int_equal(run("train relu width 4096 batch 4096"), EXEC_ERROR);
	assert_non_null(strstr(err.buf, "width x batch must be at most 4194304"));
	assert_int_equal(run("train relu steps 1e12"), EXEC_ERROR);
	assert_non_null(strstr(err.buf, "steps must be at most 1e7"));
}

/* Columns count characters, not bytes; an invalid byte is one. */
static void test_columns(void **state)
{
	(void)state;
	assert_int_equal(diag_column("\xc3\xa9 x", 4, 3), 3);
	assert_int_equal(diag_column("\xff\xfe x", 4, 3), 4);
	assert_int_equal(diag_column("abc", 3, 99), 4);
}

/* csv quotes a field only when it must (RFC 4180); JSON escapes. */
static void test_quoting(void **state)
{
	(void)state;
	tab_csv_field(&out, "plain");
	out_putc(&out, '|');
	tab_csv_field(&out, "a,b");
	out_putc(&out, '|');
	tab_csv_field(&out, "say \"hi\"");
	out_putc(&out, '|');
	tab_csv_field(&out, "two\nlines");
	out_putc(&out, '|');
	tab_json_string(&out, "q\"b\\n\n\x01");
	out_putc(&out, '|');
	tab_json_num(&out, -INFINITY);
	assert_string_equal(out.buf, "plain|\"a,b\"|\"say \"\"hi\"\"\"|\"two\nlines\"|"
	                             "\"q\\\"b\\\\n\\n\\u0001\"|\"-inf\"");
}

/* An interrupted table keeps what it wrote and says it stopped. */
static void test_interrupt(void **state)
{
	(void)state;
	stop = 1;
	assert_int_equal(run("set format csv\ntable relu on 0..1 step 0.001"), EXEC_INTERRUPTED);
	assert_true(out.len < 20);
	stop = 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_at_formats, setup, teardown),
		cmocka_unit_test_setup_teardown(test_table, setup, teardown),
		cmocka_unit_test_setup_teardown(test_round_decimals, setup, teardown),
		cmocka_unit_test_setup_teardown(test_plots_as_data, setup, teardown),
		cmocka_unit_test_setup_teardown(test_text_plot, setup, teardown),
		cmocka_unit_test_setup_teardown(test_color, setup, teardown),
		cmocka_unit_test_setup_teardown(test_settings, setup, teardown),
		cmocka_unit_test_setup_teardown(test_list_and_info, setup, teardown),
		cmocka_unit_test_setup_teardown(test_help, setup, teardown),
		cmocka_unit_test_setup_teardown(test_error_rendering, setup, teardown),
		cmocka_unit_test_setup_teardown(test_interrupt, setup, teardown),
		cmocka_unit_test_setup_teardown(test_columns, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dead, setup, teardown),
		cmocka_unit_test_setup_teardown(test_hist_and_sweep, setup, teardown),
		cmocka_unit_test_setup_teardown(test_train, setup, teardown),
		cmocka_unit_test_setup_teardown(test_quoting, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
