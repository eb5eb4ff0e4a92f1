/* command.c: the command table, and how a command's line is parsed with
 * it: defaults, curves and clauses (or the command's own parse), then the
 * command's checks. */
#define _POSIX_C_SOURCE 200809L
#include "command.h"

#include <stdio.h>
#include <string.h>

#include "clause.h"
#include "util.h"

/* The entries, each in its command's file (cmd_*.c), in help's order. */
extern const struct command command_plot_entry, command_table_entry, command_set_entry,
	command_show_entry, command_list_entry, command_info_entry, command_help_entry,
	command_quit_entry, command_dead_entry, command_hist_entry, command_sweep_entry,
	command_train_entry;

static const struct command *const commands[] = {
	&command_plot_entry, &command_table_entry, &command_set_entry,  &command_show_entry,
	&command_list_entry, &command_info_entry,  &command_dead_entry, &command_hist_entry,
	&command_sweep_entry, &command_train_entry, &command_help_entry, &command_quit_entry,
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
	int rc = c->parse ? c->parse(p, cmd) : parser_curves(p, cmd);
	if (rc == 0 && !c->parse)
		rc = parser_clauses(p, cmd);
	if (rc == 0 && c->finish)
		rc = c->finish(p, cmd);
	return rc;
}
