/* tui_draw.c: the full screen drawn with ncurses: the title, the plot or
 * picture, the figures, the messages and the F1 box where screen.c's
 * layout puts them, and the prompt's row; and the messages' lines. */
#include "tui_int.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "canvas.h"
#include "help.h"
#include "num.h"
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
	}
	char *copy = malloc(n + 1);
	if (!copy)
		return;
	memcpy(copy, s, n);
	copy[n] = '\0';
	t->msg[t->nmsg++] = copy;
}

/* Appends text, a line at a time; the view jumps back to the newest. */
static void msg_text(struct tui *t, const char *s, size_t len)
{
	while (len > 0) {
		const char *nl = memchr(s, '\n', len);
		size_t n = nl ? (size_t)(nl - s) : len;
		tui_msg_line(t, s, n);
		if (!nl)
			break;
		len -= n + 1;
		s = nl + 1;
	}
	t->scroll = 0;
	t->dirty = true;
}

void tui_msg_puts(struct tui *t, const char *s)
{
	msg_text(t, s, strlen(s));
}

void tui_msg_sink(struct tui *t, struct out *o)
{
	if (o->len)
		msg_text(t, o->buf, o->len);
	if (o->err == 0 && o->limit && o->len >= o->limit)
		tui_msg_puts(t, "actviz: (the rest of the output was cut; a pipe gets all of it)");
	out_reset(o);
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

/* Text cut to width display columns; returns the bytes that fit. */
static size_t fit(const char *s, int width)
{
	size_t i = 0, len = strlen(s);
	int col = 0, w;
	while (i < len) {
		size_t n = char_step(s + i, len - i, &w);
		if (col + w > width)
			break;
		col += w;
		i += n;
	}
	return i;
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

static void put_line(int y, int x, int width, const char *s, attr_t a)
{
	if (width <= 0)
		return;
	attron(a);
	mvaddnstr(y, x, s, (int)fit(s, width));
	attroff(a);
}

static void describe_plot(struct tui *t, char *buf, size_t size)
{
	size_t len = 0;
	buf[0] = '\0';
	if (!t->have_plot)
		return;
	for (int i = 0; i < t->plot.ncurves; i++)
		util_append(buf, size, &len, "%s%s", i ? ", " : "", t->plot.curve[i].label);
	char lo[NUM_BUF], hi[NUM_BUF];
	num_format(t->view.lo, lo);
	num_format(t->view.hi, hi);
	util_append(buf, size, &len, " on %s..%s", lo, hi);
}

static void draw_title(struct tui *t)
{
	const struct rect *r = &t->lay.title;
	if (r->h == 0)
		return;
	attron(A_REVERSE);
	mvhline(r->y, r->x, ' ', r->w);
	char what[512], line[600];
	if (t->show_picture)
		snprintf(what, sizeof what, "%s", t->title);
	else
		describe_plot(t, what, sizeof what);
	snprintf(line, sizeof line, " actviz  %s", what);
	const char *hint = "F1 keys ";
	int hw = (int)strlen(hint);
	put_line(r->y, r->x, r->w - hw - 1, line, A_REVERSE);
	if (r->w > hw + 20)
		put_line(r->y, r->x + r->w - hw, hw, hint, A_REVERSE);
	attroff(A_REVERSE);
}

/* The figures of the last dead command, a few lines per curve. */
static void draw_stats(struct tui *t, const struct rect *r)
{
	char line[SCREEN_LINE];
	int y = r->y;
	snprintf(line, sizeof line, "z ~ %s:", t->stats_dist);
	put_line(y++, r->x + 1, r->w - 2, line, A_BOLD);
	for (int i = 0; i < t->nstats && y < r->y + r->h; i++) {
		const struct stats_figures *f = &t->stats[i];
		put_line(y++, r->x + 3, r->w - 4, t->stats_label[i], role_attr(t, PLOT_COLOR_CURVE + i) | A_BOLD);
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

static void draw_figures(struct tui *t)
{
	const struct rect *r = &t->lay.figures;
	if (r->h == 0)
		return;
	if (t->show_stats) {
		draw_stats(t, r);
		if (t->lay.figures_beside)
			box_v(t, r->y, r->x - 1, r->h);
		return;
	}
	/* the plot's figures belong to the plot, not to a picture in its place */
	if (!t->have_plot || t->show_picture)
		return;
	if (!t->figs_valid)
		compute_figures(t);
	int y = r->y;
	for (int i = 0; i < t->plot.ncurves && y < r->y + r->h; i++) {
		char text[SCREEN_FIGURE_LINES][SCREEN_LINE];
		screen_figures(&t->plot.curve[i].fn, t->plot.curve[i].label, &t->view, t->win_dead[i],
		               t->win_min[i], t->win_max[i], &t->fig[i], text);
		for (int k = 0; k < SCREEN_FIGURE_LINES && y < r->y + r->h; k++) {
			if (k == 0) {
				const char *mark = i == t->selected ? (t->env->utf8 ? "\xe2\x96\xb8 " : "> ") : "  ";
				put_line(y, r->x + 1, 2, mark, A_BOLD);
				/* without colour the plot tells curves apart by glyph:
				 * so does the label here */
				char label[SCREEN_LINE + 4];
				bool colored = t->color && t->env->set->color != TRI_OFF &&
				               t->plot.ncurves <= terminal_distinct_colors(COLORS);
				if (t->plot.ncurves > 1 && (!colored || !exec_braille(t->env)))
					snprintf(label, sizeof label, "%c %s", CANVAS_GLYPHS[i], text[0]);
				else
					snprintf(label, sizeof label, "%s", text[0]);
				put_line(y, r->x + 3, r->w - 4, label, role_attr(t, PLOT_COLOR_CURVE + i) | A_BOLD);
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
	if (t->lay.figures_beside)
		box_v(t, r->y, r->x - 1, r->h);
}

static void draw_messages(struct tui *t)
{
	const struct rect *r = &t->lay.messages;
	if (r->h == 0)
		return;
	box_h(t, r->y, r->x, r->w);
	int body = r->h - 1;
	if (t->scroll > t->nmsg - body)
		t->scroll = t->nmsg - body > 0 ? t->nmsg - body : 0;
	int first = t->nmsg - body - t->scroll;
	for (int k = 0; k < body; k++) {
		int i = first + k;
		if (i >= 0 && i < t->nmsg)
			put_line(r->y + 1 + k, r->x, r->w, t->msg[i], A_NORMAL);
	}
	if (t->scroll > 0) {
		char note[48];
		snprintf(note, sizeof note, " %d newer lines below (PgDn) ", t->scroll);
		put_line(r->y, r->x + 2, r->w - 4, note, A_BOLD);
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

void tui_draw_screen(struct tui *t)
{
	if (t->redraw_all && *t->redraw_all) { /* back from a Ctrl-Z in a command: all of it */
		*t->redraw_all = 0;
		clearok(curscr, TRUE);
	}
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
		put_line(0, 0, t->cols, note[k], A_BOLD);
	} else {
		draw_title(t);
		if (t->show_picture) {
			/* clipped to the plot area, should the screen have shrunk */
			struct plot_grid g = t->picture;
			if (g.w > t->lay.plot.w)
				g.w = t->lay.plot.w;
			if (g.h > t->lay.plot.h)
				g.h = t->lay.plot.h;
			for (int r = 0; r < g.h; r++) {
				struct plot_grid row = g;
				row.h = 1;
				row.cell = t->picture.cell + (size_t)r * (size_t)t->picture.w;
				draw_grid(t, &row, t->lay.plot.x, t->lay.plot.y + r);
			}
		} else if (t->have_plot) {
			struct plot_grid g;
			struct plot_curve curves[LIMIT_CURVES];
			if (layout_plot(t, &g, curves) == 0) {
				draw_grid(t, &g, t->lay.plot.x, t->lay.plot.y);
				plot_grid_free(&g);
			}
		}
		draw_figures(t);
		draw_messages(t);
		if (t->help)
			draw_help(t);
	}
	t->dirty = false;
}

/* Readline's line, drawn by us: the prompt row, scrolled sideways to keep
 * the cursor in sight. */
void tui_draw_prompt(struct tui *t, const char *prompt, const char *text, size_t n, size_t point)
{
	const struct rect *r = &t->lay.prompt;
	char line[LIMIT_LINE + 256];
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
	put_line(r->y, 0, r->w, line + i, A_NORMAL);
	move(r->y, cur - col < r->w ? cur - col : r->w - 1);
	refresh();
}

/* ---- layout ------------------------------------------------------------------ */

void tui_layout(struct tui *t)
{
	screen_layout(t->cols, t->rows, t->have_plot ? t->plot.ncurves : 1, &t->lay);
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
