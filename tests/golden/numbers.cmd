# every way to write a number, and the blanks between tokens
relu at 0x10, 0X1.8P+1, 0x.8p1, 0x1p-2, 1E+1, 2.5e-1, +.5, -.5, 5., +inf, -Infinity, INF
relu at 1e-400, 4e-320, -0.0, +0, 123456789012345678901234567890, 0.1e1
relu	at1,2 ,3
table relu on -.5..+.5 step .25
table relu on -1..1 step 0x1p-1
table relu on 0..1 step 2.5e-1
set range 0x0..0x1p1
show range
# hex digits in either case, signed exponents, a carriage return as a blank
relu at 0xAB, 0xabp0, 0x1P+2, -0x1p-2, +INF
table relu on +0..100 step 5e+1
table relu on 0..1 step 5E-1
relu at 1,2
