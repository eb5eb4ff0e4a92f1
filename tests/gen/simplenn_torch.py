#!/usr/bin/env python3
"""Checks actviz's simplenn against the article's network run in PyTorch:
SimpleNN (nn.Linear(10, 1) at its default initialisation, then nn.ReLU)
built afresh under each of many seeds and fed torch.randn inputs. For each
batch size it compares the share of outputs that are exactly 0 and the
share of networks whose unit is dead for the whole batch, difference over
the two standard errors combined: the streams differ, so only the
statistics can agree, within about 4 of them. A development check, not
part of make check (the tests must not need torch).

    python3 tests/gen/simplenn_torch.py src/actviz [SEEDS [BATCH]]
"""
import math
import subprocess
import sys

import torch
import torch.nn as nn

ACTVIZ = sys.argv[1] if len(sys.argv) > 1 else "src/actviz"
SEEDS = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
BATCH = int(sys.argv[3]) if len(sys.argv) > 3 else 16


class SimpleNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(10, 1)
        self.relu = nn.ReLU()

    def forward(self, x):
        return self.relu(self.fc(x))


def sizes(batch):
    k, out = 1, []
    while k < batch:
        out.append(k)
        k *= 2
    return out + [batch]


def mean_se(values):
    n = len(values)
    m = sum(values) / n
    var = sum((v - m) ** 2 for v in values) / (n - 1)
    return m, math.sqrt(var / n)


def torch_shares():
    ks = sizes(BATCH)
    zero = {k: [] for k in ks}
    dead = {k: [] for k in ks}
    torch.set_grad_enabled(False)
    for seed in range(SEEDS):
        torch.manual_seed(seed)
        model = SimpleNN().double()  # float64, as actviz computes
        y = model(torch.randn(BATCH, 10, dtype=torch.float64))[:, 0]
        is0 = (y == 0).tolist()
        for k in ks:
            zero[k].append(sum(is0[:k]) / k)
            dead[k].append(1.0 if all(is0[:k]) else 0.0)
    return {k: (mean_se(zero[k]), mean_se(dead[k])) for k in ks}


def actviz_shares():
    out = subprocess.run([ACTVIZ, "-f", "csv", "-e", f"simplenn seeds {SEEDS} batch {BATCH}"],
                         check=True, capture_output=True, text=True).stdout
    rows = {}
    for line in out.splitlines()[1:]:
        curve, batch, seeds, z, zerr, d, derr = line.split(",")
        # err is 4 standard errors
        rows[int(batch)] = ((float(z), float(zerr) / 4), (float(d), float(derr) / 4))
    return rows


def main():
    a, t = actviz_shares(), torch_shares()
    print(f"{SEEDS} seeds each; z = (actviz - torch) / sqrt(se_a^2 + se_t^2)")
    print(f"{'batch':>5}  {'zero actviz':>12}  {'zero torch':>12}  {'z':>6}  "
          f"{'dead actviz':>12}  {'dead torch':>12}  {'z':>6}")
    worst = 0.0
    for k in sizes(BATCH):
        cells = []
        for i in range(2):
            (ma, sa), (mt, st) = a[k][i], t[k][i]
            se = math.hypot(sa, st)
            z = (ma - mt) / se if se > 0 else (0.0 if ma == mt else math.inf)
            worst = max(worst, abs(z))
            cells += [f"{ma:12.6f}", f"{mt:12.6f}", f"{z:6.2f}"]
        print(f"{k:5d}  " + "  ".join(cells))
    print(f"largest |z|: {worst:.2f} ({'agree' if worst < 4 else 'DISAGREE'} within 4 standard errors)")
    return 0 if worst < 4 else 1


if __name__ == "__main__":
    sys.exit(main())
