#!/usr/bin/env python3
"""Writes tests/actfn_ref.h: exact values of every activation and its
derivative, computed with mpmath at 1400 bits (about 420 digits) from each
definition as PyTorch states it. Run once when the table of points changes;
the tests only read the header (they never need mpmath or torch).

    python3 tests/gen/actfn_ref.py > tests/actfn_ref.h

Each row holds the exact f and f' rounded to double and what rounding left
over, in ulps of the rounded value, so that the test measures its error to
a fraction of an ulp. The precision is high enough for every cancellation
here: f' at a double nearest its zero loses about 60 bits.

Constants: a constant of a definition is the double PyTorch holds, and
"exact" means exact for that double. For GELU's tanh form that is kBeta =
M_SQRT2*M_2_SQRTPI*0.5 (the double nearest sqrt(2/pi)) and kKappa = 0.044715
as a double, not sqrt(2/pi) and the decimal 0.044715: in the left tail
1 + tanh(u) amplifies a change of u by 2|u|, so the two readings differ by
up to 80 ulp there. SELU's alpha and scale are the doubles of PyTorch's
decimals. GELU's exact form x*Phi(x) has no constant.
"""
import math
import random
from mpmath import mp, mpf, exp, expm1, log1p, tanh, sech, ncdf, npdf

mp.prec = 1400

SELU_A = mpf(1.6732632423543772848170429916717)  # the doubles, as PyTorch's constexpr
SELU_S = mpf(1.0507009873554804934193349852946)
K0 = mpf(math.sqrt(2) * (2 / math.sqrt(math.pi)) * 0.5)  # kBeta = M_SQRT2*M_2_SQRTPI*0.5
K1 = mpf(0.044715)  # kKappa
assert K0 == mpf(float.fromhex('0x1.9884533d43651p-1'))


def sig(v):
    return 1 / (1 + exp(-v))


# Each returns (f, f', scale): scale is the magnitude of the largest term
# in f' (only where f' is a difference of terms and can cross zero), so the
# test may allow for cancellation there; otherwise it is |f'|.
def relu(x, p):
    return (x if x > 0 else mpf(0), mpf(1 if x > 0 else 0), None)


def hardtanh(x, p):
    lo, hi = mpf(p[0]), mpf(p[1])
    f = lo if x < lo else (hi if x > hi else x)
    return (f, mpf(1 if lo < x < hi else 0), None)


def relu6(x, p):
    return hardtanh(x, (0.0, 6.0))


def leaky(x, p):
    s = mpf(p[0])
    return (x if x > 0 else s * x, mpf(1) if x > 0 else s, None)


def rrelu(x, p):
    return leaky(x, ((p[0] + p[1]) / 2,))  # the slope PyTorch computes in double


def elu(x, p):
    a = mpf(p[0])
    return (x, mpf(1), None) if x > 0 else (a * expm1(x), a * exp(x), None)


def selu(x, p):
    if x > 0:
        return (SELU_S * x, SELU_S, None)
    return (SELU_S * SELU_A * expm1(x), SELU_S * SELU_A * exp(x), None)


def celu(x, p):
    a = mpf(p[0])
    return (x, mpf(1), None) if x > 0 else (a * expm1(x / a), exp(x / a), None)


def gelu(x, p):
    if abs(x) > 1e5:  # far past the underflow of either tail; mpmath's erfc overflows
        return (x, mpf(1), mpf(1)) if x > 0 else (mpf(0), mpf(0), mpf(0))
    if p[0] == 0:
        f = x * ncdf(x)
        t1, t2 = ncdf(x), x * npdf(x)
        return (f, t1 + t2, max(abs(t1), abs(t2)))
    u = K0 * (x + K1 * x ** 3)
    s = sig(2 * u)
    du = K0 * (1 + 3 * K1 * x * x)
    t2 = 2 * x * s * sig(-2 * u) * du
    return (x * s, s + t2, max(abs(s), abs(t2)))


def silu(x, p):
    s = sig(x)
    t2 = x * s * sig(-x)
    return (x * s, s + t2, max(abs(s), abs(t2)))


def mish(x, p):
    sp = log1p(exp(x))
    t = tanh(sp)
    t2 = x * sig(x) * sech(sp) ** 2
    return (x * t, t + t2, max(abs(t), abs(t2)))


def softplus(x, p):
    beta, thr = mpf(p[0]), p[1]
    if float(p[0]) * float(x) > thr:  # PyTorch's switch uses the rounded product
        return (x, mpf(1), None)
    return (log1p(exp(beta * x)) / beta, sig(beta * x), None)


def hardswish(x, p):
    if x <= -3:
        f = mpf(0)
    elif x >= 3:
        f = x
    else:
        f = x * (x + 3) / 6
    d = mpf(0) if x <= -3 else (x / 3 + mpf(1) / 2 if x < 3 else mpf(1))
    return (f, d, None)


def hardsigmoid(x, p):
    f = mpf(0) if x <= -3 else (mpf(1) if x >= 3 else (x + 3) / 6)
    return (f, mpf(1) / 6 if -3 < x < 3 else mpf(0), None)


def sigmoid(x, p):
    s = sig(x)
    return (s, s * sig(-x), None)


def tanh_(x, p):
    return (tanh(x), sech(x) ** 2, None)


def softsign(x, p):
    return (x / (1 + abs(x)), 1 / (1 + abs(x)) ** 2, None)


def logsigmoid(x, p):
    return (-log1p(exp(-x)), sig(-x), None)


def threshold(x, p):
    th, v = mpf(p[0]), mpf(p[1])
    return (x if x > th else v, mpf(1 if x > th else 0), None)


def tanhshrink(x, p):
    t = tanh(x)
    return (x - t, t * t, None)


def softshrink(x, p):
    l = mpf(p[0])
    f = x - l if x > l else (x + l if x < -l else mpf(0))
    return (f, mpf(1 if abs(x) > l else 0), None)


def hardshrink(x, p):
    l = mpf(p[0])
    return (x if abs(x) > l else mpf(0), mpf(1 if abs(x) > l else 0), None)


# 1 - s and 1 - t^2 are never written as such above: at 256 bits they
# would round to 0 long before the double result does.

# name as actviz spells it, params, reference function, extra points
CASES = [
    ("relu", [], relu, [0.0]),
    ("relu6", [], relu6, [0.0, 6.0]),
    ("leaky", [], leaky, [0.0]),
    ("leaky", [0.1], leaky, [0.0]),
    ("leaky", [-0.5], leaky, [0.0]),
    ("prelu", [], leaky, [0.0]),
    ("prelu", [0.6], leaky, [0.0]),
    ("rrelu", [], rrelu, [0.0]),
    ("rrelu", [0.2, 0.5], rrelu, [0.0]),
    ("elu", [], elu, [0.0]),
    ("elu", [1.5], elu, [0.0]),
    ("elu", [0.3], elu, [0.0]),
    ("selu", [], selu, [0.0]),
    ("celu", [], celu, [0.0]),
    ("celu", [3.0], celu, [0.0]),
    ("celu", [0.7], celu, [0.0]),
    ("gelu", [0], gelu, [0.0]),
    ("gelu", [1], gelu, [0.0]),
    ("silu", [], silu, [0.0]),
    ("mish", [], mish, [0.0]),
    ("softplus", [1.0, 20.0], softplus, [20.0, 19.999999999999996, 20.000000000000004]),
    ("softplus", [2.0, 10.0], softplus, [5.0, 4.999999999999999]),
    ("softplus", [0.5, 20.0], softplus, [40.0]),
    ("hardtanh", [-1.0, 1.0], hardtanh, [-1.0, 1.0]),
    ("hardtanh", [-2.0, 3.0], hardtanh, [-2.0, 3.0]),
    ("hardswish", [], hardswish, [-3.0, 3.0, -1.5]),
    ("hardsigmoid", [], hardsigmoid, [-3.0, 3.0]),
    ("sigmoid", [], sigmoid, [0.0]),
    ("tanh", [], tanh_, [0.0]),
    ("softsign", [], softsign, [0.0]),
    ("logsigmoid", [], logsigmoid, [0.0]),
    ("threshold", [0.5, -2.0], threshold, [0.5]),
    ("threshold", [0.0, 0.0], threshold, [0.0]),
    ("tanhshrink", [], tanhshrink, [0.0]),
    ("softshrink", [0.5], softshrink, [0.5, -0.5]),
    ("softshrink", [1.0], softshrink, [1.0, -1.0]),
    ("hardshrink", [0.5], hardshrink, [0.5, -0.5]),
    ("hardshrink", [0.3], hardshrink, [0.3, -0.3]),
]

DEFAULTS = {"leaky": [0.01], "prelu": [0.25], "rrelu": [0.125, 1 / 3], "elu": [1.0],
            "celu": [1.0], "gelu": [0]}


# The doubles nearest the zeros of f' (gelu, gelu tanh, silu, mish): there
# f' is a difference of terms and the bound is relative to the largest.
ZEROS = [-0.7517915246935645, -0.7524614220710162, -1.2784645427610737, -1.1924312145154952]


def points(rng):
    pts = [0.0]
    for m in (1e-300, 1e-20, 1e-8, 1e-4, 0.01, 0.1, 0.5, 1.0, 1.5, 2.0, 2.5, 3.5, 5.0,
              10.0, 20.0, 35.0, 50.0, 100.0, 700.0, 745.0, 800.0, 1000.0, 1e10,
              1e100, 1e308):
        pts += [m, -m]
    pts += [-0.7517915, -1.2784645, -1.1922, 0.0001234, -37.5, 37.5, 709.5, -709.5]
    for _ in range(90):
        pts.append(rng.uniform(-8, 8))
    for _ in range(40):
        pts.append(rng.choice((-1, 1)) * 10 ** rng.uniform(-12, 3))
    # GELU's tanh form on x <= -3: 1 + tanh(u) amplifies u's rounding by 2|u|,
    # down to where x sigmoid(2u) underflows (x = -21.6)
    pts += [-3.0, -4.0, -6.0, -12.0, -17.0, -21.0, -21.4, -21.6]
    for _ in range(40):
        pts.append(rng.uniform(-21.7, -3))
    # f' near its zeros, and mish' between -2 and -0.75 (two terms that
    # partly cancel)
    for z in ZEROS:
        pts += [z, math.nextafter(z, 0), math.nextafter(z, -math.inf), z + 1e-9, z - 3e-6]
    for _ in range(40):
        pts.append(rng.uniform(-2, -0.5))
    # gelu' = Phi + x phi from erfc there is 2.1 to 2.4 units off (a sweep
    # found these); actfn.c uses a series about the zero of f' instead
    pts += [-0.5478446588580717, -0.6161642539855406, -0.6300198556905617,
            -0.6730597512779358, -0.9665178653184443, -1.1070410693551316]
    # where a factor of f or f' is subnormal but the result is not, or a
    # product of it rounds twice: e^x (silu, mish, sigmoid, softplus),
    # erfc (gelu), sech^2 (tanh), 1/(1 + |x|)^2 (softsign)
    pts += [-37.2, -37.8, -38.3, -38.6, -709.8, -715.0, -730.0, -744.0, -748.0,
            -1420.0, -1480.0, 360.0, 371.0, 2e154, -3e155]
    for _ in range(20):
        pts.append(rng.uniform(-750, -705))
    return pts


def hexd(v):
    return float(v).hex()


def rounded(v):
    """v as the nearest double and the remainder in ulps of that double (the
    ulp the test uses: the gap above its magnitude)."""
    r = float(v)
    if math.isinf(r):
        return r, 0.0
    return r, float((v - r) / math.ulp(abs(r)))


def main():
    rng = random.Random(20261125)
    pts = points(rng)
    rows = []
    case_lines = []
    for ci, (name, params, fn, extra) in enumerate(CASES):
        p = params if params else DEFAULTS.get(name, [])
        first = len(rows)
        for x in pts + extra:
            mx = mpf(x)
            f, d, scale = fn(mx, p)
            if scale is None:
                scale = abs(d)
            rows.append((ci, x) + rounded(f) + rounded(d) + (float(scale),))
        pv = (p + [0.0, 0.0])[:2]
        case_lines.append('\t{"%s", %d, {%s, %s}, %d, %d},' % (
            name, len(params), hexd(pv[0]), hexd(pv[1]), first, len(rows) - first))
    print("/* actfn_ref.h: exact f and f' at chosen points, written by")
    print(" * tests/gen/actfn_ref.py with mpmath at 1400 bits. Do not edit.")
    print(" * Each is rounded to double, with the remainder (fr, dr) in ulps of the")
    print(" * rounded value. Constants are PyTorch's doubles: GELU's tanh form uses")
    print(" * kBeta = M_SQRT2*M_2_SQRTPI*0.5 and kKappa = 0.044715 as doubles, SELU")
    print(" * the doubles of its alpha and scale. */")
    print("struct ref_case { const char *name; int nparams; double p[2]; int first, count; };")
    print("struct ref_point { double x, f, fr, d, dr, dscale; };")
    print("static const struct ref_case ref_cases[] = {")
    print("\n".join(case_lines))
    print("};")
    print("static const struct ref_point ref_points[] = {")
    for ci, x, f, fr, d, dr, s in rows:
        print("\t{%s, %s, %.3g, %s, %.3g, %s}," % (hexd(x), hexd(f), fr, hexd(d), dr, hexd(s)))
    print("};")


main()
