relu, leaky 0.1, elu on -3..3
