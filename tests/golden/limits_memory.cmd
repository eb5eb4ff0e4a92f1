sweep relu, elu, leaky layer 100000 inputs 10 bias -5..5 step 0.002
sweep relu bias -5..5 step 0.0005
train relu width 4096 depth 16 batch 1024 steps 10
train relu, elu, leaky, gelu, silu, mish, selu, celu, prelu, rrelu, softplus, tanh, sigmoid, relu6, hardswish, hardtanh steps 1e7 every 1 width 4 batch 4 depth 1
relu at 1
