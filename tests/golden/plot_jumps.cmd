hardshrink, threshold 0.5 -1 on -2..2
