leaky 0.01 on -3..3
