/* command.c: the command table, and how a line is parsed with it: the
 * command word (or a curve: a plot), then the command's defaults, curves
 * and clauses (or its own parse), then its checks. */
#define _POSIX_C_SOURCE 200809L
#include "command.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clause.h"
#include "curve.h"
#include "hint.h"
#include "num.h"
#include "session.h"
#include "util.h"

/* The entries, each in its command's file (cmd_*.c), in help's order. */
extern const struct command command_plot_entry, command_table_entry, command_set_entry,
	command_show_entry, command_list_entry, command_info_entry, command_help_entry,
	command_quit_entry, command_dead_entry, command_hist_entry, command_sweep_entry,
	command_train_entry, command_depth_entry, command_describe_entry, command_simplenn_entry,
	command_bench_entry, command_def_entry, command_defs_entry, command_save_entry,
	command_load_entry, command_lesson_entry;

static const struct command *const commands[] = {
	&command_plot_entry, &command_table_entry, &command_set_entry,  &command_show_entry,
	&command_list_entry, &command_info_entry,  &command_dead_entry, &command_hist_entry,
	&command_sweep_entry, &command_train_entry, &command_depth_entry, &command_describe_entry,
	&command_simplenn_entry, &command_bench_entry, &command_def_entry,  &command_defs_entry,
	&command_save_entry,  &command_load_entry,  &command_lesson_entry,
	&command_help_entry, &command_quit_entry,
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

size_t command_count(void)
{
	return NCOMMANDS;
}

const struct command *command_at(size_t i)
{
	return i < NCOMMANDS ? commands[i] : NULL;
}

const struct command *command_lookup(const char *word, size_t len)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (util_word_eq(word, len, commands[i]->name) ||
		    (commands[i]->alias && util_word_eq(word, len, commands[i]->alias)))
			return commands[i];
	return NULL;
}

const struct command *command_plot(void)
{
	return &command_plot_entry;
}

const char *const *command_words(void)
{
	static const char *words[2 * NCOMMANDS + 1];
	if (!words[0]) {
		size_t n = 0;
		for (size_t i = 0; i < NCOMMANDS; i++) {
			words[n++] = commands[i]->name;
			if (commands[i]->alias)
				words[n++] = commands[i]->alias;
		}
	}
	return words;
}

const char *command_suggest(const char *word, size_t len)
{
	const char *const *words = command_words();
	size_t n = 0;
	while (words[n])
		n++;
	return util_closest(word, len, words, n);
}

size_t command_clause_words(const char *word, size_t len, const char **out, size_t max)
{
	const struct command *c = command_lookup(word, len);
	return clause_words((c ? c : command_plot())->clauses, out, max);
}

void command_takers(unsigned bits, char *buf, size_t size)
{
	const char *names[NCOMMANDS];
	size_t n = 0, len = 0;
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (commands[i]->clauses & bits)
			names[n++] = commands[i]->name;
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++)
		util_append(buf, size, &len, "%s%s", i == 0 ? "" : i + 1 == n ? " and " : ", ", names[i]);
}

int command_parse(const struct command *c, struct parser *p, struct cmd *cmd)
{
	cmd->command = c;
	cmd->kind = c->kind;
	cmd->dist = stats_std_normal;
	if (c->defaults)
		c->defaults(cmd);
	int rc = c->parse ? c->parse(p, cmd) : curve_parse_list(p, cmd);
	if (rc == 0 && !c->parse)
		rc = command_clauses(p, cmd);
	if (rc == 0 && c->finish)
		rc = c->finish(p, cmd);
	return rc;
}

/* ---- a command's clauses ------------------------------------------------------- */

/* "a plot", "'dead'": the command as messages name it. */
static void command_name(const struct cmd *cmd, char *buf, size_t size)
{
	if (cmd->command->kind == CMD_PLOT)
		snprintf(buf, size, "a plot");
	else
		snprintf(buf, size, "'%s'", cmd->command->name);
}

/* A clause word this command does not take: say what it goes with. */
static int misplaced(struct parser *p, const struct token *t, const struct clause *c,
                     const struct cmd *cmd)
{
	unsigned takes = cmd->command->clauses;
	char name[48];
	command_name(cmd, name, sizeof name);
	/* a clause of its own that starts with the word: a likely slip */
	for (size_t i = 0; i < clause_count(); i++) {
		const char *w = clause_at(i)->word;
		if ((takes & CL(clause_at(i)->id)) && strlen(w) > strlen(c->word) &&
		    strncmp(w, c->word, strlen(c->word)) == 0)
			return diag_set(p->d, t->off, "'%s' does not go with %s (did you mean '%s'?)",
			                c->word, name, w);
	}
	/* a clause that says the same for another command: train's hidden
	 * layers are its depth, the depth command's are its layers */
	static const enum clause_id kin[][2] = {{CLAUSE_DEPTH, CLAUSE_LAYERS}};
	for (size_t k = 0; k < sizeof kin / sizeof kin[0]; k++)
		for (int side = 0; side < 2; side++)
			if (c->id == kin[k][side] && (takes & CL(kin[k][!side])))
				for (size_t i = 0; i < clause_count(); i++)
					if (clause_at(i)->id == kin[k][!side])
						return diag_set(p->d, t->off,
						                "'%s' does not go with %s (did you mean '%s'?)",
						                c->word, name, clause_at(i)->word);
	if (c->id == CLAUSE_STEP) {
		char takers[64];
		command_takers(CL(c->id), takers, sizeof takers);
		return diag_set(p->d, t->off, "'%s' goes with %s (table %s on -3..3 step 0.5)", c->word,
		                takers, cmd->curve[0].label);
	}
	if (c->id == CLAUSE_AT)
		return diag_set(p->d, t->off, "'at' does not go with %s (use one or the other)", name);
	return diag_set(p->d, t->off, "'%s' does not go with %s", c->word, name);
}

/* A word that is not a clause: a parameter without its value, or else
 * the list of what could come here. */
static int not_a_clause(struct parser *p, const struct token *t, const struct cmd *cmd)
{
	if (t->kind == TOK_COMMA)
		return parser_unexpected(p, parser_peek(p, 1), "an activation name after ','");
	if (hint_after_curves(p, t, cmd) < 0)
		return -1;
	const struct actfn_def *last = cmd->ncurves > 0 ? cmd->curve[cmd->ncurves - 1].fn.def : NULL;
	int k = t->kind == TOK_WORD && last ? actfn_param_index(last, parser_text(p, t), t->len) : -1;
	if (k >= 0) {
		const struct actfn_param *pp = &last->param[k];
		char v[NUM_BUF];
		num_format(pp->def, v);
		return diag_set(p->d, t->off, "%s needs a value (%s=%s)", pp->name, pp->name,
		                pp->type == ACTFN_CHOICE ? pp->choices[0] : v);
	}
	char list[160];
	size_t len = 0;
	list[0] = '\0';
	util_append(list, sizeof list, &len, "','");
	for (size_t i = 0; i < clause_count(); i++)
		if (cmd->command->clauses & CL(clause_at(i)->id))
			util_append(list, sizeof list, &len, ", '%s'", clause_at(i)->word);
	return parser_unexpected(p, t, list);
}

int command_clauses(struct parser *p, struct cmd *cmd)
{
	for (;;) {
		const struct token *t = parser_peek(p, 0);
		if (t->kind == TOK_END)
			break;
		const struct clause *c =
			t->kind == TOK_WORD ? clause_lookup(parser_text(p, t), t->len, cmd->command->clauses)
			                    : NULL;
		if (!c)
			return not_a_clause(p, t, cmd);
		if (!(cmd->command->clauses & CL(c->id)))
			return misplaced(p, t, c, cmd);
		if (cmd->given & CL(c->id))
			return diag_set(p->d, t->off, "'%s' given twice", c->word);
		cmd->given |= CL(c->id);
		cmd->clause_off[c->id] = t->off;
		parser_next(p);
		if (clause_parse_value(p, c, cmd) < 0)
			return -1;
	}
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

	/* Neither: an English phrasing, a PyTorch name that is not an
	 * activation, or whichever kind of name it is closest to. */
	if (hint_first_word(p, t) < 0)
		return -1;
	enum actfn_form form;
	size_t path = actfn_torch_path(parser_text(p, t), t->len, &form);
	if (path)
		return diag_set(p->d, t->off + path, "unknown activation '%.*s' (list shows them all)",
		                PARSER_QLEN(t) - (int)path, parser_text(p, t) + path);
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

static size_t skip_blanks(const char *line, size_t len, size_t i)
{
	while (i < len && (line[i] == ' ' || line[i] == '\t'))
		i++;
	return i;
}

int command_parse_path(const char *line, size_t len, size_t pos, struct cmd *cmd, struct diag *d,
                       const char *what)
{
	size_t i = skip_blanks(line, len, pos), start, end;
	if (i >= len || line[i] == '#')
		return diag_set(d, i, "expected %s", what);
	cmd->path_off = i;
	if (line[i] == '"') {
		start = i + 1;
		const char *q = memchr(line + start, '"', len - start);
		if (!q)
			return diag_set(d, i, "unterminated quote: a file name in quotes ends with '\"'");
		end = (size_t)(q - line);
		i = end + 1;
	} else {
		start = i;
		while (i < len && line[i] != ' ' && line[i] != '\t')
			i++;
		end = i;
	}
	if (end == start)
		return diag_set(d, cmd->path_off, "empty file name");
	if (end - start > LIMIT_PATH)
		return diag_set(d, cmd->path_off, "file name too long (at most %d bytes)", LIMIT_PATH);
	if (memchr(line + start, '\0', end - start))
		return diag_set(d, cmd->path_off, "a file name cannot hold a NUL byte");
	i = skip_blanks(line, len, i);
	if (i < len && line[i] != '#')
		return diag_set(d, i, "unexpected text after the file name (quote a name with spaces: "
		                "\"my plot.svg\")");
	cmd->path = malloc(end - start + 1);
	if (!cmd->path)
		return diag_set(d, cmd->path_off, "out of memory");
	memcpy(cmd->path, line + start, end - start);
	cmd->path[end - start] = '\0';
	return 0;
}

/* A command that reads the rest of its line itself (a file name): its
 * entry, with *pos after its word; NULL for every other line. */
static const struct command *raw_command(const char *line, size_t len, size_t *pos)
{
	size_t i = 0;
	while (i < len && (line[i] == ' ' || line[i] == '\t'))
		i++;
	size_t start = i;
	while (i < len && ((line[i] >= 'a' && line[i] <= 'z') || (line[i] >= 'A' && line[i] <= 'Z')))
		i++;
	if (i == start || (i < len && line[i] != ' ' && line[i] != '\t' && line[i] != '#'))
		return NULL;
	const struct command *c = command_lookup(line + start, i - start);
	if (!c || !c->parse_raw)
		return NULL;
	*pos = i;
	return c;
}

int command_parse_line(const char *line, size_t len, struct cmd *cmd, struct diag *d)
{
	memset(cmd, 0, sizeof *cmd);
	size_t pos;
	const struct command *raw = raw_command(line, len, &pos);
	if (raw) {
		cmd->command = raw;
		cmd->kind = raw->kind;
		cmd->off = strspn(line, " \t");
		return raw->parse_raw(line, len, pos, cmd, d);
	}
	struct parser p = {.line = line, .len = len, .d = d};
	if (lex_line(line, len, &p.tl, d) < 0) {
		hint_lex(line, len, d);
		return -1;
	}
	int rc = parse_tokens(&p, cmd);
	lex_free(&p.tl);
	return rc;
}

