/* lexer.h: one line of the language -> tokens with byte positions. */
#ifndef ACTVIZ_LEXER_H
#define ACTVIZ_LEXER_H

#include <stddef.h>

#include "diag.h"

enum tok_kind {
	TOK_END,    /* end of line or start of a # comment */
	TOK_WORD,   /* [A-Za-z_][A-Za-z0-9_]*, with dotted parts (torch.nn.ReLU);
	             * or one in quotes ('tanh'), the token then the inside */
	TOK_NUMBER, /* value in num; inf, infinity and nan included */
	TOK_COMMA,
	TOK_LPAREN,
	TOK_RPAREN,
	TOK_EQUALS,
	TOK_DOTDOT,
	TOK_LBRACKET, /* [LO, HI], a range as Python and maths write it */
	TOK_RBRACKET,
	TOK_COLON,    /* LO:HI, a range as NumPy and MATLAB write it */
	TOK_PRIME,    /* ' (or U+2032, U+2019) right after a name: relu' */
};

struct token {
	enum tok_kind kind;
	size_t off, len; /* bytes of the line this token spans */
	double num;
};

struct token_list {
	struct token *tok;
	size_t n; /* the last one is TOK_END */
};

/* Splits line[0..len) into tokens. Returns 0, or -1 with d filled (a
 * character or number the language does not have). */
int lex_line(const char *line, size_t len, struct token_list *out, struct diag *d);
void lex_free(struct token_list *tl);

#endif
