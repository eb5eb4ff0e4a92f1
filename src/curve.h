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

#endif
