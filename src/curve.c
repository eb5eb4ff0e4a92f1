/* curve.c: a curve as typed (NAME, positional and named parameters, each
 * checked against its domain) and a list of them, repeated labels numbered. */
#define _POSIX_C_SOURCE 200809L
#include "curve.h"

#include <string.h>

#include "clause.h"
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
	return 0;
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
