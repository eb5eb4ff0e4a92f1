reluu
relu at 1
softplus beta=0
set samples 1e15
relu at 2
