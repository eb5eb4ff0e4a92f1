/* tui.c: the full-screen interface: set-up, the loop, the signals, and
 * a command's run, whose plots, pictures and figures come back through
 * exec's hooks. ncurses draws what screen.c and plot.c lay out
 * (tui_draw.c); keys are tui_keys.c's; GNU readline edits the prompt
 * through its callback interface (tui_rl.c). */
#include "tui_int.h"
#include "tui.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "num.h"
#include "prompt.h"
#include "session.h"
#include "terminal.h"
#include "util.h"

#define OUT_LIMIT (4u << 20) /* bytes of one command's output kept */

/* ---- signals ------------------------------------------------------------------- */

/* Signal handlers take no context: what they touch is here. */
static volatile sig_atomic_t got_fatal, got_tstp;

/* While a command computes, the main loop is not there to act on a
 * signal: SIGTERM and SIGHUP stop the computation first, and Ctrl-Z hands
 * the terminal back from the handler itself, with async-signal-safe calls
 * only (write, tcsetattr, sigaction, raise): the escape strings and both
 * terminal modes are made ready beforehand. */
static struct {
	volatile sig_atomic_t busy, redraw;
	volatile sig_atomic_t *sigint; /* the interface's SIGINT flag */
	bool ready;
	struct termios shell, prog;
	char leave[256], enter[256];
	size_t leave_len, enter_len;
} midway;

static void on_fatal(int sig)
{
	got_fatal = sig;
	if (midway.busy && midway.sigint)
		*midway.sigint = 1;
}

static void write_all(const char *s, size_t n)
{
	while (n > 0) {
		ssize_t k = write(STDOUT_FILENO, s, n);
		if (k <= 0 && errno != EINTR)
			return;
		if (k > 0) {
			s += k;
			n -= (size_t)k;
		}
	}
}

static void on_tstp(int sig)
{
	if (!midway.busy || !midway.ready) {
		got_tstp = 1;
		return;
	}
	int saved = errno;
	write_all(midway.leave, midway.leave_len);
	tcsetattr(STDIN_FILENO, TCSADRAIN, &midway.shell);
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = SIG_DFL;
	sigaction(SIGTSTP, &sa, NULL);
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	kill(0, SIGTSTP); /* the whole process group, as the key would; here until SIGCONT */
	sa.sa_handler = on_tstp;
	sigaction(SIGTSTP, &sa, NULL);
	tcsetattr(STDIN_FILENO, TCSADRAIN, &midway.prog);
	write_all(midway.enter, midway.enter_len);
	midway.redraw = 1;
	errno = saved;
}

/* Appends a terminfo string capability, if the terminal has it. */
static void add_cap(char *buf, size_t size, size_t *len, const char *name)
{
	char *v = tigetstr(name);
	if (v && v != (char *)-1)
		util_append(buf, size, len, "%s", v);
}

static void midway_prepare(const struct termios *shell)
{
	midway.shell = *shell;
	if (tcgetattr(STDIN_FILENO, &midway.prog) != 0)
		return;
	add_cap(midway.leave, sizeof midway.leave, &midway.leave_len, "sgr0");
	add_cap(midway.leave, sizeof midway.leave, &midway.leave_len, "cnorm");
	add_cap(midway.leave, sizeof midway.leave, &midway.leave_len, "rmkx");
	add_cap(midway.leave, sizeof midway.leave, &midway.leave_len, "rmcup");
	add_cap(midway.enter, sizeof midway.enter, &midway.enter_len, "smcup");
	add_cap(midway.enter, sizeof midway.enter, &midway.enter_len, "smkx");
	/* the screen comes back whole when the command ends; until then, a
	 * note on a clear screen says why it is empty */
	add_cap(midway.enter, sizeof midway.enter, &midway.enter_len, "clear");
	util_append(midway.enter, sizeof midway.enter, &midway.enter_len,
	            "actviz: still computing (Ctrl-C stops it)");
	midway.ready = true;
}

static void handle_signals(struct tui *t)
{
	if (got_fatal) {
		int sig = got_fatal;
		terminal_restore();
		signal(sig, SIG_DFL);
		raise(sig);
		_exit(128 + sig);
	}
	if (got_tstp) {
		got_tstp = 0;
		endwin();
		signal(SIGTSTP, SIG_DFL);
		raise(SIGTSTP);
		/* continued: take the terminal back and draw everything */
		signal(SIGTSTP, on_tstp);
		reset_prog_mode();
		clearok(curscr, TRUE);
		tui_resized(t);
	}
	if (*t->sigint) { /* Ctrl-C: the line goes, the program stays */
		*t->sigint = 0;
		tui_rl_clear_line(t);
		t->dirty = true;
	}
}

/* ---- what commands send the screen -------------------------------------------- */

/* The plot on screen as a line: its curves as labelled (the label of a
 * repeated curve without its " #2"), on its view. */
static void view_line(const struct tui *t, char *buf, size_t size)
{
	size_t len = 0;
	buf[0] = '\0';
	for (int i = 0; i < t->plot.ncurves; i++) {
		const char *label = t->plot.curve[i].label, *rep = strstr(label, " #");
		int n = rep ? (int)(rep - label) : (int)strlen(label);
		util_append(buf, size, &len, "%s%.*s", i ? ", " : "", n, label);
	}
	char lo[NUM_BUF], hi[NUM_BUF];
	num_format(t->view.lo, lo);
	num_format(t->view.hi, hi);
	util_append(buf, size, &len, " on %s..%s", lo, hi);
}

/* Keys changed the plot (a parameter, the view) since the session last
 * knew it: it keeps the line that draws it now, as if typed, so that save
 * writes what is on screen and a saved session shows it too. */
static void note_keyed_plot(struct tui *t)
{
	if (!t->env->session || !t->have_plot || t->show_picture)
		return;
	char line[sizeof t->noted];
	view_line(t, line, sizeof line);
	if (strcmp(line, t->noted) == 0)
		return;
	session_note(t->env->session, line, strlen(line), true, true, t->env->set);
	memcpy(t->noted, line, sizeof line);
}

static void plot_hook(void *ctx, const struct cmd *cmd, const struct range *range)
{
	struct tui *t = ctx;
	t->plot = *cmd;
	t->plot.points = NULL;
	t->plot.npoints = 0;
	t->have_plot = true;
	t->show_picture = false;
	t->show_stats = false;
	t->view = t->home = *range;
	t->yzoom = 1;
	t->selected = 0;
	t->figs_valid = false;
	t->dirty = true;
	view_line(t, t->noted, sizeof t->noted);
}

/* A picture from exec: kept, and shown at once (a training run draws its
 * curves as they grow, from inside the command). */
static void grid_hook(void *ctx, const struct plot_grid *g, int index)
{
	struct tui *t = ctx;
	/* index > 0: under the pictures before it (a histogram per curve) */
	int top = index > 0 && t->show_picture ? t->picture.h : 0;
	int w = top && t->picture.w > g->w ? t->picture.w : g->w, h = top + g->h;
	struct plot_cell *cells = malloc((size_t)w * (size_t)h * sizeof *cells);
	if (!cells)
		return;
	for (size_t i = 0; i < (size_t)w * (size_t)h; i++)
		cells[i] = (struct plot_cell){' ', PLOT_COLOR_DEFAULT};
	for (int r = 0; r < top; r++)
		memcpy(cells + (size_t)r * (size_t)w, t->picture.cell + (size_t)r * (size_t)t->picture.w,
		       (size_t)t->picture.w * sizeof *cells);
	for (int r = 0; r < g->h; r++)
		memcpy(cells + (size_t)(top + r) * (size_t)w, g->cell + (size_t)r * (size_t)g->w,
		       (size_t)g->w * sizeof *cells);
	struct plot_grid keep = top ? t->picture : *g;
	if (top)
		free(t->picture.cell);
	else
		plot_grid_free(&t->picture);
	t->picture = keep;
	t->picture.cell = cells;
	t->picture.w = w;
	t->picture.h = h;
	if (t->line)
		snprintf(t->title, sizeof t->title, "%s", t->line);
	t->show_picture = true;
	t->show_stats = false; /* the figures of an earlier dead are not this picture's */
	t->dirty = true;
	tui_draw_all(t);
}

static void stats_hook(void *ctx, const struct cmd *cmd, const struct stats_figures *figs, int n)
{
	struct tui *t = ctx;
	t->nstats = n;
	for (int i = 0; i < n; i++) {
		snprintf(t->stats_label[i], sizeof t->stats_label[i], "%s", cmd->curve[i].label);
		t->stats[i] = figs[i];
	}
	char a[NUM_BUF], b[NUM_BUF];
	num_format(cmd->dist.a, a);
	num_format(cmd->dist.b, b);
	snprintf(t->stats_dist, sizeof t->stats_dist, "%s(%s, %s)",
	         cmd->dist.kind == DIST_NORMAL ? "normal" : "uniform", a, b);
	if (t->line)
		snprintf(t->stats_title, sizeof t->stats_title, "%s", t->line);
	t->show_stats = true;
	/* the figures go with the plot, beside it or in its place, not with
	 * an earlier picture */
	t->show_picture = false;
	t->dirty = true;
}

/* How far a command has got, on the prompt's row. */
static void train_progress(void *ctx, const struct cmd *cmd, long step, long steps,
                           const struct train_report *reports)
{
	struct tui *t = ctx;
	(void)cmd;
	(void)reports;
	if (step >= steps)
		snprintf(t->status, sizeof t->status, "training: step %ld of %ld, done", steps, steps);
	else
		snprintf(t->status, sizeof t->status, "training: step %ld of %ld (Ctrl-C stops it)", step,
		         steps);
	tui_draw_status(t, step >= steps);
}

static void stats_progress(void *ctx, const struct cmd *cmd, int curve, double done, double total)
{
	struct tui *t = ctx;
	char of[NUM_BUF];
	num_format(total, of);
	snprintf(t->status, sizeof t->status, "dead: %s (%d of %d), %.0f%% of %s samples (Ctrl-C stops it)",
	         cmd->curve[curve].label, curve + 1, cmd->ncurves, 100 * done / total, of);
	tui_draw_status(t, false);
}

/* A line typed at the prompt (NULL: Ctrl-D on an empty line): kept in
 * the history, echoed to the messages, run, its output and errors after
 * it. */
static void run_command(struct tui *t, char *line)
{
	if (!line) {
		t->quit = true;
		return;
	}
	/* Enter alone, during a lesson, goes on to its next step */
	if (!line[strspn(line, " \t")] && t->env->session && t->env->session->lesson_topic >= 0) {
		char *next = strdup("lesson next");
		if (next) {
			free(line);
			line = next;
		}
	}
	prompt_history_add(&t->history, line, &t->err);
	note_keyed_plot(t);
	/* the view opens at this command's echo, its output under it */
	tui_msg_command(t);
	size_t n = strlen(PROMPT_TEXT) + strlen(line);
	char *echo = malloc(n + 1);
	if (echo) {
		snprintf(echo, n + 1, "%s%s", PROMPT_TEXT, line);
		tui_msg_line(t, echo, n);
		free(echo);
	}
	*t->sigint = 0;
	/* pictures take the width of the screen, and leave the messages room
	 * under them; tables are laid out to the width */
	t->env->term_width = t->cols;
	t->env->term_height = screen_picture_rows(t->rows);
	t->env->picture_rows_most = screen_picture_rows_most(t->rows);
	t->out.width = t->err.width = t->cols;
	/* while it runs, the prompt's row says so, not the line again */
	t->line = line;
	snprintf(t->status, sizeof t->status, "running (Ctrl-C stops it)");
	tui_layout(t);
	tui_draw_all(t);
	struct range before = t->env->set->range;
	midway.busy = 1;
	enum exec_status st = run_line(t->rc, NULL, 0, line, strlen(line));
	midway.busy = 0;
	t->line = NULL;
	/* set range moves the picture on screen too */
	if (t->have_plot && (t->env->set->range.lo != before.lo || t->env->set->range.hi != before.hi))
		t->view = t->home = t->env->set->range;
	tui_msg_sink(t, &t->out);
	tui_msg_sink(t, &t->err);
	if (st == EXEC_INTERRUPTED || *t->sigint) {
		static const char note[] = "actviz: interrupted";
		tui_msg_line(t, note, strlen(note));
	}
	*t->sigint = 0;
	if (st == EXEC_QUIT)
		t->quit = true;
	free(line);
	t->figs_valid = false;
	t->dirty = true;
}

void tui_run_line(struct tui *t, char *line)
{
	run_command(t, line);
}

/* ---- set-up ---------------------------------------------------------------------- */

/* The screen, for the restore at exit (terminal_on_restore's callback
 * takes no context). */
static SCREEN *screen;

static void tui_end(void)
{
	if (screen) {
		endwin();
		/* the caret of an error or an interrupted line never lands in the
		 * user's shell prompt */
		fflush(stdout);
	}
}

/* A state of its own, its messages empty; NULL without memory. */
static struct tui *tui_new(struct run_ctx *rc)
{
	struct tui *t = calloc(1, sizeof *t);
	if (!t)
		return NULL;
	t->rc = rc;
	t->env = rc->env;
	t->redraw_all = &midway.redraw;
	t->msg = calloc(TUI_MSG_KEEP, sizeof *t->msg);
	if (!t->msg) {
		free(t);
		return NULL;
	}
	out_init_mem(&t->out, OUT_LIMIT);
	out_init_mem(&t->err, OUT_LIMIT);
	return t;
}

static void tui_free(struct tui *t)
{
	plot_grid_free(&t->picture);
	out_free(&t->out);
	out_free(&t->err);
	for (int i = 0; i < t->nmsg; i++)
		free(t->msg[i]);
	free(t->msg);
	free(t);
}

/* Commands write into the interface, and show their plots, pictures and
 * figures on it; undone by unhook. */
static void hook(struct tui *t)
{
	t->env->out = &t->out;
	t->rc->err = &t->err;
	t->env->plot_hook = plot_hook;
	t->env->grid_hook = grid_hook;
	t->env->stats_hook = stats_hook;
	t->env->stats_progress = stats_progress;
	t->env->hook_ctx = t;
	/* train's progress on the prompt's row, its curves growing above */
	t->env->progress = train_progress;
	t->env->progress_ctx = t;
}

static void unhook(struct tui *t, struct out *saved_out, struct out *saved_err)
{
	t->env->out = saved_out;
	t->rc->err = saved_err;
	t->env->plot_hook = NULL;
	t->env->grid_hook = NULL;
	t->env->stats_hook = NULL;
	t->env->stats_progress = NULL;
	t->env->hook_ctx = NULL;
	t->env->progress = NULL;
	t->env->progress_ctx = NULL;
}

#define BENCH_CLOCK CLOCK_PROCESS_CPUTIME_ID

static double cpu_ms(void)
{
	struct timespec ts;
	clock_gettime(BENCH_CLOCK, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Draws n times, a parameter stepped before each with step. */
static double time_draws(struct tui *t, int n, bool step)
{
	double t0 = cpu_ms();
	for (int i = 0; i < n; i++) {
		if (step)
			tui_step_param(t, i % 2 ? -1 : 1, false);
		tui_draw_all(t);
	}
	return (cpu_ms() - t0) / n;
}

int tui_bench(struct run_ctx *rc, int cols, int rows, const char *command, int n, double *redraw_ms,
              double *step_ms)
{
	struct tui *t = tui_new(rc);
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
	if (!t || !out || !in)
		return -1;
	screen = newterm("xterm-256color", out, in);
	if (!screen)
		return -1;
	resizeterm(rows, cols);
	tui_colors(t);
	struct out *saved_out = t->env->out, *saved_err = rc->err;
	hook(t);
	if (run_line(rc, NULL, 0, command, strlen(command)) != EXEC_OK || !t->have_plot)
		return -1;
	getmaxyx(stdscr, t->rows, t->cols);
	tui_layout(t);
	tui_draw_all(t);
	/* a redraw as after a resize: layout, plot, figures cached */
	*redraw_ms = time_draws(t, n, false);
	/* a sweep key: the parameter changes, figures are computed again */
	*step_ms = time_draws(t, n, true);
	endwin();
	delscreen(screen);
	screen = NULL;
	fclose(out);
	fclose(in);
	unhook(t, saved_out, saved_err);
	tui_free(t);
	return 0;
}

/* Our signal handlers, before ncurses starts, so that it installs none of
 * its own (its SIGTERM handler would exit with status 1); SIGWINCH is
 * left to it, for KEY_RESIZE. */
static void catch_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_fatal;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGQUIT, &sa, NULL);
	sa.sa_handler = on_tstp;
	sigaction(SIGTSTP, &sa, NULL);
}

/* ncurses on the terminal, set up; false if it can't drive it. */
static bool start_curses(struct tui *t)
{
	screen = newterm(NULL, stdout, stdin);
	if (!screen)
		return false;
	terminal_on_restore(tui_end);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	timeout(100);
	tui_colors(t);
	tui_keys_setup();
	return true;
}

int tui_run(struct run_ctx *rc, volatile sig_atomic_t *sigint_flag)
{
	struct tui *t = tui_new(rc);
	if (!t)
		return -1;
	t->sigint = midway.sigint = sigint_flag;
	catch_signals();
	struct termios shell;
	bool have_shell = tcgetattr(STDIN_FILENO, &shell) == 0;
	if (!start_curses(t)) {
		tui_free(t);
		return -1;
	}
	struct out *saved_out = t->env->out, *saved_err = rc->err;
	hook(t);
	rc->flush = NULL;
	rc->prompt_width = (int)strlen(PROMPT_TEXT);
	t->history = prompt_history_begin(&t->err);
	t->env->step_keys = "Enter goes on, Backspace goes back, q leaves";
	tui_rl_start(t, run_command);
	refresh(); /* program mode in place, so that its settings can be kept */
	if (have_shell)
		midway_prepare(&shell);
	getmaxyx(stdscr, t->rows, t->cols);
	tui_layout(t);

	/* The first screen shows ReLU, the function everything here is about,
	 * or what -i's script drew. */
	const char *first = rc->startup ? rc->startup : "relu";
	run_line(rc, NULL, 0, first, strlen(first));
	tui_msg_puts(t, "Type a command (help lists them); F1 shows the keys; quit or Ctrl-D leaves.");
	tui_msg_sink(t, &t->err);
	tui_layout(t);
	tui_draw_all(t);

	while (!t->quit) {
		handle_signals(t);
		if (t->dirty) {
			tui_layout(t);
			tui_draw_all(t);
		}
		wint_t ch;
		int r = get_wch(&ch);
		if (r != ERR)
			tui_key(t, r, ch);
	}

	note_keyed_plot(t); /* for -o, which saves after the screen is gone */
	tui_rl_stop(t);
	prompt_history_end(t->history);
	terminal_restore();
	screen = NULL;
	unhook(t, saved_out, saved_err);
	tui_free(t);
	return 0;
}
