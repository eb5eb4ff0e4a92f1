#!/usr/bin/env python3
"""Measures dmath_sweep's output against mpmath: for each region, the
largest error of dmath's result and of the C library's, in ulps of the
exact value (subnormals in units of 2^-1074), and how many of each were
not correctly rounded. Not part of make check.

    ./dmath_sweep exp 1000000 1 | python3 tests/gen/dmath_sweep.py exp
"""
import math
import sys
from multiprocessing import Pool

from mpmath import mp, mpf

FN = {
    "exp": lambda a: mp.exp(a[0]),
    "expm1": lambda a: mp.expm1(a[0]),
    "log": lambda a: mp.log(a[0]),
    "log10": lambda a: mp.log10(a[0]),
    "log1p": lambda a: mp.log1p(a[0]),
    "sin": lambda a: mp.sin(a[0]),
    "cos": lambda a: mp.cos(a[0]),
    "erfc": lambda a: mp.erfc(a[0]),
    "pow": lambda a: mp.power(a[0], a[1]),
}


def ulp_err(y, ref):
    """|y - ref| in ulps of ref rounded to double (the gap above it)."""
    if math.isinf(y) or math.isnan(y):
        r = float(ref) if abs(ref) < mpf(2) ** 1024 else math.copysign(math.inf, ref)
        return 0.0 if y == r else math.inf
    r = abs(float(ref)) if abs(ref) < mpf(2) ** 1024 else 1.7976931348623157e308
    u = math.ulp(r) if r != 0 else 5e-324
    if r >= 1.7976931348623157e308:
        u = math.ulp(r)
    return float(abs(mpf(y) - ref) / u)


def work(args):
    name, lines = args
    mp.prec = 256
    f = FN[name]
    res = {}
    for line in lines:
        p = line.split()
        tag = p[0]
        vals = [float.fromhex(v) for v in p[1:]]
        nargs = 2 if name == "pow" else 1
        a = [mpf(v) for v in vals[:nargs]]
        ref = f(a)
        if isinstance(ref, mp.mpc) or (hasattr(ref, "imag") and ref.imag != 0):
            continue
        ed = ulp_err(vals[nargs], ref)
        eg = ulp_err(vals[nargs + 1], ref)
        s = res.setdefault(tag, [0, 0.0, None, 0.0, None, 0, 0])
        s[0] += 1
        if ed > s[1]:
            s[1], s[2] = ed, vals[:nargs]
        if eg > s[3]:
            s[3], s[4] = eg, vals[:nargs]
        s[5] += ed > 0.5
        s[6] += eg > 0.5
    return res


def main():
    name = sys.argv[1]
    lines = sys.stdin.read().splitlines()
    chunks = [(name, lines[i::8]) for i in range(8)]
    total = {}
    with Pool(2) as pool:
        for res in pool.map(work, chunks):
            for tag, s in res.items():
                t = total.setdefault(tag, [0, 0.0, None, 0.0, None, 0, 0])
                t[0] += s[0]
                if s[1] > t[1]:
                    t[1], t[2] = s[1], s[2]
                if s[3] > t[3]:
                    t[3], t[4] = s[3], s[4]
                t[5] += s[5]
                t[6] += s[6]
    allw = [0, 0.0, None, 0.0, None, 0, 0]
    for tag, t in sorted(total.items()):
        print("%-6s %-12s n=%-8d dmath max %.4f ulp at %s (%d not correctly rounded)"
              "   libc max %.4f ulp at %s (%d)" % (
                  name, tag, t[0], t[1], [v.hex() for v in t[2] or []], t[5], t[3],
                  [v.hex() for v in t[4] or []], t[6]))
        allw[0] += t[0]
        if t[1] > allw[1]:
            allw[1], allw[2] = t[1], t[2]
        if t[3] > allw[3]:
            allw[3], allw[4] = t[3], t[4]
        allw[5] += t[5]
        allw[6] += t[6]
    print("%-6s %-12s n=%-8d dmath max %.4f ulp (%d not correctly rounded)   libc max %.4f ulp (%d)"
          % (name, "ALL", allw[0], allw[1], allw[5], allw[3], allw[6]))


main()
