/* actfn_user_text.c: a definition written back as `info` shows it: its
 * formula, and its derivative worked out symbolically on the same tree
 * (the rules the evaluator's dual numbers follow), simplified. */
#define _POSIX_C_SOURCE 200809L
#include "actfn_user.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "num.h"
#include "util.h"

/* The tree grows derivative terms after the definition's own, up to twice
 * as many; a derivative that needs more is not shown. */
#define ROOM (2 * ACTFN_USER_NODES)

struct tree {
	struct user_node node[ROOM];
	int n;
	bool full;
};

const char *actfn_user_op_text(enum user_op op)
{
	static const char *const text[U_NOPS] = {
		[U_ADD] = " + ", [U_SUB] = " - ", [U_MUL] = " * ", [U_DIV] = " / ", [U_POW] = "^",
		[U_LT] = " < ",  [U_LE] = " <= ", [U_GT] = " > ", [U_GE] = " >= ", [U_EQ] = " == ",
		[U_NE] = " != ", [U_NEG] = "-",
	};
	if (text[op])
		return text[op];
	for (const struct user_func *f = actfn_user_funcs; f->name; f++)
		if (f->op == op)
			return f->name;
	return "?";
}

/* ---- writing ------------------------------------------------------------------ */

struct writer {
	const struct tree *t;
	const char *var;
	const char *const *pnames;
	char *buf;
	size_t size, len;
};

static int prec_of(const struct user_node *n)
{
	switch (n->op) {
	case U_LT:
	case U_LE:
	case U_GT:
	case U_GE:
	case U_EQ:
	case U_NE: return 1;
	case U_ADD:
	case U_SUB: return 2;
	case U_MUL:
	case U_DIV: return 3;
	case U_NEG: return 4;
	case U_POW: return 5;
	case U_NUM: return n->num < 0 || signbit(n->num) ? 4 : 6;
	default: return 6;
	}
}

static void put(struct writer *w, int i, int need);

static void put_args(struct writer *w, const char *name, int a, int b, int c)
{
	util_append(w->buf, w->size, &w->len, "%s(", name);
	int args[3] = {a, b, c};
	for (int k = 0; k < 3 && args[k] >= 0; k++) {
		if (k)
			util_append(w->buf, w->size, &w->len, ", ");
		put(w, args[k], 0);
	}
	util_append(w->buf, w->size, &w->len, ")");
}

/* A built-in's call: its argument, then its parameters up to the last
 * that is not the default. */
static void put_call(struct writer *w, const struct user_node *n)
{
	const struct actfn_def *fn = n->fn;
	util_append(w->buf, w->size, &w->len, "%s%s(", fn->name, n->prime ? "'" : "");
	put(w, n->a, 0);
	int last = -1;
	for (int k = 0; k < fn->nparams; k++) {
		const struct user_node *q = &w->t->node[n->fp[k]];
		if (q->op != U_NUM || q->num != fn->param[k].def || fn->param[k].required)
			last = k;
	}
	for (int k = 0; k <= last; k++) {
		const struct user_node *q = &w->t->node[n->fp[k]];
		util_append(w->buf, w->size, &w->len, ", ");
		if (fn->param[k].type == ACTFN_CHOICE && q->op == U_NUM)
			util_append(w->buf, w->size, &w->len, "%s", fn->param[k].choices[(int)q->num]);
		else
			put(w, n->fp[k], 0);
	}
	util_append(w->buf, w->size, &w->len, ")");
}

/* Term i, in parentheses when its precedence is below need. */
static void put(struct writer *w, int i, int need)
{
	const struct user_node *n = &w->t->node[i];
	int prec = prec_of(n);
	bool paren = prec < need;
	if (paren)
		util_append(w->buf, w->size, &w->len, "(");
	switch (n->op) {
	case U_NUM: {
		char num[NUM_BUF];
		num_format(n->num, num);
		util_append(w->buf, w->size, &w->len, "%s", num);
		break;
	}
	case U_X: util_append(w->buf, w->size, &w->len, "%s", w->var); break;
	case U_PARAM: util_append(w->buf, w->size, &w->len, "{%s}", w->pnames[n->k]); break;
	case U_NEG:
		util_append(w->buf, w->size, &w->len, "-");
		put(w, n->a, 5);
		break;
	case U_ADD:
	case U_SUB:
	case U_MUL:
	case U_DIV:
		put(w, n->a, prec);
		util_append(w->buf, w->size, &w->len, "%s", actfn_user_op_text(n->op));
		put(w, n->b, prec + 1);
		break;
	case U_POW:
		put(w, n->a, 6);
		util_append(w->buf, w->size, &w->len, "^");
		put(w, n->b, 4);
		break;
	case U_LT:
	case U_LE:
	case U_GT:
	case U_GE:
	case U_EQ:
	case U_NE:
		put(w, n->a, 2);
		util_append(w->buf, w->size, &w->len, "%s", actfn_user_op_text(n->op));
		put(w, n->b, 2);
		break;
	case U_CALL: put_call(w, n); break;
	default: put_args(w, actfn_user_op_text(n->op), n->a, n->b, n->c); break;
	}
	if (paren)
		util_append(w->buf, w->size, &w->len, ")");
}

/* ---- differentiating ------------------------------------------------------- */


static int add(struct tree *t, struct user_node n)
{
	if (t->n >= ROOM) {
		t->full = true;
		return 0;
	}
	t->node[t->n] = n;
	return t->n++;
}

static int num(struct tree *t, double v)
{
	return add(t, (struct user_node){.op = U_NUM, .a = -1, .b = -1, .c = -1, .num = v});
}

/* op(a, b, c), simplified: numbers folded, 0 and 1 dropped where they
 * change nothing. */
static int mk(struct tree *t, enum user_op op, int a, int b, int c)
{
	const struct user_node *na = &t->node[a];
	bool an = na->op == U_NUM, bn = b >= 0 && t->node[b].op == U_NUM;
	double av = na->num, bv = b >= 0 ? t->node[b].num : 0;
	switch (op) {
	case U_NEG:
		if (an)
			return num(t, -av);
		if (na->op == U_NEG)
			return na->a;
		if (na->op == U_MUL && t->node[na->a].op == U_NUM) /* -(2 * x): -2 * x */
			return mk(t, U_MUL, num(t, -t->node[na->a].num), na->b, -1);
		break;
	case U_ADD:
		if (an && av == 0)
			return b;
		if (bn && bv == 0)
			return a;
		if (an && bn)
			return num(t, av + bv);
		break;
	case U_SUB:
		if (bn && bv == 0)
			return a;
		if (an && av == 0)
			return mk(t, U_NEG, b, -1, -1);
		if (an && bn)
			return num(t, av - bv);
		break;
	case U_MUL:
		if ((an && av == 0) || (bn && bv == 0))
			return num(t, 0);
		if (an && av == 1)
			return b;
		if (bn && bv == 1)
			return a;
		if (an && av == -1)
			return mk(t, U_NEG, b, -1, -1);
		if (bn && bv == -1)
			return mk(t, U_NEG, a, -1, -1);
		if (an && bn)
			return num(t, av * bv);
		if (bn) /* numbers first: 2 * x */
			return mk(t, U_MUL, b, a, -1);
		break;
	case U_DIV:
		if (an && av == 0)
			return num(t, 0);
		if (bn && bv == 1)
			return a;
		if (an && bn)
			return num(t, av / bv);
		/* 2 * x / 2: x, when the quotient of the numbers is exact */
		if (bn && na->op == U_MUL && t->node[na->a].op == U_NUM) {
			double q = t->node[na->a].num / bv;
			if (q * bv == t->node[na->a].num)
				return mk(t, U_MUL, num(t, q), na->b, -1);
		}
		break;
	case U_POW:
		if (bn && bv == 1)
			return a;
		if (bn && bv == 0)
			return num(t, 1);
		break;
	case U_IF:
		if (c >= 0 && t->node[b].op == U_NUM && t->node[c].op == U_NUM &&
		    t->node[b].num == t->node[c].num)
			return b;
		break;
	default: break;
	}
	return add(t, (struct user_node){.op = op, .a = a, .b = b, .c = c});
}

static int diff(struct tree *t, int i);

/* max or min: the winner's derivative, and at a tie the smaller one. */
static int diff_minmax(struct tree *t, const struct user_node *n, int da, int db)
{
	enum user_op wins = n->op == U_MAX ? U_GT : U_LT;
	int a_wins = mk(t, wins, n->a, n->b, -1), b_wins = mk(t, wins, n->b, n->a, -1);
	if (t->node[da].op == U_NUM && t->node[db].op == U_NUM) {
		double tie = fmin(t->node[da].num, t->node[db].num);
		if (tie == t->node[da].num)
			return mk(t, U_IF, b_wins, db, da);
		return mk(t, U_IF, a_wins, da, db);
	}
	int tie = mk(t, U_MIN, da, db, -1);
	return mk(t, U_IF, a_wins, da, mk(t, U_IF, b_wins, db, tie));
}

static int diff(struct tree *t, int i)
{
	if (t->full)
		return 0;
	struct user_node n = t->node[i];
	if (!n.dep)
		return num(t, 0);
	if (n.op == U_X)
		return num(t, 1);
	int da = n.a >= 0 && n.op != U_IF ? diff(t, n.a) : -1;
	int db = n.b >= 0 && n.op != U_CALL ? diff(t, n.b) : -1;
	switch (n.op) {
	case U_NEG: return mk(t, U_NEG, da, -1, -1);
	case U_ADD:
	case U_SUB: return mk(t, n.op, da, db, -1);
	case U_MUL:
		return mk(t, U_ADD, mk(t, U_MUL, da, n.b, -1), mk(t, U_MUL, n.a, db, -1), -1);
	case U_DIV:
		if (!t->node[n.b].dep)
			return mk(t, U_DIV, da, n.b, -1);
		return mk(t, U_DIV, mk(t, U_SUB, mk(t, U_MUL, da, n.b, -1), mk(t, U_MUL, n.a, db, -1), -1),
		          mk(t, U_POW, n.b, num(t, 2), -1), -1);
	case U_POW: {
		int left = num(t, 0), right = num(t, 0);
		if (t->node[n.a].dep) {
			int e = t->node[n.b].op == U_NUM ? num(t, t->node[n.b].num - 1)
			                                 : mk(t, U_SUB, n.b, num(t, 1), -1);
			left = mk(t, U_MUL, mk(t, U_MUL, n.b, mk(t, U_POW, n.a, e, -1), -1), da, -1);
		}
		if (t->node[n.b].dep)
			right = mk(t, U_MUL, mk(t, U_MUL, i, mk(t, U_LOG, n.a, -1, -1), -1), db, -1);
		return mk(t, U_ADD, left, right, -1);
	}
	case U_IF: return mk(t, U_IF, n.a, diff(t, n.b), diff(t, n.c));
	case U_MIN:
	case U_MAX: return diff_minmax(t, &n, da, db);
	case U_EXP: return mk(t, U_MUL, i, da, -1);
	case U_EXPM1: return mk(t, U_MUL, mk(t, U_EXP, n.a, -1, -1), da, -1);
	case U_LOG: return mk(t, U_DIV, da, n.a, -1);
	case U_LOG1P: return mk(t, U_DIV, da, mk(t, U_ADD, num(t, 1), n.a, -1), -1);
	case U_SQRT: return mk(t, U_DIV, da, mk(t, U_MUL, num(t, 2), i, -1), -1);
	case U_ABS: return mk(t, U_MUL, mk(t, U_SIGN, n.a, -1, -1), da, -1);
	case U_ERF:
	case U_ERFC: {
		int g = mk(t, U_MUL, num(t, 1.1283791670955126),
		           mk(t, U_EXP, mk(t, U_NEG, mk(t, U_POW, n.a, num(t, 2), -1), -1, -1), -1, -1), -1);
		if (n.op == U_ERFC)
			g = mk(t, U_NEG, g, -1, -1);
		return mk(t, U_MUL, g, da, -1);
	}
	case U_SIN: return mk(t, U_MUL, mk(t, U_COS, n.a, -1, -1), da, -1);
	case U_COS: return mk(t, U_MUL, mk(t, U_NEG, mk(t, U_SIN, n.a, -1, -1), -1, -1), da, -1);
	case U_TAN:
		return mk(t, U_DIV, da, mk(t, U_POW, mk(t, U_COS, n.a, -1, -1), num(t, 2), -1), -1);
	case U_SINH: return mk(t, U_MUL, mk(t, U_COSH, n.a, -1, -1), da, -1);
	case U_COSH: return mk(t, U_MUL, mk(t, U_SINH, n.a, -1, -1), da, -1);
	case U_CALL: {
		struct user_node p = n;
		p.prime = true;
		return mk(t, U_MUL, add(t, p), da, -1);
	}
	default: return num(t, 0); /* comparisons, sign */
	}
}

void actfn_user_texts(const struct user_prog *pg, const char *var, const char *const *pnames,
                      char *formula, char *derivative, size_t size)
{
	struct tree *t = malloc(sizeof *t);
	if (!t) {
		snprintf(formula, size, "?");
		snprintf(derivative, size, "?");
		return;
	}
	memcpy(t->node, pg->node, (size_t)pg->nnodes * sizeof t->node[0]);
	t->n = pg->nnodes;
	t->full = false;
	struct writer w = {t, var, pnames, formula, size, 0};
	formula[0] = '\0';
	put(&w, pg->root, 0);
	int d = diff(t, pg->root);
	derivative[0] = '\0';
	if (t->full) {
		snprintf(derivative, size, "(too long to show; computed exactly all the same)");
	} else {
		w.buf = derivative;
		w.len = 0;
		put(&w, d, 0);
	}
	free(t);
}
