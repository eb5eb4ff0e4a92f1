relu, sigmoid, tanh at inf, -inf, nan, -0.0, 1e-08, 0x1p-3, 1e308, -1e308
