leaky 0.1, gelu tanh at -1, 0, nan, inf
