elu alpha=1.5, celu 3 at -1e-08, -1, -0.0, -inf
