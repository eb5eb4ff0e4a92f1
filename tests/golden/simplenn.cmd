# The article's SimpleNN, nn.Linear(10, 1) then ReLU, over many networks:
# the output is 0 for about half the inputs, and the unit dead for a whole
# batch less often the larger the batch.
simplenn seeds 4000
simplenn relu, leaky, elu batch 6 seeds 500 seed 7
# torch.rand's inputs: all positive, so a unit is dead more often
simplenn with uniform(0, 1) batch 4 seeds 2000
set format csv
simplenn relu batch 1 seeds 10
