# every setting, shown, and what each does to the next command
set range -2..2
set samples 5
set width 30
set height 8
set deriv off
set ascii on
set color never
show settings
relu, hardtanh
set color auto
set ascii off
set deriv on
set width auto
set height auto
show width
show height
# info with its required parameters given, and without
info threshold 1 2
info threshold
info softplus beta=2
# help: a topic, an alias, an activation, a near miss, nothing near
help numbers
help layer
help lrelu
help numbrs
help zzzzzz
# decimals of a table's x from exponents and hex
table relu on 0..0.3 step 1e-1
table relu on -0.1..0.1 step 5E-2
table relu on 0x0..0x1p1 step 0.5
table relu on 0..1 step 0.25e0
