# actfn_user_ref.py: exact values (mpmath, 50 digits) of a few composite
# definitions and their derivatives, for tests/test_actfn_user.c:
#   python3 tests/actfn_user_ref.py > tests/actfn_user_ref.h
import mpmath as mp
mp.mp.dps = 50
def sig(x): return 1/(1+mp.e**(-x))
fs = [
 ("swish2", "x * sigmoid(2*x)", lambda x: x*sig(2*x)),
 ("sp", "log1p(exp(x))", lambda x: mp.log(1+mp.e**x)),
 ("mish2", "x * tanh(log1p(exp(x)))", lambda x: x*mp.tanh(mp.log(1+mp.e**x))),
 ("gel", "0.5 * x * erfc(-x / sqrt(2))", lambda x: x/2*(1+mp.erf(x/mp.sqrt(2)))),
 ("wavy", "sin(x)^2 + cos(3*x) / (1 + x^2)", lambda x: mp.sin(x)**2 + mp.cos(3*x)/(1+x**2)),
 ("sq", "relu(x)^2 + elu(x - 1, alpha=2)", lambda x: (max(x,0))**2 + (x-1 if x-1>0 else 2*(mp.e**(x-1)-1))),
 ("hyp", "sinh(x/3) * cosh(x/5) - tan(x/7) + expm1(-x^2)", lambda x: mp.sinh(x/3)*mp.cosh(x/5) - mp.tan(x/7) + mp.expm1(-x**2)),
 ("pw", "abs(x)^1.5 + pow(2, x) + erfc(x)", lambda x: abs(x)**mp.mpf(1.5) + mp.power(2,x) + mp.erfc(x)),
]
xs = [-7.5, -3.25, -1.0, -0.3, 0.1, 0.7, 1.5, 2.75, 6.0]
print("/* actfn_user_ref.h: written by tests/actfn_user_ref.py; do not edit. */")
print("struct user_ref { const char *def; double x, f, df; };")
print("static const struct user_ref user_ref[] = {")
for name, body, f in fs:
    for x in xs:
        X = mp.mpf(x)
        v = f(X); d = mp.diff(f, X)
        print('\t{"%s(x) = %s", %r, %s, %s},' % (name, body, x, mp.nstr(v, 20, min_fixed=-1,max_fixed=-1) if False else repr(float(v)), repr(float(d))))
print("};")
