# every activation, with its defaults and with parameters, on -3..3 and far out
describe relu, relu6, leaky, prelu, rrelu, elu, selu, celu
describe gelu, gelu tanh, silu, mish, softplus, sigmoid, tanh, softsign
describe hardtanh, hardswish, hardsigmoid, logsigmoid, tanhshrink, softshrink, hardshrink, threshold 0.5 -1
describe leaky 0.2, prelu 0.1, rrelu 0.1 0.2, elu 2, celu 0.5, softplus 2 5, hardtanh -2 0.5, softshrink 1 on -40..40
