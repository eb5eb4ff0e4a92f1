#!/bin/sh
# train.sh: benchmark, not a test: actviz's MLP training (`train`) on each of
# its vector paths against PyTorch's and against the same network in C on
# OpenBLAS, in steps per second, at batch 16 and 256, all in one run.
#   tests/bench/train.sh [ACTVIZ]     binary: the argument, else $ACTVIZ, else src/actviz
#   BENCH_WARMUP=1 BENCH_RUNS=5       runs of each, interleaved (these are the defaults;
#                                     a warm-up run is a tenth of the steps)
#   BENCH_PATHS='baseline avx2'       only these of the paths actviz can run (default all)
#   TRAIN_BLAS=tests/bench/train_blas the C+OpenBLAS peer (make bench builds and sets it;
#                                     empty: none; unset: that path if it is there)
# All three train a 1 -> 64 -> 64 -> 1 ReLU MLP in float64 by plain SGD (lr
# 0.01) on a fresh batch each step (x ~ U(-3, 3), y = sin(3x), mean squared
# error), the weights as nn.Linear draws them and the hidden biases then set
# to 0, and count the dead hidden units (f' = 0 for the whole batch) of each
# layer at every step. actviz runs once per path it reports in --version
# (ACTVIZ_SIMD=path); its figure is N over the wall time of its whole
# process, start-up included. torch's is N over its training loop alone (its
# import and start-up, about a second, excluded), in one process kept for
# all runs; train_blas's (tests/bench/train_blas.c, cblas_dgemm for every
# product) over its loop alone too. The peers run on one thread
# (OPENBLAS_NUM_THREADS=1; torch.set_num_threads(1)) with OPENBLAS_CORETYPE
# and OPENBLAS_L2_SIZE unset in their own environment: Debian's torch does
# its matrix products through libblas.so.3, and these pin an older OpenBLAS
# kernel. actviz runs in the environment as given. Beside each wall-clock
# figure, the same on CPU time (the child's user + system time; the peers'
# loops' process time), which other work on the machine disturbs far less.
# Prints medians and the ratios against the targets: on the avx2 and avx512
# paths at least 15x torch at batch 16 and 2x at batch 256; on the path
# actviz picks at least as fast as C+OpenBLAS; baseline at most 2.5x slower
# than avx2. Never fails on a figure.
# Exit 0, 77 (skipped: no python3, or a peer missing (python3-torch not
# importable, train_blas not built); the rest is still measured) or 1
# (actviz failed or printed nothing).
set -u
. "$(dirname "$0")/python.sh"
bench_python "$@" <<'EOF'
import os, statistics, sys, sysconfig
sys.path.insert(0, os.path.abspath(os.environ["BENCH_DIR"]))
import benchlib as bl

bl.start("train.sh")
STEPS = {16: 60000, 256: 8000}   # a run of actviz ~0.5 s and ~1 s, torch ~7 s and ~2 s (AMD EPYC)
TARGET_TORCH = {16: 15.0, 256: 2.0}
TORCH_PATHS = ("avx2", "avx512")  # where the torch targets apply
TARGET_BLAS = 1.0                 # on the path actviz picks
WIDTH = 64

actviz = bl.find_actviz()
warmup = bl.count("BENCH_WARMUP", 1)
runs = bl.count("BENCH_RUNS", 5)
paths = bl.Paths(actviz)


def actviz_cmd(batch, steps):
    return [actviz, "-f", "csv", "-e",
            f"train relu steps {steps} batch {batch} lr 0.01 optimizer sgd bias 0 init torch seed 1"]


def last_row(out):
    """actviz's csv: the header, then one row per report; the last as
    [step, loss, dead_share, dead l1, dead l2]."""
    lines = out.decode(errors="replace").strip().splitlines()
    if len(lines) < 2 or not lines[0].startswith("curve,step,loss,dead_share"):
        return None
    f = lines[-1].split(",")
    try:
        return [int(f[1])] + [float(v) for v in f[2:]]
    except (ValueError, IndexError):
        return None


def actviz_run(path, batch, steps):
    what = f"{path}, batch {batch}, {steps} steps"
    try:
        dt, rc, out, cpu = bl.run(actviz_cmd(batch, steps), env=paths.env(path))
    except OSError as e:
        bl.fail(f"actviz did not start: {e.strerror}")
    row = last_row(out)
    if rc != 0 or row is None or row[0] != steps:
        err = bl.last_stderr()
        why = f"exited with status {rc}" if rc != 0 else "printed no final row"
        bl.fail(f"actviz {why} ({what})" + (f": {err[:300]}" if err else ""))
    return dt, cpu, row


# ---- torch: one process, fed "batch steps" lines ------------------------------

WORKER = r'''
import json, os, re, sys, time
sys.path.insert(0, os.environ["BENCH_DIR"])
from benchlib import blas_info
try:
    import torch
except Exception as e:
    print(json.dumps({"error": f"{type(e).__name__}: {e}"}), flush=True)
    sys.exit(3)
torch.set_num_threads(1)
D = torch.float64
WIDTH = 64


def run(batch, steps, seed=1):
    c0 = time.process_time_ns()
    t0 = time.perf_counter_ns()
    torch.manual_seed(seed)
    l1 = torch.nn.Linear(1, WIDTH, dtype=D)
    l2 = torch.nn.Linear(WIDTH, WIDTH, dtype=D)
    l3 = torch.nn.Linear(WIDTH, 1, dtype=D)
    with torch.no_grad():  # "bias 0": the hidden biases
        l1.bias.zero_()
        l2.bias.zero_()
    opt = torch.optim.SGD([*l1.parameters(), *l2.parameters(), *l3.parameters()], lr=0.01)
    for step in range(1, steps + 1):
        x = torch.rand(batch, 1, dtype=D) * 6 - 3
        y = torch.sin(3 * x)
        z1 = l1(x)
        z2 = l2(torch.relu(z1))
        out = l3(torch.relu(z2))
        loss = torch.nn.functional.mse_loss(out, y)
        # dead units: f'(z) = 0 for the whole batch, per hidden layer
        dead1 = WIDTH - (z1 > 0).any(dim=0).sum()
        dead2 = WIDTH - (z2 > 0).any(dim=0).sum()
        opt.zero_grad()
        loss.backward()
        opt.step()
    t1 = time.perf_counter_ns()
    c1 = time.process_time_ns()
    d1, d2 = dead1.item(), dead2.item()
    return t1 - t0, c1 - c0, [steps, loss.item(), (d1 + d2) / (2 * WIDTH), d1 / WIDTH, d2 / WIDTH]


torch.nn.functional.linear(torch.ones(64, 64, dtype=D), torch.ones(64, 64, dtype=D))
info = blas_info()
m = re.findall(r"\b(BLAS_INFO=[^,\s]*|LAPACK_INFO=[^,\s]*)", torch.__config__.show())
info["torch_blas"] = ", ".join(m) if m else None
print(json.dumps({"torch": torch.__version__, "file": os.path.dirname(torch.__file__),
                  "python": sys.version.split()[0], "threads": torch.get_num_threads(),
                  "blas": info}), flush=True)
for line in sys.stdin:
    batch, steps = map(int, line.split())
    ns, cpu, row = run(batch, steps)
    print(json.dumps({"ns": ns, "cpu_ns": cpu, "row": row}), flush=True)
'''

# ---- C+OpenBLAS: tests/bench/train_blas, a process a run -----------------------

def find_blas():
    """Its path, or None and why not."""
    given = os.environ.get("TRAIN_BLAS")
    if given == "":
        return None, "configure found no OpenBLAS (apt-get install libopenblas-dev, then configure)"
    path = given or "tests/bench/train_blas"
    if os.path.isfile(path) and os.access(path, os.X_OK):
        return os.path.abspath(path), None
    if given:
        return None, f"TRAIN_BLAS={given}: no such executable"
    return None, "tests/bench/train_blas not built (make bench builds it when configure finds OpenBLAS)"


def blas_run(batch, steps):
    """Its loop's wall and CPU time (ns), final row and OpenBLAS line;
    exits 77 when it fails."""
    try:
        _, rc, out, _ = bl.run([blas, str(steps), str(batch), "1"], env=bl.peer_env())
    except OSError as e:
        bl.fail(f"train_blas did not start: {e.strerror}", 77)
    text = out.decode(errors="replace")
    kv = dict(w.split("=", 1) for line in text.splitlines() if line.startswith("steps=")
              for w in line.split())
    info = next((line[len("openblas: "):] for line in text.splitlines()
                 if line.startswith("openblas: ")), "?")
    try:
        d1, d2 = int(kv["dead1"]), int(kv["dead2"])
        row = [int(kv["steps"]), float(kv["loss"]), (d1 + d2) / (2 * WIDTH), d1 / WIDTH, d2 / WIDTH]
        return int(kv["ns"]), int(kv["cpu_ns"]), row, info
    except (KeyError, ValueError):
        err = bl.last_stderr()
        bl.fail(f"train_blas failed (status {rc}, batch {batch}, {steps} steps)"
                + (f": {err[:300]}" if err else ""), 77)


# ---- the runs ------------------------------------------------------------------

before = bl.cpu_busy()
skips = []
worker = bl.Worker(WORKER)
if worker.error:
    skips.append(f"torch: python3-torch not importable by {bl.find_python()} ({worker.error})")
blas, why = find_blas()
blas_info = None
if blas:
    blas_info = blas_run(16, 1)[3]
else:
    skips.append(f"C+OpenBLAS: {why}")

startup = [actviz_run(paths.picked, 16, 1)[0] for _ in range(3)]
jobs = [("actviz", p, b) for b in STEPS for p in paths.names]
jobs += [("torch", None, b) for b in STEPS if not worker.error]
jobs += [("C+OpenBLAS", None, b) for b in STEPS if blas]
last = {}


def one(job, warm):
    k, p, b = job
    n = max(STEPS[b] // 10, 1) if warm else STEPS[b]
    if k == "actviz":
        dt, cpu, row = actviz_run(p, b, n)
    elif k == "torch":
        ans = worker.ask(f"{b} {n}")
        if not ans or "ns" not in ans:
            err = worker.last_error()
            bl.fail(f"torch failed (batch {b}, {n} steps)" + (f": {err}" if err else ""), 77)
        dt, cpu, row = ans["ns"], ans["cpu_ns"], ans["row"]
    else:
        dt, cpu, row, _ = blas_run(b, n)
    if warm:
        return None
    last[job] = row
    return n / (dt / 1e9), n / (max(cpu, 1) / 1e9)


got = bl.interleave(jobs, warmup, runs, one)
rate = {j: [w for w, _ in v] for j, v in got.items()}     # wall clock
crate = {j: [c for _, c in v] for j, v in got.items()}    # CPU time
worker.close()
startup += [actviz_run(paths.picked, 16, 1)[0] for _ in range(4)]
after = bl.cpu_busy()


# ---- the report ----------------------------------------------------------------

def row_text(r):
    return f"loss {r[1]:.4g}, dead l1 {round(r[3] * WIDTH)}/{WIDTH}, l2 {round(r[4] * WIDTH)}/{WIDTH}"


have_torch, have_blas = not worker.error, bool(blas)
print("actviz -f csv -e 'train relu steps N batch B lr 0.01 optimizer sgd bias 0 init torch seed 1' into a pipe,"
      " once per vector path (ACTVIZ_SIMD)" + (", against" if have_torch or have_blas else ""))
if have_torch:
    print("torch:      the same 1-64-64-1 float64 ReLU MLP, nn.Linear init, hidden biases 0, SGD lr 0.01,")
    print("            torch.rand(B,1)*6-3 and y = sin(3x) each step, mse_loss, dead units per layer each step")
if have_blas:
    print("C+OpenBLAS: the same MLP written plainly in C, cblas_dgemm for each product, its own RNG")
print(f"cpu:     {bl.cpu()}")
for line in paths.report():
    print(line)
if have_torch:
    h = worker.hello
    print(f"torch:   {h['torch']} ({h['file']}), python {h['python']} ({bl.find_python()}),"
          f" {h['threads']} thread")
    mapped = ", ".join(h["blas"]["mapped"]) or "none"
    print(f"         its process maps {mapped}")
    print(f"         {bl.blas_text(h['blas'])}"
          f" ({'torch: ' + h['blas']['torch_blas'] if h['blas'].get('torch_blas') else 'torch config: ?'})")
    lib = f"/usr/lib/{sysconfig.get_config_var('MULTIARCH') or 'x86_64-linux-gnu'}/libblas.so.3"
    if os.path.exists(lib):
        print(f"         libblas.so.3 alternative -> {os.path.realpath(lib)}")
if have_blas:
    print(f"C+OpenBLAS: {blas}")
    print(f"         {blas_info}")
if have_torch or have_blas:
    print(f"peers:   {bl.pins_note()}")
print(f"runs:    {runs} measured after {warmup} warm-up (a tenth of the steps), interleaved"
      " (BENCH_RUNS, BENCH_WARMUP)")
print(f"machine: {bl.others(before, after)}")

W = 18
for b in STEPS:
    print(f"batch {b}, {STEPS[b]} steps:")
    med, cmed = {}, {}
    for p in paths.names:
        v, c = rate[("actviz", p, b)], crate[("actviz", p, b)]
        med[p], cmed[p] = statistics.median(v), statistics.median(c)
        print(bl.rate_line(f"actviz {paths.label(p)}", v, "steps/s", width=W, cpu=c,
                           how="whole process, start-up included"))
    peers = [k for k, ok in (("torch", have_torch), ("C+OpenBLAS", have_blas)) if ok]
    for k in peers:
        print(bl.rate_line(k, rate[(k, None, b)], "steps/s", width=W, cpu=crate[(k, None, b)],
                           how="training loop only"))
    if peers:
        head = "".join(f"  {'actviz / ' + k:<42}" for k in peers)
        print(f"  {'ratios':<{W}}{head}".rstrip())
    for p in paths.names if peers else ():
        cells = ""
        for k in peers:
            x = med[p] / statistics.median(rate[(k, None, b)])
            xc = cmed[p] / statistics.median(crate[(k, None, b)])
            if k == "torch":
                t = TARGET_TORCH[b]
                note = f"{bl.verdict(x >= t)} (>= {t:g}x)" if p in TORCH_PATHS else "no target"
            else:
                t = TARGET_BLAS
                note = (f"{bl.verdict(x >= t)} (>= {t:g}x)" if p == paths.picked
                        else "no target")
            cells += f"  {x:8.2f}x{bl.cpu_ratio(xc):<14} {note:<19}"
        print(f"  {paths.label(p):<{W}}{cells}".rstrip())
    line = paths.slowdown(med, width=W, cpu=cmed)
    if line:
        print(line)
    rows = {p: last[("actviz", p, b)] for p in paths.names}
    same = all(r == rows[paths.names[0]] for r in rows.values())
    print(f"  step {STEPS[b]}: actviz {row_text(rows[paths.names[0]])}"
          + ("" if len(rows) == 1 else ", the same on every path" if same
             else "; the paths DIFFER: " + "; ".join(f"{p} {row_text(r)}" for p, r in rows.items())))
    for k in peers:
        print(f"  {'':<{len(str(STEPS[b])) + 6}} {k} {row_text(last[(k, None, b)])}")
print(f"actviz start-up (1 step, batch 16, {paths.picked}): median"
      f" {statistics.median(startup) / 1e6:.2f} ms, in its figures above")
print("targets: actviz / torch at least 15x at batch 16 and 2x at batch 256 on avx2 and avx512;"
      " actviz / C+OpenBLAS at least 1x on the path actviz picks (*); baseline at most 2.5x"
      " slower than avx2")
for s in skips:
    print(f"skipped: {s}")
sys.exit(77 if skips else 0)
EOF
