# Every kind of bad input the language refuses, one per line (-k runs them
# all): each gets its position, a message, and the status 1 at the end.
# numbers out of range, and non-finite ends where a range is wanted
relu at 1e400
relu at -1e400
relu on -inf..inf
relu on 0..nan
relu on -1e308..1e308
# reversed and empty ranges
relu on 3..-3
relu on -1..-1
# unknown commands and activations, with a suggestion
rleu
plto relu
infoo relu
dead relu with normall(0, 1)
# missing and extra parameters
leaky slope=
leaky 0.1 0.2
relu 1
elu alpha
leaky negative_slope=0.1 negative_slope=0.2
# parameters out of their domain
softplus beta=0
hardtanh 2 -2
celu alpha=0
threshold 1
set samples -5
dead relu with normal(0, -1)
dead relu with uniform(1, 1)
# absurd sizes, refused before anything is allocated
set samples 1e15
dead relu samples 1e15
dead relu layer 1e9
dead relu layer 1e4 inputs 1e4
train relu steps 1e12
train relu width 1e6
train relu, elu, gelu, tanh, selu, mish, silu, leaky width 2048 batch 2048 depth 16
hist relu bins 1e6
table relu on 0..1 step 1e-12
sweep bias -1..1 step 1e-9
relu at 1, 2,
