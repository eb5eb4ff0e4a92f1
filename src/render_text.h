/* render_text.h: a plot grid as lines of text, coloured or plain. */
#ifndef ACTVIZ_RENDER_TEXT_H
#define ACTVIZ_RENDER_TEXT_H

#include "out.h"
#include "plot.h"

/* Escape strings per colour role (from terminfo); NULL entries and a NULL
 * palette mean no escape codes at all. */
struct palette {
	const char *fg[PLOT_NCOLORS];
	const char *reset;
	int distinct; /* curve colours that differ before they repeat */
};

/* Each row without trailing spaces, then a newline. */
void render_text(struct out *o, const struct plot_grid *g, const struct palette *pal);

#endif
