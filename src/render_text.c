/* render_text.c: a plot grid as lines of text. */
#define _POSIX_C_SOURCE 200809L
#include "render_text.h"

#include "util.h"

void render_text(struct out *o, const struct plot_grid *g, const struct palette *pal)
{
	/* A row at a time into one buffer: a write per cell costs more than
	 * all the drawing. */
	struct out line;
	out_init_mem(&line, 0);
	for (int r = 0; r < g->h; r++) {
		const struct plot_cell *row = &g->cell[(size_t)r * (size_t)g->w];
		int end = g->w;
		while (end > 0 && row[end - 1].ch == ' ')
			end--;
		int current = PLOT_COLOR_DEFAULT;
		for (int c = 0; c < end; c++) {
			/* Colour changes only where something is drawn: spaces
			 * keep whatever colour is on. */
			if (pal && row[c].ch != ' ' && row[c].color != current) {
				const char *esc = row[c].color == PLOT_COLOR_DEFAULT ? pal->reset
				                                                     : pal->fg[row[c].color];
				if (esc)
					out_puts(&line, esc);
				current = row[c].color;
			}
			if (row[c].ch < 0x80) {
				out_putc(&line, (char)row[c].ch);
			} else {
				char buf[4];
				out_write(&line, buf, util_utf8_put(row[c].ch, buf));
			}
		}
		if (pal && current != PLOT_COLOR_DEFAULT && pal->reset)
			out_puts(&line, pal->reset);
		out_putc(&line, '\n');
		out_write(o, line.buf, line.len);
		out_reset(&line);
	}
	out_free(&line);
}
