# describe: a plot in words, from the plot's samples and the kink table
describe relu, leaky 0.01 on -3..3
describe gelu, elu on -4..2
describe sigmoid, tanh
# saturation at both ends, and a comparison where they agree in the middle
describe hardtanh, relu6 on -8..8
# a kink outside the window, at its end, and a constant curve
describe relu on 1..3
describe relu on -3..0
describe threshold 10 5
# jumps of f itself, the limits on either side
describe hardshrink, threshold 1 -2
describe softplus on 10..30
# the plot's settings: fewer samples (crossings given to their spacing), no f' panel
set samples 7
describe silu, mish on -3..3
set samples 201
set deriv off
describe hardswish on -40..40
