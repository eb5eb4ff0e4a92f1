/* cmd_info.c: the commands that say what there is: list (the
 * activations), info (one of them), help (the language) and quit. */
#define _POSIX_C_SOURCE 200809L
#include "command.h"
#include "curve.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "help.h"
#include "num.h"
#include "stats.h"
#include "tab.h"
#include "util.h"

/* ---- list ------------------------------------------------------------------- */

static bool list_row(void *ctx, size_t i, struct tab_cell *cells)
{
	(void)ctx;
	const struct actfn_def *def = actfn_at(i);
	if (!def)
		return false;
	tab_str(&cells[0], def->name);
	size_t len = 0;
	char buf[TAB_CELL];
	buf[0] = '\0';
	for (int k = 0; def->aliases[k]; k++)
		util_append(buf, sizeof buf, &len, "%s%s", k ? " " : "", def->aliases[k]);
	tab_str(&cells[1], buf);
	len = 0;
	buf[0] = '\0';
	for (int k = 0; k < def->nparams; k++) {
		char v[NUM_BUF];
		if (def->param[k].required)
			snprintf(v, sizeof v, "(required)");
		else
			actfn_param_text(def, k, def->param[k].def, v, sizeof v);
		util_append(buf, sizeof buf, &len, "%s%s=%s", k ? " " : "", def->param[k].name, v);
	}
	tab_str(&cells[2], buf);
	return true;
}

static enum exec_status exec_list(struct exec_env *env, const struct cmd *cmd, struct diag *d)
{
	(void)cmd;
	(void)d;
	static const char *const header[] = {"name", "aliases", "params"};
	struct tab_source src = {.ncols = 3, .header = header, .row = list_row, .left_align = true};
	tab_write(env->out, env->set->format, &src, NULL, NULL);
	return EXEC_OK;
}

/* ---- info ------------------------------------------------------------------- */

/* Writes "  key   text", the text wrapped at 78 columns under itself; a
 * newline in the text starts a line there. */
static void field(struct out *o, const char *key, const char *text)
{
	enum { KEY = 14, WIDTH = 78 };
	out_printf(o, "  %-*s", KEY - 2, key);
	int col = KEY;
	const char *s = text;
	bool brk = false; /* a newline came before this word */
	while (*s) {
		size_t wl = strcspn(s, " \n");
		if (col > KEY && (col + 1 + (int)wl > WIDTH || brk)) {
			out_putc(o, '\n');
			out_repeat(o, ' ', KEY);
			col = KEY;
		} else if (col > KEY) {
			out_putc(o, ' ');
			col++;
		}
		out_write(o, s, wl);
		col += (int)wl;
		s += wl;
		for (brk = false; *s == ' ' || *s == '\n'; s++)
			brk |= *s == '\n';
	}
	out_putc(o, '\n');
}

static void param_domain(const struct actfn_param *pp, char *buf, size_t size)
{
	size_t len = 0;
	buf[0] = '\0';
	if (pp->type == ACTFN_CHOICE) {
		for (int i = 0; pp->choices[i]; i++)
			util_append(buf, size, &len, "%s%s", i ? " or " : "one of ", pp->choices[i]);
		return;
	}
	char lo[NUM_BUF], hi[NUM_BUF];
	num_format(pp->lo, lo);
	num_format(pp->hi, hi);
	if (isinf(pp->lo) && isinf(pp->hi))
		util_append(buf, size, &len, "any finite number");
	else if (isinf(pp->hi))
		util_append(buf, size, &len, "a finite number %s %s", pp->lo_open ? ">" : ">=", lo);
	else
		util_append(buf, size, &len, "in %s%s, %s%s", pp->lo_open ? "(" : "[", lo, hi,
		            pp->hi_open ? ")" : "]");
}

static enum exec_status exec_info(struct exec_env *env, const struct cmd *cmd, struct diag *d)
{
	(void)d;
	struct out *o = env->out;
	const struct actfn_curve *c = &cmd->curve[0].fn;
	const struct actfn_def *def = c->def;
	bool defaults = cmd->curve[0].bare;
	/* Untouched defaults read better as names (negative_slope*x); given
	 * values are shown as such. */
	const struct actfn_curve *shown = defaults ? NULL : c;
	char buf[1024];

	out_printf(o, "%s: %s\n", defaults ? def->name : cmd->curve[0].label, def->title);
	if (def->aliases[0]) {
		size_t len = 0;
		buf[0] = '\0';
		for (int k = 0; def->aliases[k]; k++)
			util_append(buf, sizeof buf, &len, "%s%s", k ? ", " : "", def->aliases[k]);
		field(o, "aliases", buf);
	}
	if (def->nparams == 0)
		field(o, "parameters", "none");
	for (int i = 0; i < def->nparams; i++) {
		const struct actfn_param *pp = &def->param[i];
		char dom[96], v[NUM_BUF];
		param_domain(pp, dom, sizeof dom);
		size_t len = 0;
		util_append(buf, sizeof buf, &len, "%s", pp->name);
		if (pp->alias)
			util_append(buf, sizeof buf, &len, " (or %s)", pp->alias);
		if (pp->required) {
			util_append(buf, sizeof buf, &len, ", required");
		} else {
			actfn_param_text(def, i, pp->def, v, sizeof v);
			util_append(buf, sizeof buf, &len, ", default %s", v);
		}
		if (!defaults) {
			actfn_param_text(def, i, c->p[i], v, sizeof v);
			util_append(buf, sizeof buf, &len, ", here %s", v);
		}
		util_append(buf, sizeof buf, &len, "; %s", dom);
		field(o, i == 0 ? "parameters" : "", buf);
	}
	actfn_expand(def, shown, def->formula, buf, sizeof buf);
	field(o, "f(x)", buf);
	actfn_expand(def, shown, def->derivative, buf, sizeof buf);
	field(o, "f'(x)", buf);
	field(o, "range", def->range);
	actfn_expand(def, shown, def->kink, buf, sizeof buf);
	field(o, "kink", buf);
	actfn_expand(def, shown, def->properties, buf, sizeof buf);
	field(o, "properties", buf);
	/* what it does to standard-normal pre-activations (dead for more) */
	struct stats_figures f;
	if (!(defaults && def->nparams > 0 && def->param[0].required) &&
	    stats_exact(c, &stats_std_normal, &f) == 0) {
		snprintf(buf, sizeof buf, "P(f' = 0) %.4g, P(f = 0) %.4g, mean %.4g, std %.4g, "
		         "E f' %.4g (%s; dead %s shows more)", f.p_dead, f.p_zero,
		         fabs(f.mean) <= f.err ? 0.0 : f.mean, f.std, f.mean_grad,
		         f.method == STATS_CLOSED_FORM ? "exact"
		         : f.method == STATS_QUADRATURE ? "by quadrature"
		                                        : "from 10^6 samples",
		         cmd->curve[0].label);
		field(o, "z ~ N(0,1)", buf);
	}
	bool required = def->nparams > 0 && def->param[0].required;
	actfn_expand(def, defaults && required ? NULL : c, def->torch, buf, sizeof buf);
	field(o, "pytorch", buf);
	if (def->example)
		field(o, "example", def->example);
	return EXEC_OK;
}

static enum exec_status exec_help(struct exec_env *env, const struct cmd *cmd, struct diag *d)
{
	size_t len = strlen(cmd->topic);
	const char *text = help_text(cmd->topic, len);
	if (text) {
		out_puts(env->out, text);
		return EXEC_OK;
	}
	const struct actfn_def *def = actfn_lookup(cmd->topic, len);
	if (def) {
		struct cmd info;
		memset(&info, 0, sizeof info);
		info.kind = CMD_INFO;
		info.ncurves = 1;
		actfn_curve_default(&info.curve[0].fn, def);
		actfn_label(&info.curve[0].fn, info.curve[0].label, sizeof info.curve[0].label);
		info.curve[0].bare = true;
		return exec_info(env, &info, d);
	}
	const char *const *topics = help_topics();
	size_t ntopics = 0;
	while (topics[ntopics])
		ntopics++;
	const char *sug = util_closest(cmd->topic, len, topics, ntopics);
	if (!sug)
		sug = actfn_suggest(cmd->topic, len);
	if (sug)
		return diag_set(d, cmd->topic_off, "no help on '%s' (did you mean '%s'?)", cmd->topic, sug);
	return diag_set(d, cmd->topic_off, "no help on '%s' (help alone lists the topics)", cmd->topic);
}


/* ---- parsing ---------------------------------------------------------------- */

static int parse_nothing(struct parser *p, struct cmd *cmd)
{
	(void)cmd;
	return parser_end(p);
}

static int parse_info(struct parser *p, struct cmd *cmd)
{
	if (parser_peek(p, 0)->kind == TOK_END)
		return parser_unexpected(p, parser_peek(p, 0), "an activation name (info relu; list shows them all)");
	if (curve_parse(p, &cmd->curve[0], true) < 0)
		return -1;
	cmd->ncurves = 1;
	const struct cmd_curve *c = &cmd->curve[0];
	int n = (int)(c->point_len > PARSER_QUOTE ? PARSER_QUOTE : c->point_len);
	if (c->has_point)
		return diag_set(p->d, c->point_off, "write `%s at %.*s` for the value there (info "
		                "describes the curve)", c->label, n, p->line + c->point_off);
	return parser_end(p);
}

static int parse_help(struct parser *p, struct cmd *cmd)
{
	const struct token *t = parser_peek(p, 0);
	if (t->kind == TOK_END)
		return 0;
	if (t->kind != TOK_WORD)
		return parser_unexpected(p, t, "a help topic (help alone lists them)");
	parser_next(p);
	size_t n = t->len < sizeof cmd->topic - 1 ? t->len : sizeof cmd->topic - 1;
	memcpy(cmd->topic, parser_text(p, t), n);
	cmd->topic[n] = '\0';
	cmd->topic_off = t->off;
	return parser_end(p);
}

static enum exec_status exec_quit(struct exec_env *env, const struct cmd *cmd, struct diag *d)
{
	(void)env;
	(void)cmd;
	(void)d;
	return EXEC_QUIT;
}

/* ---- the entries ----------------------------------------------------------- */

const struct command command_list_entry = {
	.name = "list",
	.kind = CMD_LIST,
	.parse = parse_nothing,
	.exec = exec_list,
	.overview = "  list                          every activation, its parameters and defaults\n",
	.help = "list                    every activation: name, aliases, parameters=defaults\n",
	.data = true,
	.listed = true,
};

const struct command command_info_entry = {
	.name = "info",
	.kind = CMD_INFO,
	.parse = parse_info,
	.exec = exec_info,
	.overview = "  info leaky                    formula, derivative, kink convention, PyTorch call\n",
	.help = "info NAME [PARAMS]      what an activation is: formula, derivative, range,\n"
	 "                        the convention at its kinks, properties, and the\n"
	 "                        PyTorch call that computes the same (info leaky 0.1)\n",
	.arg = COMMAND_ARG_CURVE,
	.listed = true,
};

const struct command command_help_entry = {
	.name = "help",
	.kind = CMD_HELP,
	.parse = parse_help,
	.exec = exec_help,
	.overview = "  help TOPIC                    more on a topic\n",
	.help = "help [TOPIC]            this text, or more on a topic\n",
	.arg = COMMAND_ARG_TOPIC,
	.no_replay = true,
};

const struct command command_quit_entry = {
	.name = "quit",
	.alias = "exit",
	.kind = CMD_QUIT,
	.parse = parse_nothing,
	.exec = exec_quit,
	.overview = "  quit                          (or exit, or end of input)\n",
	.help = "quit, exit              leave (end of input and Ctrl-D do too)\n",
};
