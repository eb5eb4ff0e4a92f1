# sigmoid's gradient vanishing, ReLU's holding under he
depth layers 12 width 64 batch 128 seed 1
# the wrong init: ReLU's activations blowing up (a log scale), and
# collapsing
depth relu layers 8 width 32 batch 64 init normal(0, 1)
depth relu, tanh layers 10 width 32 batch 64 init normal(0, 0.05)
# one layer: no picture
depth relu, elu layers 1 width 8 batch 8
# past the limits, before anything is allocated
depth layers 1001
depth width 4096 batch 4096
depth layers 1000 width 2048 batch 2048
depth relu bins 3
depth relu init normal(0, 1e300) layers 3 width 8 batch 8
