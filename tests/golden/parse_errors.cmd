# every line here is wrong in its own way; -k runs on after each
info zzzzzz
info
relu6 x=1
leaky slop=0.1
leaky slope 0.1
relu, relu, relu, relu, relu, relu, relu, relu, relu, relu, relu, relu, relu, relu, relu, relu, relu
relu at
relu,
relu foo
relu elu
dead relu samples x
dead relu samples 1.5
dead relu samples nan
dead relu with uniform 1
dead relu with normal(x, 1)
dead relu with normal(inf, 1)
dead relu with normal(0 1)
dead relu with normal(0, 1
dead relu with cauchy(0, 1)
dead relu with uniform(1, -1)
dead relu step 1
hist relu at 1
sweep relu on -1..1
train relu step 1
table relu at 1
relu step 0.5
table relu step x
table relu on -1..1 step 0
train relu lr x
train relu lr -1
train relu lr inf
train relu task moons
train relu optimizer rmsprop
dead relu layer 8 bias x
dead relu layer 8 bias inf
dead relu layer 8 init bogus
dead relu layer 8 init normal(0, -1)
dead relu bias -1
hist relu layer 8 samples 10
dead relu layer 100000 inputs 1000
sweep relu
sweep relu bias -1..1 with normal(0, 1)
train relu width 4096 batch 4096
train relu width 5000
train relu depth 17
train relu every 0
dead relu seed -1
hist relu bins 0
set color maybe
set width x
set width 10
set height 501
set samples 1
set zzzzzz 1
set colr on
set format xml
set range 1..1
set
show zzz
show settings extra
help 3
help dying extra
list relu
quit now
threshold 1
threshold value=1
relu 1
gelu approximate=fast
gelu fast
leaky 0.1 0.2
leaky slope=0.1 slope=0.2
leaky nan
softplus threshold=inf
rrelu 0.5 0.1
relu at 1 on -1..1 at 2
relu on -1..1 on -2..2
(relu)
relu at 0x
relu at 1e99999
relu at 0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001
relu at 1…2
relu on 1×2..3
relu on –1..1
relu at +
relu on —1..1
train relu at 1
relu on x..1
relu on 1..
dead relu samples 10, 3
set samples x
depth relu depth 3
train relu layers 3
