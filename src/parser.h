/* parser.h: tokens of one line -> a command record, every part of it
 * with the byte offset it came from, so that later errors can point. */
#ifndef ACTVIZ_PARSER_H
#define ACTVIZ_PARSER_H

#include <stdbool.h>
#include <stddef.h>

#include "actfn.h"
#include "diag.h"
#include "settings.h"

#define CMD_LABEL 80

enum cmd_kind {
	CMD_EMPTY, /* blank or comment */
	CMD_PLOT,  /* curves [on LO..HI] */
	CMD_AT,    /* curves at P, P, ... */
	CMD_TABLE, /* table curves [on LO..HI] [step S] */
	CMD_SET,
	CMD_SHOW,
	CMD_LIST,
	CMD_INFO,
	CMD_HELP,
	CMD_QUIT,
};

struct cmd_curve {
	struct actfn_curve fn;
	size_t off;             /* where its name starts */
	char label[CMD_LABEL];  /* "leaky 0.1", with " #2" when repeated */
	bool bare;              /* no parameter was given */
};

struct cmd {
	enum cmd_kind kind;
	size_t off; /* the command word, or the first curve */

	int ncurves;
	struct cmd_curve curve[LIMIT_CURVES];

	bool has_range;
	struct range range;
	size_t range_off;

	double *points; /* `at`: heap, npoints of them */
	size_t npoints;
	size_t points_off;

	bool has_step;
	double step;
	int step_dec; /* decimals of the step as typed; -1 for hex */
	size_t step_off;

	/* set / show: which setting and the value given to `set` */
	enum setting setting;
	bool show_all;
	long ival;   /* samples, width, height (0 = auto) */
	int choice;  /* format, or a tristate */
	size_t value_off;

	/* help */
	char topic[32];
	size_t topic_off;
};

/* Parses one line. Returns 0, or -1 with d filled; either way cmd_free
 * must be called. */
int parse_line(const char *line, size_t len, struct cmd *cmd, struct diag *d);
void cmd_free(struct cmd *cmd);

/* Words the language knows, for completion and suggestions. */
const char *const *parse_command_words(void);
const char *const *parse_clause_words(void);

/* Checks a range against the language's rules (finite, LO < HI, neither
 * too wide nor too narrow); NULL if fine, else the reason. */
const char *parse_range_error(double lo, double hi);

#endif
