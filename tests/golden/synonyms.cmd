# what people bring from other tools, accepted: each line prints what its
# canonical form (in the comment above it) prints
# table relu on -1..1 step 1
table relu on [-1, 1] step 1
table relu on -1:1 step 1
table relu on [ -0.5 , 0.5 ] step 0.5
# set range -2..2
set range [-2, 2]
show range
set range -1:1
show range
set format csv
# sweep relu bias -2..0 step 1
sweep relu bias [-2, 0] step 1 layer 8 inputs 4 batch 10
