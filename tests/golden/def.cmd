# def: activations of your own, with exact derivatives
defs
def swish2(x) = x * sigmoid(2*x)
def myrelu(x) = max(0, x)          # relu, relu'(0) = 0 included
def bent(x, a=0.1) = max(a*x, x)   # leaky, with its own slope
def squared(x) = relu(x)^2
def softer(x, b=2) = softplus(x, beta=b) - log(2)/b
myrelu, relu at -1, -0, 0, 1e-300, 2
bent, bent 0.3 at -2, 0, 2
table swish2, squared on -2..2 step 1
info bent 0.3
info squared
dead myrelu, bent, softer
defs
list
def bent(x) = 2 * x                # a definition can be replaced
defs
bent at 1
