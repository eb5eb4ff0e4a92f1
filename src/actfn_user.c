/* actfn_user.c: activations the user defines with `def`: the tree
 * (actfn_user_parse.c) compiled once to a tape, and evaluated a block of
 * points at a time on dual numbers, so f' is exact (forward-mode
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
/* Definitions made in one session, redefinitions included (the old ones
 * stay alive: curves on the screen may still use them). */
#define MAX_MADE 1024


static struct user *made[MAX_MADE];
static size_t nmade;

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
	/* a built-in writes f' over its block before the chain rule reads
	 * the argument's: its result never shares the argument's register */
	int dst = n->op == U_CALL ? (*nfree ? freelist[--*nfree] : pg->nregs++) : -1;
	int ops[3] = {a, b, c};
	for (int k = 0; k < 3; k++)
		if (ops[k] >= 0)
			freelist[(*nfree)++] = ops[k];
	if (dst < 0)
		dst = *nfree ? freelist[--*nfree] : pg->nregs++;
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
static inline __attribute__((always_inline)) void
dual(enum user_op op, double va, double da, bool a_dep, double vb, double db, bool b_dep,
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
			 * (f'(0) = a), min(x, 6) relu6's top (f'(6) = 0). Both
			 * infinite is no tie but a limit: there the one that wins
			 * beyond every finite x (max(0.01*x, x) at inf: x). */
			*v = vb;
			bool larger = isinf(va) && (op == U_MAX) == (va > 0);
			*d = larger ? fmax(da, db) : fmin(da, db);
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
			/* the chain rule; where the built-in's f' is 0 (a flat
			 * piece), 0, as PyTorch's masks give it (not -0, nor nan
			 * from an infinite inner derivative) */
			if (pg->node[nd->a].op != U_X)
				for (size_t i = 0; i < n; i++)
					d[i] = d[i] == 0 ? 0 : d[i] * da[i];
			break;
		}
		default: {
			/* unused operands read block 0 of register a: any finite
			 * numbers do, and no branch is left in the loops */
			const double *va = VAL(in->a), *da = DER(in->a);
			const double *vb = VAL(in->b >= 0 ? in->b : in->a), *db = DER(in->b >= 0 ? in->b : in->a);
			const double *vc = VAL(in->c >= 0 ? in->c : in->a), *dc = DER(in->c >= 0 ? in->c : in->a);
			bool ad = pg->node[nd->a].dep, bd = nd->b >= 0 && pg->node[nd->b].dep;
			/* one loop per operation, dual() inlined into each, so that
			 * the choice of operation is made once a block, not a point */
#define USER_LOOP(OP)                                                                   \
	case OP:                                                                        \
		for (size_t i = 0; i < n; i++)                                              \
			dual(OP, va[i], da[i], ad, vb[i], db[i], bd, vc[i], dc[i], &v[i], &d[i]); \
		break;
			switch (in->op) {
				USER_LOOP(U_NEG) USER_LOOP(U_SUB) USER_LOOP(U_DIV) USER_LOOP(U_POW)
				USER_LOOP(U_LT) USER_LOOP(U_LE) USER_LOOP(U_GT) USER_LOOP(U_GE)
				USER_LOOP(U_EQ) USER_LOOP(U_NE) USER_LOOP(U_IF) USER_LOOP(U_MIN)
				USER_LOOP(U_MAX) USER_LOOP(U_EXP) USER_LOOP(U_LOG) USER_LOOP(U_LOG1P)
				USER_LOOP(U_EXPM1) USER_LOOP(U_SQRT) USER_LOOP(U_ABS) USER_LOOP(U_ERF)
				USER_LOOP(U_ERFC) USER_LOOP(U_SIN) USER_LOOP(U_COS) USER_LOOP(U_TAN)
				USER_LOOP(U_SINH) USER_LOOP(U_COSH) USER_LOOP(U_SIGN)
			default:
				break;
			}
#undef USER_LOOP
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
	const struct user_prog *pg = &user_from_def(def)->prog;
	struct breaks bs = {.n = 0};
	collect_breaks(pg, pg->root, p, &bs);
	memcpy(out, bs.br, (size_t)bs.n * sizeof out[0]);
	if (known)
		*known = !bs.unknown;
	return bs.n;
}

/* ---- the registry ------------------------------------------------------------ */



bool actfn_is_user(const struct actfn_def *def)
{
	return def && def->user;
}

void actfn_user_eval(const struct actfn_def *def, const double *p, const double *x, double *y,
                     double *dy, size_t n)
{
	user_eval(&user_from_def(def)->prog, p, x, y, dy, n);
}

/* The parameters of the built-ins it calls, checked against their
 * domains when they come from this definition's own parameters. */
const char *actfn_user_check(const struct actfn_def *def, const double *p)
{
	struct user *u = user_from_def(def);
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
				snprintf(u->check_msg, sizeof u->check_msg, "its %s's %s", n->fn->name, why);
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
	return 1 + user_from_def(def)->prog.nins / 4.0;
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
	const struct user *u = user_from_def(def);
	return u ? u->source : NULL;
}

size_t actfn_user_header(const struct actfn_def *def, char *buf, size_t size)
{
	const struct user *u = user_from_def(def);
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
	int nparams = 0;
	bool failed = actfn_user_parse(u, text, len, err, &nparams) < 0;
	if (!failed) {
		compile(&u->prog);
		u->prog.scratch = malloc((size_t)u->prog.nregs * 2 * BLOCK * sizeof(double));
		if (!u->prog.scratch) {
			snprintf(err->msg, sizeof err->msg, "out of memory");
			failed = true;
		}
	}
	if (failed) {
		free(u->prog.scratch);
		free(u);
		return NULL;
	}
	const char *pn[ACTFN_MAX_PARAMS];
	for (int k = 0; k < nparams; k++)
		pn[k] = u->pname[k];
	actfn_user_texts(&u->prog, u->var, pn, u->formula, u->derivative, sizeof u->formula);
	snprintf(u->title, sizeof u->title, "defined: %s", u->source);
	struct actfn_def *def = &u->def;
	def->name = u->name;
	def->title = u->title;
	def->nparams = nparams;
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
