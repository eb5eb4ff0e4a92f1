/* actfn.c: the one table of activations: each one's name, parameters and
 * their domains, f and f' (actfn_eval.c), its kinks and jumps, and what
 * `info` says of it; the only module that knows what ReLU is. A leaf of
 * the math: it includes no other module's header (its words are in
 * actfn_text.c; its f and f' are built on dmath). */
#define _POSIX_C_SOURCE 200809L
#include "actfn.h"

#include <math.h>
#include <stddef.h>

#include "actfn_eval.h"

/* ---- kinks and jumps ---------------------------------------------------- */

static int one_break(struct actfn_break *out, double x, bool f_jumps)
{
	out[0].x = x;
	out[0].f_jumps = f_jumps;
	return 1;
}

static int no_breaks(const double *p, struct actfn_break *out)
{
	(void)p;
	(void)out;
	return 0;
}

static int relu_breaks(const double *p, struct actfn_break *out)
{
	(void)p;
	return one_break(out, 0, false);
}

static int relu6_breaks(const double *p, struct actfn_break *out)
{
	(void)p;
	one_break(out, 0, false);
	return 1 + one_break(out + 1, 6, false);
}

static int slope_breaks(const double *p, struct actfn_break *out)
{
	return p[0] == 1 ? 0 : one_break(out, 0, false);
}

static int rrelu_breaks(const double *p, struct actfn_break *out)
{
	double slope = (p[0] + p[1]) / 2;
	return slope_breaks(&slope, out);
}

static int hardtanh_breaks(const double *p, struct actfn_break *out)
{
	one_break(out, p[0], false);
	return 1 + one_break(out + 1, p[1], false);
}

static int three_breaks(const double *p, struct actfn_break *out)
{
	(void)p;
	one_break(out, -3, false);
	return 1 + one_break(out + 1, 3, false);
}

static int softplus_breaks(const double *p, struct actfn_break *out)
{
	/* The switch to x at beta*x = threshold is a small real jump. */
	return one_break(out, p[1] / p[0], true);
}

static int threshold_breaks(const double *p, struct actfn_break *out)
{
	return one_break(out, p[0], p[1] != p[0]);
}

static int shrink_breaks(const double *p, struct actfn_break *out, bool f_jumps)
{
	if (p[0] == 0) /* the identity, but for f'(0) = 0 at one point */
		return 0;
	one_break(out, -p[0], f_jumps);
	return 1 + one_break(out + 1, p[0], f_jumps);
}

static int softshrink_breaks(const double *p, struct actfn_break *out)
{
	return shrink_breaks(p, out, false);
}

static int hardshrink_breaks(const double *p, struct actfn_break *out)
{
	return shrink_breaks(p, out, true);
}

/* ---- rules between parameters ----------------------------------------- */

static const char *hardtanh_check(const double *p)
{
	return p[0] < p[1] ? NULL : "min_val must be less than max_val";
}

static const char *rrelu_check(const double *p)
{
	return p[0] <= p[1] ? NULL : "lower must not be greater than upper";
}

/* ---- the table ------------------------------------------------------------ */

#define INF HUGE_VAL
#define ANY(nm, al, dflt, stp) \
	{ .name = nm, .alias = al, .type = ACTFN_REAL, .def = dflt, .lo = -INF, .hi = INF, .step = stp }
#define POSITIVE(nm, al, dflt, stp) \
	{ .name = nm, .alias = al, .type = ACTFN_REAL, .def = dflt, .lo = 0, .hi = INF, \
	  .lo_open = true, .step = stp }
#define NONNEG(nm, al, dflt, stp) \
	{ .name = nm, .alias = al, .type = ACTFN_REAL, .def = dflt, .lo = 0, .hi = INF, .step = stp }
#define REQUIRED(nm, stp) \
	{ .name = nm, .type = ACTFN_REAL, .required = true, .lo = -INF, .hi = INF, .step = stp }

static const struct actfn_def table[] = {
	{
		.name = "relu",
		.gate = true,
		.degree = 1,
		.aliases = {"rectifier"},
		.title = "rectified linear unit",
		.eval = actfn_relu_eval,
		.breaks = relu_breaks,
		.formula = "max(0, x)",
		.derivative = "1 if x > 0, else 0",
		.range = "[0, inf)",
		.kink = "f'(0) = 0: PyTorch's gradient is 1 only where x > 0",
		.properties = "Sparse: every x <= 0 gives exactly 0. Unbounded above and not "
		              "zero-centred (every output is >= 0). Dying ReLU: the gradient is 0 "
		              "for every x <= 0, so a neuron whose pre-activation is negative for "
		              "every input gets no gradient and stops learning. Leaky ReLU, PReLU "
		              "and ELU keep a gradient there.",
		.torch = "torch.relu(x), torch.nn.functional.relu(x) (F.relu), torch.nn.ReLU() (nn.ReLU)",
		.example = ">>> torch.relu(torch.tensor([-1., 0., 1., 2.]))\n"
		           "tensor([0., 0., 1., 2.])\n"
		           "(relu at -1, 0, 1, 2 gives the same)",
	},
	{
		.name = "relu6",
		.gate = true,
		.degree = 1,
		.title = "ReLU capped at 6",
		.eval = actfn_relu6_eval,
		.breaks = relu6_breaks,
		.formula = "min(max(0, x), 6)",
		.derivative = "1 if 0 < x < 6, else 0",
		.range = "[0, 6]",
		.kink = "f'(0) = 0 and f'(6) = 0: PyTorch's gradient is 1 only strictly inside (0, 6)",
		.properties = "Sparse and can die like ReLU, and also stops learning where it "
		              "saturates above 6. Bounded, which suits low-precision arithmetic.",
		.torch = "torch.nn.functional.relu6(x), torch.nn.ReLU6()",
	},
	{
		.name = "leaky",
		.degree = 1,
		.aliases = {"leaky_relu", "leakyrelu", "lrelu"},
		.title = "leaky rectified linear unit",
		.nparams = 1,
		.param = {ANY("negative_slope", "slope", 0.01, 0.01)},
		.eval = actfn_leaky_eval,
		.breaks = slope_breaks,
		.formula = "x if x > 0, else {negative_slope}*x",
		.derivative = "1 if x > 0, else {negative_slope}",
		.range = "(-inf, inf) when negative_slope > 0",
		.kink = "f'(0) = {negative_slope}: PyTorch's gradient is 1 only where x > 0",
		.properties = "A fix for dying ReLU: negative inputs keep the gradient "
		              "{negative_slope} instead of 0, so no neuron stops learning. Not "
		              "sparse (negative inputs give small negative outputs); unbounded.",
		.torch = "torch.nn.functional.leaky_relu(x, negative_slope={negative_slope}), "
		         "torch.nn.LeakyReLU({negative_slope})",
	},
	{
		.name = "prelu",
		.degree = 1,
		.title = "parametric ReLU (the negative slope is learned)",
		.nparams = 1,
		.param = {ANY("weight", "init", 0.25, 0.01)},
		.eval = actfn_leaky_eval,
		.dparam = actfn_slope_dparam,
		.breaks = slope_breaks,
		.formula = "x if x > 0, else {weight}*x",
		.derivative = "1 if x > 0, else {weight}",
		.range = "(-inf, inf) when weight > 0",
		.kink = "f'(0) = {weight}: PyTorch's gradient is 1 only where x > 0",
		.properties = "Leaky ReLU whose slope is a parameter the network learns (one per "
		              "layer or channel), starting at 0.25. Keeps a gradient for x <= 0, so "
		              "neurons do not die.",
		.torch = "torch.nn.functional.prelu(x, torch.tensor([{weight}])), "
		         "torch.nn.PReLU(init={weight})",
	},
	{
		.name = "rrelu",
		.degree = 1,
		.title = "randomised leaky ReLU, in evaluation mode",
		.nparams = 2,
		.param = {ANY("lower", NULL, 1.0 / 8, 0.01), ANY("upper", NULL, 1.0 / 3, 0.01)},
		.eval = actfn_rrelu_eval,
		.breaks = rrelu_breaks,
		.check = rrelu_check,
		.formula = "x if x > 0, else a*x with a = ({lower} + {upper})/2 (training draws a "
		           "from U({lower}, {upper}) instead)",
		.derivative = "1 if x > 0, else ({lower} + {upper})/2",
		.range = "(-inf, inf) when lower + upper > 0",
		.kink = "f'(0) = ({lower} + {upper})/2: PyTorch's gradient is 1 only where x > 0",
		.properties = "Leaky ReLU with a random slope in training (a regulariser) and "
		              "the mean slope in evaluation, which is what is drawn here.",
		.torch = "torch.nn.functional.rrelu(x, lower={lower}, upper={upper}, training=False)",
	},
	{
		.name = "elu",
		.title = "exponential linear unit",
		.nparams = 1,
		.param = {ANY("alpha", NULL, 1.0, 0.1)},
		.eval = actfn_elu_eval,
		.breaks = slope_breaks,
		.formula = "x if x > 0, else {alpha}*(exp(x) - 1)",
		.derivative = "1 if x > 0, else {alpha}*exp(x)",
		.range = "(-alpha, inf) when alpha >= 0",
		.kink = "f'(0) = {alpha}: PyTorch takes the x <= 0 branch at 0 (smooth when alpha = 1)",
		.properties = "A fix for dying ReLU: for x <= 0 the gradient {alpha}*exp(x) "
		              "shrinks but is never exactly 0. Negative outputs bring the mean "
		              "closer to zero; saturates at -{alpha} for large negative x.",
		.torch = "torch.nn.functional.elu(x, alpha={alpha}), torch.nn.ELU(alpha={alpha})",
	},
	{
		.name = "selu",
		.title = "scaled exponential linear unit",
		.eval = actfn_selu_eval,
		.breaks = relu_breaks,
		.formula = "scale*x if x > 0, else scale*alpha*(exp(x) - 1), with "
		           "alpha = 1.6732632423543772, scale = 1.0507009873554805",
		.derivative = "scale if x > 0, else scale*alpha*exp(x)",
		.range = "(-1.7580993408473766, inf)",
		.kink = "f'(0) = scale*alpha = 1.7580993408473766: PyTorch takes the x <= 0 branch at 0",
		.properties = "Self-normalising: with LeCun-normal weights the activations of "
		              "a deep network keep mean 0 and variance 1.",
		.torch = "torch.nn.functional.selu(x), torch.nn.SELU()",
	},
	{
		.name = "celu",
		.title = "continuously differentiable ELU",
		.nparams = 1,
		.param = {POSITIVE("alpha", NULL, 1.0, 0.1)},
		.eval = actfn_celu_eval,
		.breaks = no_breaks,
		.formula = "max(0, x) + min(0, {alpha}*(exp(x/{alpha}) - 1))",
		.derivative = "1 if x > 0, else exp(x/{alpha})",
		.range = "(-alpha, inf)",
		.kink = "none: f' is continuous, f'(0) = 1",
		.properties = "ELU rescaled so that f' is continuous at 0 for every alpha. No "
		              "dead neurons: the gradient for x <= 0 is never exactly 0.",
		.torch = "torch.nn.functional.celu(x, alpha={alpha}), torch.nn.CELU(alpha={alpha})",
	},
	{
		.name = "gelu",
		.title = "Gaussian error linear unit",
		.nparams = 1,
		.param = {{.name = "approximate", .alias = "approx", .type = ACTFN_CHOICE,
		           .def = 0, .choices = {"none", "tanh"}}},
		.eval = actfn_gelu_eval,
		.breaks = no_breaks,
		.formula = "x*Phi(x) = 0.5*x*(1 + erf(x/sqrt(2))) (approximate=none), or "
		           "0.5*x*(1 + tanh(sqrt(2/pi)*(x + 0.044715*x^3))) (approximate=tanh); "
		           "here approximate={approximate}",
		.formula_of = {"x*Phi(x) = 0.5*x*(1 + erf(x/sqrt(2)))",
		               "0.5*x*(1 + tanh(sqrt(2/pi)*(x + 0.044715*x^3)))"},
		.derivative = "Phi(x) + x*phi(x) (none), the derivative of the tanh form (tanh)",
		.range = "[-0.16997, inf) (minimum at x = -0.75179)",
		.kink = "none: smooth",
		.properties = "Smooth and not monotonic: slightly negative for negative x. The "
		              "gradient for negative x is small but not 0, so neurons rarely die.",
		.torch = "torch.nn.functional.gelu(x, approximate='{approximate}'), "
		         "torch.nn.GELU(approximate='{approximate}')",
	},
	{
		.name = "silu",
		.aliases = {"swish"},
		.title = "sigmoid linear unit (swish)",
		.eval = actfn_silu_eval,
		.breaks = no_breaks,
		.formula = "x*sigmoid(x)",
		.derivative = "sigmoid(x)*(1 + x*(1 - sigmoid(x)))",
		.range = "[-0.27846, inf) (minimum at x = -1.27846)",
		.kink = "none: smooth",
		.properties = "Smooth and not monotonic; close to ReLU for large |x| but with "
		              "a non-zero gradient for negative x.",
		.torch = "torch.nn.functional.silu(x), torch.nn.SiLU()",
	},
	{
		.name = "mish",
		.title = "self-regularised non-monotonic activation",
		.eval = actfn_mish_eval,
		.breaks = no_breaks,
		.formula = "x*tanh(softplus(x)) = x*tanh(ln(1 + exp(x)))",
		.derivative = "tanh(sp) + x*sigmoid(x)*(1 - tanh(sp)^2), where sp = softplus(x)",
		.range = "[-0.30884, inf) (minimum at x = -1.19223)",
		.kink = "none: smooth",
		.properties = "Smooth and not monotonic, like SiLU; unbounded above, bounded below.",
		.torch = "torch.nn.functional.mish(x), torch.nn.Mish()",
	},
	{
		.name = "softplus",
		.title = "smooth approximation of ReLU",
		.nparams = 2,
		.param = {POSITIVE("beta", NULL, 1.0, 0.1), ANY("threshold", NULL, 20.0, 1)},
		.eval = actfn_softplus_eval,
		.breaks = softplus_breaks,
		.formula = "ln(1 + exp({beta}*x))/{beta}, and x itself where {beta}*x > {threshold}",
		.derivative = "sigmoid({beta}*x), and 1 where {beta}*x > {threshold}",
		.range = "(0, inf)",
		.kink = "at x = threshold/beta PyTorch switches to x: f drops by "
		        "ln(1 + exp(-threshold))/beta (2e-9 at the defaults) and f' jumps to 1",
		.properties = "Smooth, always positive, never sparse; its gradient sigmoid(beta*x) "
		              "is never exactly 0, so neurons do not die.",
		.torch = "torch.nn.functional.softplus(x, beta={beta}, threshold={threshold}), "
		         "torch.nn.Softplus(beta={beta}, threshold={threshold})",
	},
	{
		.name = "hardtanh",
		.gate = true,
		.degree = 1,
		.title = "hard tanh (clamp)",
		.nparams = 2,
		.param = {ANY("min_val", "min", -1.0, 0.1), ANY("max_val", "max", 1.0, 0.1)},
		.eval = actfn_hardtanh_eval,
		.breaks = hardtanh_breaks,
		.check = hardtanh_check,
		.formula = "{min_val} if x < {min_val}, {max_val} if x > {max_val}, else x",
		.derivative = "1 if {min_val} < x < {max_val}, else 0",
		.range = "[min_val, max_val]",
		.kink = "f'({min_val}) = f'({max_val}) = 0: PyTorch's gradient is 1 only strictly "
		        "between the bounds",
		.properties = "Bounded and zero-centred by default; the gradient is 0 outside "
		              "the bounds, so a saturated unit stops learning.",
		.torch = "torch.nn.functional.hardtanh(x, min_val={min_val}, max_val={max_val}), "
		         "torch.nn.Hardtanh({min_val}, {max_val})",
	},
	{
		.name = "hardswish",
		.degree = 2,
		.title = "hard swish (MobileNetV3)",
		.eval = actfn_hardswish_eval,
		.breaks = three_breaks,
		.formula = "0 if x <= -3, x if x >= 3, else x*(x + 3)/6",
		.derivative = "0 if x <= -3, 1 if x >= 3, else x/3 + 1/2",
		.range = "[-0.375, inf) (minimum at x = -1.5)",
		.kink = "f'(-3) = 0 and f'(3) = 1, as PyTorch documents and computes since "
		        "2025 (pull request 148049); PyTorch 1.13 to 2.6 gave x/3 + 1/2 there "
		        "(-1/2 and 3/2) for some elements of a tensor",
		.properties = "A piecewise-quadratic SiLU. Exactly 0, with zero gradient, for "
		              "x < -3, so it can die there.",
		.torch = "torch.nn.functional.hardswish(x), torch.nn.Hardswish()",
	},
	{
		.name = "hardsigmoid",
		.degree = 1,
		.title = "hard sigmoid",
		.eval = actfn_hardsigmoid_eval,
		.breaks = three_breaks,
		.formula = "0 if x <= -3, 1 if x >= 3, else x/6 + 1/2",
		.derivative = "1/6 if -3 < x < 3, else 0",
		.range = "[0, 1]",
		.kink = "f'(-3) = f'(3) = 0: PyTorch's gradient is 1/6 only strictly inside (-3, 3)",
		.properties = "A piecewise-linear sigmoid; zero gradient outside (-3, 3).",
		.torch = "torch.nn.functional.hardsigmoid(x), torch.nn.Hardsigmoid()",
	},
	{
		.name = "sigmoid",
		.aliases = {"logistic"},
		.title = "logistic sigmoid",
		.eval = actfn_sigmoid_eval,
		.breaks = no_breaks,
		.formula = "1/(1 + exp(-x))",
		.derivative = "sigmoid(x)*(1 - sigmoid(x))",
		.range = "(0, 1)",
		.kink = "none: smooth",
		.properties = "Bounded, not zero-centred; the gradient is at most 1/4 and "
		              "vanishes for large |x| (saturation), slowing deep networks.",
		.torch = "torch.sigmoid(x), torch.nn.Sigmoid()",
	},
	{
		.name = "tanh",
		.title = "hyperbolic tangent",
		.eval = actfn_tanh_eval,
		.breaks = no_breaks,
		.formula = "tanh(x) = (exp(x) - exp(-x))/(exp(x) + exp(-x))",
		.derivative = "1 - tanh(x)^2",
		.range = "(-1, 1)",
		.kink = "none: smooth",
		.properties = "Zero-centred and bounded; saturates at both ends, where the "
		              "gradient vanishes.",
		.torch = "torch.tanh(x), torch.nn.Tanh()",
	},
	{
		.name = "softsign",
		.title = "softsign",
		.eval = actfn_softsign_eval,
		.breaks = no_breaks,
		.formula = "x/(1 + |x|)",
		.derivative = "1/(1 + |x|)^2",
		.range = "(-1, 1)",
		.kink = "none: f' is continuous, f'(0) = 1",
		.properties = "Like tanh, but approaches +-1 polynomially, so its gradient "
		              "decays more slowly.",
		.torch = "torch.nn.functional.softsign(x), torch.nn.Softsign()",
	},
	{
		.name = "logsigmoid",
		.aliases = {"log_sigmoid"},
		.title = "logarithm of the sigmoid",
		.eval = actfn_logsigmoid_eval,
		.breaks = no_breaks,
		.formula = "ln(sigmoid(x)) = -softplus(-x)",
		.derivative = "1 - sigmoid(x) = sigmoid(-x)",
		.range = "(-inf, 0)",
		.kink = "none: smooth",
		.properties = "Always negative; close to x for large negative x and to 0 for "
		              "large positive x.",
		.torch = "torch.nn.functional.logsigmoid(x), torch.nn.LogSigmoid()",
	},
	{
		.name = "threshold",
		.gate = true,
		.degree = 1,
		.title = "threshold (no defaults: both parameters are required)",
		.nparams = 2,
		.param = {REQUIRED("threshold", 0.1), REQUIRED("value", 0.1)},
		.eval = actfn_threshold_eval,
		.breaks = threshold_breaks,
		.formula = "x if x > {threshold}, else {value}",
		.derivative = "1 if x > {threshold}, else 0",
		.range = "the value, and (threshold, inf)",
		.kink = "f({threshold}) = {value} and f'({threshold}) = 0: PyTorch's test is "
		        "x > threshold; f jumps there unless value = threshold",
		.properties = "ReLU generalised: relu is threshold 0 0. Zero gradient below the "
		              "threshold, so it can die like ReLU.",
		.torch = "torch.nn.functional.threshold(x, {threshold}, {value}), "
		         "torch.nn.Threshold({threshold}, {value})",
	},
	{
		.name = "tanhshrink",
		.title = "x minus tanh(x)",
		.eval = actfn_tanhshrink_eval,
		.breaks = no_breaks,
		.formula = "x - tanh(x)",
		.derivative = "tanh(x)^2",
		.range = "(-inf, inf)",
		.kink = "none: smooth",
		.properties = "About x^3/3 near 0, so its gradient nearly vanishes around 0 "
		              "without being exactly 0 except at 0.",
		.torch = "torch.nn.functional.tanhshrink(x), torch.nn.Tanhshrink()",
	},
	{
		.name = "softshrink",
		.gate = true,
		.degree = 1,
		.title = "soft shrinkage",
		.nparams = 1,
		.param = {NONNEG("lambd", "lambda", 0.5, 0.05)},
		.eval = actfn_softshrink_eval,
		.breaks = softshrink_breaks,
		.formula = "x - {lambd} if x > {lambd}, x + {lambd} if x < -{lambd}, else 0",
		.derivative = "1 if |x| > {lambd}, else 0",
		.range = "(-inf, inf)",
		.kink = "f'(-{lambd}) = f'({lambd}) = 0: PyTorch's gradient is 0 on the closed "
		        "interval [-lambd, lambd]",
		.properties = "Zero output and zero gradient on [-lambd, lambd]: sparse, as in "
		              "sparse coding.",
		.torch = "torch.nn.functional.softshrink(x, lambd={lambd}), torch.nn.Softshrink({lambd})",
	},
	{
		.name = "hardshrink",
		.gate = true,
		.degree = 1,
		.title = "hard shrinkage",
		.nparams = 1,
		.param = {NONNEG("lambd", "lambda", 0.5, 0.05)},
		.eval = actfn_hardshrink_eval,
		.breaks = hardshrink_breaks,
		.formula = "x if |x| > {lambd}, else 0",
		.derivative = "1 if |x| > {lambd}, else 0",
		.range = "0, and |y| > lambd",
		.kink = "f(-{lambd}) = f({lambd}) = 0 and f' = 0 there: PyTorch's test is "
		        "|x| > lambd; f jumps at -lambd and lambd",
		.properties = "Zero output and zero gradient on [-lambd, lambd]; identity outside.",
		.torch = "torch.nn.functional.hardshrink(x, lambd={lambd}), torch.nn.Hardshrink({lambd})",
	},
};

#define NTABLE (sizeof table / sizeof table[0])

size_t actfn_count(void)
{
	return NTABLE + actfn_user_count();
}

const struct actfn_def *actfn_at(size_t i)
{
	return i < NTABLE ? &table[i] : actfn_user_at(i - NTABLE);
}





void actfn_curve_default(struct actfn_curve *c, const struct actfn_def *def)
{
	c->def = def;
	for (int i = 0; i < ACTFN_MAX_PARAMS; i++)
		c->p[i] = i < def->nparams ? def->param[i].def : 0;
}


enum actfn_param_status actfn_param_check(const struct actfn_def *def, int i, double v)
{
	const struct actfn_param *pp = &def->param[i];
	if (pp->type == ACTFN_CHOICE)
		return ACTFN_PARAM_OK;
	if (!isfinite(v))
		return ACTFN_PARAM_NOT_FINITE;
	bool below = pp->lo_open ? v <= pp->lo : v < pp->lo;
	bool above = pp->hi_open ? v >= pp->hi : v > pp->hi;
	return below || above ? ACTFN_PARAM_OUTSIDE : ACTFN_PARAM_OK;
}

enum actfn_param_status actfn_set_param(struct actfn_curve *c, int i, double v)
{
	enum actfn_param_status st = actfn_param_check(c->def, i, v);
	if (st == ACTFN_PARAM_OK)
		c->p[i] = v;
	return st;
}

const char *actfn_rule_broken(const struct actfn_curve *c)
{
	if (c->def->user)
		return actfn_user_check(c->def, c->p);
	return c->def->check ? c->def->check(c->p) : NULL;
}

void actfn_eval(const struct actfn_curve *c, const double *x, double *y, double *dy, size_t n)
{
	if (c->def->user)
		actfn_user_eval(c->def, c->p, x, y, dy, n);
	else
		c->def->eval(c->p, x, y, dy, n);
}

void actfn_point(const struct actfn_curve *c, double x, double *y, double *dy)
{
	double d;
	actfn_eval(c, &x, y, &d, 1);
	if (dy)
		*dy = d;
}

int actfn_breaks(const struct actfn_curve *c, struct actfn_break out[ACTFN_MAX_BREAKS])
{
	if (c->def->user)
		return actfn_user_breaks(c->def, c->p, out, NULL);
	return c->def->breaks(c->p, out);
}

double actfn_cost(const struct actfn_curve *c)
{
	return c->def->user ? actfn_user_cost(c->def) : 1;
}

bool actfn_breaks_known(const struct actfn_curve *c)
{
	bool known = true;
	struct actfn_break out[ACTFN_MAX_BREAKS];
	if (c->def->user)
		actfn_user_breaks(c->def, c->p, out, &known);
	return known;
}

bool actfn_learned(const struct actfn_curve *c)
{
	return c->def->dparam != NULL;
}

void actfn_dparam(const struct actfn_curve *c, const double *x, double *dp, size_t n)
{
	c->def->dparam(c->p, x, dp, n);
}



