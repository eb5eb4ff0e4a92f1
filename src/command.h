/* command.h: the one table of commands. Each entry says what the command
 * is called, which clauses it takes, how it parses and runs, its help and
 * what completes after it; the parser, help, --help, completion and the
 * fuzzer's dictionary all read it. A command is a file (cmd_*.c) and a
 * line in command.c. */
#ifndef ACTVIZ_COMMAND_H
#define ACTVIZ_COMMAND_H

#include <stdbool.h>
#include <stddef.h>

#include "exec.h"
#include "parser.h"

/* What completes after the command word. */
enum command_arg {
	COMMAND_ARG_NONE,
	COMMAND_ARG_CURVES,  /* curves, their parameters, then the clauses */
	COMMAND_ARG_CURVES_OPT, /* the same, or the clauses at once (sweep, depth) */
	COMMAND_ARG_CURVE,   /* one curve (info) */
	COMMAND_ARG_SETTING, /* a setting, then its value (set) */
	COMMAND_ARG_SHOW,    /* `settings` or a setting */
	COMMAND_ARG_TOPIC,   /* a help topic or an activation */
};

struct command {
	const char *name;
	const char *alias;      /* another name (quit: exit), or NULL */
	enum cmd_kind kind;
	unsigned clauses;       /* CL_* bits of the clauses it takes */
	/* Parsing, after the command word: defaults sets the clause values
	 * before any is read; parse reads the rest of the line (NULL: a curve
	 * list, then the clauses); finish checks what was given together and
	 * fills the specs. Each may be NULL; parse and finish return 0 or -1
	 * (the parser's diag then says why). */
	void (*defaults)(struct cmd *cmd);
	int (*parse)(struct parser *p, struct cmd *cmd);
	int (*finish)(struct parser *p, struct cmd *cmd);
	enum exec_status (*exec)(struct exec_env *env, const struct cmd *cmd, struct diag *d);
	const char *overview;   /* its lines in `help` (each ends in \n) */
	const char *help;       /* `help NAME` */
	const char *also;       /* a help topic listed right after it ("at"), or NULL */
	enum command_arg arg;
	bool data;              /* -f FORMAT shapes its output */
	bool listed;            /* a help topic in help's list of topics */
};

/* The table, in the order help lists it. */
size_t command_count(void);
const struct command *command_at(size_t i);
/* By name or alias, ASCII case-insensitive; NULL if none. */
const struct command *command_lookup(const char *word, size_t len);
/* The command a line starting with a curve means. */
const struct command *command_plot(void);
/* The command name closest to a misspelling, or NULL. */
const char *command_suggest(const char *word, size_t len);
/* The names and aliases, NULL-terminated (completion, the fuzzer). */
const char *const *command_words(void);

/* The clause words of the command a line starting with word means (a
 * command, or a plot), up to max of them; returns how many. */
size_t command_clause_words(const char *word, size_t len, const char **out, size_t max);

/* Parses one line into cmd. Returns 0, or -1 with d filled; either way
 * cmd_free must be called. */
int command_parse_line(const char *line, size_t len, struct cmd *cmd, struct diag *d);

/* The clauses of a command, in any order, each at most once, until the end
 * of the line; what each is given is marked in cmd->given. */
int command_clauses(struct parser *p, struct cmd *cmd);

/* Parses the rest of the line as c (its word already read). */
int command_parse(const struct command *c, struct parser *p, struct cmd *cmd);

/* "table and sweep": the commands that take any of the clauses `bits`. */
void command_takers(unsigned bits, char *buf, size_t size);

#endif
