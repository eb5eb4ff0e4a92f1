/* actfn_user.c: activations the user defines with `def`: the expression
 * language parsed into a tree, compiled once to a tape, and evaluated a
 * block of points at a time on dual numbers, so f' is exact (forward-mode
 * differentiation, never a finite difference) and a built-in piece keeps
 * its own convention at its kinks. */
#define _POSIX_C_SOURCE 200809L
#include "actfn_user.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dmath.h"
#include "num.h"
#include "util.h"

/* The block of points a tape runs on at a time: its registers stay in L1. */
#define BLOCK 128
/* Parentheses and calls nested deeper than this are refused (the parser
 * recurses). */
#define MAX_DEPTH 100
/* Definitions made in one session, redefinitions included (the old ones
 * stay alive: curves on the screen may still use them). */
#define MAX_MADE 1024

const struct user_func actfn_user_funcs[] = {
	{"exp", U_EXP, 1},     {"log", U_LOG, 1},     {"log1p", U_LOG1P, 1}, {"expm1", U_EXPM1, 1},
	{"sqrt", U_SQRT, 1},   {"abs", U_ABS, 1},     {"erf", U_ERF, 1},     {"erfc", U_ERFC, 1},
	{"sin", U_SIN, 1},     {"cos", U_COS, 1},     {"tan", U_TAN, 1},     {"sinh", U_SINH, 1},
	{"cosh", U_COSH, 1},   {"min", U_MIN, -2},    {"max", U_MAX, -2},    {"if", U_IF, 3},
	{"pow", U_POW, 2},     {"sign", U_SIGN, 1},  {NULL, U_NOPS, 0},
};

/* Named constants. */
static const struct {
	const char *name;
	double value;
} constants[] = {{"pi", 3.141592653589793}, {"e", 2.718281828459045}, {"inf", HUGE_VAL}};
#define NCONST (sizeof constants / sizeof constants[0])

struct user {
	struct actfn_def def;
	struct user_prog prog;
	bool live;
	char name[ACTFN_USER_NAME + 1];
	char var[ACTFN_USER_NAME + 1];
	char pname[ACTFN_MAX_PARAMS][ACTFN_USER_NAME + 1];
	char source[ACTFN_USER_LEN + 1]; /* the body as typed */
	char formula[ACTFN_USER_TEXT];
	char derivative[ACTFN_USER_TEXT];
	char title[ACTFN_USER_LEN + 64];
	char check_msg[200];
};

static struct user *made[MAX_MADE];
static struct user *user_of(const struct actfn_def *def);
static size_t nmade;

/* ---- words ---------------------------------------------------------------- */

static const struct user_func *func_lookup(const char *s, size_t len)
{
	for (const struct user_func *f = actfn_user_funcs; f->name; f++)
		if (util_word_eq(s, len, f->name))
			return f;
	return NULL;
}

static int const_lookup(const char *s, size_t len)
{
	for (size_t i = 0; i < NCONST; i++)
		if (util_word_eq(s, len, constants[i].name))
			return (int)i;
	return -1;
}

static const struct actfn_def *builtin_lookup(const char *s, size_t len)
{
	const struct actfn_def *def = actfn_lookup(s, len);
	return def && !actfn_is_user(def) ? def : NULL;
}

const char *const *actfn_user_words(void)
{
	static const char *words[sizeof actfn_user_funcs / sizeof actfn_user_funcs[0] + NCONST];
	if (!words[0]) {
		size_t n = 0;
		for (const struct user_func *f = actfn_user_funcs; f->name; f++)
			words[n++] = f->name;
		for (size_t i = 0; i < NCONST; i++)
			words[n++] = constants[i].name;
		words[n] = NULL;
	}
	return words;
}

bool actfn_user_reserved(const char *s, size_t len)
{
	return func_lookup(s, len) || const_lookup(s, len) >= 0;
}

/* ---- the parser ------------------------------------------------------------ */

enum tok { T_END, T_NUM, T_NAME, T_OP, T_LP, T_RP, T_COMMA, T_ASSIGN, T_BAD };

struct lex {
	const char *s;
	size_t len, pos;
	/* the current token */
	enum tok t;
	size_t off, tlen;
	double num;
	enum user_op op;
};

struct parse {
	struct lex lx;
	struct user *u;
	struct user_prog *pg;
	int nparams;
	int depth;
	struct actfn_user_error *err;
	bool failed;
};

static void fail(struct parse *ps, size_t off, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void fail(struct parse *ps, size_t off, const char *fmt, ...)
{
	if (ps->failed)
		return;
	ps->failed = true;
	ps->err->off = off;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(ps->err->msg, sizeof ps->err->msg, fmt, ap);
	va_end(ap);
}

static bool is_name_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool is_name_char(char c)
{
	return is_name_start(c) || (c >= '0' && c <= '9');
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* The next token into lx: names, numbers (the language's syntax), and
 * + - * / ^ ** < <= > >= == != ( ) , = ; a # starts a comment. */
static void next(struct parse *ps)
{
	struct lex *lx = &ps->lx;
	const char *s = lx->s;
	while (lx->pos < lx->len && (s[lx->pos] == ' ' || s[lx->pos] == '\t'))
		lx->pos++;
	lx->off = lx->pos;
	lx->tlen = 1;
	if (lx->pos >= lx->len || s[lx->pos] == '#') {
		lx->t = T_END;
		lx->tlen = 0;
		return;
	}
	char c = s[lx->pos], d = lx->pos + 1 < lx->len ? s[lx->pos + 1] : '\0';
	if (is_name_start(c)) {
		size_t e = lx->pos;
		while (e < lx->len && is_name_char(s[e]))
			e++;
		lx->t = T_NAME;
		lx->tlen = e - lx->pos;
		lx->pos = e;
		return;
	}
	if (is_digit(c) || (c == '.' && is_digit(d))) {
		size_t e = lx->pos;
		while (e < lx->len && (is_digit(s[e]) || s[e] == '.'))
			e++;
		if (e < lx->len && (s[e] == 'e' || s[e] == 'E')) {
			size_t f = e + 1;
			if (f < lx->len && (s[f] == '+' || s[f] == '-'))
				f++;
			if (f < lx->len && is_digit(s[f])) {
				while (f < lx->len && is_digit(s[f]))
					f++;
				e = f;
			}
		}
		lx->t = T_NUM;
		lx->tlen = e - lx->pos;
		enum num_status st = num_parse(s + lx->pos, lx->tlen, &lx->num);
		if (st != NUM_OK) {
			fail(ps, lx->off, "'%.*s' is not a number", (int)(lx->tlen > 40 ? 40 : lx->tlen),
			     s + lx->pos);
			lx->t = T_BAD;
		}
		lx->pos = e;
		return;
	}
	lx->pos++;
	lx->t = T_OP;
	switch (c) {
	case '+': lx->op = U_ADD; return;
	case '-': lx->op = U_SUB; return;
	case '/': lx->op = U_DIV; return;
	case '^': lx->op = U_POW; return;
	case '*':
		if (d == '*') {
			lx->pos++;
			lx->tlen = 2;
			lx->op = U_POW;
		} else {
			lx->op = U_MUL;
		}
		return;
	case '<':
	case '>':
		lx->op = c == '<' ? (d == '=' ? U_LE : U_LT) : (d == '=' ? U_GE : U_GT);
		if (d == '=') {
			lx->pos++;
			lx->tlen = 2;
		}
		return;
	case '=':
		if (d == '=') {
			lx->pos++;
			lx->tlen = 2;
			lx->op = U_EQ;
			return;
		}
		lx->t = T_ASSIGN;
		return;
	case '!':
		if (d == '=') {
			lx->pos++;
			lx->tlen = 2;
			lx->op = U_NE;
			return;
		}
		break;
	case '(': lx->t = T_LP; return;
	case ')': lx->t = T_RP; return;
	case ',': lx->t = T_COMMA; return;
	default: break;
	}
	/* a character the language does not have: quote it whole (UTF-8) */
	uint32_t cp;
	size_t n = util_utf8_next(s + lx->off, lx->len - lx->off, &cp);
	lx->t = T_BAD;
	if (n == 0 || util_cp_unsafe(cp))
		fail(ps, lx->off, "unexpected byte 0x%02x", (unsigned char)c);
	else
		fail(ps, lx->off, "unexpected '%.*s'", (int)n, s + lx->off);
}

static int add_node(struct parse *ps, enum user_op op, size_t off)
{
	struct user_prog *pg = ps->pg;
	if (pg->nnodes >= ACTFN_USER_NODES) {
		fail(ps, off, "the definition is too long: at most %d terms, others' included",
		     ACTFN_USER_NODES);
		return -1;
	}
	struct user_node *n = &pg->node[pg->nnodes];
	*n = (struct user_node){.op = op, .a = -1, .b = -1, .c = -1, .off = off};
	for (int i = 0; i < ACTFN_MAX_PARAMS; i++)
		n->fp[i] = -1;
	return pg->nnodes++;
}

static int num_node(struct parse *ps, double v, size_t off)
{
	int i = add_node(ps, U_NUM, off);
	if (i >= 0)
		ps->pg->node[i].num = v;
	return i;
}

/* A node of op on a, b, c; folded to a number when none depends on x or
 * a parameter. */
static bool is_free(const struct user_prog *pg, int i)
{
	return i < 0 || pg->node[i].op == U_NUM;
}

static int op_node(struct parse *ps, enum user_op op, int a, int b, int c, size_t off)
{
	if (a < 0 && op != U_NUM)
		return -1;
	int i = add_node(ps, op, off);
	if (i < 0)
		return -1;
	struct user_prog *pg = ps->pg;
	struct user_node *n = &pg->node[i];
	n->a = a;
	n->b = b;
	n->c = c;
	n->dep = (a >= 0 && pg->node[a].dep) || (b >= 0 && pg->node[b].dep) ||
	         (c >= 0 && pg->node[c].dep);
	if (op != U_CALL && is_free(pg, a) && is_free(pg, b) && is_free(pg, c)) {
		double v = actfn_user_value(pg, i, NULL);
		*n = (struct user_node){.op = U_NUM, .a = -1, .b = -1, .c = -1, .num = v, .off = off};
		for (int k = 0; k < ACTFN_MAX_PARAMS; k++)
			n->fp[k] = -1;
	}
	return i;
}

static int expr(struct parse *ps);

static bool expect(struct parse *ps, enum tok t, const char *what)
{
	if (ps->lx.t == t) {
		next(ps);
		return true;
	}
	if (ps->lx.t == T_END)
		fail(ps, ps->lx.off, "expected %s at the end", what);
	else
		fail(ps, ps->lx.off, "expected %s, not '%.*s'", what, (int)ps->lx.tlen,
		     ps->lx.s + ps->lx.off);
	return false;
}

/* Copies the nodes of another definition's term i into this one, its
 * variable and parameters replaced by arg and par[]. */
static int inline_term(struct parse *ps, const struct user_prog *from, int i, int arg,
                       const int *par, size_t off)
{
	if (i < 0)
		return -1;
	const struct user_node *f = &from->node[i];
	if (f->op == U_X)
		return arg;
	if (f->op == U_PARAM)
		return par[f->k];
	if (f->op == U_NUM)
		return num_node(ps, f->num, off);
	int a = inline_term(ps, from, f->a, arg, par, off);
	int b = inline_term(ps, from, f->b, arg, par, off);
	int c = inline_term(ps, from, f->c, arg, par, off);
	if (ps->failed)
		return -1;
	if (f->op == U_CALL) {
		int n = add_node(ps, U_CALL, off);
		if (n < 0)
			return -1;
		struct user_node *nn = &ps->pg->node[n];
		nn->a = a;
		nn->fn = f->fn;
		nn->dep = ps->pg->node[a].dep;
		for (int k = 0; k < ACTFN_MAX_PARAMS; k++) {
			int q = f->fp[k] < 0 ? -1 : inline_term(ps, from, f->fp[k], arg, par, off);
			if (q >= 0 && ps->pg->node[q].dep) {
				fail(ps, off, "%s's %s would depend on %s", f->fn->name, f->fn->param[k].name,
				     ps->u->var);
				return -1;
			}
			ps->pg->node[n].fp[k] = q;
		}
		return n;
	}
	return op_node(ps, f->op, a, b, c, off);
}

/* name(args): a function of the language, a built-in activation, or a
 * definition made before this one. The name is the current token. */
static int call(struct parse *ps, size_t off, size_t len)
{
	const char *s = ps->lx.s;
	const struct user_func *fn = func_lookup(s + off, len);
	const struct actfn_def *bi = fn ? NULL : builtin_lookup(s + off, len);
	const struct actfn_def *ud = fn || bi ? NULL : actfn_lookup(s + off, len);
	if (!fn && !bi && !ud) {
		if (util_word_eq(s + off, len, ps->u->name))
			fail(ps, off, "%s cannot call itself: a definition has no recursion", ps->u->name);
		else
			fail(ps, off, "unknown function '%.*s'", (int)len, s + off);
		return -1;
	}
	const struct actfn_def *act = bi ? bi : ud;
	next(ps); /* ( */
	int args[ACTFN_MAX_PARAMS + 3], nargs = 0;
	size_t argoff[ACTFN_MAX_PARAMS + 3];
	int kw[ACTFN_MAX_PARAMS + 3]; /* the parameter a keyword names, else -1 */
	int cap = fn ? (fn->arity < 0 ? ACTFN_MAX_PARAMS + 3 : fn->arity) : 1 + act->nparams;
	while (ps->lx.t != T_RP) {
		if (nargs > 0 && !expect(ps, T_COMMA, "',' or ')'"))
			return -1;
		size_t aoff = ps->lx.off;
		if (nargs >= cap) {
			if (fn)
				fail(ps, aoff, "%s takes %s%d argument%s", fn->name, fn->arity < 0 ? "at most " : "",
				     cap, cap == 1 ? "" : "s");
			else
				fail(ps, aoff, "%s takes x and at most %d parameter%s", act->name, act->nparams,
				     act->nparams == 1 ? "" : "s");
			return -1;
		}
		kw[nargs] = -1;
		/* a keyword (alpha=1.5) or a choice word (tanh) of an activation */
		if (act && nargs > 0 && ps->lx.t == T_NAME) {
			size_t woff = ps->lx.off, wlen = ps->lx.tlen;
			struct lex save = ps->lx;
			next(ps);
			if (ps->lx.t == T_ASSIGN) {
				int k = actfn_param_index(act, s + woff, wlen);
				if (k < 0) {
					fail(ps, woff, "%s has no parameter '%.*s'", act->name, (int)wlen, s + woff);
					return -1;
				}
				kw[nargs] = k;
				next(ps);
				aoff = ps->lx.off;
				save = ps->lx;
			}
			int pk = kw[nargs] >= 0 ? kw[nargs] : nargs - 1;
			if (pk < act->nparams && act->param[pk].type == ACTFN_CHOICE && ps->lx.t == T_NAME) {
				int ch = actfn_choice_index(&act->param[pk], s + ps->lx.off, ps->lx.tlen);
				if (ch < 0) {
					fail(ps, ps->lx.off, "%s's %s is one of its words, not '%.*s'", act->name,
					     act->param[pk].name, (int)ps->lx.tlen, s + ps->lx.off);
					return -1;
				}
				args[nargs] = num_node(ps, ch, ps->lx.off);
				argoff[nargs++] = aoff;
				next(ps);
				continue;
			}
			ps->lx = save;
		}
		args[nargs] = expr(ps);
		argoff[nargs++] = aoff;
		if (ps->failed)
			return -1;
	}
	size_t close = ps->lx.off;
	next(ps); /* ) */
	if (fn) {
		int need = fn->arity < 0 ? 2 : fn->arity;
		if (nargs < need) {
			fail(ps, close, "%s takes %s%d argument%s", fn->name, fn->arity < 0 ? "at least " : "",
			     need, need == 1 ? "" : "s");
			return -1;
		}
		if (fn->op == U_MIN || fn->op == U_MAX) {
			int r = args[0];
			for (int i = 1; i < nargs; i++)
				r = op_node(ps, fn->op, r, args[i], -1, off);
			return r;
		}
		return op_node(ps, fn->op, args[0], nargs > 1 ? args[1] : -1, nargs > 2 ? args[2] : -1, off);
	}
	if (nargs < 1) {
		fail(ps, close, "%s needs its argument: %s(x)", act->name, act->name);
		return -1;
	}
	/* the parameters: as given, else the activation's defaults */
	int par[ACTFN_MAX_PARAMS];
	bool given[ACTFN_MAX_PARAMS] = {false};
	for (int i = 1; i < nargs; i++) {
		int k = kw[i] >= 0 ? kw[i] : i - 1;
		if (given[k]) {
			fail(ps, argoff[i], "%s's %s is given twice", act->name, act->param[k].name);
			return -1;
		}
		given[k] = true;
		par[k] = args[i];
	}
	for (int k = 0; k < act->nparams; k++) {
		if (given[k])
			continue;
		if (act->param[k].required) {
			fail(ps, close, "%s needs its %s", act->name, act->param[k].name);
			return -1;
		}
		par[k] = num_node(ps, act->param[k].def, close);
	}
	if (ud)
		return inline_term(ps, &user_of(ud)->prog, user_of(ud)->prog.root, args[0], par, off);
	for (int i = 1; i < nargs; i++) {
		int k = kw[i] >= 0 ? kw[i] : i - 1;
		if (ps->pg->node[args[i]].dep) {
			fail(ps, argoff[i], "%s's %s must not depend on %s", act->name, act->param[k].name,
			     ps->u->var);
			return -1;
		}
		if (ps->pg->node[args[i]].op == U_NUM) {
			char buf[160];
			const char *why = actfn_param_domain_error(act, k, ps->pg->node[args[i]].num, buf,
			                                           sizeof buf);
			if (why) {
				fail(ps, argoff[i], "%s: %s", act->name, why);
				return -1;
			}
		}
	}
	int n = add_node(ps, U_CALL, off);
	if (n < 0)
		return -1;
	struct user_node *nn = &ps->pg->node[n];
	nn->a = args[0];
	nn->fn = act;
	nn->dep = ps->pg->node[args[0]].dep;
	for (int k = 0; k < act->nparams; k++)
		nn->fp[k] = par[k];
	return n;
}

static int primary(struct parse *ps)
{
	struct lex *lx = &ps->lx;
	const char *s = lx->s;
	size_t off = lx->off, len = lx->tlen;
	switch (lx->t) {
	case T_NUM: {
		double v = lx->num;
		next(ps);
		return num_node(ps, v, off);
	}
	case T_LP: {
		next(ps);
		int r = expr(ps);
		if (r >= 0 && !expect(ps, T_RP, "')'"))
			return -1;
		return r;
	}
	case T_NAME:
		next(ps);
		if (lx->t == T_LP)
			return call(ps, off, len);
		if (util_word_eq(s + off, len, ps->u->var)) {
			int i = add_node(ps, U_X, off);
			if (i >= 0)
				ps->pg->node[i].dep = true;
			return i;
		}
		for (int k = 0; k < ps->nparams; k++)
			if (util_word_eq(s + off, len, ps->u->pname[k])) {
				int i = add_node(ps, U_PARAM, off);
				if (i >= 0)
					ps->pg->node[i].k = k;
				return i;
			}
		if (const_lookup(s + off, len) >= 0)
			return num_node(ps, constants[const_lookup(s + off, len)].value, off);
		if (func_lookup(s + off, len) || actfn_lookup(s + off, len)) {
			fail(ps, off, "%.*s is a function: write %.*s(%s)", (int)len, s + off, (int)len,
			     s + off, ps->u->var);
			return -1;
		}
		fail(ps, off, "unknown name '%.*s': the variable is %s", (int)len, s + off, ps->u->var);
		return -1;
	case T_END:
		fail(ps, off, "expected a term at the end");
		return -1;
	case T_BAD:
		return -1;
	default:
		fail(ps, off, "expected a term, not '%.*s'", (int)len, s + off);
		return -1;
	}
}

static int unary(struct parse *ps);

/* a ^ b: right to left, and above unary minus: -x^2 is -(x^2). */
static int power(struct parse *ps)
{
	int a = primary(ps);
	if (a < 0 || ps->lx.t != T_OP || ps->lx.op != U_POW)
		return a;
	size_t off = ps->lx.off;
	next(ps);
	int b = unary(ps);
	return b < 0 ? -1 : op_node(ps, U_POW, a, b, -1, off);
}

static int unary(struct parse *ps)
{
	if (ps->lx.t == T_OP && (ps->lx.op == U_SUB || ps->lx.op == U_ADD)) {
		bool neg = ps->lx.op == U_SUB;
		size_t off = ps->lx.off;
		if (++ps->depth > MAX_DEPTH) {
			fail(ps, off, "nested too deeply (more than %d levels)", MAX_DEPTH);
			return -1;
		}
		next(ps);
		int a = unary(ps);
		ps->depth--;
		return a < 0 || !neg ? a : op_node(ps, U_NEG, a, -1, -1, off);
	}
	return power(ps);
}

static int term(struct parse *ps)
{
	int a = unary(ps);
	while (a >= 0 && ps->lx.t == T_OP && (ps->lx.op == U_MUL || ps->lx.op == U_DIV)) {
		enum user_op op = ps->lx.op;
		size_t off = ps->lx.off;
		next(ps);
		int b = unary(ps);
		a = b < 0 ? -1 : op_node(ps, op, a, b, -1, off);
	}
	return a;
}

static int sum(struct parse *ps)
{
	int a = term(ps);
	while (a >= 0 && ps->lx.t == T_OP && (ps->lx.op == U_ADD || ps->lx.op == U_SUB)) {
		enum user_op op = ps->lx.op;
		size_t off = ps->lx.off;
		next(ps);
		int b = term(ps);
		a = b < 0 ? -1 : op_node(ps, op, a, b, -1, off);
	}
	return a;
}

static bool is_cmp(enum user_op op)
{
	return op >= U_LT && op <= U_NE;
}

/* a < b: one comparison, not a chain (1 < x < 2 is refused). */
static int expr(struct parse *ps)
{
	if (++ps->depth > MAX_DEPTH) {
		fail(ps, ps->lx.off, "nested too deeply (more than %d levels)", MAX_DEPTH);
		return -1;
	}
	int a = sum(ps);
	if (a >= 0 && ps->lx.t == T_OP && is_cmp(ps->lx.op)) {
		enum user_op op = ps->lx.op;
		size_t off = ps->lx.off;
		next(ps);
		int b = sum(ps);
		a = b < 0 ? -1 : op_node(ps, op, a, b, -1, off);
		if (a >= 0 && ps->lx.t == T_OP && is_cmp(ps->lx.op)) {
			fail(ps, ps->lx.off, "comparisons do not chain: write if(a < b, ...) twice");
			a = -1;
		}
	}
	ps->depth--;
	return a;
}

/* ---- the header: NAME(VAR, P=V, ...) = ------------------------------------ */

/* Whether a name may be given to a definition, its variable or a
 * parameter; fails with the reason if not. */
static bool name_ok(struct parse *ps, size_t off, size_t len, const char *what)
{
	const char *s = ps->lx.s + off;
	if (len > ACTFN_USER_NAME) {
		fail(ps, off, "%s is too long: at most %d characters", what, ACTFN_USER_NAME);
		return false;
	}
	if (func_lookup(s, len) || const_lookup(s, len) >= 0) {
		fail(ps, off, "%s cannot be '%.*s': it is %s of the language", what, (int)len, s,
		     func_lookup(s, len) ? "a function" : "a constant");
		return false;
	}
	if (builtin_lookup(s, len)) {
		fail(ps, off, "%s cannot be '%.*s': it is a built-in activation", what, (int)len, s);
		return false;
	}
	return true;
}

static bool signed_number(struct parse *ps, double *v)
{
	bool neg = false;
	if (ps->lx.t == T_OP && (ps->lx.op == U_SUB || ps->lx.op == U_ADD)) {
		neg = ps->lx.op == U_SUB;
		next(ps);
	}
	size_t off = ps->lx.off;
	if (ps->lx.t != T_NUM) {
		fail(ps, off, "a default is a number");
		return false;
	}
	*v = neg ? -ps->lx.num : ps->lx.num;
	if (!isfinite(*v)) {
		fail(ps, off, "a default must be finite");
		return false;
	}
	next(ps);
	return true;
}

static bool header(struct parse *ps)
{
	struct lex *lx = &ps->lx;
	struct user *u = ps->u;
	if (lx->t != T_NAME) {
		fail(ps, lx->off, "a definition starts with its name: def NAME(x) = EXPRESSION");
		return false;
	}
	if (!name_ok(ps, lx->off, lx->tlen, "the name"))
		return false;
	memcpy(u->name, lx->s + lx->off, lx->tlen);
	u->name[lx->tlen] = '\0';
	next(ps);
	if (!expect(ps, T_LP, "'(' after the name: def NAME(x) = ..."))
		return false;
	if (lx->t != T_NAME) {
		fail(ps, lx->off, "expected the variable's name, as in %s(x)", u->name);
		return false;
	}
	if (!name_ok(ps, lx->off, lx->tlen, "the variable"))
		return false;
	memcpy(u->var, lx->s + lx->off, lx->tlen);
	u->var[lx->tlen] = '\0';
	next(ps);
	while (lx->t == T_COMMA) {
		next(ps);
		if (lx->t != T_NAME) {
			fail(ps, lx->off, "expected a parameter's name");
			return false;
		}
		if (ps->nparams == ACTFN_MAX_PARAMS) {
			fail(ps, lx->off, "at most %d parameters", ACTFN_MAX_PARAMS);
			return false;
		}
		if (!name_ok(ps, lx->off, lx->tlen, "a parameter"))
			return false;
		const char *w = lx->s + lx->off;
		bool twice = util_word_eq(w, lx->tlen, u->var);
		for (int k = 0; k < ps->nparams; k++)
			twice |= util_word_eq(w, lx->tlen, u->pname[k]);
		if (twice || util_word_eq(w, lx->tlen, u->name)) {
			fail(ps, lx->off, "'%.*s' is already a name of this definition", (int)lx->tlen, w);
			return false;
		}
		int k = ps->nparams++;
		memcpy(u->pname[k], w, lx->tlen);
		u->pname[k][lx->tlen] = '\0';
		struct actfn_param *pp = &u->def.param[k];
		*pp = (struct actfn_param){.name = u->pname[k], .type = ACTFN_REAL, .required = true,
		                           .lo = -HUGE_VAL, .hi = HUGE_VAL, .step = 0.1};
		next(ps);
		if (lx->t == T_ASSIGN) {
			next(ps);
			if (!signed_number(ps, &pp->def))
				return false;
			pp->required = false;
			pp->step = pp->def != 0 ? fabs(pp->def) / 10 : 0.1;
		}
	}
	if (!expect(ps, T_RP, "')' or ', PARAMETER'"))
		return false;
	if (lx->t != T_ASSIGN) {
		fail(ps, lx->off, "expected '=' and the expression: def %s(%s) = ...", u->name, u->var);
		return false;
	}
	next(ps);
	return true;
}

/* ---- the tape ------------------------------------------------------------------ */

/* Post-order from term i; each term's register is freed once its parent
 * has read it (the tree uses each term once). */
static int emit(struct user_prog *pg, int i, int *nfree, int *freelist)
{
	const struct user_node *n = &pg->node[i];
	int a = -1, b = -1, c = -1;
	if (n->op != U_CALL) {
		a = n->a >= 0 ? emit(pg, n->a, nfree, freelist) : -1;
		b = n->b >= 0 ? emit(pg, n->b, nfree, freelist) : -1;
		c = n->c >= 0 ? emit(pg, n->c, nfree, freelist) : -1;
	} else {
		a = emit(pg, n->a, nfree, freelist);
	}
	int ops[3] = {a, b, c};
	for (int k = 0; k < 3; k++)
		if (ops[k] >= 0)
			freelist[(*nfree)++] = ops[k];
	int dst = *nfree ? freelist[--*nfree] : pg->nregs++;
	pg->ins[pg->nins++] = (struct user_ins){n->op, dst, a, b, c, i};
	return dst;
}

static void compile(struct user_prog *pg)
{
	int freelist[ACTFN_USER_NODES + 3], nfree = 0;
	pg->nins = pg->nregs = 0;
	emit(pg, pg->root, &nfree, freelist);
}

/* ---- evaluation ------------------------------------------------------------- */

/* erf(x): its series where 1 - erfc(x) would lose digits, else that. */
static double erf_of(double x)
{
	double ax = fabs(x);
	if (ax < 0.5) {
		/* erf x = 2/sqrt(pi) sum (-1)^k x^(2k+1) / (k! (2k+1)) */
		double x2 = x * x, t = x, s = x;
		for (int k = 1; k < 30; k++) {
			t *= -x2 / k;
			double term = t / (2 * k + 1);
			s += term;
			if (fabs(term) < 1e-17 * fabs(s))
				break;
		}
		return 1.1283791670955126 * s;
	}
	double r = 1 - dmath_erfc(ax);
	return x < 0 ? -r : r;
}

static double sinh_of(double x)
{
	return 0.5 * (dmath_expm1(x) - dmath_expm1(-x));
}

static double cosh_of(double x)
{
	return 0.5 * (dmath_exp(x) + dmath_exp(-x));
}

static double cmp_of(enum user_op op, double a, double b)
{
	switch (op) {
	case U_LT: return a < b;
	case U_LE: return a <= b;
	case U_GT: return a > b;
	case U_GE: return a >= b;
	case U_EQ: return a == b;
	default: return a != b;
	}
}

/* One point of op on dual numbers (va, da), (vb, db), (vc, dc): the value
 * into *v, the derivative into *d. da etc. are 0 for terms free of x;
 * a_dep and b_dep say which operands depend on it, so that a constant's
 * 0 never meets an infinity (x * 2 at x = inf has derivative 2). */
static void dual(enum user_op op, double va, double da, bool a_dep, double vb, double db, bool b_dep,
                 double vc, double dc, double *v, double *d)
{
	switch (op) {
	case U_NEG: *v = -va; *d = -da; return;
	case U_ADD: *v = va + vb; *d = da + db; return;
	case U_SUB: *v = va - vb; *d = da - db; return;
	case U_MUL:
		*v = va * vb;
		*d = !b_dep ? da * vb : !a_dep ? va * db : da * vb + va * db;
		return;
	case U_DIV:
		*v = va / vb;
		*d = !b_dep ? da / vb : (da - *v * db) / vb;
		return;
	case U_POW:
		*v = dmath_pow(va, vb);
		if (!b_dep) /* PyTorch: b x^(b-1), and 0 for b = 0 */
			*d = vb == 0 ? 0 : vb * dmath_pow(va, vb - 1) * da;
		else if (!a_dep)
			*d = *v * dmath_log(va) * db;
		else
			*d = vb * dmath_pow(va, vb - 1) * da + *v * dmath_log(va) * db;
		return;
	case U_LT:
	case U_LE:
	case U_GT:
	case U_GE:
	case U_EQ:
	case U_NE: *v = cmp_of(op, va, vb); *d = 0; return;
	case U_IF:
		*v = va != 0 ? vb : vc;
		*d = va != 0 ? db : dc;
		return;
	case U_MIN:
	case U_MAX:
		if (va != va || vb != vb) {
			*v = *d = va + vb; /* NaN */
		} else if (va == vb) {
			/* a tie: the second's value, the smaller derivative, so
			 * max(0, x) is relu at 0 (f'(0) = 0), max(a*x, x) leaky
			 * (f'(0) = a), min(x, 6) relu6's top (f'(6) = 0) */
			*v = vb;
			*d = fmin(da, db);
		} else {
			bool first = op == U_MAX ? va > vb : va < vb;
			*v = first ? va : vb;
			*d = first ? da : db;
		}
		return;
	case U_EXP: *v = dmath_exp(va); *d = *v * da; return;
	case U_LOG: *v = dmath_log(va); *d = da / va; return;
	case U_LOG1P: *v = dmath_log1p(va); *d = da / (1 + va); return;
	case U_EXPM1: *v = dmath_expm1(va); *d = dmath_exp(va) * da; return;
	case U_SQRT: *v = sqrt(va); *d = da / (2 * *v); return;
	case U_ABS: /* PyTorch: sign(x), so abs'(0) = 0 */
		*v = fabs(va);
		*d = va > 0 ? da : va < 0 ? -da : 0 * da;
		return;
	case U_ERF:
	case U_ERFC: {
		double g = 1.1283791670955126 * dmath_exp(-va * va) * da;
		*v = op == U_ERF ? erf_of(va) : dmath_erfc(va);
		*d = op == U_ERF ? g : -g;
		return;
	}
	case U_SIN: *v = dmath_sin(va); *d = dmath_cos(va) * da; return;
	case U_COS: *v = dmath_cos(va); *d = -dmath_sin(va) * da; return;
	case U_TAN: {
		double c = dmath_cos(va);
		*v = dmath_sin(va) / c;
		*d = da / (c * c);
		return;
	}
	case U_SIGN: *v = va > 0 ? 1 : va < 0 ? -1 : va; *d = 0; return;
	case U_SINH: *v = sinh_of(va); *d = cosh_of(va) * da; return;
	case U_COSH: *v = cosh_of(va); *d = sinh_of(va) * da; return;
	default: *v = *d = NAN; return;
	}
}

double actfn_user_value(const struct user_prog *pg, int i, const double *p)
{
	const struct user_node *n = &pg->node[i];
	switch (n->op) {
	case U_NUM: return n->num;
	case U_PARAM: return p ? p[n->k] : NAN;
	case U_X: return NAN;
	case U_CALL: {
		double q[ACTFN_MAX_PARAMS] = {0}, y, d, x = actfn_user_value(pg, n->a, p);
		for (int k = 0; k < n->fn->nparams; k++)
			q[k] = actfn_user_value(pg, n->fp[k], p);
		n->fn->eval(q, &x, &y, &d, 1);
		return y;
	}
	default: {
		double va = actfn_user_value(pg, n->a, p);
		double vb = n->b >= 0 ? actfn_user_value(pg, n->b, p) : 0;
		double vc = n->c >= 0 ? actfn_user_value(pg, n->c, p) : 0;
		double v, d;
		dual(n->op, va, 0, false, vb, 0, false, vc, 0, &v, &d);
		return v;
	}
	}
}

#define VAL(r) (pg->scratch + (size_t)(r) * 2 * BLOCK)
#define DER(r) (pg->scratch + (size_t)(r) * 2 * BLOCK + BLOCK)

static void run_block(const struct user_prog *pg, const double *p, const double *x, size_t n)
{
	for (int t = 0; t < pg->nins; t++) {
		const struct user_ins *in = &pg->ins[t];
		const struct user_node *nd = &pg->node[in->node];
		double *v = VAL(in->dst), *d = DER(in->dst);
		switch (in->op) {
		case U_NUM:
		case U_PARAM: {
			double c = in->op == U_NUM ? nd->num : p[nd->k];
			for (size_t i = 0; i < n; i++) {
				v[i] = c;
				d[i] = 0;
			}
			break;
		}
		case U_X:
			for (size_t i = 0; i < n; i++) {
				v[i] = x[i];
				d[i] = 1;
			}
			break;
		case U_ADD: {
			const double *va = VAL(in->a), *da = DER(in->a), *vb = VAL(in->b), *db = DER(in->b);
			for (size_t i = 0; i < n; i++) {
				v[i] = va[i] + vb[i];
				d[i] = da[i] + db[i];
			}
			break;
		}
		case U_MUL: {
			const double *va = VAL(in->a), *da = DER(in->a), *vb = VAL(in->b), *db = DER(in->b);
			bool ad = pg->node[nd->a].dep, bd = pg->node[nd->b].dep;
			for (size_t i = 0; i < n; i++) {
				double prod = va[i] * vb[i];
				double dd = !bd ? da[i] * vb[i] : !ad ? va[i] * db[i] : da[i] * vb[i] + va[i] * db[i];
				v[i] = prod;
				d[i] = dd;
			}
			break;
		}
		case U_CALL: {
			double q[ACTFN_MAX_PARAMS] = {0};
			for (int k = 0; k < nd->fn->nparams; k++)
				q[k] = actfn_user_value(pg, nd->fp[k], p);
			const double *va = VAL(in->a), *da = DER(in->a);
			nd->fn->eval(q, va, v, d, n);
			if (pg->node[nd->a].op != U_X)
				for (size_t i = 0; i < n; i++)
					d[i] *= da[i];
			break;
		}
		default: {
			const double *va = VAL(in->a), *da = DER(in->a);
			const double *vb = in->b >= 0 ? VAL(in->b) : NULL, *db = in->b >= 0 ? DER(in->b) : NULL;
			const double *vc = in->c >= 0 ? VAL(in->c) : NULL, *dc = in->c >= 0 ? DER(in->c) : NULL;
			bool ad = pg->node[nd->a].dep, bd = nd->b >= 0 && pg->node[nd->b].dep;
			for (size_t i = 0; i < n; i++)
				dual(in->op, va[i], da[i], ad, vb ? vb[i] : 0, db ? db[i] : 0, bd, vc ? vc[i] : 0,
				     dc ? dc[i] : 0, &v[i], &d[i]);
			break;
		}
		}
	}
}

static void user_eval(const struct user_prog *pg, const double *p, const double *x, double *y,
                      double *dy, size_t n)
{
	int r = pg->ins[pg->nins - 1].dst;
	for (size_t at = 0; at < n; at += BLOCK) {
		size_t k = n - at < BLOCK ? n - at : BLOCK;
		run_block(pg, p, x + at, k);
		const double *v = VAL(r), *d = DER(r);
		for (size_t i = 0; i < k; i++) {
			/* NaN in, NaN out, as the built-ins */
			double xi = x[at + i];
			y[at + i] = xi != xi ? xi : v[i];
			if (dy)
				dy[at + i] = xi != xi ? xi : d[i];
		}
	}
}

/* ---- kinks and jumps ---------------------------------------------------------
 * Located where every term that makes one has an argument affine in x:
 * a built-in's kinks through its argument, the tie of max and min, the
 * zero of abs and sign, the crossing of a comparison. Anywhere else (a
 * kink of relu(x^2 - 1)) they are not known, and the statistics take
 * samples instead of integrating piece by piece. */

struct affine {
	bool ok;
	double s, t; /* s x + t */
};

static struct affine affine_of(const struct user_prog *pg, int i, const double *p)
{
	const struct user_node *n = &pg->node[i];
	if (!n->dep)
		return (struct affine){true, 0, actfn_user_value(pg, i, p)};
	if (n->op == U_X)
		return (struct affine){true, 1, 0};
	struct affine a = affine_of(pg, n->a, p), b = {true, 0, 0}, bad = {false, 0, 0};
	if (n->b >= 0)
		b = affine_of(pg, n->b, p);
	if (!a.ok || !b.ok)
		return bad;
	switch (n->op) {
	case U_NEG: return (struct affine){true, -a.s, -a.t};
	case U_ADD: return (struct affine){true, a.s + b.s, a.t + b.t};
	case U_SUB: return (struct affine){true, a.s - b.s, a.t - b.t};
	case U_MUL:
		if (a.s == 0)
			return (struct affine){true, a.t * b.s, a.t * b.t};
		if (b.s == 0)
			return (struct affine){true, a.s * b.t, a.t * b.t};
		return bad;
	case U_DIV:
		return b.s == 0 ? (struct affine){true, a.s / b.t, a.t / b.t} : bad;
	default: return bad;
	}
}

struct breaks {
	struct actfn_break br[ACTFN_MAX_BREAKS];
	int n;
	bool unknown;
};

static void add_break(struct breaks *bs, double x, bool f_jumps)
{
	if (!isfinite(x)) {
		bs->unknown |= x != x;
		return;
	}
	for (int i = 0; i < bs->n; i++)
		if (bs->br[i].x == x) {
			bs->br[i].f_jumps |= f_jumps;
			return;
		}
	if (bs->n == ACTFN_MAX_BREAKS) {
		bs->unknown = true;
		return;
	}
	int i = bs->n++;
	while (i > 0 && bs->br[i - 1].x > x) {
		bs->br[i] = bs->br[i - 1];
		i--;
	}
	bs->br[i] = (struct actfn_break){x, f_jumps};
}

/* The zero of u, or of u - v: a kink (or a jump) there. */
static void break_at_zero(struct breaks *bs, struct affine u, bool f_jumps)
{
	if (!u.ok)
		bs->unknown = true;
	else if (u.s != 0)
		add_break(bs, -u.t / u.s, f_jumps);
}

static void collect_breaks(const struct user_prog *pg, int i, const double *p, struct breaks *bs)
{
	const struct user_node *n = &pg->node[i];
	if (!n->dep)
		return;
	if (n->a >= 0)
		collect_breaks(pg, n->a, p, bs);
	if (n->b >= 0 && n->op != U_CALL)
		collect_breaks(pg, n->b, p, bs);
	if (n->c >= 0 && n->op != U_CALL)
		collect_breaks(pg, n->c, p, bs);
	struct affine a = affine_of(pg, n->a >= 0 ? n->a : i, p);
	switch (n->op) {
	case U_CALL: {
		double q[ACTFN_MAX_PARAMS] = {0};
		for (int k = 0; k < n->fn->nparams; k++)
			q[k] = actfn_user_value(pg, n->fp[k], p);
		struct actfn_break fb[ACTFN_MAX_BREAKS];
		int nb = n->fn->breaks(q, fb);
		if (nb > 0 && !a.ok)
			bs->unknown = true;
		else if (a.s != 0)
			for (int k = 0; k < nb; k++)
				add_break(bs, (fb[k].x - a.t) / a.s, fb[k].f_jumps);
		return;
	}
	case U_MIN:
	case U_MAX:
	case U_LT:
	case U_LE:
	case U_GT:
	case U_GE:
	case U_EQ:
	case U_NE: {
		struct affine b = affine_of(pg, n->b, p);
		struct affine diff = {a.ok && b.ok, a.s - b.s, a.t - b.t};
		break_at_zero(bs, diff, n->op != U_MIN && n->op != U_MAX);
		return;
	}
	case U_ABS: break_at_zero(bs, a, false); return;
	case U_SIGN: break_at_zero(bs, a, true); return;
	default: return;
	}
}

int actfn_user_breaks(const struct actfn_def *def, const double *p, struct actfn_break *out,
                      bool *known)
{
	const struct user_prog *pg = &user_of(def)->prog;
	struct breaks bs = {.n = 0};
	collect_breaks(pg, pg->root, p, &bs);
	memcpy(out, bs.br, (size_t)bs.n * sizeof out[0]);
	if (known)
		*known = !bs.unknown;
	return bs.n;
}

/* ---- the registry ------------------------------------------------------------ */

/* A definition's record: its actfn_def is the first member. */
static struct user *user_of(const struct actfn_def *def)
{
	return def && def->user ? (struct user *)(void *)def : NULL;
}


bool actfn_is_user(const struct actfn_def *def)
{
	return def && def->user;
}

void actfn_user_eval(const struct actfn_def *def, const double *p, const double *x, double *y,
                     double *dy, size_t n)
{
	user_eval(&user_of(def)->prog, p, x, y, dy, n);
}

/* The parameters of the built-ins it calls, checked against their
 * domains when they come from this definition's own parameters. */
const char *actfn_user_check(const struct actfn_def *def, const double *p)
{
	struct user *u = user_of(def);
	const struct user_prog *pg = &u->prog;
	for (int i = 0; i < pg->nnodes; i++) {
		const struct user_node *n = &pg->node[i];
		if (n->op != U_CALL)
			continue;
		for (int k = 0; k < n->fn->nparams; k++) {
			double v = actfn_user_value(pg, n->fp[k], p);
			char buf[150];
			const char *why = actfn_param_domain_error(n->fn, k, v, buf, sizeof buf);
			if (why) {
				snprintf(u->check_msg, sizeof u->check_msg, "in %s, %s: %s", u->name,
				         n->fn->name, why);
				return u->check_msg;
			}
		}
	}
	return NULL;
}

double actfn_user_cost(const struct actfn_def *def)
{
	/* a tape's instruction costs about a quarter of a built-in's eval:
	 * measured, swish2 against silu */
	return 1 + user_of(def)->prog.nins / 4.0;
}

size_t actfn_user_count(void)
{
	size_t c = 0;
	for (size_t i = 0; i < nmade; i++)
		c += made[i]->live;
	return c;
}

const struct actfn_def *actfn_user_at(size_t i)
{
	for (size_t k = 0; k < nmade; k++)
		if (made[k]->live && i-- == 0)
			return &made[k]->def;
	return NULL;
}

const char *actfn_user_source(const struct actfn_def *def)
{
	const struct user *u = user_of(def);
	return u ? u->source : NULL;
}

size_t actfn_user_header(const struct actfn_def *def, char *buf, size_t size)
{
	const struct user *u = user_of(def);
	size_t len = 0;
	if (size)
		buf[0] = '\0';
	if (!u)
		return 0;
	util_append(buf, size, &len, "%s(%s", u->name, u->var);
	for (int k = 0; k < def->nparams; k++) {
		util_append(buf, size, &len, ", %s", u->pname[k]);
		if (!def->param[k].required) {
			char v[NUM_BUF];
			num_format(def->param[k].def, v);
			util_append(buf, size, &len, "=%s", v);
		}
	}
	util_append(buf, size, &len, ")");
	return len;
}

void actfn_user_reset(void)
{
	for (size_t i = 0; i < nmade; i++) {
		free(made[i]->prog.scratch);
		free(made[i]);
	}
	nmade = 0;
}

const struct actfn_def *actfn_user_define(const char *text, size_t len,
                                          struct actfn_user_error *err)
{
	memset(err, 0, sizeof *err);
	if (len > ACTFN_USER_LEN) {
		err->off = ACTFN_USER_LEN;
		snprintf(err->msg, sizeof err->msg, "a definition is at most %d bytes", ACTFN_USER_LEN);
		return NULL;
	}
	if (nmade == MAX_MADE) {
		snprintf(err->msg, sizeof err->msg, "at most %d definitions in one session", MAX_MADE);
		return NULL;
	}
	struct user *u = calloc(1, sizeof *u);
	if (!u) {
		snprintf(err->msg, sizeof err->msg, "out of memory");
		return NULL;
	}
	struct parse ps = {.lx = {.s = text, .len = len}, .u = u, .pg = &u->prog, .err = err};
	next(&ps);
	if (header(&ps)) {
		const struct actfn_def *old = actfn_lookup(u->name, strlen(u->name));
		if (!old && actfn_user_count() == ACTFN_USER_MAX)
			fail(&ps, 0, "at most %d definitions at once", ACTFN_USER_MAX);
		size_t body = ps.lx.off;
		u->prog.root = expr(&ps);
		if (!ps.failed && ps.lx.t != T_END)
			fail(&ps, ps.lx.off, "unexpected '%.*s' after the expression", (int)ps.lx.tlen,
			     text + ps.lx.off);
		size_t end = len;
		while (end > body && (text[end - 1] == ' ' || text[end - 1] == '\t'))
			end--;
		const char *hash = memchr(text + body, '#', end - body);
		if (hash)
			for (end = (size_t)(hash - text); end > body && text[end - 1] == ' ';)
				end--;
		snprintf(u->source, sizeof u->source, "%.*s", (int)(end - body), text + body);
	}
	if (!ps.failed) {
		compile(&u->prog);
		u->prog.scratch = malloc((size_t)u->prog.nregs * 2 * BLOCK * sizeof(double));
		if (!u->prog.scratch)
			fail(&ps, 0, "out of memory");
	}
	if (ps.failed) {
		free(u->prog.scratch);
		free(u);
		return NULL;
	}
	const char *pn[ACTFN_MAX_PARAMS];
	for (int k = 0; k < ps.nparams; k++)
		pn[k] = u->pname[k];
	actfn_user_texts(&u->prog, u->var, pn, u->formula, u->derivative, sizeof u->formula);
	snprintf(u->title, sizeof u->title, "defined: %s", u->source);
	struct actfn_def *def = &u->def;
	def->name = u->name;
	def->title = u->title;
	def->nparams = ps.nparams;
	def->user = true;
	def->formula = u->formula;
	def->derivative = u->derivative;
	def->range = "not derived for a definition: see its plot";
	def->kink = "those of the built-ins it calls, as PyTorch's; at a tie, max and min take "
	            "the second argument's value and the smaller derivative";
	def->properties = "Defined with def; f' by forward-mode automatic differentiation "
	                  "(exact to rounding, not a finite difference).";
	def->torch = "none: a definition of this session";
	/* replaces an earlier definition of the name */
	for (size_t i = 0; i < nmade; i++)
		if (made[i]->live && util_word_eq(u->name, strlen(u->name), made[i]->name))
			made[i]->live = false;
	u->live = true;
	made[nmade++] = u;
	return def;
}
