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
	COMMAND_ARG_LESSON,  /* a lesson's topic, or where to go in it */
	COMMAND_ARG_FILE,    /* the words of `words` (save session), then a file name */
	COMMAND_ARG_EXPR,    /* NAME(X, P=V) = an expression (def) */
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
	/* Instead of the lexer and parse: the rest of the line after the
	 * command word, from byte pos, as typed (file names have '/' and
	 * '.', which the language's tokens do not). Returns 0 or -1, d
	 * filled. */
	int (*parse_raw)(const char *line, size_t len, size_t pos, struct cmd *cmd, struct diag *d);
	enum exec_status (*exec)(struct exec_env *env, const struct cmd *cmd, struct diag *d);
	const char *overview;   /* its lines in `help` (each ends in \n) */
	const char *help;       /* `help NAME` */
	const char *also;       /* a help topic listed right after it ("at"), or NULL */
	enum command_arg arg;
	bool data;              /* -f FORMAT shapes its output */
	bool listed;            /* a help topic in help's list of topics */
	bool no_replay;         /* left out of `save session` (help, save, load) */
	const char *const *words; /* COMMAND_ARG_FILE: words before the file name */
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

/* The def lines of the definitions in force (defs, save defs). */
void cmd_defs_write(struct out *o);

/* Parses one line into cmd. Returns 0, or -1 with d filled; either way
 * cmd_free must be called. */
int command_parse_line(const char *line, size_t len, struct cmd *cmd, struct diag *d);

/* The clauses of a command, in any order, each at most once, until the end
 * of the line; what each is given is marked in cmd->given. */
int command_clauses(struct parser *p, struct cmd *cmd);

/* A file name from byte pos of line (save, load): a run of bytes up to
 * a blank, or "quoted" (then it may hold blanks and '#'); after it only a
 * comment. Fills cmd->path (heap) and cmd->path_off. what says what the
 * name is for, in the message when there is none ("a file name after
 * 'session'"). Returns 0, or -1 with d filled. */
int command_parse_path(const char *line, size_t len, size_t pos, struct cmd *cmd, struct diag *d,
                       const char *what);

/* Parses the rest of the line as c (its word already read). */
int command_parse(const struct command *c, struct parser *p, struct cmd *cmd);

/* "table and sweep": the commands that take any of the clauses `bits`. */
void command_takers(unsigned bits, char *buf, size_t size);

#endif
