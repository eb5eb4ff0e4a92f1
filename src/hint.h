/* hint.h: lines people type first that the language does not take, and
 * messages that spell the working command instead. */
#ifndef ACTVIZ_HINT_H
#define ACTVIZ_HINT_H

#include "diag.h"
#include "parser.h"

/* After a lexing error at d->off: a letter that looks like an ASCII one
 * inside a name (rélu, relu with a Cyrillic е) gets "did you mean". */
void hint_lex(const char *line, size_t len, struct diag *d);

/* An unknown first word that starts an English phrasing (derivative of
 * relu, compare relu elu, what is dying relu, draw relu): -1 with the
 * message, or 0 if no phrasing fits. */
int hint_first_word(struct parser *p, const struct token *t);

/* Where cmd's clauses were expected, at t: English joins (relu and leaky,
 * relu from -3 to 3): -1 with the message, or 0 if none fits. */
int hint_after_curves(struct parser *p, const struct token *t, const struct cmd *cmd);

/* show NAME: an activation is shown by info. -1 with the message, or 0. */
int hint_show(struct parser *p, const struct token *t);

#endif
