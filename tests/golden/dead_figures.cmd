dead relu, leaky 0.01, prelu, elu
dead relu, leaky 0.01, elu with normal(-1, 2)
dead relu, hardtanh, softshrink with uniform(-3, 1)
dead relu samples 100000 seed 1
