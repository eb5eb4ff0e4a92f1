/* complete.c: Tab's candidates, from the tables. The words before the
 * cursor say which command the line is (command_lookup; a line that starts
 * otherwise is a plot), and that command's entry says what follows its
 * word (command.h's enum command_arg). */
#define _POSIX_C_SOURCE 200809L
#include "complete.h"

#include <ctype.h>
#include <string.h>

#include "actfn.h"
#include "clause.h"
#include "command.h"
#include "help.h"
#include "lesson.h"
#include "lexer.h"
#include "settings.h"
#include "tab.h"
#include "util.h"

/* The candidates so far, and the word they must begin with. */
struct gather {
	struct completion *c;
	const char *prefix;
	size_t len;
};

static void add(struct gather *g, const char *word, bool param)
{
	struct completion *c = g->c;
	if (c->n < COMPLETE_MAX && util_word_prefix(g->prefix, g->len, word)) {
		c->param[c->n] = param;
		c->word[c->n++] = word;
	}
}

static void add_list(struct gather *g, const char *const *words)
{
	for (; *words; words++)
		add(g, *words, false);
}

static void add_activations(struct gather *g)
{
	for (size_t i = 0; i < actfn_count(); i++)
		add(g, actfn_at(i)->name, false);
}

/* The words a setting's value can be, by the kind of value the settings
 * table gives it (numbers and ranges complete to nothing). */
static void add_setting_values(struct gather *g, int which)
{
	if (which < 0)
		return;
	const char *const *words = settings_value_words(settings_def((enum setting)which)->kind);
	if (words)
		add_list(g, words);
}

static bool in_words(const char *s, size_t len, const char *const *words)
{
	for (; *words; words++)
		if (util_word_eq(s, len, *words))
			return true;
	return false;
}

static bool is_word(const struct token *t)
{
	return t->kind == TOK_WORD;
}

/* After curves (a plot, table, dead... or info): an activation where a
 * curve starts; after a curve's name its parameters, their choices and the
 * command's clauses; nothing after a clause that takes the rest of the
 * line (at's points). */
static void add_curve_words(struct gather *g, const char *line, const struct token *t, size_t n,
                            bool optional)
{
	const struct actfn_def *current = NULL;
	bool clauses = false; /* a clause given: the curves left out (optional) */
	for (size_t i = 0; i < n; i++) {
		if (is_word(&t[i])) {
			const struct clause *cl = clause_lookup(line + t[i].off, t[i].len, 0);
			if (cl && cl->value == CLAUSE_V_POINTS)
				return;
			if (!current)
				current = actfn_lookup(line + t[i].off, t[i].len);
			clauses |= optional && i > 0 && cl;
		}
		if (t[i].kind == TOK_COMMA)
			current = NULL;
	}
	/* right after a clause: its value's words, if it has words; a number
	 * or a range has none, and the clauses would be wrong there */
	const struct clause *last = is_word(&t[n - 1]) && n > 1
	                                ? clause_lookup(line + t[n - 1].off, t[n - 1].len, 0)
	                                : NULL;
	if (last) {
		static const char *const dists[] = {"normal", "uniform", NULL};
		static const char *const init_dist[] = {"normal", NULL};
		if (last->words)
			add_list(g, last->words);
		if (last->value == CLAUSE_V_DIST)
			add_list(g, dists);
		if (last->value == CLAUSE_V_INIT)
			add_list(g, init_dist);
		return;
	}
	if (t[n - 1].kind == TOK_COMMA || (!current && !clauses)) {
		add_activations(g);
		if (!(optional && n == 1))
			return;
	}
	for (int k = 0; current && k < current->nparams; k++) {
		add(g, current->param[k].name, true);
		if (current->param[k].type == ACTFN_CHOICE)
			add_list(g, current->param[k].choices);
	}
	const char *words[32];
	size_t nw = command_clause_words(line + t[0].off, t[0].len, words, 32);
	for (size_t k = 0; k < nw; k++)
		add(g, words[k], false);
}

/* n tokens (n >= 1) before the word: what the command they start allows. */
static void add_after(struct gather *g, const char *line, const struct token *t, size_t n)
{
	static const char *const show_words[] = {"settings", NULL};
	const struct command *cmd = is_word(&t[0]) ? command_lookup(line + t[0].off, t[0].len)
	                                                 : NULL;
	switch (cmd ? cmd->arg : COMMAND_ARG_CURVES) {
	case COMMAND_ARG_NONE:
	case COMMAND_ARG_EXPR: /* complete_line's, before the lexer */
		break;
	case COMMAND_ARG_SETTING:
		if (n == 1)
			add_list(g, settings_names());
		else if (n == 2 && is_word(&t[1]))
			add_setting_values(g, settings_lookup(line + t[1].off, t[1].len));
		break;
	case COMMAND_ARG_SHOW:
		if (n == 1) {
			add_list(g, show_words);
			add_list(g, settings_names());
		}
		break;
	case COMMAND_ARG_TOPIC:
		if (n == 1) {
			add_list(g, help_topics());
			add_activations(g);
		}
		break;
	case COMMAND_ARG_LESSON:
		if (n == 1) {
			static const char *const moves[] = {"next", "back", "end", NULL};
			add_list(g, lesson_words());
			add_list(g, moves);
		}
		break;
	case COMMAND_ARG_CURVE:
	case COMMAND_ARG_CURVES:
	case COMMAND_ARG_CURVES_OPT:
		add_curve_words(g, line, t, n, cmd && cmd->arg == COMMAND_ARG_CURVES_OPT);
		break;
	case COMMAND_ARG_FILE:
		/* the words that say what to save, and a file name: after the
		 * command, or after one of its words */
		if (n == 1 && cmd->words)
			add_list(g, cmd->words);
		g->c->files = n == 1 || (n == 2 && is_word(&t[1]) && cmd->words &&
		                         in_words(line + t[1].off, t[1].len, cmd->words));
		break;
	}
}

/* In a definition's expression (after the head NAME(X, P=V)'s "="): its
 * variable and parameters, the functions and constants, and the
 * activations, built-in or defined. Nothing in the head. */
static void add_expr_words(struct gather *g, const char *line, size_t start)
{
	const char *open = memchr(line, '(', start);
	const char *close = open ? memchr(open, ')', start - (size_t)(open - line)) : NULL;
	if (!close || !memchr(close, '=', start - (size_t)(close - line)))
		return;
	size_t own = 0;
	for (const char *s = open + 1; s < close && own < 4; s++) {
		while (s < close && (*s == ' ' || *s == '\t'))
			s++;
		size_t len = 0;
		while (s + len < close && (isalnum((unsigned char)s[len]) || s[len] == '_'))
			len++;
		if (len > 0 && len < sizeof g->c->own[0]) {
			memcpy(g->c->own[own], s, len);
			g->c->own[own][len] = '\0';
			add(g, g->c->own[own++], false);
		}
		const char *comma = memchr(s, ',', (size_t)(close - s));
		if (!comma)
			break;
		s = comma;
	}
	add_list(g, actfn_user_words());
	add_activations(g);
}

/* Whether the line starts with a command whose text is an expression
 * (def), with more than its name before pos. */
static bool is_expr_line(const char *line, size_t pos)
{
	size_t w = strspn(line, " \t"), wl = strcspn(line + w, " \t(");
	const struct command *cmd = w + wl < pos ? command_lookup(line + w, wl) : NULL;
	return cmd && cmd->arg == COMMAND_ARG_EXPR;
}

const char *complete_breaks(const char *line)
{
	return is_expr_line(line, strlen(line)) ? COMPLETE_EXPR_BREAKS : COMPLETE_BREAKS;
}

size_t complete_word_start(const char *line, size_t cursor)
{
	size_t i = cursor;
	const char *breaks = complete_breaks(line);
	while (i > 0 && !strchr(breaks, line[i - 1]))
		i--;
	return i;
}

void complete_line(const char *line, size_t start, size_t end, struct completion *c)
{
	struct gather g = {c, line + start, end - start};
	struct token_list tl;
	struct diag d;
	c->n = 0;
	c->files = false;
	/* a definition's text is not the command language's: it is read raw */
	if (is_expr_line(line, start)) {
		add_expr_words(&g, line, start);
		return;
	}
	if (lex_line(line, start, &tl, &d) < 0) {
		add_activations(&g);
		return;
	}
	size_t n = tl.n - 1; /* without TOK_END */
	if (n == 0) {
		add_list(&g, command_words());
		add_activations(&g);
	} else {
		add_after(&g, line, tl.tok, n);
	}
	lex_free(&tl);
}
