simplenn seeds 0
simplenn seeds 2e6
simplenn batch 0
simplenn batch 2e6
simplenn relu layer 3
simplenn relu inputs 4
bench relu size 10
bench relu size 2e7
bench relu repeats 0
bench relu repeats 1e6
bench relu with normal(0, 1)
bench relu seed 3
