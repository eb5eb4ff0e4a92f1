relu
leakyy 0.1
relu at 1
