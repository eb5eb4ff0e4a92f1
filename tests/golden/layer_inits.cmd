# the four initialisations, and an odd number of inputs
dead relu, elu layer 64 inputs 9 bias -2 init xavier batch 50 seed 3
dead relu layer 64 inputs 9 bias -1 init torch batch 50 seed 3
dead relu layer 64 inputs 9 bias -1 init normal(0.1, 0.2) batch 50 seed 3
dead relu layer 64 inputs 9 bias -3 init he batch 50 seed 3
# one input: z = w*x, never 0
dead relu layer 64 inputs 1 bias 0 batch 50 seed 3
