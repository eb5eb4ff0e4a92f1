dead relu, elu with uniform(-2, 1)
dead relu samples 1000 seed 2
hist relu, elu bins 3 samples 1000
hist relu layer 16 inputs 4 batch 20 bins 2
dead relu layer 8 inputs 4 batch 10 bias -1
sweep relu, elu layer 8 inputs 4 batch 10 bias -2..0 step 1
train relu steps 4 width 4 batch 4 every 2
list
set samples 3
relu, gelu tanh on -1..1
show settings
softplus 2 30, hardtanh at 0
