/* parser.c: the cursor over one line's tokens, and the pieces every
 * command parses with: ranges, counts, the decimals of a number. */
#define _POSIX_C_SOURCE 200809L
#include "parser.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dmath.h"
#include "num.h"
#include "util.h"

const struct token *parser_peek(const struct parser *p, size_t k)
{
	size_t i = p->pos + k;
	return &p->tl.tok[i < p->tl.n ? i : p->tl.n - 1];
}

const struct token *parser_next(struct parser *p)
{
	const struct token *t = parser_peek(p, 0);
	if (t->kind != TOK_END)
		p->pos++;
	return t;
}

const char *parser_text(const struct parser *p, const struct token *t)
{
	return p->line + t->off;
}

bool parser_is_word(const struct parser *p, const struct token *t, const char *w)
{
	return t->kind == TOK_WORD && util_word_eq(parser_text(p, t), t->len, w);
}

/* "unexpected X" naming the token, or the end of the line. */
int parser_unexpected(struct parser *p, const struct token *t, const char *expected)
{
	if (t->kind == TOK_END)
		return diag_set(p->d, t->off, "expected %s", expected);
	return diag_set(p->d, t->off, "unexpected '%.*s' (expected %s)", PARSER_QLEN(t), parser_text(p, t), expected);
}

int parser_end(struct parser *p)
{
	const struct token *t = parser_peek(p, 0);
	if (t->kind == TOK_END)
		return 0;
	return diag_set(p->d, t->off, "unexpected '%.*s' after the end of the command", PARSER_QLEN(t),
	                parser_text(p, t));
}

/* The line as it should have been typed, for "write `...`": edits (in
 * order, not overlapping) applied, the comment and outer blanks left out.
 * False when it does not fit in size: the message then says less. */
bool parser_spell(const struct parser *p, const struct parser_edit *e, size_t n, char *buf,
                  size_t size)
{
	size_t end = parser_peek(p, p->tl.n)->off, start = 0, len = 0;
	while (start < end && (p->line[start] == ' ' || p->line[start] == '\t'))
		start++;
	for (size_t i = 0; i <= n; i++) {
		size_t upto = i < n ? e[i].from : end;
		size_t a = upto > start ? upto - start : 0, b = i < n ? strlen(e[i].with) : 0;
		if (len + a + b >= size)
			return false;
		memcpy(buf + len, p->line + start, a);
		memcpy(buf + len + a, i < n ? e[i].with : "", b);
		len += a + b;
		start = i < n ? e[i].to : end;
	}
	while (len > 0 && (buf[len - 1] == ' ' || buf[len - 1] == '\t'))
		len--;
	buf[len] = '\0';
	return true;
}

/* ---- ranges and numbers ------------------------------------------------- */

const char *parse_range_error(double lo, double hi)
{
	if (!isfinite(lo) || !isfinite(hi))
		return "a range must have finite ends";
	if (lo == hi)
		return "empty range: LO and HI are equal";
	if (lo > hi)
		return "empty range: LO must be less than HI";
	if (!isfinite(hi - lo))
		return "range too wide: HI - LO must be a finite number";
	double big = fabs(lo) > fabs(hi) ? fabs(lo) : fabs(hi);
	if (hi - lo < 1e-12 * big)
		return "range too narrow: HI - LO must be at least 1e-12 of the larger end";
	return NULL;
}

/* Decimals of a number as typed; a hex float has none to count, so those
 * of its shortest decimal form (0x1p-2 is 0.25: two). */
int parser_decimals(const struct parser *p, const struct token *t)
{
	int dec = num_decimals(parser_text(p, t), t->len);
	if (dec == NUM_DEC_NONE && isfinite(t->num)) {
		char buf[NUM_BUF];
		size_t n = num_format(t->num, buf);
		dec = num_decimals(buf, n);
	}
	return dec;
}

/* "1...2" is 1 .. .2, an empty range: it was meant with two dots, and
 * the message says so, with the range the dots were meant for (1..2, or
 * 1..2 for "2...1"), not .2..1. */
static int three_dots(struct parser *p, const struct token *lo, const struct token *dots,
                      const struct token *hi)
{
	const char *h = parser_text(p, hi) + 1;
	int hn = PARSER_QLEN(hi) - 1;
	double v;
	if (num_parse(h, hi->len - 1, &v) != NUM_OK)
		v = NAN;
	if (!parse_range_error(lo->num, v))
		return diag_set(p->d, dots->off, "a range is written with two dots (did you mean "
		                "%.*s..%.*s?)", PARSER_QLEN(lo), parser_text(p, lo), hn, h);
	if (!parse_range_error(v, lo->num))
		return diag_set(p->d, dots->off, "a range is written with two dots (did you mean "
		                "%.*s..%.*s?)", hn, h, PARSER_QLEN(lo), parser_text(p, lo));
	return diag_set(p->d, dots->off, "a range is written with two dots: LO..HI");
}

/* (LO, HI) is an open interval, not what a plot draws: the message
 * writes the range meant. */
static int open_interval(struct parser *p, const struct token *open)
{
	const struct token *lo = parser_peek(p, 1), *comma = parser_peek(p, 2), *hi = parser_peek(p, 3),
	                   *close = parser_peek(p, 4);
	if (lo->kind != TOK_NUMBER || comma->kind != TOK_COMMA || hi->kind != TOK_NUMBER ||
	    close->kind != TOK_RPAREN)
		return parser_unexpected(p, open, "a range LO..HI");
	char range[96], line[PARSER_SPELL];
	snprintf(range, sizeof range, "%.*s..%.*s", PARSER_QLEN(lo), parser_text(p, lo),
	         PARSER_QLEN(hi), parser_text(p, hi));
	struct parser_edit e = {open->off, close->off + 1, range};
	if (parser_spell(p, &e, 1, line, sizeof line))
		return diag_set(p->d, open->off, "unexpected '(' (write `%s`)", line);
	return diag_set(p->d, open->off, "unexpected '(' (write %s)", range);
}

/* LO..HI, and what people bring from elsewhere for the same: [LO, HI]
 * (Python, maths) and LO:HI (NumPy, MATLAB); all end in the same record,
 * so messages and labels write LO..HI. */
int parser_range(struct parser *p, struct range *r, size_t *off)
{
	bool bracket = parser_peek(p, 0)->kind == TOK_LBRACKET;
	if (bracket)
		parser_next(p);
	const struct token *lo = parser_peek(p, 0);
	*off = lo->off;
	if (lo->kind == TOK_LPAREN)
		return open_interval(p, lo);
	if (lo->kind != TOK_NUMBER)
		return parser_unexpected(p, lo, bracket ? "a number ([LO, HI])" : "a range LO..HI");
	parser_next(p);
	const struct token *dots = parser_peek(p, 0);
	const struct token *hi = parser_peek(p, 1);
	if (!bracket && parser_is_word(p, dots, "to") && hi->kind == TOK_NUMBER) {
		char range[96], line[PARSER_SPELL];
		snprintf(range, sizeof range, "%.*s..%.*s", PARSER_QLEN(lo), parser_text(p, lo),
		         PARSER_QLEN(hi), parser_text(p, hi));
		struct parser_edit e = {lo->off, hi->off + hi->len, range};
		if (parser_spell(p, &e, 1, line, sizeof line))
			return diag_set(p->d, dots->off, "unexpected 'to' (write `%s`)", line);
		return diag_set(p->d, dots->off, "unexpected 'to' (write %s)", range);
	}
	if (bracket ? dots->kind != TOK_COMMA : dots->kind != TOK_DOTDOT && dots->kind != TOK_COLON)
		return parser_unexpected(p, dots, bracket ? "',' ([LO, HI])"
		                                          : "'..' (a range is written LO..HI)");
	parser_next(p);
	if (hi->kind != TOK_NUMBER)
		return parser_unexpected(p, hi, "the upper end of the range (LO..HI)");
	parser_next(p);
	if (dots->kind == TOK_COLON && parser_peek(p, 0)->kind == TOK_COLON)
		return diag_set(p->d, parser_peek(p, 0)->off, "unexpected ':' (a range is LO:HI or "
		                "LO..HI; a table's step is a clause: on LO..HI step S)");
	if (bracket && parser_peek(p, 0)->kind != TOK_RBRACKET)
		return parser_unexpected(p, parser_peek(p, 0), "']' ([LO, HI])");
	if (bracket)
		parser_next(p);
	const char *why = parse_range_error(lo->num, hi->num);
	if (why && dots->kind == TOK_DOTDOT && hi->off == dots->off + 2 && parser_text(p, hi)[0] == '.')
		return three_dots(p, lo, dots, hi);
	if (why) {
		if (lo->num > hi->num && isfinite(lo->num) && isfinite(hi->num))
			return diag_set(p->d, lo->off, "%s (did you mean %.*s..%.*s?)", why, PARSER_QLEN(hi),
			                parser_text(p, hi), PARSER_QLEN(lo), parser_text(p, lo));
		return diag_set(p->d, lo->off, "%s", why);
	}
	r->lo = lo->num;
	r->hi = hi->num;
	r->lo_dec = parser_decimals(p, lo);
	r->hi_dec = parser_decimals(p, hi);
	return 0;
}

/* A whole number in [min, max] for a setting or size. */
int parser_count(struct parser *p, const char *what, long min, long max, long *out)
{
	const struct token *t = parser_peek(p, 0);
	if (t->kind != TOK_NUMBER)
		return parser_unexpected(p, t, "a number");
	parser_next(p);
	double v = t->num;
	if (isnan(v) || v != floor(v))
		return diag_set(p->d, t->off, "%s must be a whole number", what);
	if (v < (double)min)
		return diag_set(p->d, t->off, "%s must be at least %ld", what, min);
	if (v > (double)max)
		return diag_set(p->d, t->off, "%s must be at most %ld", what, max);
	*out = (long)v;
	return 0;
}

void cmd_free(struct cmd *cmd)
{
	free(cmd->points);
	cmd->points = NULL;
	free(cmd->text);
	cmd->text = NULL;
	free(cmd->path);
	cmd->path = NULL;
	cmd->npoints = 0;
}
