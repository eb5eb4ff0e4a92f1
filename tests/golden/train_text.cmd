train relu, prelu steps 60 batch 16 width 16 task spirals optimizer adam lr 0.01 bias 0
train relu steps 1e12
