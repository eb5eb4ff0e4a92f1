/* actfn.h: the one table of activation functions, each f and f' side by side. */
#ifndef ACTVIZ_ACTFN_H
#define ACTVIZ_ACTFN_H

#include <stdbool.h>
#include <stddef.h>

#define ACTFN_MAX_PARAMS 2
#define ACTFN_MAX_BREAKS 8
#define ACTFN_MAX_CHOICES 4

enum actfn_param_type {
	ACTFN_REAL,   /* any finite double inside [lo, hi] (ends open or closed) */
	ACTFN_CHOICE, /* a bare word from choices[]; the value is its index */
};

struct actfn_param {
	const char *name;  /* PyTorch's keyword, e.g. "negative_slope" */
	const char *alias; /* a short second name ("slope"), or NULL */
	enum actfn_param_type type;
	bool required;     /* PyTorch gives no default (threshold's two) */
	double def;        /* default value, or default choice index */
	double lo, hi;     /* domain of a REAL; infinite ends mean unbounded */
	double step;       /* a small step for the interface's sweep keys */
	bool lo_open, hi_open;
	const char *choices[ACTFN_MAX_CHOICES + 1]; /* CHOICE: NULL-terminated */
};

/* A point where f' jumps (a kink) and, when f_jumps, f jumps too. The
 * value at the point itself follows PyTorch's convention; plots draw the
 * pieces on either side up to their one-sided limits. */
struct actfn_break {
	double x;
	bool f_jumps;
};

struct actfn_def {
	const char *name;     /* canonical name, as labels show it */
	const char *aliases[4];
	const char *title;    /* one line: what it is */
	int nparams;
	struct actfn_param param[ACTFN_MAX_PARAMS];

	/* y[i] = f(x[i]) and, when dy is not NULL, dy[i] = f'(x[i]). */
	void (*eval)(const double *p, const double *x, double *y, double *dy, size_t n);
	/* Kinks and jumps inside the real line, ascending; returns how many. */
	int (*breaks)(const double *p, struct actfn_break out[ACTFN_MAX_BREAKS]);
	/* A rule between parameters (min_val < max_val); NULL when it holds. */
	const char *(*check)(const double *p);
	/* 1: f is linear between breaks; 2: at most quadratic; 0: neither.
	 * Polynomial pieces have closed-form statistics. */
	int degree;
	/* f' is exactly 0 or 1 wherever x is not NaN, whatever the
	 * parameters (a gate: ReLU's family of clamps and shrinks). Sums of
	 * f'^2 are then sums of f', and f' is 0 wherever it is not 1, so
	 * statistics need not compute them apart. */
	bool gate;
	/* A parameter that training learns (PReLU's slope): dp[i] is the
	 * derivative of f(x[i]) with respect to p[0]. NULL for the others. */
	void (*dparam)(const double *p, const double *x, double *dp, size_t n);

	/* What `info` prints. {name} is replaced by a parameter's name or value. */
	const char *formula;    /* f(x) */
	/* f(x) for each value of a choice (the first parameter), where they
	 * differ: the full screen shows the one in use, not all of formula */
	const char *formula_of[ACTFN_MAX_CHOICES];
	const char *derivative; /* f'(x), PyTorch's autograd convention included */
	const char *range;      /* image of f */
	const char *kink;       /* the convention at each kink, in words */
	const char *properties;
	const char *torch;      /* the matching PyTorch call */
	const char *example;    /* PyTorch typed and what it prints, lines split by \n; or NULL */

	/* Defined by the user (actfn_user.c): eval and check are NULL, the
	 * definition's tape runs instead. */
	bool user;
};

/* An activation with all its parameters filled in. */
struct actfn_curve {
	const struct actfn_def *def;
	double p[ACTFN_MAX_PARAMS];
};

size_t actfn_count(void);
const struct actfn_def *actfn_at(size_t i);

/* A curve with every parameter at its default (required ones at 0). */
void actfn_curve_default(struct actfn_curve *c, const struct actfn_def *def);

/* Whether v is in the domain of parameter i of def. */
enum actfn_param_status { ACTFN_PARAM_OK, ACTFN_PARAM_NOT_FINITE, ACTFN_PARAM_OUTSIDE };
enum actfn_param_status actfn_param_check(const struct actfn_def *def, int i, double v);
/* Sets parameter i of c to v when it is in its domain (else c keeps its
 * value): the one check the parser and the full screen's keys share. */
enum actfn_param_status actfn_set_param(struct actfn_curve *c, int i, double v);
/* The rule between c's parameters that they break, or NULL. */
const char *actfn_rule_broken(const struct actfn_curve *c);

/* Which compiled variant of the array loops actfn_eval runs: 0 portable,
 * 1 AVX2, 2 AVX-512 (x86-64 builds only; simd.c chooses). Each gives the
 * same bytes. */
void actfn_use_variant(int v);

void actfn_eval(const struct actfn_curve *c, const double *x, double *y, double *dy, size_t n);
void actfn_point(const struct actfn_curve *c, double x, double *y, double *dy);
int actfn_breaks(const struct actfn_curve *c, struct actfn_break out[ACTFN_MAX_BREAKS]);
/* How much slower than a built-in its f and f' are (1 for the built-ins,
 * about the length of a definition's tape): for work estimates. */
double actfn_cost(const struct actfn_curve *c);
/* Whether actfn_breaks gives every kink and jump (always, but for some
 * definitions): statistics integrate piece by piece only then. */
bool actfn_breaks_known(const struct actfn_curve *c);
/* Whether training learns the curve's first parameter, and the
 * derivative of f with respect to it. */
bool actfn_learned(const struct actfn_curve *c);
void actfn_dparam(const struct actfn_curve *c, const double *x, double *dp, size_t n);

/* ---- actfn_user.c: activations the user defines (`def`) --------------------
 * "NAME(X, P=V, ...) = EXPRESSION": X the variable, at most
 * ACTFN_MAX_PARAMS parameters with optional defaults. The expression has
 * + - * / ^ (or **), unary minus, the comparisons < <= > >= == != (1 or
 * 0), if(c, a, b), exp log log1p expm1 sqrt abs erf erfc sin cos tan sinh
 * cosh min max pow, pi, e, inf, the built-in activations (their
 * parameters after the argument, by position or by name, free of X) and
 * the definitions made before it. f' is exact: forward-mode automatic
 * differentiation on the same evaluator. Definitions are listed after
 * the built-ins by actfn_count and actfn_at, and found by actfn_lookup. */
#define ACTFN_USER_MAX 64     /* definitions at once */
#define ACTFN_USER_LEN 1000   /* bytes of one definition's text */
#define ACTFN_USER_NODES 256  /* terms of one, the definitions it calls included */
#define ACTFN_USER_NAME 32    /* characters of a name */
#define ACTFN_USER_TEXT 4096  /* its formula and derivative as info shows them */

struct actfn_user_error {
	size_t off; /* from the start of the text */
	char msg[200];
};

/* Defines NAME (replacing an earlier definition of it). Returns the new
 * activation, or NULL with err filled. */
const struct actfn_def *actfn_user_define(const char *text, size_t len, struct actfn_user_error *err);
bool actfn_is_user(const struct actfn_def *def);
/* The definitions in force, in the order they were made. */
size_t actfn_user_count(void);
const struct actfn_def *actfn_user_at(size_t i);
/* The expression as it was typed (after the =). */
const char *actfn_user_source(const struct actfn_def *def);
/* "bent(x, a=0.1)": the definition's name, variable and parameters. */
size_t actfn_user_header(const struct actfn_def *def, char *buf, size_t size);
/* The expression language's function and constant names, NULL-terminated. */
const char *const *actfn_user_words(void);
/* Whether a word is the expression language's own (exp, max, if, pi). */
bool actfn_user_reserved(const char *name, size_t len);
/* Forgets every definition (tests). */
void actfn_user_reset(void);
void actfn_user_eval(const struct actfn_def *def, const double *p, const double *x, double *y,
                     double *dy, size_t n);
const char *actfn_user_check(const struct actfn_def *def, const double *p);
double actfn_user_cost(const struct actfn_def *def);
/* Its kinks and jumps that can be located; *known false when some
 * cannot (or there are more than ACTFN_MAX_BREAKS). */
int actfn_user_breaks(const struct actfn_def *def, const double *p, struct actfn_break *out,
                      bool *known);

/* ---- actfn_text.c: the activations as words ------------------------------- */

/* Canonical name or alias, ASCII case-insensitive, after one of PyTorch's
 * module paths or none (torch.nn.ReLU, F.leaky_relu); NULL if unknown. */
const struct actfn_def *actfn_lookup(const char *name, size_t len);
/* How a name written with PyTorch's module path takes arguments in
 * parentheses: a class's are its parameters, a function's first is x. */
enum actfn_form {
	ACTFN_BARE,     /* no path: relu, leaky */
	ACTFN_CLASS,    /* nn.ReLU, torch.nn.LeakyReLU */
	ACTFN_FUNCTION, /* torch.relu, F.leaky_relu, torch.nn.functional.elu */
};
/* Bytes of the module path name starts with (0: none), and its form. */
size_t actfn_torch_path(const char *name, size_t len, enum actfn_form *form);
/* The known name closest to a misspelling, or NULL if none is close. */
const char *actfn_suggest(const char *name, size_t len);
/* Index of a parameter by name or alias, or -1. */
int actfn_param_index(const struct actfn_def *def, const char *name, size_t len);
/* Index of a choice word of a CHOICE parameter, or -1. */
int actfn_choice_index(const struct actfn_param *param, const char *word, size_t len);
/* NULL if value is in the domain of parameter i, else what the domain is
 * ("must be > 0"), written into buf. */
const char *actfn_param_domain_error(const struct actfn_def *def, int i, double value,
                                     char *buf, size_t size);

/* Label: name, then positional values up to the last non-default one:
 * "leaky 0.1", "softplus 1 10", "gelu tanh". Returns its length. */
size_t actfn_label(const struct actfn_curve *c, char *buf, size_t size);
/* A parameter's value as text: a number, or the choice word. */
size_t actfn_param_text(const struct actfn_def *def, int i, double value, char *buf, size_t size);
/* One of the def's text fields with {param} replaced by the parameter's
 * value (c not NULL) or its name (c NULL). */
size_t actfn_expand(const struct actfn_def *def, const struct actfn_curve *c,
                    const char *text, char *buf, size_t size);

#endif
