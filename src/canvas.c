/* canvas.c: rasterising lines into braille dots or glyph cells. */
#define _POSIX_C_SOURCE 200809L
#include "canvas.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Unicode braille: dot (dx, dy) of a cell sets this bit of U+2800 + bits. */
static const uint8_t braille_bit[4][2] = {
	{0x01, 0x08},
	{0x02, 0x10},
	{0x04, 0x20},
	{0x40, 0x80},
};

int canvas_init(struct canvas *c, int cols, int rows, bool braille)
{
	memset(c, 0, sizeof *c);
	if (cols < 1)
		cols = 1;
	if (rows < 1)
		rows = 1;
	c->cols = cols;
	c->rows = rows;
	c->braille = braille;
	c->dw = braille ? 2 : 1;
	c->dh = braille ? 4 : 1;
	size_t n = (size_t)cols * (size_t)rows;
	c->mask = calloc(n, 1);
	c->owner = calloc(n, 1);
	if (!c->mask || !c->owner) {
		canvas_free(c);
		return -1;
	}
	return 0;
}

void canvas_free(struct canvas *c)
{
	free(c->mask);
	free(c->owner);
	c->mask = c->owner = NULL;
}

int canvas_dots_x(const struct canvas *c)
{
	return c->cols * c->dw;
}

int canvas_dots_y(const struct canvas *c)
{
	return c->rows * c->dh;
}

void canvas_dot(struct canvas *c, int x, int y, int curve)
{
	if (x < 0 || y < 0 || x >= canvas_dots_x(c) || y >= canvas_dots_y(c))
		return;
	size_t cell = (size_t)(y / c->dh) * (size_t)c->cols + (size_t)(x / c->dw);
	if (c->braille)
		c->mask[cell] |= braille_bit[y % 4][x % 2];
	c->owner[cell] = (uint8_t)(curve + 1);
}

/* Liang-Barsky: clips the segment to [xmin,xmax] x [ymin,ymax]; false if
 * nothing is left. */
static bool clip(double *x0, double *y0, double *x1, double *y1, double xmin, double xmax,
                 double ymin, double ymax)
{
	double t0 = 0, t1 = 1, dx = *x1 - *x0, dy = *y1 - *y0;
	double p[4] = {-dx, dx, -dy, dy};
	double q[4] = {*x0 - xmin, xmax - *x0, *y0 - ymin, ymax - *y0};
	for (int i = 0; i < 4; i++) {
		if (p[i] == 0) {
			if (q[i] < 0)
				return false;
		} else {
			double r = q[i] / p[i];
			if (p[i] < 0) {
				if (r > t1)
					return false;
				if (r > t0)
					t0 = r;
			} else {
				if (r < t0)
					return false;
				if (r < t1)
					t1 = r;
			}
		}
	}
	double ax = *x0 + t0 * dx, ay = *y0 + t0 * dy;
	double bx = *x0 + t1 * dx, by = *y0 + t1 * dy;
	*x0 = ax;
	*y0 = ay;
	*x1 = bx;
	*y1 = by;
	return true;
}

void canvas_line(struct canvas *c, double x0, double y0, double x1, double y1, int curve)
{
	if (!isfinite(x0) || !isfinite(y0) || !isfinite(x1) || !isfinite(y1))
		return;
	/* Half a dot of slack so that points on the edge round inside. */
	double xmax = canvas_dots_x(c) - 0.5, ymax = canvas_dots_y(c) - 0.5;
	if (!clip(&x0, &y0, &x1, &y1, -0.5, xmax, -0.5, ymax))
		return;
	/* after clipping all four are >= -0.5: +0.5 and truncation round them */
	int ax = (int)(x0 + 0.5), ay = (int)(y0 + 0.5);
	int bx = (int)(x1 + 0.5), by = (int)(y1 + 0.5);
	/* Bresenham over the integer end points. */
	int dx = abs(bx - ax), sx = ax < bx ? 1 : -1;
	int dy = -abs(by - ay), sy = ay < by ? 1 : -1;
	int err = dx + dy;
	for (;;) {
		canvas_dot(c, ax, ay, curve);
		if (ax == bx && ay == by)
			break;
		int e2 = 2 * err;
		if (e2 >= dy) {
			err += dy;
			ax += sx;
		}
		if (e2 <= dx) {
			err += dx;
			ay += sy;
		}
	}
}

uint32_t canvas_cell(const struct canvas *c, int col, int row, int *curve)
{
	size_t cell = (size_t)row * (size_t)c->cols + (size_t)col;
	int owner = c->owner[cell];
	*curve = owner - 1;
	if (!owner)
		return 0;
	if (c->braille)
		return 0x2800u + c->mask[cell];
	return (uint32_t)CANVAS_GLYPHS[(owner - 1) % 16];
}
