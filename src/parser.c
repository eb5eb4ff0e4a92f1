/* parser.c: a line into its command record: the command word through the
 * command table, and the pieces every command parses with: curves and
 * their parameters, ranges, numbers. */
#define _POSIX_C_SOURCE 200809L
#include "parser.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dmath.h"
#include "clause.h"
#include "command.h"
#include "num.h"
#include "util.h"

const struct token *parser_peek(const struct parser *p, size_t k)
{
	size_t i = p->pos + k;
	return &p->tl.tok[i < p->tl.n ? i : p->tl.n - 1];
}

const struct token *parser_next(struct parser *p)
{
	const struct token *t = parser_peek(p, 0);
	if (t->kind != TOK_END)
		p->pos++;
	return t;
}

const char *parser_text(const struct parser *p, const struct token *t)
{
	return p->line + t->off;
}

bool parser_is_word(const struct parser *p, const struct token *t, const char *w)
{
	return t->kind == TOK_WORD && util_word_eq(parser_text(p, t), t->len, w);
}

/* "unexpected X" naming the token, or the end of the line. */
int parser_unexpected(struct parser *p, const struct token *t, const char *expected)
{
	if (t->kind == TOK_END)
		return diag_set(p->d, t->off, "expected %s", expected);
	return diag_set(p->d, t->off, "unexpected '%.*s' (expected %s)", PARSER_QLEN(t), parser_text(p, t), expected);
}

int parser_end(struct parser *p)
{
	const struct token *t = parser_peek(p, 0);
	if (t->kind == TOK_END)
		return 0;
	return diag_set(p->d, t->off, "unexpected '%.*s' after the end of the command", PARSER_QLEN(t),
	                parser_text(p, t));
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
int parser_decimals(const struct parser *p, const struct token *t)
{
	int dec = num_decimals(parser_text(p, t), t->len);
	if (dec == NUM_DEC_NONE && isfinite(t->num)) {
		char buf[NUM_BUF];
		size_t n = num_format(t->num, buf);
		dec = num_decimals(buf, n);
	}
	return dec;
}

int parser_range(struct parser *p, struct range *r, size_t *off)
{
	const struct token *lo = parser_peek(p, 0);
	*off = lo->off;
	if (lo->kind != TOK_NUMBER)
		return parser_unexpected(p, lo, "a range LO..HI");
	parser_next(p);
	const struct token *dots = parser_peek(p, 0);
	if (dots->kind != TOK_DOTDOT)
		return parser_unexpected(p, dots, "'..' (a range is written LO..HI)");
	parser_next(p);
	const struct token *hi = parser_peek(p, 0);
	if (hi->kind != TOK_NUMBER)
		return parser_unexpected(p, hi, "the upper end of the range (LO..HI)");
	parser_next(p);
	const char *why = parse_range_error(lo->num, hi->num);
	if (why) {
		if (lo->num > hi->num && isfinite(lo->num) && isfinite(hi->num))
			return diag_set(p->d, lo->off, "%s (did you mean %.*s..%.*s?)", why, PARSER_QLEN(hi),
			                parser_text(p, hi), PARSER_QLEN(lo), parser_text(p, lo));
		return diag_set(p->d, lo->off, "%s", why);
	}
	r->lo = lo->num;
	r->hi = hi->num;
	r->lo_dec = parser_decimals(p, lo);
	r->hi_dec = parser_decimals(p, hi);
	return 0;
}

/* A whole number in [min, max] for a setting or size. */
int parser_count(struct parser *p, const char *what, long min, long max, long *out)
{
	const struct token *t = parser_peek(p, 0);
	if (t->kind != TOK_NUMBER)
		return parser_unexpected(p, t, "a number");
	parser_next(p);
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
		int k = value->kind == TOK_WORD ? actfn_choice_index(pp, parser_text(p, value), value->len) : -1;
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
		                PARSER_QLEN(value), parser_text(p, value));
	if (actfn_set_param(&c->fn, i, value->num) != ACTFN_PARAM_OK) {
		char why[128], got[NUM_BUF];
		actfn_param_domain_error(def, i, value->num, why, sizeof why);
		num_format(value->num, got);
		return diag_set(p->d, value->off, "%s: %s (got %s)", def->name, why, got);
	}
	return 0;
}

/* A curve: NAME and its parameters. With bare_ok (info), required
 * parameters may be left out. */
int parser_curve(struct parser *p, struct cmd_curve *c, bool bare_ok)
{
	const struct token *name = parser_peek(p, 0);
	if (name->kind != TOK_WORD)
		return parser_unexpected(p, name, "an activation name");
	const struct actfn_def *def = actfn_lookup(parser_text(p, name), name->len);
	if (!def) {
		const char *sug = actfn_suggest(parser_text(p, name), name->len);
		if (sug)
			return diag_set(p->d, name->off, "unknown activation '%.*s' (did you mean '%s'?)",
			                PARSER_QLEN(name), parser_text(p, name), sug);
		return diag_set(p->d, name->off, "unknown activation '%.*s' (list shows them all)",
		                PARSER_QLEN(name), parser_text(p, name));
	}
	parser_next(p);
	actfn_curve_default(&c->fn, def);
	c->off = name->off;

	bool given[ACTFN_MAX_PARAMS] = {false};
	int positional = 0;
	for (;;) {
		const struct token *t = parser_peek(p, 0);
		if (t->kind == TOK_WORD && parser_peek(p, 1)->kind == TOK_EQUALS) {
			int i = actfn_param_index(def, parser_text(p, t), t->len);
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
				const char *sug = util_closest(parser_text(p, t), t->len, names, nn);
				if (sug)
					return diag_set(p->d, t->off, "%s has no parameter '%.*s' (did you mean '%s'?)",
					                def->name, PARSER_QLEN(t), parser_text(p, t), sug);
				return diag_set(p->d, t->off, "%s has no parameter '%.*s' (it has: %s)",
				                def->name, PARSER_QLEN(t), parser_text(p, t), list);
			}
			parser_next(p);
			parser_next(p);
			const struct token *v = parser_peek(p, 0);
			if (v->kind != TOK_NUMBER && v->kind != TOK_WORD)
				return parser_unexpected(p, v, "a value after '='");
			parser_next(p);
			if (set_param(p, c, given, i, v) < 0)
				return -1;
			continue;
		}
		bool choice_word = t->kind == TOK_WORD && positional < def->nparams &&
		                   def->param[positional].type == ACTFN_CHOICE && !parser_is_clause(p, t);
		if (t->kind == TOK_NUMBER || choice_word) {
			if (positional >= def->nparams) {
				char list[96];
				param_list(def, list, sizeof list);
				if (def->nparams == 0)
					return diag_set(p->d, t->off, "%s takes no parameters", def->name);
				return diag_set(p->d, t->off, "too many parameters: %s takes %d (%s)",
				                def->name, def->nparams, list);
			}
			parser_next(p);
			if (set_param(p, c, given, positional++, t) < 0)
				return -1;
			continue;
		}
		if (t->kind == TOK_WORD && !parser_is_clause(p, t)) {
			if (actfn_lookup(parser_text(p, t), t->len))
				return diag_set(p->d, t->off, "expected ',' before '%.*s' (curves are "
				                "separated by commas)", PARSER_QLEN(t), parser_text(p, t));
			if (t->kind == TOK_WORD && parser_peek(p, 1)->kind == TOK_NUMBER && def->nparams > 0)
				return diag_set(p->d, t->off, "unexpected '%.*s' (a named parameter is "
				                "written name=value)", PARSER_QLEN(t), parser_text(p, t));
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
	const char *rule = c->bare ? NULL : actfn_rule_broken(&c->fn);
	if (rule)
		return diag_set(p->d, name->off, "%s: %s", def->name, rule);
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

int parser_curves(struct parser *p, struct cmd *cmd)
{
	for (;;) {
		if (cmd->ncurves == LIMIT_CURVES)
			return diag_set(p->d, parser_peek(p, 0)->off, "too many curves (at most %d in one command)",
			                LIMIT_CURVES);
		if (parser_curve(p, &cmd->curve[cmd->ncurves], false) < 0)
			return -1;
		cmd->ncurves++;
		if (parser_peek(p, 0)->kind != TOK_COMMA)
			break;
		parser_next(p);
	}
	number_repeats(cmd);
	return 0;
}

/* ---- a line ---------------------------------------------------------------- */

/* The command word, or a curve (a plot), and then the command's own
 * parse from the command table. */
static int parse_tokens(struct parser *p, struct cmd *cmd)
{
	const struct token *t = parser_peek(p, 0);
	cmd->off = t->off;
	if (t->kind == TOK_END) {
		cmd->kind = CMD_EMPTY;
		return 0;
	}
	if (t->kind != TOK_WORD)
		return parser_unexpected(p, t, "a command or an activation name (help lists them)");
	const struct command *c = command_lookup(parser_text(p, t), t->len);
	if (c)
		parser_next(p);
	else if (actfn_lookup(parser_text(p, t), t->len))
		c = command_plot();
	if (c)
		return command_parse(c, p, cmd);

	/* Neither: suggest whichever kind of name it is closest to. */
	const char *sug = actfn_suggest(parser_text(p, t), t->len);
	if (sug)
		return diag_set(p->d, t->off, "unknown activation '%.*s' (did you mean '%s'?)",
		                PARSER_QLEN(t), parser_text(p, t), sug);
	sug = command_suggest(parser_text(p, t), t->len);
	if (sug)
		return diag_set(p->d, t->off, "unknown command '%.*s' (did you mean '%s'?)",
		                PARSER_QLEN(t), parser_text(p, t), sug);
	return diag_set(p->d, t->off, "unknown command or activation '%.*s' (help lists commands, "
	                "list the activations)", PARSER_QLEN(t), parser_text(p, t));
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
