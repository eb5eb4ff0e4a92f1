table elu on -2..2 step 0.5
