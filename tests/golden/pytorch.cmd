# PyTorch's spellings people paste, accepted. Each group starts with the
# canonical form (after its '#'); the lines after it print the same bytes,
# and labels, titles and column names write the canonical form.
#
relu at 2
relu(2)
torch.relu(2)
torch.nn.functional.relu(2)
#
relu at -1, 0, 1
torch.nn.ReLU at -1, 0, 1
nn.ReLU() at -1, 0, 1
F.relu at -1, 0, 1
#
leaky 0.2 at -1
nn.LeakyReLU(0.2) at -1
torch.nn.LeakyReLU(0.2) at -1
F.leaky_relu(-1, 0.2)
F.leaky_relu(x, negative_slope=0.2) at -1
torch.nn.LeakyReLU(negative_slope=0.2, inplace=True) at -1
#
elu alpha=1.5 at -1
torch.nn.ELU(alpha=1.5) at -1
F.elu(-1, alpha=1.5)
#
gelu tanh at 1
nn.GELU(approximate='tanh') at 1
F.gelu(1, approximate="tanh")
#
sigmoid at 0
torch.sigmoid(0)
#
table leaky 0.2, elu on -1..1 step 1
table nn.LeakyReLU(0.2), F.elu on [-1, 1] step 1
#
leaky 0.2, relu on -2..2
nn.LeakyReLU(0.2), torch.relu on -2:2
#
dead relu, leaky 0.01
dead nn.ReLU(), F.leaky_relu
