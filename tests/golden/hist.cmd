hist relu
hist elu bins 20 with normal(-1, 2) samples 20000 seed 3
