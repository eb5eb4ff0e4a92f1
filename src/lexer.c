/* lexer.c: tokens of one command line. Numbers are lexed here, not by
 * strtod, which would read "-3..3" as -3. followed by .3. */
#define _POSIX_C_SOURCE 200809L
#include "lexer.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include "num.h"
#include "util.h"

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool is_alnum(char c)
{
	return is_alpha(c) || is_digit(c);
}

static bool is_hex(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* Length of the word at s, or 0. */
/* Past an exponent's letter (either case) and its sign, if s[i] is one;
 * the digits are the caller's to read. */
static size_t exponent_mark(const char *s, size_t i, size_t n, char letter)
{
	if (i < n && (s[i] == letter || s[i] == letter - 'a' + 'A')) {
		i++;
		if (i < n && (s[i] == '+' || s[i] == '-'))
			i++;
	}
	return i;
}

static size_t word_len(const char *s, size_t n)
{
	size_t i = 0;
	if (i < n && is_alpha(s[i]))
		while (i < n && is_alnum(s[i]))
			i++;
	return i;
}

/* A word and its dotted continuations, as PyTorch names are pasted:
 * torch.nn.ReLU, F.leaky_relu. A '.' followed by a letter never meant
 * anything else, so the whole name is one word (actfn_lookup reads its
 * prefix). */
static size_t dotted_len(const char *s, size_t n)
{
	size_t i = word_len(s, n);
	while (i && i + 1 < n && s[i] == '.' && is_alpha(s[i + 1]))
		i += 1 + word_len(s + i + 1, n - i - 1);
	return i;
}

/* 'tanh' or "tanh": a word in quotes, as Python writes a string
 * (approximate='tanh'); bytes of the whole, quotes included, or 0. */
static size_t quoted_len(const char *s, size_t n)
{
	if (n < 3 || (s[0] != '\'' && s[0] != '"'))
		return 0;
	size_t w = word_len(s + 1, n - 1);
	return w && 1 + w < n && s[1 + w] == s[0] ? w + 2 : 0;
}

/* A prime after a name (relu', relu′, relu’): the derivative, which the
 * parser explains; bytes of the mark, or 0. */
static size_t prime_len(const char *line, size_t len, size_t i)
{
	if (i == 0 || !is_alnum(line[i - 1]))
		return 0;
	if (line[i] == '\'')
		return 1;
	uint32_t cp;
	size_t n = util_utf8_next(line + i, len - i, &cp);
	return cp == 0x2032 || cp == 0x2019 ? n : 0;
}

static bool is_special_word(const char *s, size_t n)
{
	return util_word_eq(s, n, "inf") || util_word_eq(s, n, "infinity") ||
	       util_word_eq(s, n, "nan");
}

/* A '.' continues a number unless it starts "..". */
static bool number_dot(const char *s, size_t i, size_t n)
{
	return i < n && s[i] == '.' && !(i + 1 < n && s[i + 1] == '.');
}

/* Bytes of the number starting at s (sign included). Greedy on purpose:
 * "1e", "1.2.3" and "3x" come out whole, so the error names all of it. */
static size_t number_len(const char *s, size_t n)
{
	size_t i = 0;
	if (i < n && (s[i] == '+' || s[i] == '-'))
		i++;
	size_t w = word_len(s + i, n - i);
	if (w && is_special_word(s + i, w))
		return i + w;
	if (i + 1 < n && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X')) {
		i += 2;
		while (i < n && (is_hex(s[i]) || number_dot(s, i, n)))
			i++;
		i = exponent_mark(s, i, n, 'p');
	} else {
		while (i < n && (is_digit(s[i]) || number_dot(s, i, n)))
			i++;
		i = exponent_mark(s, i, n, 'e');
	}
	while (i < n && (is_alnum(s[i]) || number_dot(s, i, n)))
		i++;
	return i;
}

static bool starts_number(const char *s, size_t n)
{
	size_t i = 0;
	if (i < n && (s[i] == '+' || s[i] == '-'))
		i++;
	if (i < n && is_digit(s[i]))
		return true;
	if (i + 1 < n && s[i] == '.' && is_digit(s[i + 1]))
		return true;
	if (i > 0) {
		size_t w = word_len(s + i, n - i);
		return w && is_special_word(s + i, w);
	}
	return false;
}

static int push(struct token_list *tl, size_t *cap, enum tok_kind kind, size_t off, size_t len,
                double num)
{
	if (tl->n == *cap) {
		size_t ncap = *cap ? *cap * 2 : 16;
		struct token *nt = realloc(tl->tok, ncap * sizeof *nt);
		if (!nt)
			return -1;
		tl->tok = nt;
		*cap = ncap;
	}
	tl->tok[tl->n++] = (struct token){kind, off, len, num};
	return 0;
}

static int lex_number(const char *line, size_t len, size_t i, size_t *end, double *v,
                      struct diag *d)
{
	size_t n = number_len(line + i, len - i);
	*end = i + n;
	if (*end < len && line[*end] == '(' && n >= 3 &&
	    util_word_eq(line + *end - 3, 3, "nan"))
		return diag_set(d, i, "nan(...) is not accepted (write nan)");
	switch (num_parse(line + i, n, v)) {
	case NUM_OK:
		return 0;
	case NUM_RANGE:
		return diag_set(d, i, "number out of range '%.*s' (the largest is 1.7976931348623157e308)",
		                (int)(n > 40 ? 40 : n), line + i);
	case NUM_TOO_LONG:
		return diag_set(d, i, "number too long (at most %d characters)", NUM_MAX_LEN);
	case NUM_NAN_PAYLOAD:
		return diag_set(d, i, "nan(...) is not accepted (write nan)");
	case NUM_INVALID:
		break;
	}
	return diag_set(d, i, "invalid number '%.*s'", (int)(n > 40 ? 40 : n), line + i);
}

/* The token a one-character punctuation mark is, or TOK_END. */
static enum tok_kind punctuation(char c)
{
	switch (c) {
	case ',':
		return TOK_COMMA;
	case '(':
		return TOK_LPAREN;
	case ')':
		return TOK_RPAREN;
	case '=':
		return TOK_EQUALS;
	case '[':
		return TOK_LBRACKET;
	case ']':
		return TOK_RBRACKET;
	case ':':
		return TOK_COLON;
	default:
		return TOK_END;
	}
}

static int unexpected(const char *line, size_t len, size_t i, struct diag *d)
{
	uint32_t cp;
	size_t n = util_utf8_next(line + i, len - i, &cp);
	if (cp & UTIL_INVALID)
		return diag_set(d, i, "unexpected byte \\x%02X (not UTF-8 text)", (unsigned char)line[i]);
	if (cp < 0x20 || cp == 0x7F)
		return diag_set(d, i, "unexpected control character \\x%02X", (unsigned)cp);
	if (util_cp_unsafe(cp))
		return diag_set(d, i, "unexpected %s character U+%04X",
		                cp < 0xA0 ? "control" : "invisible", (unsigned)cp);
	const char *hint = "";
	if (cp == 0x2212 || cp == 0x2013 || cp == 0x2014)
		hint = " (use the ASCII '-')";
	else if (cp == 0x2026)
		hint = " (a range is written with two dots: LO..HI)";
	else if (cp == 0xD7)
		hint = " (multiplication is not part of the language)";
	else if (cp == ';')
		hint = " (one command per line)";
	else if (cp == '&' || (cp == '+' && i > 0 && line[i - 1] == ' ' && i + 1 < len &&
	                       line[i + 1] == ' '))
		hint = " (curves are separated by commas: relu, leaky)";
	else if (cp == '?')
		hint = " (help TOPIC and info NAME answer questions)";
	else if (cp == '-' || cp == '+')
		hint = " (a sign must be followed by a number)";
	else if (cp == '.' && i >= 2 && line[i - 1] == '.' && line[i - 2] == '.')
		hint = " (a range is written with two dots: LO..HI)";
	else if (cp == '.' && !(i > 0 && is_alpha(line[i - 1])))
		hint = " (a range is written LO..HI)";
	return diag_set(d, i, "unexpected '%.*s'%s", (int)n, line + i, hint);
}

int lex_line(const char *line, size_t len, struct token_list *out, struct diag *d)
{
	size_t cap = 0;
	out->tok = NULL;
	out->n = 0;
	size_t i = 0;
	while (i < len) {
		char c = line[i];
		if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
			i++;
			continue;
		}
		if (c == '#')
			break;
		int rc = 0;
		size_t w = is_alpha(c) ? dotted_len(line + i, len - i) : 0;
		size_t q = quoted_len(line + i, len - i);
		size_t prime = prime_len(line, len, i);
		/* a number, or a word that is one (inf, nan) */
		if (starts_number(line + i, len - i) || (w && is_special_word(line + i, w))) {
			size_t end;
			double v;
			if (lex_number(line, len, i, &end, &v, d) < 0)
				goto fail;
			rc = push(out, &cap, TOK_NUMBER, i, end - i, v);
			i = end;
		} else if (w) {
			rc = push(out, &cap, TOK_WORD, i, w, 0);
			i += w;
		} else if (prime) {
			rc = push(out, &cap, TOK_PRIME, i, prime, 0);
			i += prime;
		} else if (q) {
			/* the word inside the quotes */
			rc = push(out, &cap, TOK_WORD, i + 1, q - 2, 0);
			i += q;
		} else if (c == '.' && i + 1 < len && line[i + 1] == '.') {
			rc = push(out, &cap, TOK_DOTDOT, i, 2, 0);
			i += 2;
		} else if (punctuation(c) != TOK_END) {
			rc = push(out, &cap, punctuation(c), i, 1, 0);
			i++;
		} else {
			unexpected(line, len, i, d);
			goto fail;
		}
		if (rc < 0) {
			diag_set(d, i, "out of memory");
			goto fail;
		}
	}
	if (push(out, &cap, TOK_END, i, 0, 0) < 0) {
		diag_set(d, i, "out of memory");
		goto fail;
	}
	return 0;
fail:
	lex_free(out);
	return -1;
}

void lex_free(struct token_list *tl)
{
	free(tl->tok);
	tl->tok = NULL;
	tl->n = 0;
}
