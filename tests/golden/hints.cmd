# phrasings people type first that the language refuses, each with a hint
# that spells the working command; -k runs on after each
relu on [3, -3]
relu on [-3 3]
relu on [-3, 3
relu on 3:-3
relu on -3:0.5:3
relu on 1...2
set range 2...1
relu on -1...-2
relu on -3 to 3
relu on (-3, 3)
relu & leaky
relu?
# the phrasings of issue 15: each message spells a working command
# (tests/phrasings.sh runs what it spells)
leaky(0.2)
softplus(1, 10)
relu'
relu'(2)
show relu
relu from -3 to 3
relu and leaky
relu, elu and leaky 0.1 vs gelu tanh from -2 to 2
rélu at 1
rеlu at 1
derivative of relu
derivative of relu at 2
compare relu elu
what is dying relu
what is elu
draw relu on -2..2
table relu(2)
relu(1), sigmoid(2)
info torch.relu(2)
