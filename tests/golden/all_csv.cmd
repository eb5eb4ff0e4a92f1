relu, relu6, leaky, prelu, rrelu, elu, selu, celu, gelu, gelu tanh, silu, mish, softplus, hardtanh, hardswish at -3.5, -1, -1e-08, 0, 0.75, 3, 20, 50
sigmoid, tanh, softsign, logsigmoid, threshold 0.5 -2, tanhshrink, softshrink, hardshrink at -3.5, -1, -1e-08, 0, 0.75, 3, 20, 50
