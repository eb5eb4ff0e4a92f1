# odd sizes: a width that fills no vector block, batches on both sides of
# 64 (the two weight-gradient kernels), every init
depth relu, sigmoid, tanh, gelu layers 6 width 37 batch 70 seed 3
depth relu, leaky 0.1 layers 3 width 9 batch 13 init normal(0, 1) seed 2
depth tanh layers 2 width 16 batch 8 init torch
depth sigmoid layers 2 width 5 batch 3 init xavier
