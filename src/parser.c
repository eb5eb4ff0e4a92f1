/* parser.c: the command language, one line at a time, into struct cmd.
 * Commands are table-driven; curves and clauses are shared by the plot,
 * at and table forms. */
#define _POSIX_C_SOURCE 200809L
#include "parser.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dmath.h"
#include "lexer.h"
#include "num.h"
#include "util.h"

struct parser {
	const char *line;
	size_t len;
	struct token_list tl;
	size_t pos;
	struct diag *d;
};

/* Quote at most this many bytes of a token in a message. */
#define QUOTE 40

static const struct token *peek(const struct parser *p, size_t k)
{
	size_t i = p->pos + k;
	return &p->tl.tok[i < p->tl.n ? i : p->tl.n - 1];
}

static const struct token *next(struct parser *p)
{
	const struct token *t = peek(p, 0);
	if (t->kind != TOK_END)
		p->pos++;
	return t;
}

static const char *text(const struct parser *p, const struct token *t)
{
	return p->line + t->off;
}

static int qlen(const struct token *t)
{
	return (int)(t->len > QUOTE ? QUOTE : t->len);
}

static bool is_word(const struct parser *p, const struct token *t, const char *w)
{
	return t->kind == TOK_WORD && util_word_eq(text(p, t), t->len, w);
}

static bool is_clause(const struct parser *p, const struct token *t);

/* "unexpected X" naming the token, or the end of the line. */
static int unexpected(struct parser *p, const struct token *t, const char *expected)
{
	if (t->kind == TOK_END)
		return diag_set(p->d, t->off, "expected %s", expected);
	return diag_set(p->d, t->off, "unexpected '%.*s' (expected %s)", qlen(t), text(p, t), expected);
}

static int expect_end(struct parser *p)
{
	const struct token *t = peek(p, 0);
	if (t->kind == TOK_END)
		return 0;
	return diag_set(p->d, t->off, "unexpected '%.*s' after the end of the command", qlen(t),
	                text(p, t));
}

/* ---- ranges and numbers ------------------------------------------------- */

const char *parse_range_error(double lo, double hi)
{
	if (!isfinite(lo) || !isfinite(hi))
		return "a range must have finite ends";
	if (lo == hi)
		return "empty range: LO and HI are equal";
	if (lo > hi)
		return "empty range: LO must be less than HI";
	if (!isfinite(hi - lo))
		return "range too wide: HI - LO must be a finite number";
	double big = fabs(lo) > fabs(hi) ? fabs(lo) : fabs(hi);
	if (hi - lo < 1e-12 * big)
		return "range too narrow: HI - LO must be at least 1e-12 of the larger end";
	return NULL;
}

/* Decimals of a number as typed; a hex float has none to count, so those
 * of its shortest decimal form (0x1p-2 is 0.25: two). */
static int typed_decimals(const struct parser *p, const struct token *t)
{
	int dec = num_decimals(text(p, t), t->len);
	if (dec == NUM_DEC_NONE && isfinite(t->num)) {
		char buf[NUM_BUF];
		size_t n = num_format(t->num, buf);
		dec = num_decimals(buf, n);
	}
	return dec;
}

static int parse_range(struct parser *p, struct range *r, size_t *off)
{
	const struct token *lo = peek(p, 0);
	*off = lo->off;
	if (lo->kind != TOK_NUMBER)
		return unexpected(p, lo, "a range LO..HI");
	next(p);
	const struct token *dots = peek(p, 0);
	if (dots->kind != TOK_DOTDOT)
		return unexpected(p, dots, "'..' (a range is written LO..HI)");
	next(p);
	const struct token *hi = peek(p, 0);
	if (hi->kind != TOK_NUMBER)
		return unexpected(p, hi, "the upper end of the range (LO..HI)");
	next(p);
	const char *why = parse_range_error(lo->num, hi->num);
	if (why) {
		if (lo->num > hi->num && isfinite(lo->num) && isfinite(hi->num))
			return diag_set(p->d, lo->off, "%s (did you mean %.*s..%.*s?)", why, qlen(hi),
			                text(p, hi), qlen(lo), text(p, lo));
		return diag_set(p->d, lo->off, "%s", why);
	}
	r->lo = lo->num;
	r->hi = hi->num;
	r->lo_dec = typed_decimals(p, lo);
	r->hi_dec = typed_decimals(p, hi);
	return 0;
}

/* A whole number in [min, max] for a setting or size. */
static int parse_count(struct parser *p, const char *what, long min, long max, long *out)
{
	const struct token *t = peek(p, 0);
	if (t->kind != TOK_NUMBER)
		return unexpected(p, t, "a number");
	next(p);
	double v = t->num;
	if (isnan(v) || v != floor(v))
		return diag_set(p->d, t->off, "%s must be a whole number", what);
	if (v < (double)min)
		return diag_set(p->d, t->off, "%s must be at least %ld", what, min);
	if (v > (double)max)
		return diag_set(p->d, t->off, "%s must be at most %ld", what, max);
	*out = (long)v;
	return 0;
}

/* ---- curves ----------------------------------------------------------- */

static void param_list(const struct actfn_def *def, char *buf, size_t size)
{
	size_t len = 0;
	buf[0] = '\0';
	for (int i = 0; i < def->nparams; i++)
		util_append(buf, size, &len, "%s%s", i ? ", " : "", def->param[i].name);
}

static int set_param(struct parser *p, struct cmd_curve *c, bool *given, int i,
                     const struct token *value)
{
	const struct actfn_def *def = c->fn.def;
	const struct actfn_param *pp = &def->param[i];
	if (given[i])
		return diag_set(p->d, value->off, "%s given twice", pp->name);
	given[i] = true;
	if (pp->type == ACTFN_CHOICE) {
		int k = value->kind == TOK_WORD ? actfn_choice_index(pp, text(p, value), value->len) : -1;
		if (k < 0) {
			char list[64];
			size_t len = 0;
			list[0] = '\0';
			for (int j = 0; pp->choices[j]; j++)
				util_append(list, sizeof list, &len, "%s%s", j ? ", " : "", pp->choices[j]);
			return diag_set(p->d, value->off, "%s must be one of: %s", pp->name, list);
		}
		c->fn.p[i] = k;
		return 0;
	}
	if (value->kind != TOK_NUMBER)
		return diag_set(p->d, value->off, "%s must be a number, not '%.*s'", pp->name,
		                qlen(value), text(p, value));
	char why[128];
	if (actfn_param_domain_error(def, i, value->num, why, sizeof why)) {
		char got[NUM_BUF];
		num_format(value->num, got);
		return diag_set(p->d, value->off, "%s: %s (got %s)", def->name, why, got);
	}
	c->fn.p[i] = value->num;
	return 0;
}

/* A curve: NAME and its parameters. With bare_ok (info), required
 * parameters may be left out. */
static int parse_curve(struct parser *p, struct cmd_curve *c, bool bare_ok)
{
	const struct token *name = peek(p, 0);
	if (name->kind != TOK_WORD)
		return unexpected(p, name, "an activation name");
	const struct actfn_def *def = actfn_lookup(text(p, name), name->len);
	if (!def) {
		const char *sug = actfn_suggest(text(p, name), name->len);
		if (sug)
			return diag_set(p->d, name->off, "unknown activation '%.*s' (did you mean '%s'?)",
			                qlen(name), text(p, name), sug);
		return diag_set(p->d, name->off, "unknown activation '%.*s' (list shows them all)",
		                qlen(name), text(p, name));
	}
	next(p);
	actfn_curve_default(&c->fn, def);
	c->off = name->off;

	bool given[ACTFN_MAX_PARAMS] = {false};
	int positional = 0;
	for (;;) {
		const struct token *t = peek(p, 0);
		if (t->kind == TOK_WORD && peek(p, 1)->kind == TOK_EQUALS) {
			int i = actfn_param_index(def, text(p, t), t->len);
			if (i < 0) {
				char list[96];
				param_list(def, list, sizeof list);
				if (def->nparams == 0)
					return diag_set(p->d, t->off, "%s has no parameters", def->name);
				const char *names[2 * ACTFN_MAX_PARAMS];
				size_t nn = 0;
				for (int k = 0; k < def->nparams; k++) {
					names[nn++] = def->param[k].name;
					if (def->param[k].alias)
						names[nn++] = def->param[k].alias;
				}
				const char *sug = util_closest(text(p, t), t->len, names, nn);
				if (sug)
					return diag_set(p->d, t->off, "%s has no parameter '%.*s' (did you mean '%s'?)",
					                def->name, qlen(t), text(p, t), sug);
				return diag_set(p->d, t->off, "%s has no parameter '%.*s' (it has: %s)",
				                def->name, qlen(t), text(p, t), list);
			}
			next(p);
			next(p);
			const struct token *v = peek(p, 0);
			if (v->kind != TOK_NUMBER && v->kind != TOK_WORD)
				return unexpected(p, v, "a value after '='");
			next(p);
			if (set_param(p, c, given, i, v) < 0)
				return -1;
			continue;
		}
		bool choice_word = t->kind == TOK_WORD && positional < def->nparams &&
		                   def->param[positional].type == ACTFN_CHOICE && !is_clause(p, t);
		if (t->kind == TOK_NUMBER || choice_word) {
			if (positional >= def->nparams) {
				char list[96];
				param_list(def, list, sizeof list);
				if (def->nparams == 0)
					return diag_set(p->d, t->off, "%s takes no parameters", def->name);
				return diag_set(p->d, t->off, "too many parameters: %s takes %d (%s)",
				                def->name, def->nparams, list);
			}
			next(p);
			if (set_param(p, c, given, positional++, t) < 0)
				return -1;
			continue;
		}
		if (t->kind == TOK_WORD && !is_clause(p, t)) {
			if (actfn_lookup(text(p, t), t->len))
				return diag_set(p->d, t->off, "expected ',' before '%.*s' (curves are "
				                "separated by commas)", qlen(t), text(p, t));
			if (t->kind == TOK_WORD && peek(p, 1)->kind == TOK_NUMBER && def->nparams > 0)
				return diag_set(p->d, t->off, "unexpected '%.*s' (a named parameter is "
				                "written name=value)", qlen(t), text(p, t));
		}
		break;
	}
	c->bare = true;
	for (int i = 0; i < def->nparams; i++)
		c->bare &= !given[i];
	for (int i = 0; i < def->nparams && !(bare_ok && c->bare); i++) {
		if (def->param[i].required && !given[i]) {
			char list[96];
			param_list(def, list, sizeof list);
			return diag_set(p->d, name->off, "%s needs a value for %s (it takes: %s)",
			                def->name, def->param[i].name, list);
		}
	}
	if (def->check && !c->bare) {
		const char *why = def->check(c->fn.p);
		if (why)
			return diag_set(p->d, name->off, "%s: %s", def->name, why);
	}
	actfn_label(&c->fn, c->label, sizeof c->label);
	return 0;
}

/* Repeated labels get " #2", " #3" so every column and legend entry has
 * its own name. */
static void number_repeats(struct cmd *cmd)
{
	for (int i = 1; i < cmd->ncurves; i++) {
		int seen = 1;
		for (int j = 0; j < i; j++)
			if (strcmp(cmd->curve[j].fn.def->name, cmd->curve[i].fn.def->name) == 0) {
				char a[CMD_LABEL], b[CMD_LABEL];
				actfn_label(&cmd->curve[j].fn, a, sizeof a);
				actfn_label(&cmd->curve[i].fn, b, sizeof b);
				seen += strcmp(a, b) == 0;
			}
		if (seen > 1) {
			size_t len = strlen(cmd->curve[i].label);
			util_append(cmd->curve[i].label, sizeof cmd->curve[i].label, &len, " #%d", seen);
		}
	}
}

static int parse_curve_list(struct parser *p, struct cmd *cmd)
{
	for (;;) {
		if (cmd->ncurves == LIMIT_CURVES)
			return diag_set(p->d, peek(p, 0)->off, "too many curves (at most %d in one command)",
			                LIMIT_CURVES);
		if (parse_curve(p, &cmd->curve[cmd->ncurves], false) < 0)
			return -1;
		cmd->ncurves++;
		if (peek(p, 0)->kind != TOK_COMMA)
			break;
		next(p);
	}
	number_repeats(cmd);
	return 0;
}

/* ---- clauses ------------------------------------------------------------ */

static int parse_points(struct parser *p, struct cmd *cmd)
{
	/* Count first, so the limit is checked before anything is allocated. */
	size_t n = 0;
	for (size_t k = 0; peek(p, k)->kind != TOK_END; k++)
		n += peek(p, k)->kind == TOK_NUMBER;
	if (n == 0)
		return unexpected(p, peek(p, 0), "a point after 'at' (at -1, 0, 1)");
	if (n > LIMIT_POINTS)
		return diag_set(p->d, cmd->points_off, "too many points (at most %d in one 'at')",
		                LIMIT_POINTS);
	cmd->points = malloc(n * sizeof *cmd->points);
	if (!cmd->points)
		return diag_set(p->d, cmd->points_off, "out of memory");
	for (;;) {
		const struct token *t = peek(p, 0);
		if (t->kind != TOK_NUMBER)
			return unexpected(p, t, "a number");
		next(p);
		cmd->points[cmd->npoints++] = t->num;
		t = peek(p, 0);
		if (t->kind == TOK_END)
			return 0;
		if (t->kind != TOK_COMMA)
			return unexpected(p, t, "',' between points");
		next(p);
	}
}

/* A limit as the man page writes it: 1e10, not 10000000000. */
static const char *limit_text(double v, char buf[32])
{
	double e = floor(dmath_log10(v));
	if (v >= 1e6 && v == dmath_pow(10, e))
		snprintf(buf, 32, "1e%.0f", e);
	else
		snprintf(buf, 32, "%.0f", v);
	return buf;
}

/* A whole number in [min, max] (doubles, for limits past a long's
 * comfort such as 1e10 samples). */
static int parse_whole(struct parser *p, const char *what, double min, double max, double *out)
{
	*out = 0;
	const struct token *t = peek(p, 0);
	if (t->kind != TOK_NUMBER)
		return unexpected(p, t, "a number");
	next(p);
	double v = t->num;
	char lim[32];
	if (isnan(v) || (isfinite(v) && v != floor(v)))
		return diag_set(p->d, t->off, "%s must be a whole number", what);
	if (v < min)
		return diag_set(p->d, t->off, "%s must be at least %s", what, limit_text(min, lim));
	if (v > max)
		return diag_set(p->d, t->off, "%s must be at most %s", what, limit_text(max, lim));
	*out = v;
	return 0;
}

/* NAME(A, B): normal(MU, SIGMA) or uniform(LO, HI), for `with` and for
 * `init normal(0, s)`. A bare `normal` is N(0, 1). */
static int parse_dist(struct parser *p, struct stats_dist *d, bool uniform_ok)
{
	*d = stats_std_normal;
	const struct token *t = peek(p, 0);
	bool normal = is_word(p, t, "normal"), uniform = uniform_ok && is_word(p, t, "uniform");
	if (!normal && !uniform)
		return unexpected(p, t, uniform_ok ? "normal(MU, SIGMA) or uniform(LO, HI)"
		                                   : "he, xavier, torch or normal(0, SIGMA)");
	next(p);
	d->kind = normal ? DIST_NORMAL : DIST_UNIFORM;
	if (normal && peek(p, 0)->kind != TOK_LPAREN) {
		d->a = 0;
		d->b = 1;
		return 0;
	}
	const struct token *args[2];
	if (peek(p, 0)->kind != TOK_LPAREN)
		return unexpected(p, peek(p, 0), "'(' (uniform(LO, HI))");
	next(p);
	for (int i = 0; i < 2; i++) {
		args[i] = peek(p, 0);
		if (args[i]->kind != TOK_NUMBER)
			return unexpected(p, args[i], "a number");
		if (!isfinite(args[i]->num))
			return diag_set(p->d, args[i]->off, "the parameters of %s must be finite",
			                normal ? "normal" : "uniform");
		next(p);
		const struct token *sep = peek(p, 0);
		if (sep->kind != (i == 0 ? TOK_COMMA : TOK_RPAREN))
			return unexpected(p, sep, i == 0 ? "',' between the two parameters" : "')'");
		next(p);
	}
	d->a = args[0]->num;
	d->b = args[1]->num;
	if (normal && !(d->b > 0))
		return diag_set(p->d, args[1]->off, "SIGMA of normal(MU, SIGMA) must be > 0");
	if (uniform && !(d->a < d->b))
		return diag_set(p->d, args[0]->off, "LO of uniform(LO, HI) must be less than HI");
	return 0;
}

enum clause_cmds {
	K_PLOT = 1 << 0,
	K_TABLE = 1 << 1,
	K_DEAD = 1 << 2,
	K_HIST = 1 << 3,
	K_SWEEP = 1 << 4,
	K_TRAIN = 1 << 5,
};

static unsigned kind_bit(enum cmd_kind k)
{
	switch (k) {
	case CMD_PLOT:
	case CMD_AT:
		return K_PLOT;
	case CMD_TABLE:
		return K_TABLE;
	case CMD_DEAD:
		return K_DEAD;
	case CMD_HIST:
		return K_HIST;
	case CMD_SWEEP:
		return K_SWEEP;
	case CMD_TRAIN:
		return K_TRAIN;
	default:
		return 0;
	}
}

static const char *kind_name(enum cmd_kind k)
{
	switch (k) {
	case CMD_TABLE:
		return "'table'";
	case CMD_DEAD:
		return "'dead'";
	case CMD_HIST:
		return "'hist'";
	case CMD_SWEEP:
		return "'sweep'";
	case CMD_TRAIN:
		return "'train'";
	default:
		return "a plot";
	}
}

static int cl_on(struct parser *p, struct cmd *cmd)
{
	cmd->has_range = true;
	return parse_range(p, &cmd->range, &cmd->range_off);
}

static int cl_at(struct parser *p, struct cmd *cmd)
{
	cmd->kind = CMD_AT;
	return parse_points(p, cmd);
}

static int cl_step(struct parser *p, struct cmd *cmd)
{
	const struct token *v = peek(p, 0);
	if (v->kind != TOK_NUMBER)
		return unexpected(p, v, "a step size");
	next(p);
	if (!(v->num > 0) || !isfinite(v->num))
		return diag_set(p->d, v->off, "step must be a positive finite number");
	cmd->has_step = true;
	cmd->step = v->num;
	cmd->step_dec = typed_decimals(p, v);
	cmd->step_off = v->off;
	return 0;
}

static int cl_with(struct parser *p, struct cmd *cmd)
{
	return parse_dist(p, &cmd->dist, true);
}

static int cl_samples(struct parser *p, struct cmd *cmd)
{
	return parse_whole(p, "samples", 1, STATS_MC_MAX, &cmd->samples);
}

static int cl_seed(struct parser *p, struct cmd *cmd)
{
	double v;
	if (parse_whole(p, "seed", 0, 9007199254740992.0, &v) < 0)
		return -1;
	cmd->seed = (uint64_t)v;
	cmd->layer.seed = cmd->seed;
	cmd->train.seed = cmd->seed;
	return 0;
}

static int cl_bins(struct parser *p, struct cmd *cmd)
{
	double v;
	if (parse_whole(p, "bins", 1, LIMIT_BINS, &v) < 0)
		return -1;
	cmd->bins = (long)v;
	return 0;
}

static int cl_layer(struct parser *p, struct cmd *cmd)
{
	double v;
	if (parse_whole(p, "neurons", 1, LIMIT_LAYER_WEIGHTS, &v) < 0)
		return -1;
	cmd->layer.neurons = (long)v;
	return 0;
}

static int cl_inputs(struct parser *p, struct cmd *cmd)
{
	double v;
	if (parse_whole(p, "inputs", 1, LIMIT_LAYER_WEIGHTS, &v) < 0)
		return -1;
	cmd->layer.inputs = (long)v;
	return 0;
}

static int cl_batch(struct parser *p, struct cmd *cmd)
{
	double v;
	bool train = cmd->kind == CMD_TRAIN;
	if (parse_whole(p, "batch", 1, train ? LIMIT_TRAIN_BATCH : LIMIT_BATCH, &v) < 0)
		return -1;
	cmd->layer.batch = (long)v;
	cmd->train.batch = (long)v;
	return 0;
}

static int cl_lr(struct parser *p, struct cmd *cmd)
{
	const struct token *v = peek(p, 0);
	if (v->kind != TOK_NUMBER)
		return unexpected(p, v, "a learning rate");
	next(p);
	if (!(v->num > 0) || !isfinite(v->num))
		return diag_set(p->d, v->off, "lr must be a positive finite number");
	cmd->train.lr = v->num;
	return 0;
}

static int cl_steps(struct parser *p, struct cmd *cmd)
{
	double v;
	if (parse_whole(p, "steps", 1, LIMIT_TRAIN_STEPS, &v) < 0)
		return -1;
	cmd->train.steps = (long)v;
	return 0;
}

static int cl_width(struct parser *p, struct cmd *cmd)
{
	double v;
	if (parse_whole(p, "width", 1, LIMIT_TRAIN_WIDTH, &v) < 0)
		return -1;
	cmd->train.width = (long)v;
	return 0;
}

static int cl_depth(struct parser *p, struct cmd *cmd)
{
	double v;
	if (parse_whole(p, "depth", 1, LIMIT_TRAIN_DEPTH, &v) < 0)
		return -1;
	cmd->train.depth = (long)v;
	return 0;
}

static int cl_every(struct parser *p, struct cmd *cmd)
{
	double v;
	if (parse_whole(p, "every", 1, LIMIT_TRAIN_STEPS, &v) < 0)
		return -1;
	cmd->train.every = (long)v;
	return 0;
}

static int cl_task(struct parser *p, struct cmd *cmd)
{
	const struct token *t = peek(p, 0);
	if (is_word(p, t, "sin"))
		cmd->train.task = TASK_SIN;
	else if (is_word(p, t, "spirals"))
		cmd->train.task = TASK_SPIRALS;
	else
		return unexpected(p, t, "a task: sin or spirals");
	next(p);
	return 0;
}

static int cl_optimizer(struct parser *p, struct cmd *cmd)
{
	const struct token *t = peek(p, 0);
	if (is_word(p, t, "sgd"))
		cmd->train.opt = OPT_SGD;
	else if (is_word(p, t, "adam"))
		cmd->train.opt = OPT_ADAM;
	else
		return unexpected(p, t, "an optimizer: sgd or adam");
	next(p);
	return 0;
}

static int cl_bias(struct parser *p, struct cmd *cmd)
{
	if (cmd->kind == CMD_SWEEP) {
		size_t off;
		return parse_range(p, &cmd->bias_range, &off);
	}
	const struct token *v = peek(p, 0);
	if (v->kind != TOK_NUMBER)
		return unexpected(p, v, "a number");
	next(p);
	if (!isfinite(v->num))
		return diag_set(p->d, v->off, "bias must be a finite number");
	cmd->bias = v->num;
	cmd->train.bias = v->num;
	cmd->train.set_bias = true;
	return 0;
}

static int cl_init(struct parser *p, struct cmd *cmd)
{
	const struct token *t = peek(p, 0);
	if (is_word(p, t, "he") || is_word(p, t, "xavier") || is_word(p, t, "torch")) {
		cmd->layer.init = is_word(p, t, "he")       ? INIT_HE
		                  : is_word(p, t, "xavier") ? INIT_XAVIER
		                                            : INIT_TORCH;
		cmd->train.init = cmd->layer.init;
		next(p);
		return 0;
	}
	struct stats_dist d;
	if (parse_dist(p, &d, false) < 0)
		return -1;
	cmd->layer.init = INIT_NORMAL;
	cmd->layer.init_mean = d.a;
	cmd->layer.init_sd = d.b;
	cmd->train.init = INIT_NORMAL;
	cmd->train.init_mean = d.a;
	cmd->train.init_sd = d.b;
	return 0;
}

static const struct clause {
	const char *word;
	unsigned bit;
	unsigned kinds;
	int (*parse)(struct parser *, struct cmd *);
} clauses[] = {
	{"on", CL_ON, K_PLOT | K_TABLE, cl_on},
	{"at", CL_AT, K_PLOT, cl_at},
	{"step", CL_STEP, K_TABLE | K_SWEEP, cl_step},
	{"with", CL_WITH, K_DEAD | K_HIST, cl_with},
	{"samples", CL_SAMPLES, K_DEAD | K_HIST, cl_samples},
	{"seed", CL_SEED, K_DEAD | K_HIST | K_SWEEP | K_TRAIN, cl_seed},
	{"bins", CL_BINS, K_HIST, cl_bins},
	{"layer", CL_LAYER, K_DEAD | K_HIST | K_SWEEP, cl_layer},
	{"inputs", CL_INPUTS, K_DEAD | K_HIST | K_SWEEP, cl_inputs},
	{"bias", CL_BIAS, K_DEAD | K_HIST | K_SWEEP | K_TRAIN, cl_bias},
	{"init", CL_INIT, K_DEAD | K_HIST | K_SWEEP | K_TRAIN, cl_init},
	{"batch", CL_BATCH, K_DEAD | K_HIST | K_SWEEP | K_TRAIN, cl_batch},
	{"lr", CL_LR, K_TRAIN, cl_lr},
	{"steps", CL_STEPS, K_TRAIN, cl_steps},
	{"width", CL_WIDTH, K_TRAIN, cl_width},
	{"depth", CL_DEPTH, K_TRAIN, cl_depth},
	{"task", CL_TASK, K_TRAIN, cl_task},
	{"optimizer", CL_OPTIMIZER, K_TRAIN, cl_optimizer},
	{"every", CL_EVERY, K_TRAIN, cl_every},
};

#define NCLAUSES (sizeof clauses / sizeof clauses[0])


static bool is_clause(const struct parser *p, const struct token *t)
{
	for (size_t i = 0; i < NCLAUSES; i++)
		if (is_word(p, t, clauses[i].word))
			return true;
	return false;
}

/* The clause words a command takes, for "expected ..." messages. */
static void clause_list(unsigned kind, char *buf, size_t size)
{
	size_t len = 0;
	buf[0] = '\0';
	util_append(buf, size, &len, "','");
	for (size_t i = 0; i < NCLAUSES; i++)
		if (clauses[i].kinds & kind)
			util_append(buf, size, &len, ", '%s'", clauses[i].word);
}

static int parse_clauses(struct parser *p, struct cmd *cmd)
{
	for (;;) {
		const struct token *t = peek(p, 0);
		if (t->kind == TOK_END)
			break;
		const struct clause *c = NULL;
		for (size_t i = 0; i < NCLAUSES && !c; i++)
			if (is_word(p, t, clauses[i].word))
				c = &clauses[i];
		if (!c) {
			if (t->kind == TOK_COMMA)
				return unexpected(p, peek(p, 1), "an activation name after ','");
			/* a parameter's name with no value: say how to give one */
			const struct actfn_def *last = cmd->ncurves > 0 ? cmd->curve[cmd->ncurves - 1].fn.def : NULL;
			if (t->kind == TOK_WORD && last && actfn_param_index(last, text(p, t), t->len) >= 0) {
				int k = actfn_param_index(last, text(p, t), t->len);
				char v[NUM_BUF];
				num_format(last->param[k].def, v);
				return diag_set(p->d, t->off, "%s needs a value (%s=%s)", last->param[k].name,
				                last->param[k].name, last->param[k].type == ACTFN_CHOICE
				                                         ? last->param[k].choices[0] : v);
			}
			char list[160];
			clause_list(kind_bit(cmd->kind), list, sizeof list);
			return unexpected(p, t, list);
		}
		if (!(c->kinds & kind_bit(cmd->kind))) {
			if (c->bit == CL_STEP && cmd->kind == CMD_TRAIN)
				return diag_set(p->d, t->off, "'step' does not go with train (did you mean 'steps'?)");
			if (c->bit == CL_STEP)
				return diag_set(p->d, t->off,
				                "'step' goes with table and sweep (table %s on -3..3 step 0.5)",
				                cmd->curve[0].label);
			if (c->bit == CL_AT)
				return diag_set(p->d, t->off, "'at' does not go with %s (use one or the other)",
				                kind_name(cmd->kind));
			return diag_set(p->d, t->off, "'%s' does not go with %s", c->word, kind_name(cmd->kind));
		}
		if (cmd->given & c->bit)
			return diag_set(p->d, t->off, "'%s' given twice", c->word);
		cmd->given |= c->bit;
		int slot = __builtin_ctz(c->bit);
		cmd->clause_off[slot] = t->off;
		next(p);
		if (c->bit == CL_AT)
			cmd->points_off = t->off;
		if (c->parse(p, cmd) < 0)
			return -1;
	}
	if (cmd->kind == CMD_AT && cmd->has_range)
		return diag_set(p->d, cmd->range_off, "'on' does not go with 'at' (the points are the x values)");
	return 0;
}

/* ---- commands ------------------------------------------------------------ */

static int parse_plot(struct parser *p, struct cmd *cmd)
{
	cmd->kind = CMD_PLOT;
	if (parse_curve_list(p, cmd) < 0)
		return -1;
	return parse_clauses(p, cmd);
}

static int parse_table(struct parser *p, struct cmd *cmd)
{
	cmd->kind = CMD_TABLE;
	if (parse_curve_list(p, cmd) < 0)
		return -1;
	return parse_clauses(p, cmd);
}

static void stats_defaults(struct cmd *cmd)
{
	cmd->dist = stats_std_normal;
	cmd->seed = DEFAULT_SEED;
	cmd->bins = DEFAULT_BINS;
	cmd->layer = (struct layer_spec){.neurons = DEFAULT_NEURONS, .inputs = DEFAULT_INPUTS,
	                                 .batch = DEFAULT_BATCH, .init = INIT_HE, .seed = DEFAULT_SEED};
}

/* What a layer's clauses need of each other: the layer clauses go with
 * `layer`, and its inputs are N(0, 1) (no `with`, no `samples`). */
static int check_layer_clauses(struct parser *p, struct cmd *cmd)
{
	static const unsigned layer_only = CL_INPUTS | CL_BIAS | CL_INIT | CL_BATCH;
	bool layer = cmd->kind == CMD_SWEEP || (cmd->given & CL_LAYER);
	for (size_t i = 0; i < NCLAUSES; i++) {
		unsigned bit = clauses[i].bit;
		size_t off = cmd->clause_off[__builtin_ctz(bit)];
		if (!layer && (cmd->given & bit & layer_only))
			return diag_set(p->d, off, "'%s' belongs to a layer (%s ... layer 256 %s ...)",
			                clauses[i].word, cmd->kind == CMD_DEAD ? "dead" : "hist", clauses[i].word);
		if (layer && (cmd->given & bit & (CL_WITH | CL_SAMPLES)))
			return diag_set(p->d, off, "'%s' does not go with a layer (its inputs are N(0, 1))",
			                clauses[i].word);
	}
	if (layer && (double)cmd->layer.neurons * (double)cmd->layer.inputs > LIMIT_LAYER_WEIGHTS) {
		size_t off = cmd->clause_off[__builtin_ctz(cmd->given & CL_LAYER ? CL_LAYER : CL_INPUTS)];
		return diag_set(p->d, off, "a layer has at most 1e7 weights (neurons x inputs; here %ld x %ld)",
		                cmd->layer.neurons, cmd->layer.inputs);
	}
	if (cmd->kind == CMD_SWEEP && !(cmd->given & CL_BIAS))
		return diag_set(p->d, peek(p, 0)->off, "sweep needs a bias range (sweep bias -3..1)");
	return 0;
}

/* dead, hist, sweep: curves, then clauses. sweep may leave the curves
 * out: ReLU and its two usual fixes. */
static int parse_stats_command(struct parser *p, struct cmd *cmd, enum cmd_kind kind)
{
	cmd->kind = kind;
	stats_defaults(cmd);
	if (kind == CMD_SWEEP && (peek(p, 0)->kind == TOK_END || is_clause(p, peek(p, 0)))) {
		static const char *const fixes[] = {"relu", "leaky", "elu"};
		for (int i = 0; i < 3; i++) {
			struct cmd_curve *c = &cmd->curve[cmd->ncurves++];
			actfn_curve_default(&c->fn, actfn_lookup(fixes[i], strlen(fixes[i])));
			c->off = peek(p, 0)->off;
			c->bare = true;
			actfn_label(&c->fn, c->label, sizeof c->label);
		}
	} else if (parse_curve_list(p, cmd) < 0) {
		return -1;
	}
	if (parse_clauses(p, cmd) < 0)
		return -1;
	return check_layer_clauses(p, cmd);
}

/* train: curves and clauses; the sizes checked together against the
 * limits before anything is allocated. */
static int parse_train(struct parser *p, struct cmd *cmd)
{
	cmd->kind = CMD_TRAIN;
	stats_defaults(cmd);
	cmd->train = (struct train_spec){
		.width = DEFAULT_TRAIN_WIDTH, .depth = DEFAULT_TRAIN_DEPTH, .batch = DEFAULT_TRAIN_BATCH,
		.steps = DEFAULT_TRAIN_STEPS, .lr = DEFAULT_TRAIN_LR, .init = INIT_TORCH,
		.bias = DEFAULT_TRAIN_BIAS, .set_bias = true,
		.task = TASK_SIN, .opt = OPT_SGD, .seed = DEFAULT_SEED};
	if (parse_curve_list(p, cmd) < 0 || parse_clauses(p, cmd) < 0)
		return -1;
	struct train_spec *t = &cmd->train;
	if ((double)t->width * (double)t->batch > LIMIT_TRAIN_CELLS) {
		size_t off = cmd->clause_off[__builtin_ctz(cmd->given & CL_BATCH ? CL_BATCH : CL_WIDTH)];
		return diag_set(p->d, off, "width x batch must be at most 4194304 (2^22; here %ld x %ld)",
		                t->width, t->batch);
	}
	if (!(cmd->given & CL_EVERY))
		t->every = train_default_every(t->steps);
	return 0;
}

static int parse_dead(struct parser *p, struct cmd *cmd)
{
	return parse_stats_command(p, cmd, CMD_DEAD);
}

static int parse_hist(struct parser *p, struct cmd *cmd)
{
	return parse_stats_command(p, cmd, CMD_HIST);
}

static int parse_sweep(struct parser *p, struct cmd *cmd)
{
	return parse_stats_command(p, cmd, CMD_SWEEP);
}

static int parse_onoff(struct parser *p, struct cmd *cmd, bool allow_auto)
{
	const struct token *t = peek(p, 0);
	cmd->value_off = t->off;
	if (is_word(p, t, "on") || is_word(p, t, "yes") || is_word(p, t, "always"))
		cmd->choice = TRI_ON;
	else if (is_word(p, t, "off") || is_word(p, t, "no") || is_word(p, t, "never"))
		cmd->choice = TRI_OFF;
	else if (allow_auto && is_word(p, t, "auto"))
		cmd->choice = TRI_AUTO;
	else
		return unexpected(p, t, allow_auto ? "on, off or auto" : "on or off");
	next(p);
	return 0;
}

static int parse_size(struct parser *p, struct cmd *cmd, const char *what, long min, long max)
{
	const struct token *t = peek(p, 0);
	cmd->value_off = t->off;
	if (is_word(p, t, "auto")) {
		next(p);
		cmd->ival = 0;
		return 0;
	}
	if (t->kind != TOK_NUMBER)
		return unexpected(p, t, "a number or 'auto'");
	return parse_count(p, what, min, max, &cmd->ival);
}

static int parse_set(struct parser *p, struct cmd *cmd)
{
	cmd->kind = CMD_SET;
	const struct token *t = peek(p, 0);
	if (t->kind != TOK_WORD)
		return unexpected(p, t, "a setting: range, samples, format, width, height, color, ascii "
		                        "or deriv");
	int which = settings_lookup(text(p, t), t->len);
	if (which < 0) {
		const char *sug = util_closest(text(p, t), t->len, settings_names(), SET_COUNT);
		if (sug)
			return diag_set(p->d, t->off, "unknown setting '%.*s' (did you mean '%s'?)", qlen(t),
			                text(p, t), sug);
		return diag_set(p->d, t->off, "unknown setting '%.*s' (show settings lists them)",
		                qlen(t), text(p, t));
	}
	next(p);
	cmd->setting = (enum setting)which;
	cmd->value_off = peek(p, 0)->off;
	int rc = 0;
	switch (cmd->setting) {
	case SET_RANGE:
		rc = parse_range(p, &cmd->range, &cmd->range_off);
		break;
	case SET_SAMPLES:
		rc = parse_count(p, "samples", LIMIT_SAMPLES_MIN, LIMIT_SAMPLES_MAX, &cmd->ival);
		break;
	case SET_FORMAT: {
		const struct token *v = peek(p, 0);
		int f = v->kind == TOK_WORD ? format_lookup(text(p, v), v->len) : -1;
		if (f < 0)
			return unexpected(p, v, "a format: text, csv, tsv or json");
		next(p);
		cmd->choice = f;
		break;
	}
	case SET_WIDTH:
		rc = parse_size(p, cmd, "width", LIMIT_WIDTH_MIN, LIMIT_WIDTH_MAX);
		break;
	case SET_HEIGHT:
		rc = parse_size(p, cmd, "height", LIMIT_HEIGHT_MIN, LIMIT_HEIGHT_MAX);
		break;
	case SET_COLOR:
		rc = parse_onoff(p, cmd, true);
		break;
	case SET_ASCII:
	case SET_DERIV:
		rc = parse_onoff(p, cmd, false);
		break;
	case SET_COUNT:
		break;
	}
	return rc < 0 ? rc : expect_end(p);
}

static int parse_show(struct parser *p, struct cmd *cmd)
{
	cmd->kind = CMD_SHOW;
	const struct token *t = peek(p, 0);
	if (t->kind == TOK_END || is_word(p, t, "settings") || is_word(p, t, "all")) {
		cmd->show_all = true;
		next(p);
		return expect_end(p);
	}
	int which = t->kind == TOK_WORD ? settings_lookup(text(p, t), t->len) : -1;
	if (which < 0)
		return unexpected(p, t, "'settings' or the name of a setting");
	next(p);
	cmd->setting = (enum setting)which;
	return expect_end(p);
}

static int parse_no_args(struct parser *p, struct cmd *cmd, enum cmd_kind kind)
{
	cmd->kind = kind;
	return expect_end(p);
}

static int parse_list(struct parser *p, struct cmd *cmd)
{
	return parse_no_args(p, cmd, CMD_LIST);
}

static int parse_quit(struct parser *p, struct cmd *cmd)
{
	return parse_no_args(p, cmd, CMD_QUIT);
}

static int parse_info(struct parser *p, struct cmd *cmd)
{
	cmd->kind = CMD_INFO;
	if (peek(p, 0)->kind == TOK_END)
		return unexpected(p, peek(p, 0), "an activation name (info relu; list shows them all)");
	if (parse_curve(p, &cmd->curve[0], true) < 0)
		return -1;
	cmd->ncurves = 1;
	return expect_end(p);
}

static int parse_help(struct parser *p, struct cmd *cmd)
{
	cmd->kind = CMD_HELP;
	const struct token *t = peek(p, 0);
	if (t->kind == TOK_END)
		return 0;
	if (t->kind != TOK_WORD)
		return unexpected(p, t, "a help topic (help alone lists them)");
	next(p);
	size_t n = t->len < sizeof cmd->topic - 1 ? t->len : sizeof cmd->topic - 1;
	memcpy(cmd->topic, text(p, t), n);
	cmd->topic[n] = '\0';
	cmd->topic_off = t->off;
	return expect_end(p);
}

static const struct command {
	const char *name;
	int (*parse)(struct parser *, struct cmd *);
} commands[] = {
	{"plot", parse_plot}, {"table", parse_table}, {"set", parse_set},   {"show", parse_show},
	{"list", parse_list}, {"info", parse_info},   {"help", parse_help}, {"quit", parse_quit},
	{"exit", parse_quit}, {"dead", parse_dead},   {"hist", parse_hist}, {"sweep", parse_sweep},
	{"train", parse_train},
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

static const char *const command_words[NCOMMANDS + 1] = {
	"plot", "table", "set", "show", "list", "info", "help", "quit", "exit", "dead", "hist", "sweep",
	"train", NULL,
};

const char *const *parse_command_words(void)
{
	return command_words;
}

size_t parse_clause_words(const char *command, size_t len, const char **out, size_t max)
{
	static const struct {
		const char *name;
		unsigned kind;
	} kinds[] = {{"table", K_TABLE}, {"dead", K_DEAD}, {"hist", K_HIST},
	             {"sweep", K_SWEEP}, {"train", K_TRAIN}};
	unsigned kind = K_PLOT;
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (util_word_eq(command, len, kinds[i].name))
			kind = kinds[i].kind;
	size_t n = 0;
	for (size_t i = 0; i < NCLAUSES && n < max; i++)
		if (clauses[i].kinds & kind)
			out[n++] = clauses[i].word;
	return n;
}

static int parse_tokens(struct parser *p, struct cmd *cmd)
{
	const struct token *t = peek(p, 0);
	cmd->off = t->off;
	if (t->kind == TOK_END) {
		cmd->kind = CMD_EMPTY;
		return 0;
	}
	if (t->kind != TOK_WORD)
		return unexpected(p, t, "a command or an activation name (help lists them)");
	for (size_t i = 0; i < NCOMMANDS; i++) {
		if (util_word_eq(text(p, t), t->len, commands[i].name)) {
			next(p);
			return commands[i].parse(p, cmd);
		}
	}
	if (actfn_lookup(text(p, t), t->len))
		return parse_plot(p, cmd);

	/* Neither: suggest whichever kind of name it is closest to. */
	const char *sug = actfn_suggest(text(p, t), t->len);
	if (sug)
		return diag_set(p->d, t->off, "unknown activation '%.*s' (did you mean '%s'?)", qlen(t),
		                text(p, t), sug);
	sug = util_closest(text(p, t), t->len, command_words, NCOMMANDS);
	if (sug)
		return diag_set(p->d, t->off, "unknown command '%.*s' (did you mean '%s'?)", qlen(t),
		                text(p, t), sug);
	return diag_set(p->d, t->off, "unknown command or activation '%.*s' (help lists commands, "
	                "list the activations)", qlen(t), text(p, t));
}

int parse_line(const char *line, size_t len, struct cmd *cmd, struct diag *d)
{
	memset(cmd, 0, sizeof *cmd);
	struct parser p = {.line = line, .len = len, .d = d};
	if (lex_line(line, len, &p.tl, d) < 0)
		return -1;
	int rc = parse_tokens(&p, cmd);
	lex_free(&p.tl);
	return rc;
}

void cmd_free(struct cmd *cmd)
{
	free(cmd->points);
	cmd->points = NULL;
	cmd->npoints = 0;
}
