set samples 11
relu, elu on -1..1
