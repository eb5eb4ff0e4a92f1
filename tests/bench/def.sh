#!/bin/sh
# def.sh: benchmark, not a test: an activation defined with def against the
# built-in it spells, in one run: a plot, a plot of 100000 samples, a
# default train (300 steps) and a Monte Carlo dead (10^7 samples).
#   tests/bench/def.sh [ACTVIZ]     binary: the argument, else $ACTVIZ, else src/actviz
#   BENCH_WARMUP=2 BENCH_RUNS=9     runs of each, interleaved (these are the defaults)
# Both runs of a pair are the same command line but for the curve's name
# (the def line is in both), on the path actviz picks. Figures are medians
# of the process's CPU time (user + system), which other work on the
# machine disturbs less than wall time (printed beside it). Prints the
# ratios against the targets (a defined activation plots within 2x of a
# built-in and trains within 3x); never fails on a figure. Exit 0, or 1
# (actviz failed or printed nothing).
set -u
. "$(dirname "$0")/python.sh"
bench_python "$@" <<'EOF'
import os, statistics, sys
sys.path.insert(0, os.path.abspath(os.environ["BENCH_DIR"]))
import benchlib as bl

bl.start("def.sh")
actviz = bl.find_actviz()
warmup = bl.count("BENCH_WARMUP", 2)
runs = bl.count("BENCH_RUNS", 9)

PAIRS = [  # built-in, its definition
    ("relu", "myrelu(x) = max(0, x)"),
    ("leaky 0.01", "lk(x) = max(0.01*x, x)"),
    ("elu", "el(x) = if(x > 0, x, expm1(x))"),
    ("silu", "sw(x) = x * sigmoid(x)"),
    ("gelu", "ge(x) = 0.5 * x * erfc(-x / sqrt(2))"),
]
TASKS = [  # name, target ratio (None: none), commands with CURVE in them
    ("plot", 2.0, ["CURVE on -3..3"]),
    ("plot 1e5 samples", 2.0, ["set samples 100000", "CURVE on -3..3"]),
    ("train 300 steps", 3.0, ["train CURVE steps 300"]),
    ("dead 1e7 samples", None, ["dead CURVE samples 1e7"]),
]


def cmd(defn, curve, task):
    c = [actviz, "-W", "80", "-H", "24", "-e", "def " + defn]
    for line in task[2]:
        c += ["-e", line.replace("CURVE", curve)]
    return c


jobs = []
for builtin, defn in PAIRS:
    name = defn.split("(")[0]
    for t in TASKS:
        for curve in (builtin, name):
            c = cmd(defn, curve, t)
            _, rc, out, _ = bl.run(c)
            if rc != 0 or not out.strip():
                bl.fail(f"{' '.join(c[5:])}: status {rc}: {bl.last_stderr()[:300]}")
            jobs.append((builtin, defn, t[0], curve, tuple(c)))


def do(job, warm):
    wall, rc, _, cpu = bl.run(list(job[4]))
    return (wall, cpu)


got = bl.interleave(jobs, warmup, runs, do)
print(f"def.sh: {runs} runs after {warmup} warm-up, medians; {bl.cpu()}")
print(f"  {'task':<18} {'built-in':<12} {'cpu ms':>8} {'definition':<38} {'cpu ms':>8} {'ratio':>6}  target")
worst = {}
for builtin, defn in PAIRS:
    name = defn.split("(")[0]
    for t in TASKS:
        fig = {}
        for j in jobs:
            if j[0] == builtin and j[2] == t[0]:
                fig[j[3]] = (statistics.median(w for w, _ in got[j]) / 1e6,
                             statistics.median(c for _, c in got[j]) / 1e6)
        b, d = fig[builtin][1], fig[name][1]
        ratio = d / b if b > 0 else float("inf")
        target = t[1]
        worst[t[0]] = max(worst.get(t[0], 0), ratio)
        tgt = f"{target:g}x: {bl.verdict(ratio <= target)}" if target else "none"
        print(f"  {t[0]:<18} {builtin:<12} {b:8.2f} {defn:<38} {d:8.2f} {ratio:5.2f}x  {tgt}"
              f"   (wall {fig[builtin][0]:.2f} / {fig[name][0]:.2f} ms)")
print("  worst ratio: " + ", ".join(f"{k} {v:.2f}x" for k, v in worst.items()))
EOF
