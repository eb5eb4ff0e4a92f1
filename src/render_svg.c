/* render_svg.c: a picture's grid as SVG. Text, legend swatches and the
 * frame come from the cells the text picture shows; curves are paths
 * through the spec's samples at full precision, and ticks sit at their
 * values, read back from the labels the grid printed. Numbers are written
 * with fixed decimals: the same picture gives the same bytes. */
#define _POSIX_C_SOURCE 200809L
#include "render_svg.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define CW SVG_CELL_W
#define CH SVG_CELL_H
#define FONT "DejaVu Sans Mono, Menlo, Consolas, monospace"

/* Okabe and Ito's colours, safe for colour-blind eyes and dark enough on
 * white for a projector; with a dash pattern each, curves differ in grey
 * too. 7 colours and 8 patterns: 16 curves, no two alike. */
static const char *const colors[] = {"#0072b2", "#d55e00", "#009e73", "#cc79a7",
                                     "#e69f00", "#56b4e9", "#000000"};
static const char *const dashes[] = {"", "9 4", "2 3", "9 3 2 3", "14 5", "5 5", "2 6", "9 3 2 3 2 3"};
#define NCOLORS (int)(sizeof colors / sizeof colors[0])
#define NDASHES (int)(sizeof dashes / sizeof dashes[0])

const char *render_svg_color(int i)
{
	return colors[(i < 0 ? 0 : i) % NCOLORS];
}

const char *render_svg_dash(int i)
{
	return dashes[(i < 0 ? 0 : i) % NDASHES];
}

/* A pixel value: two decimals, no -0.00, never past what a viewer takes. */
static void px(struct out *o, double v)
{
	if (!(v > -1e6))
		v = -1e6;
	if (v > 1e6)
		v = 1e6;
	double r = round(v * 100) / 100;
	if (r == 0)
		r = 0;
	out_printf(o, "%.2f", r);
}

/* Text as XML character data: markup escaped, control bytes and broken
 * UTF-8 as '?', which XML 1.0 does not allow. */
static void xml_text(struct out *o, const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = util_utf8_next(s + i, len - i, &cp);
		if (cp & UTIL_INVALID)
			cp = 0; /* not UTF-8: '?' below */
		if (cp == '&')
			out_puts(o, "&amp;");
		else if (cp == '<')
			out_puts(o, "&lt;");
		else if (cp == '>')
			out_puts(o, "&gt;");
		else if (cp == '"')
			out_puts(o, "&quot;");
		else if (cp < 0x20 || cp == 0x7f || (cp >= 0xfffe && cp <= 0xffff) ||
		         (cp >= 0xd800 && cp <= 0xdfff))
			out_putc(o, '?');
		else
			out_write(o, s + i, n);
		i += n;
	}
}

static void stroke(struct out *o, int curve, double width)
{
	out_printf(o, " fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\"", render_svg_color(curve), width);
	if (*render_svg_dash(curve))
		out_printf(o, " stroke-dasharray=\"%s\"", render_svg_dash(curve));
}

static void line(struct out *o, double x0, double y0, double x1, double y1, const char *attrs)
{
	out_puts(o, "<line x1=\"");
	px(o, x0);
	out_puts(o, "\" y1=\"");
	px(o, y0);
	out_puts(o, "\" x2=\"");
	px(o, x1);
	out_puts(o, "\" y2=\"");
	px(o, y1);
	out_printf(o, "\" %s/>\n", attrs);
}

/* ---- cells ------------------------------------------------------------------- */

/* Box-drawing cells: their arms (left, right, up, down) and weight. */
enum { ARM_L = 1, ARM_R = 2, ARM_U = 4, ARM_D = 8, HEAVY = 16 };

static int arms(uint32_t ch)
{
	switch (ch) {
	case 0x2500: return ARM_L | ARM_R;
	case 0x2502: return ARM_U | ARM_D;
	case 0x2524: return ARM_U | ARM_D | ARM_L;
	case 0x252C: return ARM_L | ARM_R | ARM_D;
	case 0x2514: return ARM_U | ARM_R;
	case 0x253C: return ARM_L | ARM_R | ARM_U | ARM_D;
	case 0x2501: return ARM_L | ARM_R | HEAVY;
	case 0x2533: return ARM_L | ARM_R | ARM_D | HEAVY;
	default: return 0;
	}
}

static bool is_braille(uint32_t ch)
{
	return ch >= 0x2800 && ch <= 0x28FF;
}

static bool is_block(uint32_t ch)
{
	return ch >= 0x2581 && ch <= 0x2588;
}

/* Which cells the caller draws otherwise; NULL: none. */
struct skip {
	const struct plot_grid *g;
	bool exact; /* a spec picture: panels, axes and their labels are drawn exactly */
};

static bool swatch(const struct plot_grid *g, int r, const struct plot_cell *cell)
{
	return g->npanels > 0 && r < g->panel[0].top && cell->ch == 0x2500 &&
	       cell->color >= PLOT_COLOR_CURVE;
}

static bool skipped(const struct skip *s, int r, int c)
{
	if (!s->exact)
		return false;
	const struct plot_grid *g = s->g;
	if (swatch(g, r, &g->cell[(size_t)r * (size_t)g->w + (size_t)c]))
		return true; /* a stretch of the curve's stroke instead */
	if (r >= g->h - 2)
		return !(r == g->h - 2 && (arms(g->cell[(size_t)r * (size_t)g->w + (size_t)c].ch) & HEAVY));
	for (int k = 0; k < g->npanels; k++)
		if (r >= g->panel[k].top && r < g->panel[k].top + g->panel[k].rows)
			return true;
	return false;
}

static const char *cell_color(uint8_t color)
{
	if (color >= PLOT_COLOR_CURVE)
		return render_svg_color(color - PLOT_COLOR_CURVE);
	return color == PLOT_COLOR_AXIS ? "#555555" : "#000000";
}

/* The text of each row, a <text> per run of cells that are text (not
 * line art, braille or blocks) in one colour. */
static void draw_text(struct out *o, const struct plot_grid *g, const struct skip *sk)
{
	for (int r = 0; r < g->h; r++) {
		const struct plot_cell *row = g->cell + (size_t)r * (size_t)g->w;
		for (int c = 0; c < g->w;) {
			uint32_t ch = row[c].ch;
			if (ch == ' ' || arms(ch) || is_braille(ch) || is_block(ch) || skipped(sk, r, c)) {
				c++;
				continue;
			}
			int start = c;
			uint8_t color = row[c].color;
			char buf[4 * 1000 + 1];
			size_t n = 0;
			while (c < g->w && row[c].color == color && !arms(row[c].ch) && !is_braille(row[c].ch) &&
			       !is_block(row[c].ch) && !skipped(sk, r, c) &&
			       !(row[c].ch == ' ' && (c + 1 >= g->w || row[c + 1].ch == ' '))) {
				n += util_utf8_put(row[c].ch, buf + n);
				c++;
			}
			out_printf(o, "<text x=\"%d\" y=\"%d\" fill=\"%s\">", start * CW, r * CH + 12,
			           cell_color(color));
			xml_text(o, buf, n);
			out_puts(o, "</text>\n");
		}
	}
}

/* Line art, merged into runs: each row's horizontal arms, each column's
 * vertical ones. Heavy lines are the zero-gradient marks, in a curve's
 * colour. */
static void draw_lines(struct out *o, const struct plot_grid *g, const struct skip *sk)
{
	for (int pass = 0; pass < 2; pass++) {
		int outer = pass == 0 ? g->h : g->w, inner = pass == 0 ? g->w : g->h;
		for (int a = 0; a < outer; a++) {
			double from = 0, to = -1;
			int style = -1;
			for (int b = 0; b <= inner; b++) {
				int r = pass == 0 ? a : b, c = pass == 0 ? b : a;
				int m = 0, st = -1;
				if (b < inner && !skipped(sk, r, c)) {
					const struct plot_cell *cell = &g->cell[(size_t)r * (size_t)g->w + (size_t)c];
					m = arms(cell->ch);
					st = cell->color * 2 + ((m & HEAVY) ? 1 : 0);
				}
				int lo = pass == 0 ? ARM_L : ARM_U, hi = pass == 0 ? ARM_R : ARM_D;
				int size = pass == 0 ? CW : CH;
				double s = b * size + ((m & lo) ? 0 : size / 2.0), e = b * size + ((m & hi) ? size : size / 2.0);
				bool has = (m & (lo | hi)) != 0;
				if (to >= from && (!has || st != style || s > to)) {
					char attrs[96];
					snprintf(attrs, sizeof attrs, "stroke=\"%s\" stroke-width=\"%d\"",
					         cell_color((uint8_t)(style / 2)), style % 2 ? 4 : 1);
					double mid = a * (pass == 0 ? CH : CW) + (pass == 0 ? CH : CW) / 2.0;
					if (pass == 0)
						line(o, from, mid, to, mid, attrs);
					else
						line(o, mid, from, mid, to, attrs);
					to = -1;
				}
				if (has) {
					if (to < from) {
						from = s;
						style = st;
					}
					to = e;
				}
			}
		}
	}
}

/* Block elements (a histogram's bars) as rectangles, eighths exact. */
static void draw_blocks(struct out *o, const struct plot_grid *g)
{
	for (int r = 0; r < g->h; r++)
		for (int c = 0; c < g->w; c++) {
			const struct plot_cell *cell = &g->cell[(size_t)r * (size_t)g->w + (size_t)c];
			if (!is_block(cell->ch))
				continue;
			int eighths = (int)(cell->ch - 0x2580);
			out_printf(o, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>\n", c * CW,
			           r * CH + CH - CH * eighths / 8, CW, CH * eighths / 8, cell_color(cell->color));
		}
}

/* ---- curves, frame and ticks of a spec picture ------------------------------------ */

struct frame {
	double x0, x1, y0, y1; /* the panel in pixels */
	double xlo, xhi, ylo, yhi;
};

static double map_x(const struct frame *f, double x)
{
	return f->x0 + (x - f->xlo) / (f->xhi - f->xlo) * (f->x1 - f->x0);
}

static double map_y(const struct frame *f, double y)
{
	return f->y0 + (f->yhi / 2 - y / 2) / (f->yhi / 2 - f->ylo / 2) * (f->y1 - f->y0);
}

/* A path being written: M at the first point, L after. */
struct path {
	struct out *o;
	const struct frame *f;
	bool open;
};

static void path_to(struct path *p, double x, double y)
{
	if (!isfinite(y)) {
		p->open = false;
		return;
	}
	out_putc(p->o, p->open ? 'L' : 'M');
	px(p->o, map_x(p->f, x));
	out_putc(p->o, ',');
	px(p->o, map_y(p->f, y));
	p->open = true;
}

/* Curve c of panel k: through every sample; at a kink or jump each piece
 * runs to its own one-sided limit, as in the text picture. */
static void curve_path(struct out *o, const struct plot_spec *s, const struct frame *f, int c, int k,
                       const double *xs, double *y, double *dy)
{
	size_t n = (size_t)s->samples;
	const struct plot_curve *pc = &s->curve[c];
	const double *v;
	struct actfn_break br[ACTFN_MAX_BREAKS];
	int nb = 0;
	if (pc->fn) {
		actfn_eval(pc->fn, xs, y, dy, n);
		v = k == 0 ? y : dy;
		nb = actfn_breaks(pc->fn, br);
	} else {
		v = pc->y[k];
		if (!v)
			return;
	}
	out_puts(o, "<path d=\"");
	struct path p = {o, f, false};
	int b = 0;
	for (size_t i = 0; i < n; i++) {
		/* a break after the previous sample and up to this one: the
		 * piece before ends at its left limit, the next starts at its
		 * right one */
		bool on_break = false;
		for (; b < nb && br[b].x <= xs[i]; b++) {
			double bx = br[b].x, a[2], z[2];
			if (bx < s->xlo || (i > 0 && bx <= xs[i - 1]))
				continue;
			actfn_point(pc->fn, nextafter(bx, -HUGE_VAL), &a[0], &a[1]);
			actfn_point(pc->fn, nextafter(bx, HUGE_VAL), &z[0], &z[1]);
			if (bx > s->xlo)
				path_to(&p, bx, a[k]);
			p.open = false;
			if (bx < s->xhi)
				path_to(&p, bx, z[k]);
			on_break = bx == xs[i];
		}
		if (!on_break)
			path_to(&p, xs[i], v[i]);
	}
	out_puts(o, "\"");
	stroke(o, c, 2);
	out_puts(o, " stroke-linejoin=\"round\"/>\n");
}

/* The number a tick label says ("0.5", "1e-5", "50%" as 0.5). */
static bool label_value(const char *s, size_t n, double *v)
{
	char buf[48];
	if (n == 0 || n >= sizeof buf)
		return false;
	memcpy(buf, s, n);
	buf[n] = '\0';
	char *end;
	*v = strtod(buf, &end);
	return end != buf && *end == '\0';
}

/* A row's text from column a to b, trimmed. */
static size_t row_text(const struct plot_grid *g, int r, int a, int b, char *buf, size_t size)
{
	size_t n = 0;
	for (int c = a; c < b && c < g->w && n + 5 < size; c++) {
		uint32_t ch = g->cell[(size_t)r * (size_t)g->w + (size_t)c].ch;
		if (ch == ' ' && n == 0)
			continue;
		n += util_utf8_put(ch, buf + n);
	}
	while (n > 0 && buf[n - 1] == ' ')
		n--;
	buf[n] = '\0';
	return n;
}

/* Each panel: its box, the zero lines, y ticks at the values of its
 * labels, the curves clipped to it; x ticks under the last. */
static void draw_panels(struct out *o, const struct plot_grid *g, const struct plot_spec *s, int id)
{
	size_t n = (size_t)s->samples;
	double *xs = malloc(n * sizeof *xs), *y = malloc(2 * n * sizeof *y);
	if (!xs || !y) {
		free(xs);
		free(y);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		double t = (double)i / (double)(n - 1);
		xs[i] = i + 1 == n ? s->xhi : s->xlo * (1 - t) + s->xhi * t;
	}
	if (s->series_x)
		memcpy(xs, s->series_x, n * sizeof *xs);
	struct frame f = {0};
	for (int k = 0; k < g->npanels; k++) {
		const struct plot_panel *p = &g->panel[k];
		f = (struct frame){g->canvas_x * CW, (g->canvas_x + g->canvas_w) * CW, p->top * CH + 2,
		                   (p->top + p->rows) * CH - 2, s->xlo, s->xhi, p->ylo, p->yhi};
		out_printf(o, "<clipPath id=\"c%d_%d\"><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/></clipPath>\n",
		           id, k, g->canvas_x * CW, p->top * CH, g->canvas_w * CW, p->rows * CH);
		out_printf(o, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#555555\"/>\n",
		           g->canvas_x * CW, p->top * CH, g->canvas_w * CW, p->rows * CH);
		const char *zero = "stroke=\"#999999\" stroke-width=\"1\" stroke-dasharray=\"3 3\"";
		if (p->ylo < 0 && p->yhi > 0)
			line(o, f.x0, map_y(&f, 0), f.x1, map_y(&f, 0), zero);
		if (s->xlo < 0 && s->xhi > 0)
			line(o, map_x(&f, 0), p->top * CH, map_x(&f, 0), (p->top + p->rows) * CH, zero);
		for (int r = p->top; r < p->top + p->rows; r++) {
			char buf[200];
			double v;
			size_t len = row_text(g, r, 0, g->canvas_x - 1, buf, sizeof buf);
			if (!label_value(buf, len, &v))
				continue;
			line(o, f.x0 - 4, map_y(&f, v), f.x0, map_y(&f, v), "stroke=\"#555555\"");
			out_puts(o, "<text text-anchor=\"end\" x=\"");
			px(o, f.x0 - 6);
			out_puts(o, "\" y=\"");
			px(o, map_y(&f, v) + 4);
			out_puts(o, "\">");
			xml_text(o, buf, len);
			out_puts(o, "</text>\n");
		}
		out_printf(o, "<g clip-path=\"url(#c%d_%d)\">\n", id, k);
		/* last first: where curves coincide, the first named stays on top */
		for (int c = s->ncurves - 1; c >= 0; c--)
			curve_path(o, s, &f, c, k, xs, y, y + n);
		out_puts(o, "</g>\n");
	}
	/* x labels: each run of the last row is a tick's value */
	int r = g->h - 1;
	for (int c = 0; c < g->w;) {
		const struct plot_cell *row = g->cell + (size_t)r * (size_t)g->w;
		if (row[c].ch == ' ') {
			c++;
			continue;
		}
		int start = c;
		while (c < g->w && row[c].ch != ' ')
			c++;
		char buf[200];
		double v;
		size_t len = row_text(g, r, start, c, buf, sizeof buf);
		if (!label_value(buf, len, &v))
			continue;
		line(o, map_x(&f, v), f.y1 + 2, map_x(&f, v), f.y1 + 6, "stroke=\"#555555\"");
		out_puts(o, "<text text-anchor=\"middle\" x=\"");
		px(o, map_x(&f, v));
		out_printf(o, "\" y=\"%d\">", r * CH + 12);
		xml_text(o, buf, len);
		out_puts(o, "</text>\n");
	}
	free(xs);
	free(y);
}

/* Legend swatches (two line cells in a curve's colour above the panels):
 * a stretch of the curve's own stroke, dashes and all. */
static void draw_swatches(struct out *o, const struct plot_grid *g)
{
	int top = g->npanels ? g->panel[0].top : 0;
	for (int r = 0; r < top; r++)
		for (int c = 0; c + 1 < g->w; c++) {
			const struct plot_cell *a = &g->cell[(size_t)r * (size_t)g->w + (size_t)c];
			if (!swatch(g, r, a) || a[1].ch != 0x2500)
				continue;
			out_printf(o, "<path d=\"M%d,%dh%d\"", c * CW - CW, r * CH + CH / 2, 3 * CW + CW / 2);
			stroke(o, a->color - PLOT_COLOR_CURVE, 2);
			out_puts(o, "/>\n");
			c++;
		}
}

/* ---- the document --------------------------------------------------------------- */

void render_svg_begin(struct svg_doc *doc)
{
	out_init_mem(&doc->body, 0);
	doc->width = 2 * SVG_MARGIN + 40 * CW;
	doc->height = SVG_TITLE_H;
	doc->count = 0;
}

void render_svg_add(struct svg_doc *doc, const struct plot_grid *g, const struct plot_spec *spec)
{
	struct out *o = &doc->body;
	out_printf(o, "<g transform=\"translate(%d,%d)\">\n", SVG_MARGIN, doc->height);
	/* a grid too small for a plot holds only its notice: text */
	struct skip sk = {g, spec && spec->samples >= 2 && g->npanels > 0 && g->canvas_w > 0};
	if (sk.exact) {
		draw_panels(o, g, spec, doc->count);
		draw_swatches(o, g);
	}
	draw_blocks(o, g);
	draw_lines(o, g, &sk);
	draw_text(o, g, &sk); /* last: over the lines */
	out_puts(o, "</g>\n");
	doc->count++;
	int w = 2 * SVG_MARGIN + g->w * CW;
	if (w > doc->width)
		doc->width = w;
	doc->height += g->h * CH + SVG_MARGIN;
}

void render_svg_end(struct svg_doc *doc, struct out *o, const char *title)
{
	int w = doc->width, h = doc->height;
	out_puts(o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	out_printf(o, "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%d\" height=\"%d\" "
	           "viewBox=\"0 0 %d %d\" font-family=\"%s\" font-size=\"13\">\n", w, h, w, h, FONT);
	out_puts(o, "<title>");
	xml_text(o, title, strlen(title));
	out_puts(o, "</title>\n");
	out_puts(o, "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
	out_printf(o, "<text x=\"%d\" y=\"%d\" font-size=\"15\" font-weight=\"bold\">", SVG_MARGIN, 22);
	xml_text(o, title, strlen(title));
	out_puts(o, "</text>\n");
	if (doc->body.buf)
		out_write(o, doc->body.buf, doc->body.len);
	out_puts(o, "</svg>\n");
	out_free(&doc->body);
}
