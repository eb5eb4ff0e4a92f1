dead relu with normal(0, 0)
