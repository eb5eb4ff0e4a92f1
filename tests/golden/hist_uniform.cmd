# a uniform distribution, and a constant f(z) (a unit interval round it)
hist relu with uniform(-3, 1) bins 4 samples 1000
hist relu with uniform(-3, -1) bins 2 samples 100
