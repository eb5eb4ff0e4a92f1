#!/usr/bin/python3
# depth_torch.py: `depth relu, sigmoid, tanh` (30 layers of 256, he, batch
# 512) written again in PyTorch, float64, on PyTorch's own random numbers:
# not the same draws as actviz, so the figures agree in size, not in
# digits. Run by hand (python3-torch): the first and last layers' std of
# the activations, zero share and |dL/dW| for three seeds, to set beside
#   actviz -e 'depth relu, sigmoid, tanh layers 30 width 256 batch 512'
# The loss is actviz's: L = sum(G * top outputs), G N(0, 1) scaled to
# norm 1.
import math

import torch

torch.set_default_dtype(torch.float64)
LAYERS, WIDTH, BATCH = 30, 256, 512
for name, f in [("relu", torch.relu), ("sigmoid", torch.sigmoid), ("tanh", torch.tanh)]:
    for seed in range(3):
        g = torch.Generator().manual_seed(seed)
        Ws = [(torch.randn(WIDTH, WIDTH, generator=g) * math.sqrt(2 / WIDTH)).requires_grad_()
              for _ in range(LAYERS)]
        x = torch.randn(BATCH, WIDTH, generator=g)
        G = torch.randn(BATCH, WIDTH, generator=g)
        G /= G.norm()
        a, acts = x, []
        for W in Ws:
            a = f(a @ W.T)
            acts.append(a)
        (G * a).sum().backward()
        for layer in (0, LAYERS - 1):
            print("%-8s seed %d layer %2d  std %.4f  zeros %.4f  |dL/dW| %.4g" % (
                name, seed, layer + 1, acts[layer].std(unbiased=False).item(),
                (acts[layer] == 0).double().mean().item(), Ws[layer].grad.norm().item()))
