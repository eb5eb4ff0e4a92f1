show settings
set range -5..5
set samples 400
set format csv
set width 100
show settings
help
help dying
