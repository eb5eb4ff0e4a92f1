/* diag.c: error values and how they are shown to people. */
#define _POSIX_C_SOURCE 200809L
#include "diag.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "util.h"

#define ECHO_WIDTH 80

int diag_set(struct diag *d, size_t off, const char *fmt, ...)
{
	va_list ap;
	d->off = off;
	va_start(ap, fmt);
	vsnprintf(d->msg, sizeof d->msg, fmt, ap);
	va_end(ap);
	return -1;
}

size_t diag_column(const char *line, size_t len, size_t off)
{
	if (off > len)
		off = len;
	return util_utf8_count(line, off) + 1;
}

/* How a character of the line is echoed: itself, or \xNN for an invalid
 * byte, a control character (a NUL, an escape) or an invisible one (a bidi
 * override) that would garble the terminal. Returns the columns it takes. */
static int echo_char(struct out *o, const char *s, size_t n, uint32_t cp)
{
	if (cp == '\t') {
		if (o)
			out_putc(o, '\t');
		return 1;
	}
	if ((cp & UTIL_INVALID) || util_cp_unsafe(cp)) {
		if (o) {
			for (size_t i = 0; i < n; i++)
				out_printf(o, "\\x%02X", (unsigned char)s[i]);
		}
		return 4 * (int)n;
	}
	if (o)
		out_write(o, s, n);
	return util_cp_width(cp);
}

void diag_render(struct out *o, const struct diag *d, const char *source, long line_no,
                 const char *line, size_t len, int prompt_width)
{
	size_t off = d->off > len ? len : d->off;

	if (!source) {
		/* Interactive: the line is on the screen already, just above. */
		size_t col = (size_t)prompt_width;
		uint32_t cp;
		for (size_t i = 0; i < off;) {
			size_t n = util_utf8_next(line + i, len - i, &cp);
			if (cp == '\t')
				col = (col / 8 + 1) * 8;
			else
				col += (size_t)echo_char(NULL, line + i, n, cp);
			i += n;
		}
		out_repeat(o, ' ', col);
		out_puts(o, "^\nactviz: ");
		out_puts(o, d->msg);
		out_putc(o, '\n');
		return;
	}

	out_printf(o, "actviz: %s:%ld:%zu: %s\n", source, line_no, diag_column(line, len, off), d->msg);

	/* Cut the echo to ECHO_WIDTH characters around the spot. */
	size_t nchars = util_utf8_count(line, len), at = util_utf8_count(line, off);
	size_t first = 0, last = nchars;
	if (nchars > ECHO_WIDTH) {
		/* "..." marks a cut end; the whole echo stays within 80 */
		size_t keep = ECHO_WIDTH - 6;
		first = at > keep / 2 ? at - keep / 2 : 0;
		if (first > 0 && first < 3)
			first = 0;
		last = first + (first ? keep : ECHO_WIDTH - 3);
		if (last >= nchars) {
			last = nchars;
			first = nchars - (ECHO_WIDTH - 3);
		}
	}
	/* Two passes over the same characters: the echo, then the caret line
	 * with a tab for each tab so that it lines up whatever the tab stops. */
	for (int pass = 0; pass < 2; pass++) {
		uint32_t cp;
		size_t k = 0;
		if (first > 0)
			out_puts(o, pass == 0 ? "..." : "   ");
		for (size_t i = 0; i < len && k < last; k++) {
			size_t n = util_utf8_next(line + i, len - i, &cp);
			if (k >= first) {
				if (pass == 0) {
					echo_char(o, line + i, n, cp);
				} else if (k < at) {
					if (cp == '\t')
						out_putc(o, '\t');
					else
						out_repeat(o, ' ', (size_t)echo_char(NULL, line + i, n, cp));
				}
			}
			i += n;
		}
		if (pass == 0)
			out_puts(o, last < nchars ? "...\n" : "\n");
		else
			out_puts(o, "^\n");
	}
}

void diag_safe_name(const char *name, char *buf, size_t size)
{
	size_t len = 0, n = strlen(name);
	buf[0] = '\0';
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = util_utf8_next(name + i, n - i, &cp);
		if ((cp & UTIL_INVALID) || util_cp_unsafe(cp)) {
			for (size_t j = 0; j < k; j++)
				util_append(buf, size, &len, "\\x%02X", (unsigned char)name[i + j]);
		} else {
			util_append(buf, size, &len, "%.*s", (int)k, name + i);
		}
		i += k;
	}
}
