/* exec.h: runs one command record against the session, writing results
 * to an output sink; errors come back as values with a position. */
#ifndef ACTVIZ_EXEC_H
#define ACTVIZ_EXEC_H

#include <signal.h>
#include <stdbool.h>

#include "diag.h"
#include "out.h"
#include "parser.h"
#include "plot.h"
#include "render_text.h"
#include "settings.h"
#include "stats.h"
#include "train.h"

struct exec_env {
	struct settings *set;
	struct out *out;        /* results */
	int term_width;         /* plot size when width/height are auto */
	int term_height;
	/* The full screen: the rows a picture may take when its command
	 * writes a line or two of text under it (stacked histograms); 0:
	 * term_height. */
	int picture_rows_most;
	bool utf8;              /* the locale can show braille */
	bool color_auto;        /* what color=auto means here (a terminal, no NO_COLOR) */
	const struct palette *pal; /* escapes for colour, NULL until loaded */
	/* Loads the palette the first time colour is wanted (terminfo costs
	 * time a pipe should not pay); NULL or returning NULL: no colour. */
	const struct palette *(*load_palette)(void);
	volatile sig_atomic_t *stop; /* set by SIGINT: long work stops, keeping its output */

	/* The full-screen UI draws plots itself: when set, plot commands call
	 * this with the curves and range instead of writing text. */
	void (*plot_hook)(void *ctx, const struct cmd *cmd, const struct range *range);
	void *hook_ctx;

	/* The full-screen UI shows pictures (hist, sweep, train) in its plot
	 * area: when set, they come here, laid out at term_width x
	 * term_height, instead of being written as text; and the figures of
	 * dead go to stats_hook besides the table. A command's pictures come
	 * numbered: 0 starts afresh, the next ones (a histogram per curve)
	 * go under it. */
	void (*grid_hook)(void *ctx, const struct plot_grid *grid, int index);
	void (*stats_hook)(void *ctx, const struct cmd *cmd, const struct stats_figures *figs, int n);

	/* Long work says how far it got (train, at each reported step):
	 * progress on a terminal, the growing curves on screen. */
	void (*progress)(void *ctx, const struct cmd *cmd, long step, long steps,
	                 const struct train_report *reports);
	void *progress_ctx;
	/* The same for long statistics (dead by Monte Carlo): samples done of
	 * total for curve i of the command, now and then; called with
	 * hook_ctx. NULL: nothing is said (a pipe, the line prompt). */
	void (*stats_progress)(void *ctx, const struct cmd *cmd, int curve, double done, double total);

	/* At the prompt and on the full screen, how to go on in a lesson
	 * ("Enter goes on"): lesson then shows one step at a time. NULL
	 * (pipes, scripts): every step at once. */
	const char *step_keys;

	/* What the session has run (save session, save FILE.svg, load);
	 * NULL: those commands say they are not available. */
	struct session *session;
	/* Pictures made so far (plots included): run_line tells by it which
	 * line made the last one. */
	long pictures;
	/* save: when set, every picture comes here, with the spec it was laid
	 * out from (NULL for a histogram), and nothing else sees it. */
	void (*capture)(void *ctx, const struct plot_grid *g, const struct plot_spec *spec, int index);
	void *capture_ctx;
};

enum exec_status {
	EXEC_OK = 0,
	EXEC_ERROR = -1,      /* d says what and where */
	EXEC_QUIT = 1,        /* quit or exit */
	EXEC_INTERRUPTED = 2, /* stopped by *stop; partial output written */
};

enum exec_status exec_command(struct exec_env *env, const struct cmd *cmd, struct diag *d);

/* The plot spec a plot command gets in this session: what the UI uses to
 * lay out the same plot at its own size. */
void exec_plot_spec(struct exec_env *env, const struct cmd *cmd, const struct range *r,
                    struct plot_curve *curves, struct plot_spec *spec);

/* The plot of cmd's curves on r in words (describe.h), to env->out. */
enum exec_status exec_describe(struct exec_env *env, const struct cmd *cmd,
                               const struct range *r, struct diag *d);

/* v through its text rounded to a multiple of 10^-dec (NUM_DEC_NONE: v
 * itself), so that table and sweep values read as typed: -2.3, not
 * -2.2999999999999998; -7e-31, not -7.000000000000001e-31. A result of
 * zero is +0. */
double exec_round_decimals(double v, int dec);

/* The decimals a grid LO + i*S is rounded to, from LO's and S's as typed
 * (num_decimals); a LO of 0 counts for none. */
int exec_grid_decimals(const struct range *r, int step_dec);

/* A picture (hist, sweep, train): to save's capture, else the UI's
 * grid_hook if there is one, else as text; index numbers a command's
 * pictures from 0. spec is what g was laid out from (NULL: a histogram). */
void exec_picture(struct exec_env *env, const struct plot_grid *g, const struct plot_spec *spec,
                  int index);

/* Whether plots use colour now, and whether braille. */
bool exec_color(struct exec_env *env);
bool exec_braille(const struct exec_env *env);

#endif
