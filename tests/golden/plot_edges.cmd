# a flat curve: a unit of room round it
relu on -3..-1
# y labels too wide for a narrow plot: left out, never cut
set width 20
set height 8
relu on 123456.789..123456.79
# more curves than the legend has room for
set width 30
relu, leaky, elu, gelu, silu, mish, softplus, selu, celu
# more bins than columns: merged
hist relu bins 200 samples 1000
# ASCII bars
set ascii on
set width 40
hist relu bins 4 samples 1000
# the last x label kept inside the plot
set width 30
set ascii off
relu on 0..123456
