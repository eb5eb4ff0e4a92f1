/* tui_int.h: the full screen's state, and how its files call each other:
 *   tui.c       the loop, signals, running a command, the hooks exec calls
 *   tui_keys.c  keys: the terminal's to ours, and the key table's actions
 *   tui_rl.c    readline's glue: keys in, the line out, its callbacks
 *   tui_draw.c  layout and drawing, and the messages panel's lines
 * each calling only those below it. Only these files include it. */
#ifndef ACTVIZ_TUI_INT_H
#define ACTVIZ_TUI_INT_H

#include "curses_inc.h"

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>

#include "num.h"
#include "out.h"
#include "parser.h"
#include "plot.h"
#include "run.h"
#include "screen.h"
#include "stats.h"

#define TUI_MSG_KEEP 4000 /* message lines kept for scrolling back */

struct tui {
	struct run_ctx *rc;
	struct exec_env *env;
	volatile sig_atomic_t *sigint; /* set by SIGINT */
	/* set by a Ctrl-Z in a command: the next draw clears the terminal */
	volatile sig_atomic_t *redraw_all;
	int cols, rows;
	struct screen_layout lay;
	bool color;          /* the terminal has colours and NO_COLOR is unset */

	struct cmd plot;     /* the curves of the last plot command */
	bool have_plot;
	struct range view, home;
	double yzoom;
	int selected;
	/* the plot as a line (its curves on its view) when the session last
	 * knew it: keys that change it make another, kept before the next
	 * command (save writes what is on screen) */
	char noted[LIMIT_CURVES * (CMD_LABEL + 2) + 2 * NUM_BUF + 8];

	bool figs_valid;
	struct stats_figures fig[LIMIT_CURVES];
	double win_dead[LIMIT_CURVES], win_min[LIMIT_CURVES], win_max[LIMIT_CURVES];

	/* a picture (hist, sweep, train) in place of the plot */
	struct plot_grid picture;
	bool show_picture;
	char title[256];     /* the command that made it */
	const char *line;    /* the command running now */
	/* the figures of the last `dead`, in place of the plot's figures */
	bool show_stats;
	int nstats;
	char stats_label[LIMIT_CURVES][CMD_LABEL];
	struct stats_figures stats[LIMIT_CURVES];
	char stats_dist[96];
	char stats_title[256]; /* the dead command, for the title over its card */

	char **msg;          /* message lines, oldest first */
	int nmsg;
	int cmd_first;       /* the last command's first line (its echo) */
	int scroll;          /* message rows under the view (0: the newest in sight) */
	bool pinned;         /* the view opens at the last command's first line */
	char status[200];    /* the prompt's row while a command runs */
	double status_ms;    /* when it was last drawn */
	bool help;           /* the F1 box is up */
	bool dirty, quit;

	char *history;
	struct out out, err; /* a command's output, for the messages */

	/* readline's input: the bytes of keys it has not read yet */
	unsigned char in[256];
	size_t in_len, in_pos;
	FILE *devnull;       /* readline's output, which the screen never shows */
};

/* ---- tui_draw.c ---- */
void tui_colors(struct tui *t);
/* The layout for the size the terminal has now; tui_resized asks it first. */
void tui_layout(struct tui *t);
void tui_resized(struct tui *t);
/* Everything but the prompt's row. */
void tui_draw_screen(struct tui *t);
/* The prompt's row: prompt and text[0..n), the cursor at byte point of text;
 * then the terminal is brought up to date. */
void tui_draw_prompt(struct tui *t, const char *prompt, const char *text, size_t n, size_t point);
/* Messages: one line as it is; text, a line at a time (the view goes back
 * to the newest); and what a command wrote to o (the view opens at the
 * command's first line: tui_msg_command marks it). */
void tui_msg_line(struct tui *t, const char *s, size_t n);
void tui_msg_puts(struct tui *t, const char *s);
void tui_msg_sink(struct tui *t, struct out *o);
void tui_msg_command(struct tui *t);
/* The prompt's row while a command runs: what it is doing, at most every
 * 50 ms unless now. */
void tui_draw_status(struct tui *t, bool now);

/* ---- tui_rl.c ---- */
/* Readline's callback interface, drawing into the prompt's row; each
 * line typed goes to on_line (NULL at Ctrl-D on an empty line). */
void tui_rl_start(struct tui *t, void (*on_line)(struct tui *t, char *line));
void tui_rl_stop(struct tui *t);
/* Bytes of one key, to readline. */
void tui_rl_feed(struct tui *t, const char *bytes, size_t n);
/* Ctrl-C: the line goes. */
void tui_rl_clear_line(struct tui *t);
/* Whether the line being typed is empty. */
bool tui_rl_line_empty(void);
/* Runs a line as if typed and entered (it takes line, malloc'd). */
void tui_run_line(struct tui *t, char *line);
/* The whole screen, the prompt's line included. */
void tui_draw_all(struct tui *t);

/* ---- tui_keys.c ---- */
/* Teaches ncurses the sequences of the keys terminfo may not name. */
void tui_keys_setup(void);
/* A key from get_wch (r: OK or KEY_CODE_YES). */
void tui_key(struct tui *t, int r, wint_t k);
/* F5..F8: the selected curve's first parameter, a step dir (-1, +1). */
void tui_step_param(struct tui *t, int dir, bool large);

#endif
