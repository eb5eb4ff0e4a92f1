# Monte Carlo: a count that is no multiple of the lanes, other distributions
dead relu samples 1003 seed 5
dead relu, elu with normal(1, 2) samples 1000
dead relu with uniform(-1, 2) samples 1000
# a sweep whose range has more decimals than its step
sweep relu layer 16 inputs 4 batch 10 bias -1.25..0 step 0.5
# training from each initialisation
train relu steps 2 width 4 batch 4 every 1 bias 0 init he
train relu steps 2 width 4 batch 4 every 1 bias 0 init xavier
train relu steps 2 width 4 batch 4 every 1 bias 0 init torch
train relu steps 2 width 4 batch 4 every 1 bias 0 init normal(0.1, 0.5)
train relu steps 2 width 4 batch 4 every 1 task sin optimizer sgd
