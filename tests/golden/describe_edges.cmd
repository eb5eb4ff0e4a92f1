# describe at the edges: huge and tiny windows, denormals, two samples
# (each curve is what its own samples show), many samples and curves,
# extreme parameters
describe relu, leaky 0.01 on -1e307..1e307
describe gelu, sigmoid, softplus on 1e300..1.00001e300
describe relu on -1e-300..1e-300
describe elu on 0..1e-320
set samples 2
describe relu, hardshrink, tanh on -1..1
set samples 20000
describe relu, relu6, leaky, prelu, rrelu, elu, selu, celu, gelu, gelu tanh, silu, mish, softplus, sigmoid, tanh, softsign on -50..50
set samples 201
describe leaky 1e308, elu 1e300, softplus 1e-300 on -10..10
describe threshold -1e308 1e308, hardtanh -1e308 1e308 on -1..1
