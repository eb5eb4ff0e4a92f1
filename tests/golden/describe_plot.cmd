relu, leaky 0.1 on -2..2
# at and table are not plots: no words
relu at -1, 0, 1
describe elu on 0..1
set describe off
relu
