/* util.h: small text helpers shared by every stage (no I/O, no locale). */
#ifndef ACTVIZ_UTIL_H
#define ACTVIZ_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ASCII-only case folding: keywords must not change meaning in a Turkish
 * locale, where tolower('I') is not 'i'. */
char util_lower(char c);
/* Does s[0..len) equal the NUL-terminated word, ignoring ASCII case? */
bool util_word_eq(const char *s, size_t len, const char *word);
/* Does the NUL-terminated word start with s[0..len), ignoring case? */
bool util_word_prefix(const char *s, size_t len, const char *word);

/* The candidate closest to s by edit distance, if close enough to be a
 * plausible typo; NULL otherwise. */
const char *util_closest(const char *s, size_t len, const char *const *cands, size_t n);

/* Decodes one UTF-8 character at s (at most len bytes). Returns its
 * length (1 for an invalid byte, with *cp = UTIL_INVALID | byte). */
#define UTIL_INVALID 0x80000000u
size_t util_utf8_next(const char *s, size_t len, uint32_t *cp);
/* Characters in s[0..len), an invalid byte counting as one. */
size_t util_utf8_count(const char *s, size_t len);
/* Appends the UTF-8 encoding of cp to buf; returns bytes written (1..4). */
size_t util_utf8_put(uint32_t cp, char *buf);

/* snprintf that appends at *len and never overflows; keeps *len at most
 * size - 1 so several calls can chain. */
void util_append(char *buf, size_t size, size_t *len, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));



/* Display columns of a code point in a terminal (0, 1 or 2), without the
 * locale: East Asian wide and emoji ranges 2, combining marks 0. */
int util_cp_width(uint32_t cp);

/* A code point that must not reach a terminal as itself: C0 and C1
 * controls (a C1 CSI starts an escape sequence) and the invisible format
 * characters that reorder or hide text (bidi overrides, zero widths, BOM). */
bool util_cp_unsafe(uint32_t cp);
#endif
