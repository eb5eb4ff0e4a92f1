/* tui_draw.c: the full screen drawn with ncurses: the title, the plot or
 * picture, the figures, the messages and the F1 box where screen.c's
 * layout puts them, and the prompt's row; and the messages' lines. */
#include "tui_int.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>

#include "canvas.h"
#include "help.h"
#include "num.h"
#include "session.h"
#include "terminal.h"
#include "util.h"

/* Colour pairs: 1 for the axes, 2.. for the curves. */
#define PAIR_AXIS 1
#define PAIR_CURVE 2

/* ---- messages ---------------------------------------------------------------- */

void tui_msg_line(struct tui *t, const char *s, size_t n)
{
	if (t->nmsg == TUI_MSG_KEEP) {
		free(t->msg[0]);
		memmove(t->msg, t->msg + 1, (TUI_MSG_KEEP - 1) * sizeof *t->msg);
		t->nmsg--;
		if (t->cmd_first > 0)
			t->cmd_first--;
	}
	char *copy = malloc(n + 1);
	if (!copy)
		return;
	memcpy(copy, s, n);
	copy[n] = '\0';
	t->msg[t->nmsg++] = copy;
	t->dirty = true;
}

/* Appends text, a line at a time, at most `most` lines; returns whether
 * there was more. */
static bool msg_text(struct tui *t, const char *s, size_t len, int most)
{
	for (int k = 0; len > 0; k++) {
		if (k == most)
			return true;
		const char *nl = memchr(s, '\n', len);
		size_t n = nl ? (size_t)(nl - s) : len;
		tui_msg_line(t, s, n);
		if (!nl)
			break;
		len -= n + 1;
		s = nl + 1;
	}
	return false;
}

/* A message of the interface's own (a key's, Tab's list): the view goes
 * to the newest. */
void tui_msg_puts(struct tui *t, const char *s)
{
	msg_text(t, s, strlen(s), TUI_MSG_KEEP);
	t->scroll = 0;
	t->pinned = false;
}

/* A line put before line `at` (the oldest goes when the panel is full). */
static void msg_insert(struct tui *t, int at, const char *s)
{
	tui_msg_line(t, s, strlen(s));
	if (at < 0 || at >= t->nmsg - 1)
		return;
	char *line = t->msg[t->nmsg - 1];
	memmove(t->msg + at + 1, t->msg + at, (size_t)(t->nmsg - 1 - at) * sizeof *t->msg);
	t->msg[at] = line;
}

void tui_msg_sink(struct tui *t, struct out *o)
{
	/* a command's output from its first line, so no more of it than
	 * the panel keeps (its echo and the note below aside) */
	int most = TUI_MSG_KEEP - 3 - (t->nmsg - t->cmd_first);
	bool more = o->len && msg_text(t, o->buf, o->len, most > 0 ? most : 0);
	if (more || (o->err == 0 && o->limit && o->len >= o->limit)) {
		/* said where the view opens, over the output, as well as under it */
		static const char cut[] = "actviz: (the rest of the output was cut; a pipe gets all of it)";
		tui_msg_line(t, cut, strlen(cut));
		if (t->pinned && t->cmd_first + 1 < t->nmsg - 1)
			msg_insert(t, t->cmd_first + 1, cut);
	}
	out_reset(o);
}

void tui_msg_command(struct tui *t)
{
	t->cmd_first = t->nmsg;
	t->pinned = true;
	t->scroll = 0;
}

/* The rows lines [from, nmsg) take at width, wrapped; counted up to
 * `most` at most. */
static int msg_rows(const struct tui *t, int from, int width, int most)
{
	int rows = 0;
	for (int i = from < 0 ? 0 : from; i < t->nmsg && rows < most; i++)
		rows += screen_wrap_rows(t->msg[i], width);
	return rows;
}

/* ---- the plot ------------------------------------------------------------------ */

static void compute_figures(struct tui *t)
{
	for (int i = 0; i < t->plot.ncurves; i++) {
		const struct actfn_curve *c = &t->plot.curve[i].fn;
		stats_exact(c, &stats_std_normal, &t->fig[i]);
		stats_window(c, t->view.lo, t->view.hi, &t->win_dead[i], &t->win_min[i], &t->win_max[i]);
	}
	t->figs_valid = true;
}

/* The plot spec at the plot's place on screen, the y zoom applied. */
static int layout_plot(struct tui *t, struct plot_grid *g, struct plot_curve *curves)
{
	struct plot_spec spec;
	exec_plot_spec(t->env, &t->plot, &t->view, curves, &spec);
	spec.width = t->lay.plot.w;
	spec.height = t->lay.plot.h;
	spec.braille = exec_braille(t->env);
	spec.color = t->color && t->env->set->color != TRI_OFF;
	spec.colors = terminal_distinct_colors(COLORS);
	spec.mark_dead = t->selected;
	spec.mark_selected = true;
	if (plot_layout(&spec, g) < 0)
		return -1;
	if (t->yzoom != 1) {
		for (int k = 0; k < g->npanels; k++) {
			double mid = g->panel[k].ylo / 2 + g->panel[k].yhi / 2;
			double half = (g->panel[k].yhi / 2 - g->panel[k].ylo / 2) / t->yzoom;
			spec.ylo[k] = mid - half;
			spec.yhi[k] = mid + half;
		}
		plot_grid_free(g);
		if (plot_layout(&spec, g) < 0)
			return -1;
	}
	return 0;
}

static attr_t role_attr(struct tui *t, int role)
{
	if (role == PLOT_COLOR_DEFAULT)
		return A_NORMAL;
	if (!t->color || t->env->set->color == TRI_OFF)
		return role == PLOT_COLOR_AXIS ? A_DIM : A_NORMAL;
	return COLOR_PAIR(role == PLOT_COLOR_AXIS ? PAIR_AXIS : PAIR_CURVE + (role - PLOT_COLOR_CURVE));
}

/* Runs of cells of one colour go out in one call: cell by cell would
 * cost more than laying the plot out. */
static void draw_grid(struct tui *t, const struct plot_grid *g, int x0, int y0)
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
			attr_t a = role_attr(t, role);
			attron(a);
			mvaddnwstr(y0 + r, x0 + start, run, n);
			attroff(a);
		}
	}
}

/* ---- drawing ------------------------------------------------------------------- */

/* One character of s (len bytes left): returns its bytes, its display
 * columns in *w (a byte that is not UTF-8 takes one). */
static size_t char_step(const char *s, size_t len, int *w)
{
	uint32_t cp;
	size_t n = util_utf8_next(s, len, &cp);
	*w = (cp & UTIL_INVALID) ? 1 : util_cp_width(cp);
	return n;
}

/* Box lines in Unicode where the locale has it (the terminal's ACS
 * charset is not to be trusted inside every multiplexer). */
static void box_h(struct tui *t, int y, int x, int n)
{
	for (int i = 0; i < n; i++)
		mvaddwstr(y, x + i, t->env->utf8 ? L"\u2500" : L"-");
}

static void box_v(struct tui *t, int y, int x, int n)
{
	for (int i = 0; i < n; i++)
		mvaddwstr(y + i, x, t->env->utf8 ? L"\u2502" : L"|");
}

/* Text at y, x in at most width columns: cut with an ellipsis, which
 * says so, where it is wider. */
static void put_line(struct tui *t, int y, int x, int width, const char *s, attr_t a)
{
	if (width <= 0)
		return;
	char buf[LIMIT_LINE + 256];
	screen_fit(s, width, t->env->utf8, buf, sizeof buf);
	attron(a);
	mvaddstr(y, x, buf);
	attroff(a);
}

/* The marker of the selected curve. */
static const char *sel_mark(const struct tui *t)
{
	return t->env->utf8 ? "\xe2\x96\xb8 " : "> ";
}

/* The plot's curves and range, in width columns: the selected curve
 * marked and always there. */
static void describe_plot(struct tui *t, int width, char *buf, size_t size)
{
	buf[0] = '\0';
	if (!t->have_plot)
		return;
	const char *labels[LIMIT_CURVES];
	for (int i = 0; i < t->plot.ncurves; i++)
		labels[i] = t->plot.curve[i].label;
	char lo[NUM_BUF], hi[NUM_BUF], range[2 * NUM_BUF + 4];
	num_format(t->view.lo, lo);
	num_format(t->view.hi, hi);
	snprintf(range, sizeof range, "%s..%s", lo, hi);
	/* without the marker's space: "relu, ▸leaky 0.1" */
	char mark[8];
	snprintf(mark, sizeof mark, "%.*s", (int)strlen(sel_mark(t)) - 1, sel_mark(t));
	screen_title(labels, t->plot.ncurves, t->selected, mark, range, width, buf, size);
}

static void draw_title(struct tui *t)
{
	const struct rect *r = &t->lay.title;
	if (r->h == 0)
		return;
	attron(A_REVERSE);
	mvhline(r->y, r->x, ' ', r->w);
	const char *hint = "F1 keys ";
	int hw = (int)strlen(hint), room = r->w - hw - 1;
	if (r->w <= hw + 20)
		room = r->w;
	char what[1024], line[1100];
	if (t->show_picture)
		snprintf(what, sizeof what, "%s", t->title);
	else if (t->lay.card)
		snprintf(what, sizeof what, "%s", t->stats_title);
	else
		describe_plot(t, r->w - 10, what, sizeof what);
	/* the title first: the hint gives way where it would cut it */
	snprintf(line, sizeof line, " actviz  %s", what);
	if ((int)util_utf8_count(line, strlen(line)) > room) {
		room = r->w;
		hw = r->w + 1;
	}
	put_line(t, r->y, r->x, room, line, A_REVERSE);
	if (r->w > hw + 20)
		put_line(t, r->y, r->x + r->w - hw, hw, hint, A_REVERSE);
	attroff(A_REVERSE);
}

/* The figures of the last dead, a few lines per curve: down the pane
 * beside the plot, or across the screen as a card. Curves that don't fit
 * whole are left out and counted. */
static void draw_stats(struct tui *t, const struct rect *r)
{
	const char *labels[LIMIT_CURVES];
	for (int i = 0; i < t->nstats; i++)
		labels[i] = t->stats_label[i];
	enum { CAP = LIMIT_CURVES * 12 + 1 };
	struct screen_text txt[CAP];
	int rows, n = screen_card(labels, t->stats, t->nstats, t->stats_dist, r->w, txt, CAP, &rows);
	int limit = rows > r->h ? r->h - 1 : r->h; /* a row for "+N more" */
	bool whole[LIMIT_CURVES];
	for (int i = 0; i < t->nstats; i++)
		whole[i] = true;
	int owner = -1;
	for (int k = 0; k < n; k++) {
		owner = txt[k].curve >= 0 ? txt[k].curve : owner;
		if (owner >= 0 && txt[k].row >= limit)
			whole[owner] = false;
	}
	owner = -1;
	int left_out = 0;
	for (int i = 0; i < t->nstats; i++)
		left_out += !whole[i];
	for (int k = 0; k < n; k++) {
		owner = txt[k].curve >= 0 ? txt[k].curve : owner;
		if (owner >= 0 && !whole[owner])
			continue;
		attr_t a = k == 0 ? A_BOLD : A_NORMAL;
		if (txt[k].curve >= 0)
			a = role_attr(t, PLOT_COLOR_CURVE + txt[k].curve) | A_BOLD;
		put_line(t, r->y + txt[k].row, r->x + txt[k].col, txt[k].w, txt[k].s, a);
	}
	if (left_out) {
		char more[64];
		snprintf(more, sizeof more, "+%d more (the table below has them all)", left_out);
		put_line(t, r->y + r->h - 1, r->x + 1, r->w - 2, more, A_BOLD);
	}
}

/* Each curve's figures, its rows at a width (the gap after it
 * included). */
static int figure_rows(char text[SCREEN_FIGURE_LINES][SCREEN_LINE], int width)
{
	int rows = 2;
	for (int k = 1; k < SCREEN_FIGURE_LINES; k++)
		rows += screen_wrap_rows(text[k], width);
	return rows;
}

/* Curve i's label as the figures show it: without colour the plot tells
 * curves apart by glyph, and so does the label, "+ leaky 0.1". */
static void glyph_label(struct tui *t, int i, const char *label, char *buf, size_t size)
{
	bool colored = t->color && t->env->set->color != TRI_OFF &&
	               t->plot.ncurves <= terminal_distinct_colors(COLORS);
	if (t->plot.ncurves > 1 && (!colored || !exec_braille(t->env)))
		snprintf(buf, size, "%c %s", CANVAS_GLYPHS[i], label);
	else
		snprintf(buf, size, "%s", label);
}

/* One curve's figures from row y: the label marked when selected, long
 * lines wrapped with the rest indented. */
static void draw_curve_figures(struct tui *t, const struct rect *r, int i, int y,
                               char text[SCREEN_FIGURE_LINES][SCREEN_LINE])
{
	if (i == t->selected)
		put_line(t, y, r->x + 1, 2, sel_mark(t), A_BOLD);
	char label[SCREEN_LINE + 4];
	glyph_label(t, i, text[0], label, sizeof label);
	put_line(t, y++, r->x + 3, r->w - 4, label, role_attr(t, PLOT_COLOR_CURVE + i) | A_BOLD);
	for (int k = 1; k < SCREEN_FIGURE_LINES; k++) {
		const char *s = text[k];
		int indent = 0;
		while (*s) {
			int width = r->w - 4 - indent;
			size_t next, n = screen_wrap(s, width, &next);
			char part[SCREEN_LINE];
			snprintf(part, sizeof part, "%.*s", (int)n, s);
			put_line(t, y++, r->x + 3 + indent, width, part, A_NORMAL);
			s += next;
			indent = SCREEN_WRAP_INDENT;
		}
	}
}

/* No room for the figures pane: the selected curve's figures under the
 * plot, wrapped onto the strip's rows, an ellipsis where they go on. */
static void draw_strip(struct tui *t)
{
	const struct rect *r = &t->lay.strip;
	if (r->h == 0 || !t->have_plot || t->show_picture || t->show_stats)
		return;
	if (!t->figs_valid)
		compute_figures(t);
	int i = t->selected >= 0 && t->selected < t->plot.ncurves ? t->selected : 0;
	char text[SCREEN_FIGURE_LINES][SCREEN_LINE], line[6 * SCREEN_LINE], label_text[SCREEN_LINE];
	glyph_label(t, i, t->plot.curve[i].label, label_text, sizeof label_text);
	screen_figures(&t->plot.curve[i].fn, label_text, &t->view, t->win_dead[i], t->win_min[i],
	               t->win_max[i], &t->fig[i], text);
	screen_strip((const char(*)[SCREEN_LINE])text, line, sizeof line);
	const char *s = line;
	attr_t label = role_attr(t, PLOT_COLOR_CURVE + i) | A_BOLD;
	for (int row = 0; row < r->h && *s; row++) {
		int x = r->x, w = r->w;
		if (row == 0 && t->plot.ncurves > 1) { /* marked as in the legend */
			put_line(t, r->y, x, 2, sel_mark(t), label);
			x += 2;
			w -= 2;
		} else if (row > 0) {
			x += SCREEN_WRAP_INDENT;
			w -= SCREEN_WRAP_INDENT;
		}
		size_t next, n = screen_wrap(s, w, &next);
		char part[6 * SCREEN_LINE];
		snprintf(part, sizeof part, "%.*s", (int)n, s);
		if (row == r->h - 1 && s[next]) {
			/* the last row and more to come: cut after a whole figure,
			 * an ellipsis saying so */
			bool u = t->env->utf8;
			n = screen_wrap(s, w - (u ? 1 : 3), &next);
			snprintf(part, sizeof part, "%.*s%s", (int)n, s, u ? "\u2026" : "...");
		}
		put_line(t, r->y + row, x, w, part, A_NORMAL);
		if (row == 0) { /* the label in its colour */
			size_t ln = strlen(label_text);
			char lab[SCREEN_LINE];
			snprintf(lab, sizeof lab, "%.*s", (int)(ln < n ? ln : n), s);
			put_line(t, r->y, x, w, lab, label);
		}
		s += next;
	}
}

static void draw_figures(struct tui *t)
{
	const struct rect *r = &t->lay.figures;
	if (r->h == 0)
		return;
	if (t->lay.figures_beside)
		box_v(t, r->y, r->x - 1, r->h);
	if (t->show_stats) {
		draw_stats(t, r);
		return;
	}
	/* the plot's figures belong to the plot, not to a picture in its place */
	if (!t->have_plot || t->show_picture)
		return;
	if (!t->figs_valid)
		compute_figures(t);
	int n = t->plot.ncurves, heights[LIMIT_CURVES];
	static char text[LIMIT_CURVES][SCREEN_FIGURE_LINES][SCREEN_LINE];
	for (int i = 0; i < n; i++) {
		screen_figures(&t->plot.curve[i].fn, t->plot.curve[i].label, &t->view, t->win_dead[i],
		               t->win_min[i], t->win_max[i], &t->fig[i], text[i]);
		heights[i] = figure_rows(text[i], r->w - 4);
	}
	/* the selected curve's figures always in sight, the pane scrolled to
	 * them; the curves out of it counted */
	int first, last, y = r->y;
	screen_figures_window(heights, n, t->selected, r->h, &first, &last);
	char more[64];
	if (first > 0) {
		snprintf(more, sizeof more, "+%d more above (F3)", first);
		put_line(t, y++, r->x + 3, r->w - 4, more, A_BOLD);
	}
	for (int i = first; i < last; i++) {
		draw_curve_figures(t, r, i, y, text[i]);
		y += heights[i];
	}
	if (last < n) {
		snprintf(more, sizeof more, "+%d more below (F4)", n - last);
		put_line(t, r->y + r->h - 1, r->x + 3, r->w - 4, more, A_BOLD);
	}
}

/* The messages: the last command's from its first line, the rows under
 * the view counted on the rule. */
static void draw_messages(struct tui *t)
{
	const struct rect *r = &t->lay.messages;
	if (r->h == 0)
		return;
	box_h(t, r->y, r->x, r->w);
	int body = r->h - 1;
	if (t->pinned) {
		int cmd = msg_rows(t, t->cmd_first, r->w, INT_MAX);
		t->scroll = cmd > body ? cmd - body : 0;
	}
	/* back from the newest to the view's top (not through all the lines
	 * kept, at every redraw); the oldest line stops the view */
	int need = body + t->scroll, got = 0, i = t->nmsg;
	while (i > 0 && got < need)
		got += screen_wrap_rows(t->msg[--i], r->w);
	if (got < need) {
		t->scroll = got > body ? got - body : 0;
		need = body + t->scroll;
	}
	/* row: of the view, from its top; the lines end at its bottom */
	for (int row = need - got; i < t->nmsg && row < body; i++) {
		const char *s = t->msg[i];
		int indent = 0, hang = screen_wrap_indent(s, r->w);
		do {
			size_t next, n = screen_wrap(s, r->w - indent, &next);
			if (row >= 0) {
				char part[LIMIT_LINE + 16];
				snprintf(part, sizeof part, "%.*s", (int)n, s);
				put_line(t, r->y + 1 + row, r->x + indent, r->w - indent, part, A_NORMAL);
			}
			row++;
			s += next;
			indent = hang;
		} while (*s && row < body);
	}
	if (t->scroll > 0) {
		char note[64];
		snprintf(note, sizeof note, " %d more line%s (PgDn) ", t->scroll, t->scroll == 1 ? "" : "s");
		put_line(t, r->y, r->x + 2, r->w - 4, note, A_BOLD);
	}
}

static void draw_help(struct tui *t)
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
	if (bw > t->cols)
		bw = t->cols;
	if (bh > t->rows - 1)
		bh = t->rows - 1;
	int x = (t->cols - bw) / 2, y = (t->rows - 1 - bh) / 2;
	for (int k = 0; k < bh; k++)
		mvhline(y + k, x, ' ', bw);
	attron(A_BOLD);
	box_h(t, y, x, bw);
	box_h(t, y + bh - 1, x, bw);
	box_v(t, y, x, bh);
	box_v(t, y, x + bw - 1, bh);
	/* corners of their own, drawn last: the lines would leave a bar there */
	bool u = t->env->utf8;
	mvaddwstr(y, x, u ? L"\u250c" : L"+");
	mvaddwstr(y, x + bw - 1, u ? L"\u2510" : L"+");
	mvaddwstr(y + bh - 1, x, u ? L"\u2514" : L"+");
	mvaddwstr(y + bh - 1, x + bw - 1, u ? L"\u2518" : L"+");
	attroff(A_BOLD);
	/* lines that don't fit: counted on the last row */
	int inner = bh - 2, shown = nl <= inner ? nl : inner - 1;
	const char *p = text;
	for (int k = 0; k < shown && *p; k++) {
		const char *end = strchr(p, '\n');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		char line[256];
		snprintf(line, sizeof line, "%.*s", (int)(n < 255 ? n : 255), p);
		put_line(t, y + 1 + k, x + 2, bw - 4, line, A_NORMAL);
		p = end ? end + 1 : p + n;
	}
	if (shown < nl && inner > 0) {
		char more[64];
		snprintf(more, sizeof more, "+%d more (a taller terminal shows them)", nl - shown);
		put_line(t, y + inner, x + 2, bw - 4, more, A_BOLD);
	}
}

/* A picture where the plot goes; clipped should the screen have shrunk
 * under it, and then the last row says so. */
static void draw_picture(struct tui *t)
{
	const struct rect *a = &t->lay.plot;
	struct plot_grid g = t->picture;
	bool cut = g.w > a->w || g.h > a->h;
	if (g.w > a->w)
		g.w = a->w;
	if (g.h > a->h)
		g.h = a->h;
	for (int r = 0; r < g.h - (cut ? 1 : 0); r++) {
		struct plot_grid row = g;
		row.h = 1;
		row.cell = t->picture.cell + (size_t)r * (size_t)t->picture.w;
		draw_grid(t, &row, a->x, a->y + r);
	}
	if (cut && a->h > 0)
		put_line(t, a->y + a->h - 1, a->x, a->w,
		         "(cut to fit the screen: run the command again to draw it at this size)", A_BOLD);
}

void tui_draw_screen(struct tui *t)
{
	if (t->redraw_all && *t->redraw_all) { /* back from a Ctrl-Z in a command: all of it */
		*t->redraw_all = 0;
		clearok(curscr, TRUE);
	}
	/* what there is to show decides where it goes: laid out each time */
	tui_layout(t);
	erase();
	if (t->lay.too_small) {
		/* the longest of these that fits */
		char note[3][80];
		snprintf(note[0], sizeof note[0], "terminal too small: %dx%d, needs %dx%d", t->cols, t->rows,
		         SCREEN_MIN_W, SCREEN_MIN_H);
		snprintf(note[1], sizeof note[1], "too small: %dx%d", t->cols, t->rows);
		snprintf(note[2], sizeof note[2], "small");
		int k = 0;
		while (k < 2 && (int)strlen(note[k]) > t->cols)
			k++;
		put_line(t, 0, 0, t->cols, note[k], A_BOLD);
	} else {
		draw_title(t);
		if (t->show_picture) {
			draw_picture(t);
		} else if (t->have_plot && t->lay.plot.h > 0) {
			struct plot_grid g;
			struct plot_curve curves[LIMIT_CURVES];
			if (layout_plot(t, &g, curves) == 0) {
				draw_grid(t, &g, t->lay.plot.x, t->lay.plot.y);
				plot_grid_free(&g);
			}
		}
		draw_figures(t);
		draw_strip(t);
		draw_messages(t);
		if (t->help)
			draw_help(t);
	}
	t->dirty = false;
}

/* Readline's line, drawn by us: the prompt row, scrolled sideways to keep
 * the cursor in sight; an ellipsis where the line goes on out of it. */
void tui_draw_prompt(struct tui *t, const char *prompt, const char *text, size_t n, size_t point)
{
	const struct rect *r = &t->lay.prompt;
	static char line[LIMIT_LINE + 256];
	int plen = snprintf(line, sizeof line, "%s", prompt);
	if (plen < 0)
		plen = 0;
	if (n > sizeof line - (size_t)plen - 1)
		n = sizeof line - (size_t)plen - 1;
	if (n)
		memcpy(line + plen, text, n);
	line[plen + n] = '\0';
	size_t len = strlen(line);
	/* cursor column: display width of prompt and text up to the point */
	size_t upto = (size_t)plen + point;
	int cur = 0, w;
	for (size_t i = 0; i < upto && i < len; cur += w)
		i += char_step(line + i, len - i, &w);
	int skip = cur >= r->w ? cur - r->w + 1 : 0;
	move(r->y, 0);
	clrtoeol();
	/* skip whole characters off the left */
	size_t i = 0;
	int col = 0;
	for (; col < skip && i < len; col += w)
		i += char_step(line + i, len - i, &w);
	/* the cursor's own column is never the ellipsis */
	int room = cur - col < r->w - 1 ? r->w : r->w - 1;
	put_line(t, r->y, 0, room, line + i, A_NORMAL);
	if (skip > 0 && r->w > 1)
		mvaddstr(r->y, 0, t->env->utf8 ? "\xe2\x80\xa6" : "<");
	move(r->y, cur - col < r->w ? cur - col : r->w - 1);
	refresh();
}

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

void tui_draw_status(struct tui *t, bool now)
{
	double ms = now_ms();
	if (!now && ms - t->status_ms < 50)
		return;
	t->status_ms = ms;
	const struct rect *r = &t->lay.prompt;
	move(r->y, 0);
	clrtoeol();
	put_line(t, r->y, 0, r->w, t->status, A_BOLD);
	refresh();
}

/* ---- layout ------------------------------------------------------------------ */

void tui_layout(struct tui *t)
{
	struct screen_want want = {
		.ncurves = t->have_plot ? t->plot.ncurves : 1,
		.msg_rows = msg_rows(t, t->cmd_first, t->cols, t->rows), /* more: as many */
		.picture_h = t->show_picture ? t->picture.h : 0,
		.stats = t->show_stats,
		.lesson = t->env->session && t->env->session->lesson_topic >= 0,
	};
	if (t->show_stats) {
		const char *labels[LIMIT_CURVES];
		for (int i = 0; i < t->nstats; i++)
			labels[i] = t->stats_label[i];
		struct screen_text txt[1];
		screen_card(labels, t->stats, t->nstats, t->stats_dist, t->cols, txt, 0, &want.card_h);
		screen_card(labels, t->stats, t->nstats, t->stats_dist, screen_figures_width(t->cols), txt,
		            0, &want.beside_h);
	}
	screen_layout(t->cols, t->rows, &want, &t->lay);
}

void tui_resized(struct tui *t)
{
	getmaxyx(stdscr, t->rows, t->cols);
	tui_layout(t);
	t->dirty = true;
}

void tui_colors(struct tui *t)
{
	const char *no_color = getenv("NO_COLOR");
	/* COLORS is 0 until start_color(): ask terminfo */
	t->color = has_colors() && tigetnum("colors") >= 8 && !(no_color && no_color[0]);
	if (t->env->set->color == TRI_ON && has_colors())
		t->color = true;
	if (!t->color)
		return;
	start_color();
	use_default_colors();
	init_pair(PAIR_AXIS, (short)terminal_axis_color(COLORS), -1);
	for (int i = 0; i < LIMIT_CURVES; i++)
		init_pair((short)(PAIR_CURVE + i), (short)terminal_curve_color(i, COLORS), -1);
}
