train steps 40 every 20
train width 8 steps 3 every 1
