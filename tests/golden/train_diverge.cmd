# a diverging run gets a note, not a verdict
train relu, selu optimizer sgd lr 0.05 steps 20 every 2
