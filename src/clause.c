/* clause.c: the clause table, and the one parser of every clause's value:
 * a command says which clauses it takes (command.c), and the table says
 * what each takes and where its value goes. */
#define _POSIX_C_SOURCE 200809L
#include "clause.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "dmath.h"
#include "num.h"
#include "util.h"

static const char *const tasks[] = {"sin", "spirals", NULL};         /* enum train_task */
static const char *const optimizers[] = {"sgd", "adam", NULL};       /* enum train_opt */
/* init's words; normal(0, S) is read as a distribution */
static const char *const init_words[] = {"he", "xavier", "torch", NULL};
static const enum layer_init init_kinds[] = {INIT_HE, INIT_XAVIER, INIT_TORCH};

#define AT(field) offsetof(struct cmd, field)
#define SEED_MAX 9007199254740992.0 /* 2^53: every whole number below is a double */

/* The order is the order of "expected ..." lists and of completion. */
static const struct clause clauses[] = {
	{"on", CLAUSE_ON, CLAUSE_V_RANGE, "a range", 0, 0, NULL, AT(range)},
	{"at", CLAUSE_AT, CLAUSE_V_POINTS, "a point", 0, 0, NULL, AT(points)},
	{"step", CLAUSE_STEP, CLAUSE_V_POSITIVE, "a step size", 0, 0, NULL, AT(step)},
	{"with", CLAUSE_WITH, CLAUSE_V_DIST, "a distribution", 0, 0, NULL, AT(dist)},
	{"samples", CLAUSE_SAMPLES, CLAUSE_V_WHOLE, "samples", 1, STATS_MC_MAX, NULL, AT(samples)},
	{"seed", CLAUSE_SEED, CLAUSE_V_WHOLE, "seed", 0, SEED_MAX, NULL, AT(seed)},
	{"bins", CLAUSE_BINS, CLAUSE_V_WHOLE, "bins", 1, LIMIT_BINS, NULL, AT(bins)},
	{"layer", CLAUSE_LAYER, CLAUSE_V_WHOLE, "neurons", 1, LIMIT_LAYER_WEIGHTS, NULL, AT(neurons)},
	{"inputs", CLAUSE_INPUTS, CLAUSE_V_WHOLE, "inputs", 1, LIMIT_LAYER_WEIGHTS, NULL, AT(inputs)},
	{"bias", CLAUSE_BIAS, CLAUSE_V_FINITE, "bias", 0, 0, NULL, AT(bias)},
	{"bias", CLAUSE_BIAS_RANGE, CLAUSE_V_RANGE, "a range", 0, 0, NULL, AT(bias_range)},
	{"init", CLAUSE_INIT, CLAUSE_V_INIT, "an initialisation", 0, 0, init_words, AT(init)},
	{"batch", CLAUSE_BATCH, CLAUSE_V_WHOLE, "batch", 1, LIMIT_BATCH, NULL, AT(batch)},
	{"batch", CLAUSE_TRAIN_BATCH, CLAUSE_V_WHOLE, "batch", 1, LIMIT_TRAIN_BATCH, NULL, AT(batch)},
	{"lr", CLAUSE_LR, CLAUSE_V_POSITIVE, "a learning rate", 0, 0, NULL, AT(lr)},
	{"steps", CLAUSE_STEPS, CLAUSE_V_WHOLE, "steps", 1, LIMIT_TRAIN_STEPS, NULL, AT(steps)},
	{"width", CLAUSE_WIDTH, CLAUSE_V_WHOLE, "width", 1, LIMIT_TRAIN_WIDTH, NULL, AT(width)},
	{"depth", CLAUSE_DEPTH, CLAUSE_V_WHOLE, "depth", 1, LIMIT_TRAIN_DEPTH, NULL, AT(depth)},
	{"task", CLAUSE_TASK, CLAUSE_V_CHOICE, "a task", 0, 0, tasks, AT(task)},
	{"optimizer", CLAUSE_OPTIMIZER, CLAUSE_V_CHOICE, "an optimizer", 0, 0, optimizers, AT(optimizer)},
	{"every", CLAUSE_EVERY, CLAUSE_V_WHOLE, "every", 1, LIMIT_TRAIN_STEPS, NULL, AT(every)},
	{"layers", CLAUSE_LAYERS, CLAUSE_V_WHOLE, "layers", 1, LIMIT_DEPTH_LAYERS, NULL, AT(layers)},
	{"seeds", CLAUSE_SEEDS, CLAUSE_V_WHOLE, "seeds", 1, LIMIT_SEEDS, NULL, AT(seeds)},
	{"size", CLAUSE_SIZE, CLAUSE_V_WHOLE, "size", BENCH_SIZE_MIN, BENCH_SIZE_MAX, NULL, AT(size)},
	{"repeats", CLAUSE_REPEATS, CLAUSE_V_WHOLE, "repeats", 1, BENCH_REPEATS_MAX, NULL, AT(repeats)},
};

#define NCLAUSES (sizeof clauses / sizeof clauses[0])

size_t clause_count(void)
{
	return NCLAUSES;
}

const struct clause *clause_at(size_t i)
{
	return i < NCLAUSES ? &clauses[i] : NULL;
}

const struct clause *clause_lookup(const char *word, size_t len, unsigned takes)
{
	const struct clause *any = NULL;
	for (size_t i = 0; i < NCLAUSES; i++) {
		if (!util_word_eq(word, len, clauses[i].word))
			continue;
		if (takes & CL(clauses[i].id))
			return &clauses[i];
		if (!any)
			any = &clauses[i];
	}
	return any;
}

bool parser_is_clause(const struct parser *p, const struct token *t)
{
	return t->kind == TOK_WORD && clause_lookup(parser_text(p, t), t->len, 0) != NULL;
}

size_t clause_words(unsigned takes, const char **out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < NCLAUSES && n < max; i++)
		if (takes & CL(clauses[i].id))
			out[n++] = clauses[i].word;
	return n;
}

/* ---- values ----------------------------------------------------------------- */

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
	const struct token *t = parser_peek(p, 0);
	if (t->kind != TOK_NUMBER)
		return parser_unexpected(p, t, "a number");
	parser_next(p);
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

/* A number, finite and (positive) above 0; *dec gets its typed decimals. */
static int parse_number(struct parser *p, const struct clause *c, bool positive, double *out,
                        int *dec)
{
	const struct token *v = parser_peek(p, 0);
	if (v->kind != TOK_NUMBER)
		return parser_unexpected(p, v, positive ? c->what : "a number");
	parser_next(p);
	if (positive && (!(v->num > 0) || !isfinite(v->num)))
		return diag_set(p->d, v->off, "%s must be a positive finite number", c->word);
	if (!isfinite(v->num))
		return diag_set(p->d, v->off, "%s must be a finite number", c->word);
	*out = v->num;
	if (dec)
		*dec = parser_decimals(p, v);
	return 0;
}

/* P, P, ...: the rest of the line. */
static int parse_points(struct parser *p, struct cmd *cmd, size_t at_off)
{
	/* Count first, so the limit is checked before anything is allocated. */
	size_t n = 0;
	for (size_t k = 0; parser_peek(p, k)->kind != TOK_END; k++)
		n += parser_peek(p, k)->kind == TOK_NUMBER;
	if (n == 0)
		return parser_unexpected(p, parser_peek(p, 0), "a point after 'at' (at -1, 0, 1)");
	if (n > LIMIT_POINTS)
		return diag_set(p->d, at_off, "too many points (at most %d in one 'at')", LIMIT_POINTS);
	cmd->points = malloc(n * sizeof *cmd->points);
	if (!cmd->points)
		return diag_set(p->d, at_off, "out of memory");
	for (;;) {
		const struct token *t = parser_peek(p, 0);
		if (t->kind != TOK_NUMBER)
			return parser_unexpected(p, t, "a number");
		parser_next(p);
		cmd->points[cmd->npoints++] = t->num;
		t = parser_peek(p, 0);
		if (t->kind == TOK_END)
			return 0;
		if (t->kind != TOK_COMMA)
			return parser_unexpected(p, t, "',' between points");
		parser_next(p);
	}
}

/* NAME(A, B): normal(MU, SIGMA) or uniform(LO, HI), for `with` and for
 * `init normal(0, s)`. A bare `normal` is N(0, 1). */
static int parse_dist(struct parser *p, struct stats_dist *d, bool uniform_ok)
{
	*d = stats_std_normal;
	const struct token *t = parser_peek(p, 0);
	bool normal = parser_is_word(p, t, "normal");
	bool uniform = uniform_ok && parser_is_word(p, t, "uniform");
	if (!normal && !uniform)
		return parser_unexpected(p, t, uniform_ok ? "normal(MU, SIGMA) or uniform(LO, HI)"
		                                          : "he, xavier, torch or normal(0, SIGMA)");
	parser_next(p);
	d->kind = normal ? DIST_NORMAL : DIST_UNIFORM;
	if (normal && parser_peek(p, 0)->kind != TOK_LPAREN) {
		d->a = 0;
		d->b = 1;
		return 0;
	}
	const struct token *args[2];
	if (parser_peek(p, 0)->kind != TOK_LPAREN)
		return parser_unexpected(p, parser_peek(p, 0), "'(' (uniform(LO, HI))");
	parser_next(p);
	for (int i = 0; i < 2; i++) {
		args[i] = parser_peek(p, 0);
		if (args[i]->kind != TOK_NUMBER)
			return parser_unexpected(p, args[i], "a number");
		if (!isfinite(args[i]->num))
			return diag_set(p->d, args[i]->off, "the parameters of %s must be finite",
			                normal ? "normal" : "uniform");
		parser_next(p);
		const struct token *sep = parser_peek(p, 0);
		if (sep->kind != (i == 0 ? TOK_COMMA : TOK_RPAREN))
			return parser_unexpected(p, sep, i == 0 ? "',' between the two parameters" : "')'");
		parser_next(p);
	}
	d->a = args[0]->num;
	d->b = args[1]->num;
	if (normal && !(d->b > 0))
		return diag_set(p->d, args[1]->off, "SIGMA of normal(MU, SIGMA) must be > 0");
	if (uniform && !(d->a < d->b))
		return diag_set(p->d, args[0]->off, "LO of uniform(LO, HI) must be less than HI");
	return 0;
}

static int parse_init(struct parser *p, struct cmd_init *init)
{
	const struct token *t = parser_peek(p, 0);
	for (int i = 0; init_words[i]; i++) {
		if (parser_is_word(p, t, init_words[i])) {
			init->kind = init_kinds[i];
			parser_next(p);
			return 0;
		}
	}
	struct stats_dist d;
	if (parse_dist(p, &d, false) < 0)
		return -1;
	*init = (struct cmd_init){INIT_NORMAL, d.a, d.b};
	return 0;
}

void clause_init_text(const struct cmd_init *init, char *buf, size_t size)
{
	if (init->kind != INIT_NORMAL) {
		for (int i = 0; init_words[i]; i++)
			if (init_kinds[i] == init->kind)
				snprintf(buf, size, "%s", init_words[i]);
		return;
	}
	char m[NUM_BUF], sd[NUM_BUF];
	num_format(init->mean, m);
	num_format(init->sd, sd);
	snprintf(buf, size, "normal(%s, %s)", m, sd);
}

static int parse_choice(struct parser *p, const struct clause *c, int *out)
{
	const struct token *t = parser_peek(p, 0);
	char list[96];
	size_t len = 0;
	list[0] = '\0';
	for (int i = 0; c->words[i]; i++) {
		if (parser_is_word(p, t, c->words[i])) {
			*out = i;
			parser_next(p);
			return 0;
		}
		util_append(list, sizeof list, &len, "%s%s", i == 0 ? "" : c->words[i + 1] ? ", " : " or ",
		            c->words[i]);
	}
	char expected[128];
	snprintf(expected, sizeof expected, "%s: %s", c->what, list);
	return parser_unexpected(p, t, expected);
}

/* Reads the value of clause c (its word already read) into cmd. */
int clause_parse_value(struct parser *p, const struct clause *c, struct cmd *cmd)
{
	void *field = (char *)cmd + c->field;
	cmd->value_off[c->id] = parser_peek(p, 0)->off;
	switch (c->value) {
	case CLAUSE_V_RANGE: {
		size_t off;
		return parser_range(p, field, &off);
	}
	case CLAUSE_V_POINTS:
		cmd->kind = CMD_AT;
		return parse_points(p, cmd, cmd->clause_off[c->id]);
	case CLAUSE_V_WHOLE:
		return parse_whole(p, c->what, c->min, c->max, field);
	case CLAUSE_V_POSITIVE:
		/* the decimals of a step, so that table rows read as typed */
		return parse_number(p, c, true, field, c->id == CLAUSE_STEP ? &cmd->step_dec : NULL);
	case CLAUSE_V_FINITE:
		return parse_number(p, c, false, field, NULL);
	case CLAUSE_V_CHOICE:
		return parse_choice(p, c, field);
	case CLAUSE_V_DIST:
		return parse_dist(p, field, true);
	case CLAUSE_V_INIT:
		return parse_init(p, field);
	}
	return 0;
}

