train relu, leaky 0.01, elu, prelu steps 40 batch 16 width 16 every 10
