/* canvas.h: a raster of dots for curves: braille cells of 2x4 dots, or
 * one glyph per cell where braille can't be used or can't tell curves apart. */
#ifndef ACTVIZ_CANVAS_H
#define ACTVIZ_CANVAS_H

#include <stdbool.h>
#include <stdint.h>

struct canvas {
	int cols, rows;   /* in cells */
	int dw, dh;       /* dots per cell: 2x4 braille, 1x1 glyphs */
	bool braille;
	uint8_t *mask;    /* braille dot bits per cell */
	uint8_t *owner;   /* 1 + the curve that drew last in the cell; 0 empty */
};

/* Returns 0, or -1 when out of memory. */
int canvas_init(struct canvas *c, int cols, int rows, bool braille);
void canvas_free(struct canvas *c);

int canvas_dots_x(const struct canvas *c);
int canvas_dots_y(const struct canvas *c);

/* A dot at (x, y) in dot coordinates, (0, 0) the top left; ignored if
 * outside. */
void canvas_dot(struct canvas *c, int x, int y, int curve);
/* A straight line between two points in dot coordinates (doubles, may
 * lie outside: the part inside is drawn). */
void canvas_line(struct canvas *c, double x0, double y0, double x1, double y1, int curve);

/* The character of a cell: a braille pattern, the curve's glyph, or 0
 * when nothing was drawn. *curve gets the curve that owns it. */
uint32_t canvas_cell(const struct canvas *c, int col, int row, int *curve);

/* Glyphs that tell curves apart without colour: curve i gets
 * CANVAS_GLYPHS[i], one for each of the 16 curves a command may have. */
#define CANVAS_GLYPHS "*+ox#%@&=~^$:!?;"

#endif
