# Monte Carlo of gates (f' only 0 or 1: their f'^2 sums are their f' sums)
# beside curves that are not, on every vector path (tests/paths.sh)
dead hardtanh, leaky 0.01, softshrink 0.3 samples 200003 seed 5
dead relu6 with uniform(-1, 7) samples 100001 seed 6
dead threshold 0.5 -1, hardshrink, elu samples 4099 seed 7
