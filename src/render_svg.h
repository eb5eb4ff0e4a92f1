/* render_svg.h: pictures (plot grids) as one self-contained SVG file for
 * slides: the grid's text and frame, and the curves as vector paths from
 * the spec the grid was laid out from. Same input, same bytes. */
#ifndef ACTVIZ_RENDER_SVG_H
#define ACTVIZ_RENDER_SVG_H

#include "out.h"
#include "plot.h"

/* Pixels of a grid cell, and around the pictures. */
#define SVG_CELL_W 8
#define SVG_CELL_H 16
#define SVG_MARGIN 16
#define SVG_TITLE_H 32

/* A document being built: pictures stacked top to bottom under a title. */
struct svg_doc {
	struct out body; /* the pictures so far (a memory sink) */
	int width, height; /* in pixels, so far */
	int count;         /* pictures so far: their clip paths' ids */
};

void render_svg_begin(struct svg_doc *doc);
/* Adds a picture under those before it. spec is what g was laid out from
 * (its curves are drawn as paths, its ticks where their values are); NULL
 * draws g cell by cell (a histogram). */
void render_svg_add(struct svg_doc *doc, const struct plot_grid *g, const struct plot_spec *spec);
/* Writes the document to o, title (any bytes: shown escaped) on top, and
 * frees it. */
void render_svg_end(struct svg_doc *doc, struct out *o, const char *title);

/* The stroke of curve i: a colour and a dash pattern, so that curves stay
 * apart on a projector and in grey (exported for the tests). */
const char *render_svg_color(int i);
const char *render_svg_dash(int i);

#endif
