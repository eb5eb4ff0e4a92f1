depth relu, elu layers 2 width 4 batch 3
