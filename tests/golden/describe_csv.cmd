# a data format keeps a plot's samples parseable; describe itself is text
set samples 5
relu on -1..1
describe relu on -1..1
