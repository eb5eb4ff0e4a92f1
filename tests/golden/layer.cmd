dead relu, leaky 0.01, elu layer 256 inputs 64 bias -5 init he batch 1000 seed 1
hist relu layer 256 bias -4 bins 10
sweep bias -8..0
