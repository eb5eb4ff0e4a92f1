set format csv
table relu, leaky 0.1 on -3..3 step 0.1
