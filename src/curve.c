/* curve.c: a curve as typed (NAME, positional and named parameters, each
 * checked against its domain) and a list of them, repeated labels numbered. */
#define _POSIX_C_SOURCE 200809L
#include "curve.h"

#include <stdlib.h>
#include <string.h>

#include "clause.h"
#include "command.h"
#include "num.h"
#include "util.h"

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

/* ---- NAME(ARGS), as PyTorch is written ------------------------------- */

/* One argument of a call: a value, or name=value. */
struct call_arg {
	const struct token *name, *value;
};

#define CALL_MAX (ACTFN_MAX_PARAMS + 3) /* x, the parameters, inplace */

/* Reads "(A, name=B, ...)", the '(' next. */
static int call_args(struct parser *p, const struct actfn_def *def, struct call_arg *args, int *n)
{
	*n = 0;
	parser_next(p);
	if (parser_peek(p, 0)->kind == TOK_RPAREN) {
		parser_next(p);
		return 0;
	}
	for (;;) {
		struct call_arg a = {NULL, NULL};
		const struct token *t = parser_peek(p, 0);
		if (t->kind == TOK_WORD && parser_peek(p, 1)->kind == TOK_EQUALS) {
			a.name = t;
			parser_next(p);
			parser_next(p);
			t = parser_peek(p, 0);
		}
		if (t->kind != TOK_NUMBER && t->kind != TOK_WORD)
			return parser_unexpected(p, t, a.name ? "a value after '='" : "a value or ')'");
		if (*n == CALL_MAX)
			return diag_set(p->d, t->off, "too many arguments for %s", def->name);
		a.value = t;
		args[(*n)++] = a;
		parser_next(p);
		t = parser_peek(p, 0);
		if (t->kind == TOK_RPAREN) {
			parser_next(p);
			return 0;
		}
		if (t->kind != TOK_COMMA)
			return parser_unexpected(p, t, "',' or ')'");
		parser_next(p);
	}
}

/* leaky(0.2): the slope, as nn.LeakyReLU(0.2) reads, or the point, as
 * F.leaky_relu(0.2) reads? Both are common, so neither is guessed: the
 * message spells each. */
static int ambiguous_call(struct parser *p, const struct token *name, const struct token **pos,
                          int npos)
{
	char as_params[96], as_point[96];
	size_t a = 0, b = 0;
	int nn = PARSER_QLEN(name);
	const char *nt = parser_text(p, name);
	util_append(as_params, sizeof as_params, &a, "%.*s", nn, nt);
	util_append(as_point, sizeof as_point, &b, "%.*s", nn, nt);
	for (int i = 0; i < npos; i++) {
		int vl = PARSER_QLEN(pos[i]);
		const char *vt = parser_text(p, pos[i]);
		util_append(as_params, sizeof as_params, &a, " %.*s", vl, vt);
		if (i > 0)
			util_append(as_point, sizeof as_point, &b, " %.*s", vl, vt);
	}
	util_append(as_point, sizeof as_point, &b, " at %.*s", PARSER_QLEN(pos[0]),
	            parser_text(p, pos[0]));
	return diag_set(p->d, pos[0]->off, "write `%s` (parameters) or `%s` (a point)", as_params,
	                as_point);
}

/* Too many arguments: the call as it can be written. */
static int too_many_args(struct parser *p, const struct token *t, const struct actfn_def *def,
                         bool x_first)
{
	char list[96];
	size_t len = 0;
	list[0] = '\0';
	util_append(list, sizeof list, &len, "%s", x_first ? "x" : "");
	for (int i = 0; i < def->nparams; i++)
		util_append(list, sizeof list, &len, "%s%s", len ? ", " : "", def->param[i].name);
	return diag_set(p->d, t->off, "too many arguments: %s(%s)", def->name, list);
}

/* The arguments of NAME(...): a class's (nn.LeakyReLU(0.2)) are the
 * parameters; a function's (F.leaky_relu(x, 0.2)) first is x, a number
 * (a point) or a word (the variable: the curve itself). A bare name
 * takes x first when that is the only reading: relu(2), relu(x). */
static int parse_call(struct parser *p, struct cmd_curve *c, const struct token *name, bool *given)
{
	const struct actfn_def *def = c->fn.def;
	enum actfn_form form;
	actfn_torch_path(parser_text(p, name), name->len, &form);
	struct call_arg args[CALL_MAX];
	const struct token *pos[CALL_MAX];
	int n, npos = 0;
	if (call_args(p, def, args, &n) < 0)
		return -1;
	for (int k = 0; k < n; k++) {
		const struct call_arg *a = &args[k];
		if (!a->name) {
			pos[npos++] = a->value;
		} else if (parser_is_word(p, a->name, "inplace")) {
			/* how PyTorch runs it, not what it computes */
			if (!parser_is_word(p, a->value, "true") && !parser_is_word(p, a->value, "false"))
				return diag_set(p->d, a->value->off, "inplace must be True or False");
		} else {
			int i = actfn_param_index(def, parser_text(p, a->name), a->name->len);
			if (i < 0)
				return diag_set(p->d, a->name->off, "%s has no parameter '%.*s'", def->name,
				                PARSER_QLEN(a->name), parser_text(p, a->name));
			if (set_param(p, c, given, i, a->value) < 0)
				return -1;
		}
	}
	bool x_first = form == ACTFN_FUNCTION;
	if (form == ACTFN_BARE && npos > 0) {
		bool number = pos[0]->kind == TOK_NUMBER;
		if (number && npos <= def->nparams)
			return ambiguous_call(p, name, pos, npos);
		x_first = true;
	}
	int first = x_first && npos > 0 ? 1 : 0;
	if (first && pos[0]->kind == TOK_NUMBER) {
		c->has_point = true;
		c->point = pos[0]->num;
		c->point_off = pos[0]->off;
		c->point_len = pos[0]->len;
	}
	for (int k = first; k < npos; k++) {
		if (k - first >= def->nparams)
			return too_many_args(p, pos[k], def, x_first);
		if (set_param(p, c, given, k - first, pos[k]) < 0)
			return -1;
	}
	return 0;
}

/* relu': the derivative is shown beside f, not written with a prime. */
static int prime(struct parser *p, const struct token *name, const struct token *t)
{
	int n = (int)(t->off - name->off);
	while (n > 0 && p->line[name->off + n - 1] == ' ')
		n--;
	n = n > PARSER_QUOTE ? PARSER_QUOTE : n;
	const char *s = p->line + name->off;
	const struct token *open = parser_peek(p, 1), *x = parser_peek(p, 2);
	if (open->kind == TOK_LPAREN && x->kind == TOK_NUMBER && parser_peek(p, 3)->kind == TOK_RPAREN)
		return diag_set(p->d, t->off, "write `%.*s at %.*s`: f'(%.*s) is its dy column", n, s,
		                PARSER_QLEN(x), parser_text(p, x), PARSER_QLEN(x), parser_text(p, x));
	/* the commands first: a narrow screen may show only the start */
	return diag_set(p->d, t->off, "f' is shown with f: `%.*s` (lower panel), `table %.*s` (dy), "
	                "`info %.*s`", n, s, n, s, n, s);
}

/* A curve: NAME and its parameters. With bare_ok (info), required
 * parameters may be left out. */
int curve_parse(struct parser *p, struct cmd_curve *c, bool bare_ok)
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
		if (t->kind == TOK_PRIME)
			return prime(p, name, t);
		if (t->kind == TOK_LPAREN && positional == 0) {
			if (parse_call(p, c, name, given) < 0)
				return -1;
			if (parser_peek(p, 0)->kind == TOK_PRIME)
				return prime(p, name, parser_peek(p, 0));
			break;
		}
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

/* relu(2), torch.relu(2): a plot of such curves alone on the line is
 * `at` those points. Elsewhere the message writes it so. */
static int call_points(struct parser *p, struct cmd *cmd)
{
	int first = -1;
	for (int i = 0; i < cmd->ncurves; i++)
		if (cmd->curve[i].has_point && first < 0)
			first = i;
	if (first < 0)
		return 0;
	bool alone = cmd->command == command_plot() && parser_peek(p, 0)->kind == TOK_END;
	char want[160], pts[96];
	size_t wl = 0, pl = 0;
	want[0] = pts[0] = '\0';
	for (int i = 0; i < cmd->ncurves; i++) {
		const struct cmd_curve *c = &cmd->curve[i];
		util_append(want, sizeof want, &wl, "%s%s", i ? ", " : "", c->label);
		if (!c->has_point) {
			alone = false;
			continue;
		}
		const char *t = p->line + c->point_off;
		int n = (int)(c->point_len > PARSER_QUOTE ? PARSER_QUOTE : c->point_len);
		/* one point for all: the same double (1 and 1.0 are; -0 and 0 are not) */
		if (i != first && memcmp(&c->point, &cmd->curve[first].point, sizeof c->point) != 0)
			alone = false;
		if (i == first || !alone)
			util_append(pts, sizeof pts, &pl, "%s%.*s", pl ? ", " : "", n, t);
	}
	if (!alone) {
		const struct cmd_curve *c = &cmd->curve[first];
		return diag_set(p->d, c->point_off, "write `%s at %s` (a point in parentheses is a "
		                "line of its own)", want, pts);
	}
	cmd->points = malloc(sizeof *cmd->points);
	if (!cmd->points)
		return diag_set(p->d, cmd->curve[first].point_off, "out of memory");
	cmd->points[0] = cmd->curve[first].point;
	cmd->npoints = 1;
	cmd->kind = CMD_AT;
	cmd->given |= CL_AT;
	cmd->clause_off[CLAUSE_AT] = cmd->value_off[CLAUSE_AT] = cmd->curve[first].point_off;
	return 0;
}

int curve_parse_list(struct parser *p, struct cmd *cmd)
{
	for (;;) {
		if (cmd->ncurves == LIMIT_CURVES)
			return diag_set(p->d, parser_peek(p, 0)->off, "too many curves (at most %d in one command)",
			                LIMIT_CURVES);
		if (curve_parse(p, &cmd->curve[cmd->ncurves], false) < 0)
			return -1;
		cmd->ncurves++;
		if (parser_peek(p, 0)->kind != TOK_COMMA)
			break;
		parser_next(p);
	}
	number_repeats(cmd);
	return call_points(p, cmd);
}


int curve_parse_list_or(struct parser *p, struct cmd *cmd, const char *const *names, int n)
{
	if (parser_peek(p, 0)->kind != TOK_END && !parser_is_clause(p, parser_peek(p, 0)))
		return curve_parse_list(p, cmd);
	for (int i = 0; i < n; i++) {
		struct cmd_curve *c = &cmd->curve[cmd->ncurves++];
		actfn_curve_default(&c->fn, actfn_lookup(names[i], strlen(names[i])));
		c->off = parser_peek(p, 0)->off;
		c->bare = true;
		actfn_label(&c->fn, c->label, sizeof c->label);
	}
	return 0;
}
