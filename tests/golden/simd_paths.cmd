# Every branch of the vector code, with figures to the last digit: make
# check runs this on each vector path the machine has (tests/paths.sh),
# and the bytes must be the same on all of them and on every CPU.
set format csv
# batch 16: rank-one weight gradients; 64 wide
train relu, elu, prelu, gelu steps 200 batch 16 seed 1 every 100
# batch 100: dot-product weight gradients; 13 wide (rows and columns left over)
train relu, leaky 0.01, tanh steps 100 batch 100 width 13 depth 3 seed 2 every 50
# a batch of 5 in a padded block of 8, Adam
train relu, prelu steps 60 batch 5 width 7 depth 2 optimizer adam lr 0.005 seed 3 every 30
# two inputs, a long batch, an odd width
train relu, silu, selu steps 40 batch 300 width 33 task spirals seed 4 every 20
# Monte Carlo: a chunk and a part, several activations and distributions
dead relu, gelu, mish, relu6, hardswish samples 1e6 seed 3
dead sigmoid, elu, leaky 0.01 with normal(-1, 2) samples 200001 seed 5
dead relu, softplus, hardtanh with uniform(-2, 1) samples 100003 seed 6
dead gelu layer 64 seed 2
dead relu, elu, tanh layer 37 inputs 11 batch 77 bias -0.5 seed 7
hist relu, elu with normal(-0.5, 1.5) bins 12 samples 99999 seed 8
