/* actfn_eval.h: the array functions of actfn_eval.c, for the table in
 * actfn.c (the activation module's own header, not for other modules). */
#ifndef ACTVIZ_ACTFN_EVAL_H
#define ACTVIZ_ACTFN_EVAL_H

#include <stddef.h>

#include "actfn.h"

/* y[i] = f(x[i]) and, when dy is not NULL, dy[i] = f'(x[i]). */
#define ACTFN_EVAL(name) \
	void actfn_##name##_eval(const double *p, const double *x, double *y, double *dy, size_t n);
ACTFN_EVAL(relu)
ACTFN_EVAL(relu6)
ACTFN_EVAL(leaky)
ACTFN_EVAL(rrelu)
ACTFN_EVAL(elu)
ACTFN_EVAL(selu)
ACTFN_EVAL(celu)
ACTFN_EVAL(gelu)
ACTFN_EVAL(silu)
ACTFN_EVAL(mish)
ACTFN_EVAL(softplus)
ACTFN_EVAL(hardtanh)
ACTFN_EVAL(hardswish)
ACTFN_EVAL(hardsigmoid)
ACTFN_EVAL(sigmoid)
ACTFN_EVAL(tanh)
ACTFN_EVAL(softsign)
ACTFN_EVAL(logsigmoid)
ACTFN_EVAL(threshold)
ACTFN_EVAL(tanhshrink)
ACTFN_EVAL(softshrink)
ACTFN_EVAL(hardshrink)
#undef ACTFN_EVAL

/* d leaky(x)/d slope: PReLU's learned parameter. */
void actfn_slope_dparam(const double *p, const double *x, double *dp, size_t n);

#endif
