depth layers 2 width 4 batch 3 seed 9
