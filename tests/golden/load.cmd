# load runs a file's lines in this session: its settings stay
load load_part.avz
show range
load "load_part.avz"   # quoted, then a comment
load load_error.avz
relu at 4
