relu
