/* test_actfn_user.c: the activations defined with def: the expression
 * language's precedence, its errors and their positions, derivatives
 * against the built-ins (kink conventions included) and against exact
 * values of composites (tests/actfn_user_ref.h, from mpmath), kinks. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "actfn.h"

#include "actfn_user_ref.h"

static const struct actfn_def *define(const char *text)
{
	struct actfn_user_error err;
	const struct actfn_def *d = actfn_user_define(text, strlen(text), &err);
	if (!d)
		fail_msg("%s: %zu: %s", text, err.off, err.msg);
	return d;
}

static struct actfn_curve curve_of(const struct actfn_def *def)
{
	struct actfn_curve c;
	actfn_curve_default(&c, def);
	return c;
}

static double value_at(const char *text, double x)
{
	struct actfn_curve c = curve_of(define(text));
	double y;
	actfn_point(&c, x, &y, NULL);
	return y;
}

static double ulps(double a, double b)
{
	if (a == b)
		return 0;
	return fabs(a - b) / (nextafter(fabs(b), INFINITY) - fabs(b));
}

static int teardown(void **state)
{
	(void)state;
	actfn_user_reset();
	return 0;
}

static void test_precedence(void **state)
{
	(void)state;
	assert_true(value_at("f(x) = 2 + 3 * 4", 0) == 14);
	assert_true(value_at("f(x) = -x^2", 3) == -9);     /* ^ above unary minus */
	assert_true(value_at("f(x) = 2^3^2", 0) == 512);   /* right to left */
	assert_true(value_at("f(x) = 2**-1", 0) == 0.5);   /* ** and a signed exponent */
	assert_true(value_at("f(x) = x / 2 / 2", 8) == 2); /* left to right */
	assert_true(value_at("f(x) = 1 - 2 - 3", 0) == -4);
	assert_true(value_at("f(x) = (1 + 2) * x", 2) == 6);
	assert_true(value_at("f(x) = x < 1", 0) == 1);
	assert_true(value_at("f(x) = x + 1 >= 2 * x", 1) == 1); /* comparisons below sums */
	assert_true(value_at("f(x) = if(x > 0, 10, 20) # a comment", -1) == 20);
	assert_true(value_at("f(x) = max(1, x, 3, 2)", 0) == 3);
	assert_true(value_at("f(x) = min(x, 4)", 7) == 4);
	assert_true(value_at("f(x) = pi + e", 0) == 3.141592653589793 + 2.718281828459045);
	assert_true(value_at("f(t) = t * 3", 2) == 6); /* any name for the variable */
	assert_true(value_at("f(x) = sign(x) + abs(x)", -2) == 1);
	assert_true(value_at("f(x) = leaky(x, 0.2)", -1) == -0.2);
	assert_true(value_at("f(x) = elu(x, alpha=2)", -INFINITY) == -2);
	assert_true(value_at("f(x) = gelu(x, tanh)", 0) == 0);
}

static void test_parameters(void **state)
{
	(void)state;
	const struct actfn_def *d = define("bent(x, a=0.1) = max(a*x, x)");
	assert_int_equal(d->nparams, 1);
	assert_string_equal(d->param[0].name, "a");
	assert_true(d->param[0].def == 0.1 && !d->param[0].required);
	struct actfn_curve c = curve_of(d);
	double y, dy;
	actfn_point(&c, -2, &y, &dy);
	assert_true(y == -0.2 && dy == 0.1);
	c.p[0] = 0.3;
	actfn_point(&c, -2, &y, &dy);
	assert_true(y == -0.6 && dy == 0.3);
	/* a definition calling another, with its own parameter */
	struct actfn_curve g = curve_of(define("g(x, b=2) = bent(x, b) + bent(x)"));
	actfn_point(&g, -1, &y, &dy); /* max(-2, -1) + max(-0.1, -1) */
	assert_true(y == -1.1 && dy == 1.1);
	/* required parameters, and their number */
	d = define("th(x, lo) = max(x, lo)");
	assert_true(d->param[0].required);
	/* a built-in's parameter from one of the definition's, checked when used */
	c = curve_of(define("sp(x, b=1) = softplus(x, b)"));
	assert_null(actfn_rule_broken(&c));
	c.p[0] = -1;
	assert_non_null(actfn_rule_broken(&c));
	/* redefinition replaces; the old one is no longer found */
	define("bent(x) = 2 * x");
	assert_int_equal(actfn_lookup("bent", 4)->nparams, 0);
	assert_int_equal(actfn_user_count(), 4); /* g, th, sp, bent */
}

struct bad {
	const char *text;
	size_t off;
	const char *says;
};

static void test_errors(void **state)
{
	(void)state;
	static const struct bad bad[] = {
		{"f(x) = x +", 10, "expected a term at the end"},
		{"f(x) = foo(x)", 7, "unknown function 'foo'"},
		{"f(x) = f(x)", 7, "recursion"},
		{"f(x, exp) = x", 5, "a function of the language"},
		{"f(x, pi) = x", 5, "a constant"},
		{"relu(x) = x", 0, "built-in activation"},
		{"f(x) = exp(x, 2)", 14, "exp takes 1 argument"},
		{"f(x) = max(x)", 12, "at least 2"},
		{"f(x) = if(x, 1)", 14, "if takes 3 arguments"},
		{"f(x) = leaky(x, x)", 16, "must not depend on x"},
		{"f(x) = leaky(x, 0.1, 2)", 21, "at most 1 parameter"},
		{"f(x) = elu(x, beta=1)", 14, "has no parameter 'beta'"},
		{"f(x) = softplus(x, -1)", 19, "beta must be > 0"},
		{"f(x) = 1 < x < 2", 13, "do not chain"},
		{"f(x) = x @ 2", 9, "unexpected '@'"},
		{"f(x) = exp", 7, "write exp(x)"},
		{"f(x) = y", 7, "unknown name 'y'"},
		{"f(x) = (x", 9, "expected ')'"},
		{"f(x) x", 5, "expected '='"},
		{"f x = x", 2, "expected '('"},
		{"f(x, a, b, c) = x", 11, "at most 2 parameters"},
		{"f(x, x) = x", 5, "already a name"},
		{"f(x, a=y) = x", 7, "a default is a number"},
		{"f(x) = 1e999", 7, "not a number"},
		{"(x) = x", 0, "starts with its name"},
		{"f(x) = threshold(x)", 18, "needs its threshold"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct actfn_user_error err;
		const struct actfn_def *d = actfn_user_define(bad[i].text, strlen(bad[i].text), &err);
		if (d || err.off != bad[i].off || !strstr(err.msg, bad[i].says))
			fail_msg("%s: got %s at %zu: %s", bad[i].text, d ? "a definition" : "an error",
			         err.off, err.msg);
	}
	/* nested too deeply: refused, not a stack overflow */
	char deep[ACTFN_USER_LEN];
	snprintf(deep, sizeof deep, "f(x) = ");
	for (size_t n = strlen(deep); n < 600; n++)
		deep[n] = '(';
	deep[600] = 'x';
	deep[601] = '\0';
	struct actfn_user_error err;
	assert_null(actfn_user_define(deep, strlen(deep), &err));
	assert_non_null(strstr(err.msg, "nested too deeply"));
	/* too many terms */
	char longer[ACTFN_USER_LEN + 1];
	size_t n = (size_t)snprintf(longer, sizeof longer, "f(x) = x");
	while (n + 4 < ACTFN_USER_LEN)
		n += (size_t)snprintf(longer + n, sizeof longer - n, "+x*x");
	assert_null(actfn_user_define(longer, n, &err));
	assert_non_null(strstr(err.msg, "too long"));
	assert_int_equal(actfn_user_count(), 0);
}

/* Every point of a definition against a built-in, f and f', bit for bit
 * (where the built-in computes the same thing the same way) or within
 * a few units in the last place. */
static void same_as(const char *text, const char *name, double p0, int np, double max_ulps)
{
	struct actfn_curve u = curve_of(define(text));
	struct actfn_curve b;
	actfn_curve_default(&b, actfn_lookup(name, strlen(name)));
	if (np)
		b.p[0] = p0;
	static const double xs[] = {-INFINITY, -50, -6, -3, -1, -0.5, -1e-300, -0.0, 0.0, 1e-300,
	                            0.25, 1, 2.5, 3, 6, 7, 40, INFINITY, NAN};
	for (size_t i = 0; i < sizeof xs / sizeof xs[0]; i++) {
		double yu, du, yb, db;
		actfn_point(&u, xs[i], &yu, &du);
		actfn_point(&b, xs[i], &yb, &db);
		if (max_ulps > 0 && !isfinite(xs[i]))
			continue; /* x * sigmoid(x) is nan at -inf; silu knows better */
		bool ok = (isnan(yu) && isnan(yb)) || ulps(yu, yb) <= max_ulps;
		ok &= (isnan(du) && isnan(db)) || ulps(du, db) <= max_ulps;
		ok &= max_ulps > 0 || (signbit(yu) == signbit(yb) || isnan(yu));
		if (!ok)
			fail_msg("%s against %s at %g: f %.17g %.17g, f' %.17g %.17g", text, name, xs[i], yu,
			         yb, du, db);
	}
}

static void test_against_builtins(void **state)
{
	(void)state;
	same_as("myrelu(x) = max(0, x)", "relu", 0, 0, 0); /* relu'(0) = 0, -0 kept */
	same_as("lk(x) = max(0.01*x, x)", "leaky", 0.01, 1, 0);
	same_as("r6(x) = min(max(0, x), 6)", "relu6", 0, 0, 0);
	same_as("ht(x) = max(-1, min(x, 1))", "hardtanh", 0, 0, 0);
	same_as("el(x) = if(x > 0, x, expm1(x))", "elu", 0, 0, 0);
	same_as("id(x) = relu(x)", "relu", 0, 0, 0);
	same_as("tn(x) = tanh(x)", "tanh", 0, 0, 0);
	same_as("sw(x) = x * sigmoid(x)", "silu", 0, 0, 2);
}

static void test_against_exact(void **state)
{
	(void)state;
	const char *last = "";
	struct actfn_curve c = {0};
	double worst_f = 0, worst_d = 0;
	for (size_t i = 0; i < sizeof user_ref / sizeof user_ref[0]; i++) {
		const struct user_ref *r = &user_ref[i];
		if (strcmp(r->def, last) != 0) {
			c = curve_of(define(r->def));
			last = r->def;
		}
		double y, dy;
		actfn_point(&c, r->x, &y, &dy);
		double ef = fabs(y - r->f) / fabs(r->f), ed = fabs(dy - r->df) / fabs(r->df);
		worst_f = fmax(worst_f, ef);
		worst_d = fmax(worst_d, ed);
		/* compositions round at each step: a few units, not more */
		if (!(ef < 1e-14 && ed < 1e-14))
			fail_msg("%s at %g: f %.17g (exact %.17g), f' %.17g (exact %.17g)", r->def, r->x, y,
			         r->f, dy, r->df);
	}
	print_message("worst relative error: f %.3g, f' %.3g\n", worst_f, worst_d);
}

static void test_breaks(void **state)
{
	(void)state;
	struct actfn_break br[ACTFN_MAX_BREAKS];
	struct actfn_curve c = curve_of(define("myrelu(x) = max(0, x)"));
	assert_int_equal(actfn_breaks(&c, br), 1);
	assert_true(br[0].x == 0 && !br[0].f_jumps && actfn_breaks_known(&c));
	c = curve_of(define("h(x, a=2) = hardtanh(a*x - 1) + abs(x + 3) + (x > 5)"));
	assert_int_equal(actfn_breaks(&c, br), 4);
	assert_true(br[0].x == -3 && br[1].x == 0 && br[2].x == 1 && br[3].x == 5);
	assert_true(br[3].f_jumps && !br[0].f_jumps);
	c.p[0] = 4;
	assert_int_equal(actfn_breaks(&c, br), 4);
	assert_true(br[1].x == 0 && br[2].x == 0.5);
	/* not affine: not located, and said */
	c = curve_of(define("r2(x) = relu(x^2 - 1)"));
	assert_false(actfn_breaks_known(&c));
	c = curve_of(define("smooth(x) = x * sigmoid(x)"));
	assert_int_equal(actfn_breaks(&c, br), 0);
	assert_true(actfn_breaks_known(&c));
}

static void test_texts(void **state)
{
	(void)state;
	static const char *const cases[][3] = {
		{"sq(x) = relu(x)^2", "relu(x)^2", "2 * relu(x) * relu'(x)"},
		{"myrelu(x) = max(0, x)", "max(0, x)", "if(x > 0, 1, 0)"},
		{"b(x, a=0.1) = max(a*x, x)", "max({a} * x, x)",
		 "if({a} * x > x, {a}, if(x > {a} * x, 1, min({a}, 1)))"},
		{"g(x) = exp(-x^2/2)", "exp(-x^2 / 2)", "exp(-x^2 / 2) * -x"},
		{"l(x) = log1p(exp(x))", "log1p(exp(x))", "exp(x) / (1 + exp(x))"},
		{"q(x) = 1/x", "1 / x", "-1 / x^2"},
		{"a(x) = abs(x - 1)", "abs(x - 1)", "sign(x - 1)"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct actfn_def *d = define(cases[i][0]);
		if (strcmp(d->formula, cases[i][1]) != 0 || strcmp(d->derivative, cases[i][2]) != 0)
			fail_msg("%s: f %s, f' %s", cases[i][0], d->formula, d->derivative);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_precedence, teardown),
		cmocka_unit_test_teardown(test_parameters, teardown),
		cmocka_unit_test_teardown(test_errors, teardown),
		cmocka_unit_test_teardown(test_against_builtins, teardown),
		cmocka_unit_test_teardown(test_against_exact, teardown),
		cmocka_unit_test_teardown(test_breaks, teardown),
		cmocka_unit_test_teardown(test_texts, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
