/* tui.c: the full-screen interface. ncurses draws what screen.c and
 * plot.c lay out; GNU readline edits the prompt through its callback
 * interface, fed the keys ncurses reads, drawing into the bottom row. */
#include "curses_inc.h"
#include "tui.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "canvas.h"
#include "dmath.h"
#include "help.h"
#include "keys.h"
#include "num.h"
#include "plot.h"
#include "prompt.h"
#include "screen.h"
#include "stats.h"
#include "terminal.h"
#include "util.h"

#define MSG_KEEP 4000           /* message lines kept for scrolling back */
#define OUT_LIMIT (4u << 20)    /* bytes of one command's output kept */

/* Colour pairs: 1 for the axes, 2.. for the curves. */
#define PAIR_AXIS 1
#define PAIR_CURVE 2

/* One interface per process: readline's callbacks take no context. */
static struct tui {
	struct run_ctx *rc;
	struct exec_env *env;
	volatile sig_atomic_t *sigint;
	int cols, rows;
	struct screen_layout lay;
	bool color;          /* the terminal has colours and NO_COLOR is unset */

	struct cmd plot;     /* the curves of the last plot command */
	bool have_plot;
	struct range view, home;
	double yzoom;
	int selected;

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

	char **msg;          /* message lines, oldest first */
	int nmsg, scroll;
	bool help;
	bool dirty, quit;

	char *history;
	unsigned char in[256];
	size_t in_len, in_pos;
	struct out out, err;
	FILE *devnull;
} T;

static volatile sig_atomic_t got_fatal, got_tstp;

/* While a command computes, the main loop is not there to act on a
 * signal: SIGTERM and SIGHUP stop the computation first, and Ctrl-Z hands
 * the terminal back from the handler itself, with async-signal-safe calls
 * only (write, tcsetattr, sigaction, raise): the escape strings and both
 * terminal modes are made ready beforehand. */
static struct {
	volatile sig_atomic_t busy, redraw;
	bool ready;
	struct termios shell, prog;
	char leave[256], enter[256];
	size_t leave_len, enter_len;
} midway;

static void on_tstp(int sig);

static void on_fatal(int sig)
{
	got_fatal = sig;
	if (midway.busy && T.sigint)
		*T.sigint = 1;
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

/* ---- messages ------------------------------------------------------------ */

static void msg_line(const char *s, size_t n)
{
	if (T.nmsg == MSG_KEEP) {
		free(T.msg[0]);
		memmove(T.msg, T.msg + 1, (MSG_KEEP - 1) * sizeof *T.msg);
		T.nmsg--;
	}
	char *copy = malloc(n + 1);
	if (!copy)
		return;
	memcpy(copy, s, n);
	copy[n] = '\0';
	T.msg[T.nmsg++] = copy;
}

/* Appends text, a line at a time; the view jumps back to the newest. */
static void msg_text(const char *s, size_t len)
{
	while (len > 0) {
		const char *nl = memchr(s, '\n', len);
		size_t n = nl ? (size_t)(nl - s) : len;
		msg_line(s, n);
		if (!nl)
			break;
		len -= n + 1;
		s = nl + 1;
	}
	T.scroll = 0;
	T.dirty = true;
}

static void msg_puts(const char *s)
{
	msg_text(s, strlen(s));
}

static void msg_sink(struct out *o)
{
	if (o->len)
		msg_text(o->buf, o->len);
	if (o->err == 0 && o->limit && o->len >= o->limit)
		msg_puts("actviz: (the rest of the output was cut; a pipe gets all of it)");
	out_reset(o);
}

/* ---- the plot -------------------------------------------------------------- */

static void plot_hook(void *ctx, const struct cmd *cmd, const struct range *range)
{
	(void)ctx;
	T.plot = *cmd;
	T.plot.points = NULL;
	T.plot.npoints = 0;
	T.have_plot = true;
	T.show_picture = false;
	T.show_stats = false;
	T.view = T.home = *range;
	T.yzoom = 1;
	T.selected = 0;
	T.figs_valid = false;
	T.dirty = true;
}

static void draw_all(void);

/* A picture from exec: kept, and shown at once (a training run draws its
 * curves as they grow, from inside the command). */
static void grid_hook(void *ctx, const struct plot_grid *g, int index)
{
	(void)ctx;
	/* index > 0: under the pictures before it (a histogram per curve) */
	int top = index > 0 && T.show_picture ? T.picture.h : 0;
	int w = top && T.picture.w > g->w ? T.picture.w : g->w, h = top + g->h;
	struct plot_cell *cells = malloc((size_t)w * (size_t)h * sizeof *cells);
	if (!cells)
		return;
	for (size_t i = 0; i < (size_t)w * (size_t)h; i++)
		cells[i] = (struct plot_cell){' ', PLOT_COLOR_DEFAULT};
	for (int r = 0; r < top; r++)
		memcpy(cells + (size_t)r * (size_t)w, T.picture.cell + (size_t)r * (size_t)T.picture.w,
		       (size_t)T.picture.w * sizeof *cells);
	for (int r = 0; r < g->h; r++)
		memcpy(cells + (size_t)(top + r) * (size_t)w, g->cell + (size_t)r * (size_t)g->w,
		       (size_t)g->w * sizeof *cells);
	struct plot_grid keep = top ? T.picture : *g;
	if (top)
		free(T.picture.cell);
	else
		plot_grid_free(&T.picture);
	T.picture = keep;
	T.picture.cell = cells;
	T.picture.w = w;
	T.picture.h = h;
	if (T.line)
		snprintf(T.title, sizeof T.title, "%s", T.line);
	T.show_picture = true;
	T.show_stats = false; /* the figures of an earlier dead are not this picture's */
	T.dirty = true;
	draw_all();
}

static void stats_hook(void *ctx, const struct cmd *cmd, const struct stats_figures *figs, int n)
{
	(void)ctx;
	T.nstats = n;
	for (int i = 0; i < n; i++) {
		snprintf(T.stats_label[i], sizeof T.stats_label[i], "%s", cmd->curve[i].label);
		T.stats[i] = figs[i];
	}
	char a[NUM_BUF], b[NUM_BUF];
	num_format(cmd->dist.a, a);
	num_format(cmd->dist.b, b);
	snprintf(T.stats_dist, sizeof T.stats_dist, "%s(%s, %s)",
	         cmd->dist.kind == DIST_NORMAL ? "normal" : "uniform", a, b);
	T.show_stats = true;
	T.dirty = true;
}

static void compute_figures(void)
{
	for (int i = 0; i < T.plot.ncurves; i++) {
		const struct actfn_curve *c = &T.plot.curve[i].fn;
		stats_exact(c, &stats_std_normal, &T.fig[i]);
		stats_window(c, T.view.lo, T.view.hi, &T.win_dead[i], &T.win_min[i], &T.win_max[i]);
	}
	T.figs_valid = true;
}

/* The plot spec at the plot's place on screen, the y zoom applied. */
static int layout_plot(struct plot_grid *g, struct plot_curve *curves)
{
	struct plot_spec spec;
	exec_plot_spec(T.env, &T.plot, &T.view, curves, &spec);
	spec.width = T.lay.plot.w;
	spec.height = T.lay.plot.h;
	spec.braille = exec_braille(T.env);
	spec.color = T.color && T.env->set->color != TRI_OFF;
	spec.colors = terminal_distinct_colors(COLORS);
	spec.mark_dead = T.selected;
	if (plot_layout(&spec, g) < 0)
		return -1;
	if (T.yzoom != 1) {
		for (int k = 0; k < g->npanels; k++) {
			double mid = g->panel[k].ylo / 2 + g->panel[k].yhi / 2;
			double half = (g->panel[k].yhi / 2 - g->panel[k].ylo / 2) / T.yzoom;
			spec.ylo[k] = mid - half;
			spec.yhi[k] = mid + half;
		}
		plot_grid_free(g);
		if (plot_layout(&spec, g) < 0)
			return -1;
	}
	return 0;
}

static attr_t role_attr(int role)
{
	if (role == PLOT_COLOR_DEFAULT)
		return A_NORMAL;
	if (!T.color || T.env->set->color == TRI_OFF)
		return role == PLOT_COLOR_AXIS ? A_DIM : A_NORMAL;
	return COLOR_PAIR(role == PLOT_COLOR_AXIS ? PAIR_AXIS : PAIR_CURVE + (role - PLOT_COLOR_CURVE));
}

/* Runs of cells of one colour go out in one call: cell by cell would
 * cost more than laying the plot out. */
static void draw_grid(const struct plot_grid *g, int x0, int y0)
{
	wchar_t run[1024];
	for (int r = 0; r < g->h; r++) {
		const struct plot_cell *row = &g->cell[(size_t)r * (size_t)g->w];
		int c = 0;
		while (c < g->w) {
			int role = row[c].ch == ' ' ? PLOT_COLOR_DEFAULT : row[c].color;
			int start = c, n = 0;
			while (c < g->w && n < 1023) {
				int rc = row[c].ch == ' ' ? role : row[c].color;
				if (rc != role)
					break;
				run[n++] = (wchar_t)row[c].ch;
				c++;
			}
			run[n] = L'\0';
			attr_t a = role_attr(role);
			attron(a);
			mvaddnwstr(y0 + r, x0 + start, run, n);
			attroff(a);
		}
	}
}

/* ---- drawing ---------------------------------------------------------------- */

/* Text cut to width display columns; returns the bytes that fit. */
static size_t fit(const char *s, int width)
{
	size_t i = 0;
	int col = 0;
	uint32_t cp;
	size_t len = strlen(s);
	while (i < len) {
		size_t n = util_utf8_next(s + i, len - i, &cp);
		int w = (cp & UTIL_INVALID) ? 1 : util_cp_width(cp);
		if (col + w > width)
			break;
		col += w;
		i += n;
	}
	return i;
}

/* Box lines in Unicode where the locale has it (the terminal's ACS
 * charset is not to be trusted inside every multiplexer). */
static void box_h(int y, int x, int n)
{
	for (int i = 0; i < n; i++)
		mvaddwstr(y, x + i, T.env->utf8 ? L"\u2500" : L"-");
}

static void box_v(int y, int x, int n)
{
	for (int i = 0; i < n; i++)
		mvaddwstr(y + i, x, T.env->utf8 ? L"\u2502" : L"|");
}

static void put_line(int y, int x, int width, const char *s, attr_t a)
{
	if (width <= 0)
		return;
	attron(a);
	mvaddnstr(y, x, s, (int)fit(s, width));
	attroff(a);
}

static void describe_plot(char *buf, size_t size)
{
	size_t len = 0;
	buf[0] = '\0';
	if (!T.have_plot)
		return;
	for (int i = 0; i < T.plot.ncurves; i++)
		util_append(buf, size, &len, "%s%s", i ? ", " : "", T.plot.curve[i].label);
	char lo[NUM_BUF], hi[NUM_BUF];
	num_format(T.view.lo, lo);
	num_format(T.view.hi, hi);
	util_append(buf, size, &len, " on %s..%s", lo, hi);
}

static void draw_title(void)
{
	const struct rect *r = &T.lay.title;
	if (r->h == 0)
		return;
	attron(A_REVERSE);
	mvhline(r->y, r->x, ' ', r->w);
	char what[512], line[600];
	if (T.show_picture)
		snprintf(what, sizeof what, "%s", T.title);
	else
		describe_plot(what, sizeof what);
	snprintf(line, sizeof line, " actviz  %s", what);
	const char *hint = "F1 keys ";
	int hw = (int)strlen(hint);
	put_line(r->y, r->x, r->w - hw - 1, line, A_REVERSE);
	if (r->w > hw + 20)
		put_line(r->y, r->x + r->w - hw, hw, hint, A_REVERSE);
	attroff(A_REVERSE);
}

/* The figures of the last dead command, a few lines per curve. */
static void draw_stats(const struct rect *r)
{
	char line[SCREEN_LINE];
	int y = r->y;
	snprintf(line, sizeof line, "z ~ %s:", T.stats_dist);
	put_line(y++, r->x + 1, r->w - 2, line, A_BOLD);
	for (int i = 0; i < T.nstats && y < r->y + r->h; i++) {
		const struct stats_figures *f = &T.stats[i];
		put_line(y++, r->x + 3, r->w - 4, T.stats_label[i], role_attr(PLOT_COLOR_CURVE + i) | A_BOLD);
		char txt[4][SCREEN_LINE];
		snprintf(txt[0], SCREEN_LINE, "dead %.4g%%, zero %.4g%%", 100 * f->p_dead, 100 * f->p_zero);
		snprintf(txt[1], SCREEN_LINE, "mean %.4g, std %.4g", f->mean, f->std);
		snprintf(txt[2], SCREEN_LINE, "E f' %.4g, E f'^2 %.4g", f->mean_grad, f->mean_grad_sq);
		if (f->err > 0)
			snprintf(txt[3], SCREEN_LINE, "%s, error < %.2g", stats_method_name(f->method), f->err);
		else
			snprintf(txt[3], SCREEN_LINE, "%s", stats_method_name(f->method));
		for (int k = 0; k < 4 && y < r->y + r->h; k++) {
			/* too wide: broken after a comma, so that no number is cut */
			const char *s = txt[k];
			while (*s && y < r->y + r->h) {
				int ind = s != txt[k] ? 2 : 0;
				size_t n = fit(s, r->w - 6 - ind);
				const char *comma = NULL;
				for (size_t j = 0; s[n] && j + 1 < n; j++)
					if (s[j] == ',' && s[j + 1] == ' ')
						comma = s + j + 1;
				if (comma)
					n = (size_t)(comma - s);
				char part[SCREEN_LINE];
				snprintf(part, sizeof part, "%.*s", (int)n, s);
				put_line(y++, r->x + 5 + ind, r->w - 6 - ind, part, A_NORMAL);
				s += n;
				while (*s == ' ')
					s++;
			}
		}
		y++;
	}
}

static void draw_figures(void)
{
	const struct rect *r = &T.lay.figures;
	if (r->h == 0)
		return;
	if (T.show_stats) {
		draw_stats(r);
		if (T.lay.figures_beside)
			box_v(r->y, r->x - 1, r->h);
		return;
	}
	/* the plot's figures belong to the plot, not to a picture in its place */
	if (!T.have_plot || T.show_picture)
		return;
	if (!T.figs_valid)
		compute_figures();
	int y = r->y;
	for (int i = 0; i < T.plot.ncurves && y < r->y + r->h; i++) {
		char text[SCREEN_FIGURE_LINES][SCREEN_LINE];
		screen_figures(&T.plot.curve[i].fn, T.plot.curve[i].label, &T.view, T.win_dead[i],
		               T.win_min[i], T.win_max[i], &T.fig[i], text);
		for (int k = 0; k < SCREEN_FIGURE_LINES && y < r->y + r->h; k++) {
			if (k == 0) {
				const char *mark = i == T.selected ? (T.env->utf8 ? "\xe2\x96\xb8 " : "> ") : "  ";
				put_line(y, r->x + 1, 2, mark, A_BOLD);
				/* without colour the plot tells curves apart by glyph:
				 * so does the label here */
				char label[SCREEN_LINE + 4];
				bool colored = T.color && T.env->set->color != TRI_OFF &&
				               T.plot.ncurves <= terminal_distinct_colors(COLORS);
				if (T.plot.ncurves > 1 && (!colored || !exec_braille(T.env)))
					snprintf(label, sizeof label, "%c %s", CANVAS_GLYPHS[i], text[0]);
				else
					snprintf(label, sizeof label, "%s", text[0]);
				put_line(y, r->x + 3, r->w - 4, label, role_attr(PLOT_COLOR_CURVE + i) | A_BOLD);
				y++;
				continue;
			}
			/* long lines wrap, the rest indented */
			const char *s = text[k];
			int indent = 0;
			while (*s && y < r->y + r->h) {
				int width = r->w - 4 - indent;
				size_t n = fit(s, width);
				if (s[n]) { /* break at the last space that fits */
					size_t sp = n;
					while (sp > 0 && s[sp] != ' ')
						sp--;
					if (sp > 0)
						n = sp;
				}
				char part[SCREEN_LINE];
				snprintf(part, sizeof part, "%.*s", (int)n, s);
				put_line(y++, r->x + 3 + indent, width, part, A_NORMAL);
				s += n;
				while (*s == ' ')
					s++;
				indent = 2;
			}
		}
		y++;
	}
	if (T.lay.figures_beside)
		box_v(r->y, r->x - 1, r->h);
}

static void draw_messages(void)
{
	const struct rect *r = &T.lay.messages;
	if (r->h == 0)
		return;
	box_h(r->y, r->x, r->w);
	int body = r->h - 1;
	if (T.scroll > T.nmsg - body)
		T.scroll = T.nmsg - body > 0 ? T.nmsg - body : 0;
	int first = T.nmsg - body - T.scroll;
	for (int k = 0; k < body; k++) {
		int i = first + k;
		if (i >= 0 && i < T.nmsg)
			put_line(r->y + 1 + k, r->x, r->w, T.msg[i], A_NORMAL);
	}
	if (T.scroll > 0) {
		char note[48];
		snprintf(note, sizeof note, " %d newer lines below (PgDn) ", T.scroll);
		put_line(r->y, r->x + 2, r->w - 4, note, A_BOLD);
	}
}

static void draw_help(void)
{
	const char *text = help_text("keys", 4);
	int nl = 0, wide = 0, w = 0;
	for (const char *p = text; *p; p++) {
		if (*p == '\n') {
			nl++;
			wide = w > wide ? w : wide;
			w = 0;
		} else {
			w++;
		}
	}
	int bw = wide + 4, bh = nl + 2;
	if (bw > T.cols)
		bw = T.cols;
	if (bh > T.rows - 1)
		bh = T.rows - 1;
	int x = (T.cols - bw) / 2, y = (T.rows - 1 - bh) / 2;
	for (int k = 0; k < bh; k++)
		mvhline(y + k, x, ' ', bw);
	attron(A_BOLD);
	box_h(y, x, bw);
	box_h(y + bh - 1, x, bw);
	box_v(y, x, bh);
	box_v(y, x + bw - 1, bh);
	attroff(A_BOLD);
	const char *p = text;
	for (int k = 0; k < bh - 2 && *p; k++) {
		const char *end = strchr(p, '\n');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		char line[256];
		snprintf(line, sizeof line, "%.*s", (int)(n < 255 ? n : 255), p);
		put_line(y + 1 + k, x + 2, bw - 4, line, A_NORMAL);
		p = end ? end + 1 : p + n;
	}
}

static void draw_prompt(void);

static void draw_all(void)
{
	if (midway.redraw) { /* back from a Ctrl-Z in a command: all of it */
		midway.redraw = 0;
		clearok(curscr, TRUE);
	}
	erase();
	if (T.lay.too_small) {
		/* the longest of these that fits */
		char note[3][80];
		snprintf(note[0], sizeof note[0], "terminal too small: %dx%d, needs %dx%d", T.cols, T.rows,
		         SCREEN_MIN_W, SCREEN_MIN_H);
		snprintf(note[1], sizeof note[1], "too small: %dx%d", T.cols, T.rows);
		snprintf(note[2], sizeof note[2], "small");
		int k = 0;
		while (k < 2 && (int)strlen(note[k]) > T.cols)
			k++;
		put_line(0, 0, T.cols, note[k], A_BOLD);
	} else {
		draw_title();
		if (T.show_picture) {
			/* clipped to the plot area, should the screen have shrunk */
			struct plot_grid g = T.picture;
			if (g.w > T.lay.plot.w)
				g.w = T.lay.plot.w;
			if (g.h > T.lay.plot.h)
				g.h = T.lay.plot.h;
			for (int r = 0; r < g.h; r++) {
				struct plot_grid row = g;
				row.h = 1;
				row.cell = T.picture.cell + (size_t)r * (size_t)T.picture.w;
				draw_grid(&row, T.lay.plot.x, T.lay.plot.y + r);
			}
		} else if (T.have_plot) {
			struct plot_grid g;
			struct plot_curve curves[LIMIT_CURVES];
			if (layout_plot(&g, curves) == 0) {
				draw_grid(&g, T.lay.plot.x, T.lay.plot.y);
				plot_grid_free(&g);
			}
		}
		draw_figures();
		draw_messages();
		if (T.help)
			draw_help();
	}
	draw_prompt();
	T.dirty = false;
}

/* Readline's line, drawn by us: the prompt row, scrolled sideways to keep
 * the cursor in sight. */
static void draw_prompt(void)
{
	const struct rect *r = &T.lay.prompt;
	const char *prompt = rl_display_prompt ? rl_display_prompt : PROMPT_TEXT;
	char line[LIMIT_LINE + 256];
	int plen = snprintf(line, sizeof line, "%s", prompt);
	if (plen < 0)
		plen = 0;
	size_t n = rl_line_buffer ? (size_t)rl_end : 0;
	if (n > sizeof line - (size_t)plen - 1)
		n = sizeof line - (size_t)plen - 1;
	if (n)
		memcpy(line + plen, rl_line_buffer, n);
	line[plen + n] = '\0';
	/* cursor column: display width of prompt and text up to the point */
	size_t upto = (size_t)plen + (rl_line_buffer ? (size_t)rl_point : 0);
	int cur = 0;
	uint32_t cp;
	for (size_t i = 0; i < upto && line[i];) {
		size_t k = util_utf8_next(line + i, strlen(line + i), &cp);
		cur += (cp & UTIL_INVALID) ? 1 : util_cp_width(cp);
		i += k;
	}
	int skip = cur >= r->w ? cur - r->w + 1 : 0;
	move(r->y, 0);
	clrtoeol();
	/* skip whole characters off the left */
	size_t i = 0;
	int col = 0;
	while (col < skip && line[i]) {
		size_t k = util_utf8_next(line + i, strlen(line + i), &cp);
		col += (cp & UTIL_INVALID) ? 1 : util_cp_width(cp);
		i += k;
	}
	put_line(r->y, 0, r->w, line + i, A_NORMAL);
	move(r->y, cur - col < r->w ? cur - col : r->w - 1);
	refresh();
}

static void redisplay(void)
{
	if (T.dirty)
		draw_all();
	else
		draw_prompt();
}

/* ---- readline ------------------------------------------------------------- */

static int rl_getc_queue(FILE *f)
{
	(void)f;
	return T.in_pos < T.in_len ? T.in[T.in_pos++] : EOF;
}

static int rl_input_waiting(void)
{
	return T.in_pos < T.in_len;
}

/* Hands bytes to readline: all of a key's sequence is queued first, so
 * readline sees "\e[A" as one key, not as ESC and then "[A". */
static void feed(const char *bytes, size_t n)
{
	if (n > sizeof T.in - (T.in_len - T.in_pos))
		return;
	memmove(T.in, T.in + T.in_pos, T.in_len - T.in_pos);
	T.in_len -= T.in_pos;
	T.in_pos = 0;
	memcpy(T.in + T.in_len, bytes, n);
	T.in_len += n;
	while (T.in_pos < T.in_len && !T.quit) {
		size_t before = T.in_pos;
		rl_callback_read_char();
		if (T.in_pos == before)
			break;
	}
}

static void on_line(char *line)
{
	if (!line) { /* Ctrl-D on an empty line */
		T.quit = true;
		return;
	}
	prompt_history_add(&T.history, line, &T.err);
	char echo[128];
	snprintf(echo, sizeof echo, "%s", PROMPT_TEXT);
	msg_line(echo, strlen(echo));
	free(T.msg[T.nmsg - 1]);
	size_t n = strlen(PROMPT_TEXT) + strlen(line);
	char *full = malloc(n + 1);
	if (full) {
		snprintf(full, n + 1, "%s%s", PROMPT_TEXT, line);
		T.msg[T.nmsg - 1] = full;
	} else {
		T.nmsg--;
	}
	*T.sigint = 0;
	/* pictures are laid out for the plot area */
	T.env->term_width = T.lay.plot.w;
	T.env->term_height = T.lay.plot.h;
	T.line = line;
	struct range before = T.env->set->range;
	midway.busy = 1;
	enum exec_status st = run_line(T.rc, NULL, 0, line, strlen(line));
	midway.busy = 0;
	T.line = NULL;
	/* set range moves the picture on screen too */
	if (T.have_plot && (T.env->set->range.lo != before.lo || T.env->set->range.hi != before.hi))
		T.view = T.home = T.env->set->range;
	msg_sink(&T.out);
	msg_sink(&T.err);
	if (st == EXEC_INTERRUPTED || *T.sigint)
		msg_puts("actviz: interrupted");
	*T.sigint = 0;
	if (st == EXEC_QUIT)
		T.quit = true;
	free(line);
	T.figs_valid = false;
	T.dirty = true;
}

static void show_matches(char **matches, int num, int max_len)
{
	(void)max_len;
	char line[1024];
	size_t len = 0;
	line[0] = '\0';
	for (int i = 1; i <= num; i++)
		util_append(line, sizeof line, &len, "%s%s", i > 1 ? "  " : "", matches[i]);
	msg_puts(line);
	draw_all();
}

/* ---- keys that move the picture ------------------------------------------------ */

static void step_param(int dir, bool large)
{
	if (!T.have_plot)
		return;
	struct cmd_curve *cc = &T.plot.curve[T.selected];
	char why[160];
	if (screen_step_param(&cc->fn, dir, large, why, sizeof why) < 0) {
		msg_puts(why);
		return;
	}
	actfn_label(&cc->fn, cc->label, sizeof cc->label);
	T.figs_valid = false;
	T.dirty = true;
}

/* A view end put on a round grid a thousandth of the width fine, through
 * its decimal text, so that panning shows -1.2 and not
 * -1.2000000000000002. */
static double snap(double v, double width)
{
	double q = dmath_pow(10, floor(dmath_log10(width / 100)));
	int dec = q < 1 ? (int)ceil(-dmath_log10(q) - 1e-9) : 0;
	char buf[400];
	snprintf(buf, sizeof buf, "%.*f", dec > 30 ? 30 : dec, nearbyint(v / q) * q);
	return strtod(buf, NULL);
}

static void set_view(double lo, double hi)
{
	double w = hi - lo;
	/* the view asked for first: rounded, a width past the largest double
	 * would give NaN ends and the wrong reason */
	const char *why = parse_range_error(lo, hi);
	double a = 0, b = 0;
	if (!why) {
		a = snap(lo, w);
		b = snap(hi, w);
		why = parse_range_error(a, b);
	}
	if (why) {
		msg_puts(why);
		return;
	}
	T.view.lo = a;
	T.view.hi = b;
	T.figs_valid = false;
	T.dirty = true;
}

static void pan(double frac)
{
	double d = (T.view.hi - T.view.lo) * frac;
	set_view(T.view.lo + d, T.view.hi + d);
}

static void zoom_x(double factor)
{
	double mid = T.view.lo / 2 + T.view.hi / 2, half = (T.view.hi / 2 - T.view.lo / 2) * factor;
	set_view(mid - half, mid + half);
}

static void act_help(int dir)
{
	(void)dir;
	T.help = true;
	T.dirty = true;
}

static void act_deriv(int dir)
{
	(void)dir;
	T.env->set->deriv = !T.env->set->deriv;
	T.dirty = true;
}

static void act_select(int dir)
{
	if (T.have_plot) {
		int n = T.plot.ncurves;
		T.selected = (T.selected + (dir > 0 ? 1 : n - 1)) % n;
		T.dirty = true;
	}
}

static void act_step(int dir)
{
	step_param(dir, false);
}

static void act_step_large(int dir)
{
	step_param(dir, true);
}

static void act_pan(int dir)
{
	pan(dir > 0 ? 0.1 : -0.1);
}

static void act_zoom_x(int dir)
{
	zoom_x(dir > 0 ? 1.25 : 0.8);
}

static void act_zoom_y(int dir)
{
	if (dir > 0)
		T.yzoom *= 1.25;
	else
		T.yzoom /= 1.25;
	T.dirty = true;
}

static void act_home(int dir)
{
	(void)dir;
	T.view = T.home;
	T.yzoom = 1;
	T.figs_valid = false;
	T.dirty = true;
}

/* dir 1: back to older lines, by a page of the messages panel */
static void act_scroll(int dir)
{
	T.scroll += dir * (T.lay.messages.h > 2 ? T.lay.messages.h - 2 : 1);
	if (T.scroll < 0)
		T.scroll = 0;
	T.dirty = true;
}

static void act_redraw(int dir)
{
	(void)dir;
	clearok(curscr, TRUE);
	T.dirty = true;
}

/* What each action of the key table (keys.c) does, and which way. */
static const struct {
	void (*fn)(int dir);
	int dir;
} actions[KEY_ACT_COUNT] = {
	[KEY_ACT_HELP] = {act_help, 0},
	[KEY_ACT_DERIV] = {act_deriv, 0},
	[KEY_ACT_CURVE_PREV] = {act_select, -1},
	[KEY_ACT_CURVE_NEXT] = {act_select, 1},
	[KEY_ACT_PARAM_DOWN] = {act_step, -1},
	[KEY_ACT_PARAM_UP] = {act_step, 1},
	[KEY_ACT_PARAM_DOWN_LARGE] = {act_step_large, -1},
	[KEY_ACT_PARAM_UP_LARGE] = {act_step_large, 1},
	[KEY_ACT_PAN_LEFT] = {act_pan, -1},
	[KEY_ACT_PAN_RIGHT] = {act_pan, 1},
	[KEY_ACT_ZOOM_IN] = {act_zoom_x, -1},
	[KEY_ACT_ZOOM_OUT] = {act_zoom_x, 1},
	[KEY_ACT_YZOOM_IN] = {act_zoom_y, 1},
	[KEY_ACT_YZOOM_OUT] = {act_zoom_y, -1},
	[KEY_ACT_HOME] = {act_home, 0},
	[KEY_ACT_SCROLL_BACK] = {act_scroll, 1},
	[KEY_ACT_SCROLL_ON] = {act_scroll, -1},
	[KEY_ACT_REDRAW] = {act_redraw, 0},
};

/* Sequences for keys terminfo may not name (xterm-style modified arrows;
 * terminfo's names for them vary): ncurses hands them to us as
 * KEY_MAX + 1 + our code. */
static const struct {
	const char *seq;
	enum key_code key;
} sequences[] = {
	{"\033[1;3D", KEYC_ALT_LEFT},  {"\033[1;3C", KEYC_ALT_RIGHT},  {"\033[1;3A", KEYC_ALT_UP},
	{"\033[1;3B", KEYC_ALT_DOWN},  {"\033\033[D", KEYC_ALT_LEFT}, {"\033\033[C", KEYC_ALT_RIGHT},
	{"\033\033[A", KEYC_ALT_UP},   {"\033\033[B", KEYC_ALT_DOWN}, {"\033[1;2A", KEYC_SHIFT_UP},
	{"\033[1;2B", KEYC_SHIFT_DOWN}, {"\0330", KEYC_ALT_0},
};

/* A key from get_wch (r: KEY_CODE_YES or OK) as our code. */
static enum key_code key_code_of(int r, wint_t k)
{
	if (r != KEY_CODE_YES)
		return k >= 1 && k <= 26 ? KEYC_CTRL('a' + (int)k - 1) : KEYC_NONE;
	if (k > KEY_MAX && k - KEY_MAX - 1 < KEYC_COUNT)
		return (enum key_code)(k - KEY_MAX - 1);
	if (k >= KEY_F(1) && k <= KEY_F(12))
		return KEYC_F((int)(k - KEY_F0));
	if (k == KEY_PPAGE)
		return KEYC_PGUP;
	if (k == KEY_NPAGE)
		return KEYC_PGDN;
	return KEYC_NONE;
}

/* The editing keys ncurses decoded, as the sequences readline knows. */
static void feed_edit_key(wint_t k)
{
	static const struct {
		wint_t key;
		const char *seq;
	} edit[] = {
		{KEY_UP, "\033[A"},   {KEY_DOWN, "\033[B"}, {KEY_RIGHT, "\033[C"},
		{KEY_LEFT, "\033[D"}, {KEY_HOME, "\033[H"}, {KEY_END, "\033[F"},
		{KEY_DC, "\033[3~"},  {KEY_BACKSPACE, "\177"}, {KEY_ENTER, "\r"},
	};
	for (size_t i = 0; i < sizeof edit / sizeof edit[0]; i++)
		if (edit[i].key == k) {
			feed(edit[i].seq, strlen(edit[i].seq));
			return;
		}
}

/* A key: the help box closes on any; the table's keys act; the rest edit
 * the line. */
static void on_input(int r, wint_t k)
{
	if (r == KEY_CODE_YES && k == KEY_RESIZE) {
		getmaxyx(stdscr, T.rows, T.cols);
		screen_layout(T.cols, T.rows, T.have_plot ? T.plot.ncurves : 1, &T.lay);
		T.dirty = true;
		return;
	}
	if (T.help) {
		T.help = false;
		T.dirty = true;
		return;
	}
	enum key_action a = keys_action(key_code_of(r, k));
	if (a != KEY_ACT_NONE && actions[a].fn) {
		actions[a].fn(actions[a].dir);
	} else if (r == KEY_CODE_YES) {
		feed_edit_key(k);
	} else {
		char buf[4];
		feed(buf, util_utf8_put((uint32_t)k, buf));
	}
}

/* ---- signals ----------------------------------------------------------------- */

static void handle_signals(void)
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
		getmaxyx(stdscr, T.rows, T.cols);
		screen_layout(T.cols, T.rows, T.have_plot ? T.plot.ncurves : 1, &T.lay);
		T.dirty = true;
	}
	if (*T.sigint) { /* Ctrl-C: the line goes, the program stays */
		*T.sigint = 0;
		rl_free_line_state();
		rl_replace_line("", 0);
		rl_point = rl_end = 0;
		T.dirty = true;
	}
}

/* ---- set-up -------------------------------------------------------------------- */

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

static void setup_colors(void)
{
	const char *no_color = getenv("NO_COLOR");
	/* COLORS is 0 until start_color(): ask terminfo */
	T.color = has_colors() && tigetnum("colors") >= 8 && !(no_color && no_color[0]);
	if (T.env->set->color == TRI_ON && has_colors())
		T.color = true;
	if (!T.color)
		return;
	start_color();
	use_default_colors();
	init_pair(PAIR_AXIS, (short)terminal_axis_color(COLORS), -1);
	for (int i = 0; i < LIMIT_CURVES; i++)
		init_pair((short)(PAIR_CURVE + i), (short)terminal_curve_color(i, COLORS), -1);
}

static void setup_keys(void)
{
	for (size_t i = 0; i < sizeof sequences / sizeof sequences[0]; i++)
		define_key(sequences[i].seq, KEY_MAX + 1 + (int)sequences[i].key);
}

static void setup_readline(void)
{
	T.devnull = fopen("/dev/null", "w");
	rl_outstream = T.devnull; /* readline never writes to the screen */
	rl_instream = stdin;
	rl_catch_signals = 0;
	rl_catch_sigwinch = 0;
	rl_change_environment = 0;
	rl_prep_term_function = NULL;
	rl_deprep_term_function = NULL;
	rl_getc_function = rl_getc_queue;
	rl_input_available_hook = rl_input_waiting;
	rl_redisplay_function = redisplay;
	rl_completion_display_matches_hook = show_matches;
	prompt_setup_completion();
	rl_variable_bind("enable-bracketed-paste", "off");
	rl_callback_handler_install(PROMPT_TEXT, on_line);
	/* With a redisplay function of ours readline reads no terminfo, so
	 * binds no Delete key: on_key sends it this sequence. */
	rl_bind_keyseq("\033[3~", rl_delete);
}

#define BENCH_CLOCK CLOCK_PROCESS_CPUTIME_ID

static double cpu_ms(void)
{
	struct timespec ts;
	clock_gettime(BENCH_CLOCK, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int tui_bench(struct run_ctx *rc, int cols, int rows, const char *command, int n, double *redraw_ms,
              double *step_ms)
{
	memset(&T, 0, sizeof T);
	T.rc = rc;
	T.env = rc->env;
	T.msg = calloc(MSG_KEEP, sizeof *T.msg);
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
	if (!T.msg || !out || !in)
		return -1;
	screen = newterm("xterm-256color", out, in);
	if (!screen)
		return -1;
	resizeterm(rows, cols);
	setup_colors();
	out_init_mem(&T.out, OUT_LIMIT);
	out_init_mem(&T.err, OUT_LIMIT);
	T.env->out = &T.out;
	rc->err = &T.err;
	T.env->plot_hook = plot_hook;
	if (run_line(rc, NULL, 0, command, strlen(command)) != EXEC_OK || !T.have_plot)
		return -1;
	getmaxyx(stdscr, T.rows, T.cols);
	screen_layout(T.cols, T.rows, T.plot.ncurves, &T.lay);
	draw_all();
	/* a redraw as after a resize: layout, plot, figures cached */
	double t0 = cpu_ms();
	for (int i = 0; i < n; i++)
		draw_all();
	*redraw_ms = (cpu_ms() - t0) / n;
	/* a sweep key: the parameter changes, figures are computed again */
	t0 = cpu_ms();
	for (int i = 0; i < n; i++) {
		step_param(i % 2 ? -1 : 1, false);
		draw_all();
	}
	*step_ms = (cpu_ms() - t0) / n;
	endwin();
	delscreen(screen);
	screen = NULL;
	fclose(out);
	fclose(in);
	return 0;
}

int tui_run(struct run_ctx *rc, volatile sig_atomic_t *sigint_flag)
{
	memset(&T, 0, sizeof T);
	T.rc = rc;
	T.env = rc->env;
	T.sigint = sigint_flag;
	T.msg = calloc(MSG_KEEP, sizeof *T.msg);
	if (!T.msg)
		return -1;

	/* Ours before ncurses starts, so that it installs none of its own
	 * (its SIGTERM handler would exit with status 1); SIGWINCH is left
	 * to it, for KEY_RESIZE. */
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_fatal;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGQUIT, &sa, NULL);
	sa.sa_handler = on_tstp;
	sigaction(SIGTSTP, &sa, NULL);

	struct termios shell;
	bool have_shell = tcgetattr(STDIN_FILENO, &shell) == 0;
	screen = newterm(NULL, stdout, stdin);
	if (!screen) {
		free(T.msg);
		return -1;
	}
	terminal_on_restore(tui_end);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	timeout(100);
	setup_colors();
	setup_keys();

	out_init_mem(&T.out, OUT_LIMIT);
	out_init_mem(&T.err, OUT_LIMIT);
	struct out *saved_out = T.env->out, *saved_err = rc->err;
	T.env->out = &T.out;
	rc->err = &T.err;
	rc->flush = NULL;
	rc->prompt_width = (int)strlen(PROMPT_TEXT);
	T.env->plot_hook = plot_hook;
	T.env->grid_hook = grid_hook;
	T.env->stats_hook = stats_hook;
	T.env->progress = NULL; /* the curves themselves show the progress */

	T.history = prompt_history_begin(&T.err);
	setup_readline();
	refresh(); /* program mode in place, so that its settings can be kept */
	if (have_shell)
		midway_prepare(&shell);
	getmaxyx(stdscr, T.rows, T.cols);
	screen_layout(T.cols, T.rows, 1, &T.lay);

	/* The first screen shows ReLU, the function everything here is about. */
	run_line(rc, NULL, 0, "relu", 4);
	msg_puts("Type a command (help lists them); F1 shows the keys; quit or Ctrl-D leaves.");
	msg_sink(&T.err);
	screen_layout(T.cols, T.rows, T.plot.ncurves, &T.lay);
	draw_all();

	while (!T.quit) {
		handle_signals();
		if (T.dirty) {
			screen_layout(T.cols, T.rows, T.have_plot ? T.plot.ncurves : 1, &T.lay);
			draw_all();
		}
		wint_t ch;
		int r = get_wch(&ch);
		if (r == ERR)
			continue;
		on_input(r, ch);
	}

	rl_callback_handler_remove();
	prompt_history_end(T.history);
	terminal_restore();
	screen = NULL;
	T.env->out = saved_out;
	rc->err = saved_err;
	T.env->plot_hook = NULL;
	T.env->grid_hook = NULL;
	T.env->stats_hook = NULL;
	plot_grid_free(&T.picture);
	out_free(&T.out);
	out_free(&T.err);
	for (int i = 0; i < T.nmsg; i++)
		free(T.msg[i]);
	free(T.msg);
	if (T.devnull)
		fclose(T.devnull);
	return 0;
}
