/* curve.h: the curves of a command line: NAME [params] [name=value ...],
 * separated by commas. */
#ifndef ACTVIZ_CURVE_H
#define ACTVIZ_CURVE_H

#include <stdbool.h>

#include "parser.h"

/* One curve; with bare_ok (info), required parameters may be left out. */
int curve_parse(struct parser *p, struct cmd_curve *c, bool bare_ok);
/* A curve list (up to LIMIT_CURVES, repeated labels numbered #2, #3). */
int curve_parse_list(struct parser *p, struct cmd *cmd);
/* A curve list, or, when the line goes on with a clause or ends, the n
 * curves named (with their defaults): for the commands that may leave
 * their curves out. */
int curve_parse_list_or(struct parser *p, struct cmd *cmd, const char *const *names, int n);

#endif
