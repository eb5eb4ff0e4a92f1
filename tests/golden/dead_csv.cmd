dead relu, leaky 0.01, elu, gelu, softplus with normal(-1, 2)
