#!/bin/sh
# montecarlo.sh: benchmark, not a test: actviz's Monte Carlo statistics of
# ReLU under N(0, 1) on each of its vector paths against numpy's, in samples
# per second, 1e8 samples each, all in one run.
#   tests/bench/montecarlo.sh [ACTVIZ]   binary: the argument, else $ACTVIZ, else src/actviz
#   BENCH_WARMUP=1 BENCH_RUNS=5          runs of each, interleaved (these are the defaults)
#   BENCH_PATHS='baseline avx2'          only these of the paths actviz can run (default all)
# actviz: `dead relu samples 1e8 seed 1`, once per path it reports in
# --version (ACTVIZ_SIMD=path); its figure is 1e8 over the wall time of its
# whole process, start-up included. numpy: 1e8 draws of
# numpy.random.default_rng(1).standard_normal in chunks of 2^20, y = max(z, 0),
# dy = (z > 0) as float, and the sums count(dy == 0), count(y == 0), sum y,
# sum y^2, sum dy, sum dy^2 (np.dot for the squares); its figure is 1e8 over
# that loop alone (its import and start-up excluded), in one process kept
# for all runs, on one thread (OPENBLAS_NUM_THREADS=1, with OPENBLAS_CORETYPE
# and OPENBLAS_L2_SIZE unset in its own environment only). Beside each
# wall-clock figure, the same on CPU time, which other work on the machine
# disturbs far less.
# Prints medians, their ratios against the targets (at least 8x numpy on
# every path; baseline at most 2.5x slower than avx2), and the figures each
# computed, each difference checked against 5 standard errors of the
# difference (on every path; it says whether the paths give the same
# figures). Never fails on a target. Exit 0, 77 (skipped: no python3, or
# python3-numpy not importable; actviz is still measured when it can be)
# or 1 (actviz failed, printed nothing, or disagrees with numpy).
set -u
. "$(dirname "$0")/python.sh"
bench_python "$@" <<'EOF'
import math, os, re, statistics, sys
sys.path.insert(0, os.path.abspath(os.environ["BENCH_DIR"]))
import benchlib as bl

bl.start("montecarlo.sh")
SAMPLES = 10**8
TARGET = 8.0
FIGURES = ("p_dead", "p_zero", "mean", "std", "mean_grad", "mean_grad_sq")

actviz = bl.find_actviz()
ACTVIZ_CMD = [actviz, "-f", "csv", "-e", "dead relu samples 1e8 seed 1"]
warmup = bl.count("BENCH_WARMUP", 1)
runs = bl.count("BENCH_RUNS", 5)
paths = bl.Paths(actviz)

# The numpy side: one process, fed a line per run, answering each with a
# JSON line of its time and sums. Its first line says what it runs on.
WORKER = r'''
import json, os, sys, time
sys.path.insert(0, os.environ["BENCH_DIR"])
from benchlib import blas_info
try:
    import numpy as np
except Exception as e:
    print(json.dumps({"error": f"{type(e).__name__}: {e}"}), flush=True)
    sys.exit(3)
CHUNK = 1 << 20


def run(n, seed=1):
    c0 = time.process_time_ns()
    t0 = time.perf_counter_ns()
    rng = np.random.default_rng(seed)
    z, y, dy = np.empty(CHUNK), np.empty(CHUNK), np.empty(CHUNK)
    dead = zero = 0
    sy = sy2 = sd = sd2 = 0.0
    done = 0
    while done < n:
        k = min(CHUNK, n - done)
        zk, yk, dk = z[:k], y[:k], dy[:k]
        rng.standard_normal(out=zk)
        np.maximum(zk, 0.0, out=yk)
        np.greater(zk, 0.0, out=dk)  # (z > 0) as float
        dead += int(np.count_nonzero(dk == 0))
        zero += int(np.count_nonzero(yk == 0))
        sy += float(yk.sum())
        sy2 += float(np.dot(yk, yk))
        sd += float(dk.sum())
        sd2 += float(np.dot(dk, dk))
        done += k
    t1 = time.perf_counter_ns()
    return t1 - t0, time.process_time_ns() - c0, [dead, zero, sy, sy2, sd, sd2]


np.dot(np.ones(64), np.ones(64))
print(json.dumps({"numpy": np.__version__, "file": os.path.dirname(np.__file__),
                  "python": sys.version.split()[0], "blas": blas_info()}), flush=True)
for line in sys.stdin:
    ns, cpu, sums = run(int(line))
    print(json.dumps({"ns": ns, "cpu_ns": cpu, "sums": sums}), flush=True)
'''


def parse(out):
    """actviz's csv: a header and one row; the figures by name, or None."""
    lines = out.decode(errors="replace").strip().splitlines()
    if len(lines) != 2:
        return None
    head = lines[0].split(",")
    # the dist cell holds a quoted comma: "normal(0, 1)"
    row = re.findall(r'"[^"]*"|[^,]+', lines[1])
    if len(row) != len(head) or any(f not in head for f in FIGURES + ("method",)):
        return None
    cells = dict(zip(head, row))
    if cells["method"] != "monte_carlo":
        return None
    try:
        return {f: float(cells[f]) for f in FIGURES + ("err",)}
    except (ValueError, KeyError):
        return None


def actviz_run(path):
    try:
        dt, rc, out, cpu = bl.run(ACTVIZ_CMD, env=paths.env(path))
    except OSError as e:
        bl.fail(f"actviz did not start: {e.strerror}")
    fig = parse(out)
    if rc != 0 or fig is None:
        err = bl.last_stderr()
        why = f"exited with status {rc}" if rc != 0 else "printed no monte_carlo row"
        bl.fail(f"actviz {why} ({path})" + (f": {err[:300]}" if err else ""))
    return dt, cpu, fig


# ---- the runs ------------------------------------------------------------------

before = bl.cpu_busy()
worker = bl.Worker(WORKER)
skip = None
if worker.error:
    skip = f"python3-numpy not importable by {bl.find_python()} ({worker.error}): comparison skipped"

jobs = [("actviz", p) for p in paths.names] + ([] if skip else [("numpy", None)])
result = {}


def one(job, warm):
    k, p = job
    if k == "actviz":
        dt, cpu, fig = actviz_run(p)
    else:
        ans = worker.ask(str(SAMPLES))
        if not ans or "ns" not in ans:
            err = worker.last_error()
            bl.fail("numpy failed" + (f": {err}" if err else ""), 77)
        dt, cpu, fig = ans["ns"], ans["cpu_ns"], ans["sums"]
    if job in result and fig != result[job]:
        bl.fail(f"{k} {p or ''} gave different figures from one run to the next", 1 if k == "actviz" else 77)
    result[job] = fig
    return None if warm else (SAMPLES / (dt / 1e9), SAMPLES / (max(cpu, 1) / 1e9))


got = bl.interleave(jobs, warmup, runs, one)
rate = {j: [w for w, _ in v] for j, v in got.items()}     # wall clock
crate = {j: [c for _, c in v] for j, v in got.items()}    # CPU time
worker.close()
after = bl.cpu_busy()


# ---- the report ----------------------------------------------------------------

print("actviz -f csv -e 'dead relu samples 1e8 seed 1' into a pipe, once per vector path (ACTVIZ_SIMD)"
      + ("" if skip else ", against"))
if not skip:
    print("numpy: default_rng(1).standard_normal, 1e8 in chunks of 2^20, y = max(z, 0), dy = (z > 0),")
    print("       count(dy == 0), count(y == 0), sum y, y.y, sum dy, dy.dy")
print(f"cpu:     {bl.cpu()}")
for line in paths.report():
    print(line)
if not skip:
    h = worker.hello
    print(f"numpy:   {h['numpy']} ({h['file']}), python {h['python']} ({bl.find_python()})")
    print(f"blas:    {bl.blas_text(h['blas'])}")
    print(f"         numpy's env: {bl.pins_note()}")
print(f"runs:    {runs} measured after {warmup} warm-up, interleaved (BENCH_RUNS, BENCH_WARMUP)")
print(f"machine: {bl.others(before, after)}")
W = 16
med, cmed = {}, {}
for p in paths.names:
    v, c = rate[("actviz", p)], crate[("actviz", p)]
    med[p], cmed[p] = statistics.median(v), statistics.median(c)
    print(bl.rate_line(f"actviz {paths.label(p)}", v, "M samples/s", scale=1e6, digits=1, width=W,
                       cpu=c, how="whole process, start-up included"))
if not skip:
    print(bl.rate_line("numpy", rate[("numpy", None)], "M samples/s", scale=1e6, digits=1, width=W,
                       cpu=crate[("numpy", None)], how="its loop only"))
    n_med = statistics.median(rate[("numpy", None)])
    n_cmed = statistics.median(crate[("numpy", None)])
    print(f"  ratios: actviz / numpy   (target: at least {TARGET:g}x on every path)")
    for p in paths.names:
        x = med[p] / n_med
        print(f"  {paths.label(p):<{W}} {x:9.2f}x{bl.cpu_ratio(cmed[p] / n_cmed):<14} {bl.verdict(x >= TARGET)}")
line = paths.slowdown(med, width=W, cpu=cmed)
if line:
    print(line)

# Paths that give the same figures share a column below.
groups = []
for p in paths.names:
    for g in groups:
        if result[("actviz", g[0])] == result[("actviz", p)]:
            g.append(p)
            break
    else:
        groups.append([p])
if len(paths.names) > 1:
    print("paths:   " + ("the same figures on every path" if len(groups) == 1 else
                         "the figures DIFFER between paths: " + " | ".join(" ".join(g) for g in groups)))
if skip:
    print(f"ratio:   {skip}")
    sys.exit(77)

# numpy's figures from its sums, as actviz computes its own
n = SAMPLES
dead, zero, sy, sy2, sd, sd2 = result[("numpy", None)]
mean = sy / n
var = max(sy2 / n - mean * mean, 0)
mine = {"p_dead": dead / n, "p_zero": zero / n, "mean": mean, "std": math.sqrt(var),
        "mean_grad": sd / n, "mean_grad_sq": sd2 / n}
# Standard errors of one estimate from n samples, from numpy's figures;
# the std's (delta method) needs E(y - mean)^4, taken from the exact moments
# of relu(z), z ~ N(0, 1): E y^k = 1/sqrt(2 pi), 1/2, 2/sqrt(2 pi), 3/2.
# f' is 0 or 1, so Var(f'^2) = Var(f').
c = 1 / math.sqrt(2 * math.pi)
m1, m2, m3, m4 = c, 0.5, 2 * c, 1.5
mu4 = m4 - 4 * m1 * m3 + 6 * m1 * m1 * m2 - 3 * m1 ** 4
var_exact = m2 - m1 * m1
exact = {"p_dead": 0.5, "p_zero": 0.5, "mean": m1, "std": math.sqrt(var_exact),
         "mean_grad": 0.5, "mean_grad_sq": 0.5}
pg = mine["mean_grad"]
se = {"p_dead": math.sqrt(mine["p_dead"] * (1 - mine["p_dead"]) / n),
      "p_zero": math.sqrt(mine["p_zero"] * (1 - mine["p_zero"]) / n),
      "mean": math.sqrt(var / n),
      "std": math.sqrt((mu4 - var_exact ** 2) / n) / (2 * math.sqrt(var)),
      "mean_grad": math.sqrt(pg * (1 - pg) / n),
      "mean_grad_sq": math.sqrt(pg * (1 - pg) / n)}
label = (lambda g: "actviz" if len(groups) == 1 else "actviz " + "+".join(g))
print(f"figures     " + "".join(f"{label(g):>21}" for g in groups)
      + f" {'numpy':>20} {'exact':>20}   |a - n| / 5 SE(a - n)")
bad = set()
for f in FIGURES:
    lim = 5 * math.sqrt(2) * se[f]  # two independent estimates, n samples each
    cells, checks = "", ""
    for g in groups:
        v = result[("actviz", g[0])][f]
        d = abs(v - mine[f])
        if d > lim:
            bad.add(f)
        cells += f" {v:20.12g}"
        checks += f" {d / lim:5.2f} {'ok' if d <= lim else 'DISAGREE'}"
    print(f"{f:<12}{cells} {mine[f]:20.12g} {exact[f]:20.12g}  {checks}")
print(f"(actviz's own error bound, 4 standard errors: "
      + ", ".join(f"{result[('actviz', g[0])]['err']:.3g}" for g in groups) + ")")
if bad:
    print(f"values:  actviz and numpy DISAGREE beyond 5 standard errors on {', '.join(sorted(bad))}")
    sys.exit(1)
print("values:  actviz and numpy agree within 5 standard errors of their difference on every figure")
sys.exit(0)
EOF
