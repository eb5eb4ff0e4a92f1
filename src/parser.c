/* parser.c: the cursor over one line's tokens, and the pieces every
 * command parses with: ranges, counts, the decimals of a number. */
#define _POSIX_C_SOURCE 200809L
#include "parser.h"

#include <math.h>
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

int parser_range(struct parser *p, struct range *r, size_t *off)
{
	const struct token *lo = parser_peek(p, 0);
	*off = lo->off;
	if (lo->kind != TOK_NUMBER)
		return parser_unexpected(p, lo, "a range LO..HI");
	parser_next(p);
	const struct token *dots = parser_peek(p, 0);
	if (dots->kind != TOK_DOTDOT)
		return parser_unexpected(p, dots, "'..' (a range is written LO..HI)");
	parser_next(p);
	const struct token *hi = parser_peek(p, 0);
	if (hi->kind != TOK_NUMBER)
		return parser_unexpected(p, hi, "the upper end of the range (LO..HI)");
	parser_next(p);
	const char *why = parse_range_error(lo->num, hi->num);
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
	free(cmd->path);
	cmd->path = NULL;
	cmd->npoints = 0;
}
