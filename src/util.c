/* util.c: small text helpers shared by every stage. */
#define _POSIX_C_SOURCE 200809L
#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

char util_lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

bool util_word_eq(const char *s, size_t len, const char *word)
{
	size_t i;
	for (i = 0; i < len; i++)
		if (word[i] == '\0' || util_lower(s[i]) != util_lower(word[i]))
			return false;
	return word[i] == '\0';
}

bool util_word_prefix(const char *s, size_t len, const char *word)
{
	for (size_t i = 0; i < len; i++)
		if (word[i] == '\0' || util_lower(s[i]) != util_lower(word[i]))
			return false;
	return true;
}

/* Damerau-Levenshtein (optimal string alignment) distance, capped: words
 * here are short, and anything longer than 32 is never a typo of ours. */
static size_t edit_distance(const char *a, size_t la, const char *b)
{
	enum { MAXW = 32 };
	size_t lb = strlen(b);
	if (la > MAXW || lb > MAXW)
		return (size_t)-1;
	size_t d[MAXW + 1][MAXW + 1];
	for (size_t i = 0; i <= la; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= lb; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= la; i++) {
		for (size_t j = 1; j <= lb; j++) {
			size_t cost = util_lower(a[i - 1]) != util_lower(b[j - 1]);
			size_t best = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < best)
				best = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + cost < best)
				best = d[i - 1][j - 1] + cost;
			if (i > 1 && j > 1 && util_lower(a[i - 1]) == util_lower(b[j - 2]) &&
			    util_lower(a[i - 2]) == util_lower(b[j - 1]) && d[i - 2][j - 2] + 1 < best)
				best = d[i - 2][j - 2] + 1;
			d[i][j] = best;
		}
	}
	return d[la][lb];
}

const char *util_closest(const char *s, size_t len, const char *const *cands, size_t n)
{
	const char *best = NULL;
	size_t best_d = (size_t)-1;
	for (size_t i = 0; i < n; i++) {
		size_t d = edit_distance(s, len, cands[i]);
		if (d < best_d) {
			best_d = d;
			best = cands[i];
		}
	}
	/* One edit in a short word, two in a longer one: beyond that the
	 * "suggestion" is noise. */
	size_t allowed = len <= 4 ? 1 : (len <= 8 ? 2 : 3);
	return best_d <= allowed ? best : NULL;
}

size_t util_utf8_next(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned char c = u[0];
	size_t need;
	uint32_t v, min;
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if (c >= 0xC2 && c <= 0xDF) {
		need = 1; v = c & 0x1F; min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2; v = c & 0x0F; min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3; v = c & 0x07; min = 0x10000;
	} else {
		*cp = UTIL_INVALID | c;
		return 1;
	}
	if (len < need + 1) {
		*cp = UTIL_INVALID | c;
		return 1;
	}
	for (size_t i = 1; i <= need; i++) {
		if ((u[i] & 0xC0) != 0x80) {
			*cp = UTIL_INVALID | c;
			return 1;
		}
		v = (v << 6) | (u[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
		*cp = UTIL_INVALID | c;
		return 1;
	}
	*cp = v;
	return need + 1;
}

size_t util_utf8_count(const char *s, size_t len)
{
	size_t n = 0;
	uint32_t cp;
	for (size_t i = 0; i < len; n++)
		i += util_utf8_next(s + i, len - i, &cp);
	return n;
}

size_t util_utf8_put(uint32_t cp, char *buf)
{
	if (cp < 0x80) {
		buf[0] = (char)cp;
		return 1;
	} else if (cp < 0x800) {
		buf[0] = (char)(0xC0 | (cp >> 6));
		buf[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	} else if (cp < 0x10000) {
		buf[0] = (char)(0xE0 | (cp >> 12));
		buf[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		buf[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	buf[0] = (char)(0xF0 | (cp >> 18));
	buf[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	buf[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	buf[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

void util_append(char *buf, size_t size, size_t *len, const char *fmt, ...)
{
	if (*len + 1 >= size)
		return;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf + *len, size - *len, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	*len += (size_t)n;
	if (*len > size - 1)
		*len = size - 1;
}

int util_cp_width(uint32_t cp)
{
	if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F) ||
	    (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE00 && cp <= 0xFE0F))
		return 0;
	if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F) ||
	    (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	    (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
	    (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
	    (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD))
		return 2;
	return 1;
}

bool util_cp_unsafe(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || (cp >= 0x200B && cp <= 0x200F) ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2069) || cp == 0xFEFF;
}
