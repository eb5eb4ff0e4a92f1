# def's errors: each with its position, the session carrying on (-k)
def f(x) = x +
def f(x) = foo(x)
def f(x) = f(x)
def f(x, exp) = x
def relu(x) = x
def table(x) = x
def f(x) = exp(x, 2)
def f(x) = leaky(x, x)
def f(x) = 1 < x < 2
def f(x) = x ^ y
def f(x) = rélu(x)
def
def f x = x
def sp(x, b=1) = softplus(x, b)
sp -1 at 0
def ok(x) = x    # after errors, a definition still works
ok at 3
