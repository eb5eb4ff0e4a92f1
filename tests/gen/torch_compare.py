#!/usr/bin/env python3
"""Compares actviz with PyTorch (float64 forward, autograd backward) for
every activation: a development check, not part of make check (the tests
must not need torch). For each curve it reports the largest relative
difference where the two agree to within 1e-12, and lists every point
where they differ more, so each can be checked against the exact value.

    python3 tests/gen/torch_compare.py src/actviz
"""
import subprocess
import sys

import torch
import torch.nn.functional as F

ACTVIZ = sys.argv[1] if len(sys.argv) > 1 else "src/actviz"

CURVES = [
    ("relu", F.relu), ("relu6", F.relu6),
    ("leaky", lambda x: F.leaky_relu(x, 0.01)), ("leaky 0.1", lambda x: F.leaky_relu(x, 0.1)),
    ("prelu", lambda x: F.prelu(x, torch.tensor([0.25], dtype=torch.float64))),
    ("rrelu", lambda x: F.rrelu(x, training=False)),
    ("rrelu 0.2 0.5", lambda x: F.rrelu(x, 0.2, 0.5, training=False)),
    ("elu", F.elu), ("elu 1.5", lambda x: F.elu(x, 1.5)), ("selu", F.selu),
    ("celu", F.celu), ("celu 3", lambda x: F.celu(x, 3.0)),
    ("gelu", F.gelu), ("gelu tanh", lambda x: F.gelu(x, approximate="tanh")),
    ("silu", F.silu), ("mish", F.mish), ("softplus", F.softplus),
    ("softplus 2 10", lambda x: F.softplus(x, 2, 10)),
    ("hardtanh", F.hardtanh), ("hardtanh -2 3", lambda x: F.hardtanh(x, -2.0, 3.0)),
    ("hardswish", F.hardswish), ("hardsigmoid", F.hardsigmoid),
    ("sigmoid", torch.sigmoid), ("tanh", torch.tanh), ("softsign", F.softsign),
    ("logsigmoid", F.logsigmoid), ("threshold 0.5 -2", lambda x: F.threshold(x, 0.5, -2.0)),
    ("tanhshrink", F.tanhshrink), ("softshrink", F.softshrink), ("hardshrink", F.hardshrink),
]

POINTS = sorted({float(v) for v in
                 [i / 8 for i in range(-64, 65)] + [-6.0, 6.0, 20.0, -20.0, 10.0, 5.0, 2.5,
                  1e-8, -1e-8, 1e-300, -1e-300, 37.0, -37.0, 50.0, -50.0, 100.0, -100.0,
                  700.0, -700.0, 1000.0, -1000.0, 1e308, -1e308, 0.5, -0.5, 0.3, -0.3]})


def run_actviz(label):
    pts = ", ".join(repr(p) for p in POINTS)
    out = subprocess.run([ACTVIZ, "-f", "csv", "-e", "%s at %s" % (label, pts)],
                         capture_output=True, text=True, check=True).stdout
    rows = [line.split(",") for line in out.strip().split("\n")[1:]]
    return [(float(a), float(b), float(c)) for a, b, c in rows]


def rel(a, b):
    if a == b or (a != a and b != b):
        return 0.0
    d = abs(a - b)
    m = max(abs(a), abs(b))
    return d / m if m > 0 else d


def main():
    worst_all = 0.0
    for label, fn in CURVES:
        x = torch.tensor(POINTS, dtype=torch.float64, requires_grad=True)
        y = fn(x)
        y.sum().backward()
        ty, tdy = y.detach().tolist(), x.grad.tolist()
        ours = run_actviz(label)
        worst = 0.0
        odd = []
        for (px, ay, ady), by, bdy in zip(ours, ty, tdy):
            for what, a, b in (("f", ay, by), ("f'", ady, bdy)):
                r = rel(a, b)
                if r <= 1e-12:
                    worst = max(worst, r)
                else:
                    odd.append("%s(%r): actviz %r torch %r" % (what, px, a, b))
        worst_all = max(worst_all, worst)
        print("%-18s agree to %.2g" % (label, worst) + ("" if not odd else ", differ at:"))
        for line in odd:
            print("    " + line)
    print("largest relative difference where they agree: %.3g" % worst_all)


main()
