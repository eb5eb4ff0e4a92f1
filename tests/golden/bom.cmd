# a script saved with a byte-order mark runs
relu at 1
