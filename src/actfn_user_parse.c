/* actfn_user_parse.c: def's text into a definition: its header
 * (NAME(X, P=V, ...) =) and its expression into a tree of terms, numbers
 * folded and earlier definitions inlined; each error with its position. */
#define _POSIX_C_SOURCE 200809L
#include "actfn_user.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "num.h"
#include "util.h"

/* Parentheses and calls nested deeper than this are refused (the parser
 * recurses). */
#define MAX_DEPTH 100

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

/* The arguments of a call, as parsed: each one's term and where it
 * starts, and the parameter a keyword names (-1: by position). */
#define MAX_ARGS (ACTFN_MAX_PARAMS + 3)
struct call_args {
	int term[MAX_ARGS];
	size_t off[MAX_ARGS];
	int kw[MAX_ARGS];
	int n;
	size_t close; /* where the ')' is */
};

/* An activation's argument after the first, at a word: a keyword
 * (alpha=1.5) noted in ca->kw, then a choice word (tanh) taken as its
 * value. Returns 1 when it took a choice word, 0 when the value is an
 * expression still to parse (the current token), -1 on an error. */
static int keyword_or_choice(struct parse *ps, const struct actfn_def *act, struct call_args *ca,
                             size_t *aoff)
{
	const char *s = ps->lx.s;
	int i = ca->n;
	size_t woff = ps->lx.off, wlen = ps->lx.tlen;
	struct lex save = ps->lx;
	next(ps);
	if (ps->lx.t == T_ASSIGN) {
		int k = actfn_param_index(act, s + woff, wlen);
		if (k < 0) {
			fail(ps, woff, "%s has no parameter '%.*s'", act->name, (int)wlen, s + woff);
			return -1;
		}
		ca->kw[i] = k;
		next(ps);
		*aoff = ps->lx.off;
		save = ps->lx;
	}
	ps->lx = save; /* the value's first token */
	int pk = ca->kw[i] >= 0 ? ca->kw[i] : i - 1;
	if (pk >= act->nparams || act->param[pk].type != ACTFN_CHOICE || ps->lx.t != T_NAME)
		return 0;
	int ch = actfn_choice_index(&act->param[pk], s + ps->lx.off, ps->lx.tlen);
	if (ch < 0) {
		fail(ps, ps->lx.off, "%s's %s is one of its words, not '%.*s'", act->name,
		     act->param[pk].name, (int)ps->lx.tlen, s + ps->lx.off);
		return -1;
	}
	ca->term[i] = num_node(ps, ch, ps->lx.off);
	next(ps);
	return 1;
}

/* The arguments from '(' to ')', at most cap of them. */
static int call_args(struct parse *ps, const struct user_func *fn, const struct actfn_def *act,
                     struct call_args *ca)
{
	int cap = fn ? (fn->arity < 0 ? MAX_ARGS : fn->arity) : 1 + act->nparams;
	next(ps); /* ( */
	ca->n = 0;
	while (ps->lx.t != T_RP) {
		if (ca->n > 0 && !expect(ps, T_COMMA, "',' or ')'"))
			return -1;
		size_t aoff = ps->lx.off;
		if (ca->n >= cap) {
			if (fn)
				fail(ps, aoff, "%s takes %s%d argument%s", fn->name, fn->arity < 0 ? "at most " : "",
				     cap, cap == 1 ? "" : "s");
			else
				fail(ps, aoff, "%s takes x and at most %d parameter%s", act->name, act->nparams,
				     act->nparams == 1 ? "" : "s");
			return -1;
		}
		ca->kw[ca->n] = -1;
		int took = act && ca->n > 0 && ps->lx.t == T_NAME ? keyword_or_choice(ps, act, ca, &aoff) : 0;
		if (took < 0)
			return -1;
		if (!took)
			ca->term[ca->n] = expr(ps);
		ca->off[ca->n++] = aoff;
		if (ps->failed)
			return -1;
	}
	ca->close = ps->lx.off;
	next(ps); /* ) */
	return 0;
}

/* An activation's call: its parameters bound (as given, else its
 * defaults); a definition's inlined, a built-in's checked: free of x,
 * and in its domain when a number. */
static int call_activation(struct parse *ps, const struct actfn_def *act, const struct call_args *ca,
                           size_t off)
{
	if (ca->n < 1) {
		fail(ps, ca->close, "%s needs its argument: %s(x)", act->name, act->name);
		return -1;
	}
	int par[ACTFN_MAX_PARAMS];
	bool given[ACTFN_MAX_PARAMS] = {false};
	for (int i = 1; i < ca->n; i++) {
		int k = ca->kw[i] >= 0 ? ca->kw[i] : i - 1;
		if (given[k]) {
			fail(ps, ca->off[i], "%s's %s is given twice", act->name, act->param[k].name);
			return -1;
		}
		given[k] = true;
		par[k] = ca->term[i];
	}
	for (int k = 0; k < act->nparams; k++) {
		if (given[k])
			continue;
		if (act->param[k].required) {
			fail(ps, ca->close, "%s needs its %s", act->name, act->param[k].name);
			return -1;
		}
		par[k] = num_node(ps, act->param[k].def, ca->close);
	}
	if (act->user)
		return inline_term(ps, &user_from_def(act)->prog, user_from_def(act)->prog.root,
		                   ca->term[0], par, off);
	for (int i = 1; i < ca->n; i++) {
		int k = ca->kw[i] >= 0 ? ca->kw[i] : i - 1;
		const struct user_node *q = &ps->pg->node[ca->term[i]];
		if (q->dep) {
			fail(ps, ca->off[i], "%s's %s must not depend on %s", act->name, act->param[k].name,
			     ps->u->var);
			return -1;
		}
		char buf[160];
		const char *why = q->op == U_NUM ? actfn_param_domain_error(act, k, q->num, buf, sizeof buf)
		                                 : NULL;
		if (why) {
			fail(ps, ca->off[i], "%s: %s", act->name, why);
			return -1;
		}
	}
	int n = add_node(ps, U_CALL, off);
	if (n < 0)
		return -1;
	struct user_node *nn = &ps->pg->node[n];
	nn->a = ca->term[0];
	nn->fn = act;
	nn->dep = ps->pg->node[ca->term[0]].dep;
	for (int k = 0; k < act->nparams; k++)
		nn->fp[k] = par[k];
	return n;
}

/* name(args): a function of the language, a built-in activation, or a
 * definition made before this one. The name is the current token. */
static int call(struct parse *ps, size_t off, size_t len)
{
	const char *s = ps->lx.s;
	const struct user_func *fn = func_lookup(s + off, len);
	const struct actfn_def *act = fn ? NULL : actfn_lookup(s + off, len);
	if (!fn && !act) {
		if (util_word_eq(s + off, len, ps->u->name))
			fail(ps, off, "%s cannot call itself: a definition has no recursion", ps->u->name);
		else
			fail(ps, off, "unknown function '%.*s'", (int)len, s + off);
		return -1;
	}
	struct call_args ca;
	if (call_args(ps, fn, act, &ca) < 0)
		return -1;
	if (!fn)
		return call_activation(ps, act, &ca, off);
	int need = fn->arity < 0 ? 2 : fn->arity;
	if (ca.n < need) {
		fail(ps, ca.close, "%s takes %s%d argument%s", fn->name, fn->arity < 0 ? "at least " : "",
		     need, need == 1 ? "" : "s");
		return -1;
	}
	if (fn->op == U_MIN || fn->op == U_MAX) {
		int r = ca.term[0];
		for (int i = 1; i < ca.n; i++)
			r = op_node(ps, fn->op, r, ca.term[i], -1, off);
		return r;
	}
	return op_node(ps, fn->op, ca.term[0], ca.n > 1 ? ca.term[1] : -1, ca.n > 2 ? ca.term[2] : -1,
	               off);
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

int actfn_user_parse(struct user *u, const char *text, size_t len, struct actfn_user_error *err,
                     int *nparams)
{
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
	*nparams = ps.nparams;
	return ps.failed ? -1 : 0;
}
