def myrelu(x) = max(0, x)
def r2(x) = relu(x^2 - 1)  # its kinks are not located: sampled
table myrelu, r2 on -2..2 step 0.5
dead myrelu, r2
