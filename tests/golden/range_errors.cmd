relu on 1..1
relu on -1e308..1e308
relu on 1e400..3
relu on nan..1
table relu on 0..1 step 1e-9
relu at 1, 2,
relu on 1..1.000000000000001
