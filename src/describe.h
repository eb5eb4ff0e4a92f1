/* describe.h: a plot in words, for a screen reader or a transcript: each
 * curve's values at the ends and range, where f and f' are zero,
 * constant or jump, and how the curves compare, read from the plot's own
 * samples and the kink table. */
#ifndef ACTVIZ_DESCRIBE_H
#define ACTVIZ_DESCRIBE_H

#include <stdbool.h>

#include "actfn.h"
#include "out.h"

struct describe_curve {
	const struct actfn_curve *fn;
	const char *label;
};

struct describe_spec {
	const struct describe_curve *curve;
	int ncurves;       /* 1 .. LIMIT_CURVES */
	double xlo, xhi;   /* the window, a valid range */
	long samples;      /* points per curve, as the plot takes them */
	bool deriv;        /* say what f' does too (the plot's f' panel) */
};

/* Writes the description, one sentence a line under a heading per
 * curve. Returns 0, or -1 when out of memory (nothing written). */
int describe_write(struct out *o, const struct describe_spec *spec);

#endif
