#!/usr/bin/env python3
"""Prints the constants of gelu_erf_d_near_zero in src/actfn.c: the zero x0
of GELU's f'(x) = Phi(x) + x phi(x) and the Taylor coefficients of f' about
it, f'(x0 + h) = sum over j >= 1 of g_j h^j with g_j = f^(j+1)(x0)/j!.
For j >= 1, f^(j+1) = phi P_j with P_1 = 2 - x^2 and P_(j+1) = P_j' - x P_j.

    python3 tests/gen/gelu_taylor.py

x0 and g_1 are printed as hi + lo; 22 terms reach 2^-56 of f'/h for
|h| < 0.5, which covers -1.25 < x < -0.4.
"""
from mpmath import mp, mpf, ncdf, npdf, findroot, factorial

mp.dps = 60
TERMS = 22


def split(v):
    hi = float(v)
    return hi.hex(), float(v - hi).hex()


def main():
    x0 = findroot(lambda x: ncdf(x) + x * npdf(x), mpf(-0.75))
    p = [mpf(2), mpf(0), mpf(-1)]  # P_1, coefficients from x^0 up
    g = []
    for j in range(1, TERMS + 1):
        g.append(npdf(x0) * sum(c * x0 ** i for i, c in enumerate(p)) / factorial(j))
        dp = [i * p[i] for i in range(1, len(p))]
        xp = [mpf(0)] + p
        p = [(dp[i] if i < len(dp) else 0) - xp[i] for i in range(len(xp))]
    print("x0 = %s + %s" % split(x0))
    print("g1 = %s + %s" % split(g[0]))
    print("g%d down to g2:" % TERMS)
    print(",\n".join("\t%s" % float(c).hex() for c in reversed(g[1:])))


main()
