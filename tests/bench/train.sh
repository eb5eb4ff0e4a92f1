#!/bin/sh
# train.sh: benchmark, not a test: actviz's MLP training (`train`) against
# PyTorch's doing the same work, in steps per second, at batch 16 and 256.
#   tests/bench/train.sh [ACTVIZ]     binary: $ACTVIZ, else the argument, else src/actviz
#   BENCH_WARMUP=1 BENCH_RUNS=5       runs of each, interleaved (these are the defaults;
#                                     a warm-up run is a tenth of the steps)
# Both train a 1 -> 64 -> 64 -> 1 ReLU MLP in float64 by plain SGD (lr 0.01) on
# a fresh batch each step (x ~ U(-3, 3), y = sin(3x), mean squared error), the
# weights as nn.Linear draws them and the hidden biases then set to 0, and
# count the dead hidden units (f' = 0 for the whole batch) of each layer at
# every step. actviz's figure is N over the wall time of its whole process,
# start-up included; torch's is N over its training loop alone (its import
# and start-up, about a second, excluded), in one process kept for all runs.
# torch runs on one thread (torch.set_num_threads(1), OPENBLAS_NUM_THREADS=1)
# with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset in its own environment:
# Debian's torch does its matrix products through libblas.so.3, and these
# pin an older OpenBLAS kernel. actviz runs in the environment as given.
# Prints medians, their ratios against the targets (at least 15x at batch
# 16, 2x at batch 256) and the BLAS torch used; never fails on a figure.
# Exit 0, 77 (skipped: no python3, or python3-torch not importable; actviz
# is still measured when it can be) or 1 (actviz failed or printed nothing).
set -u

actviz=${ACTVIZ:-${1:-src/actviz}}
case $actviz in
*/*) ;;
*) actviz=$(command -v "$actviz") || { echo "train.sh: ${ACTVIZ:-$1}: not found" >&2; exit 1; } ;;
esac
if [ ! -x "$actviz" ]; then
	echo "train.sh: $actviz: no such executable (build it with make, or set ACTVIZ)" >&2
	exit 1
fi
# python3 is the harness, and Debian's own is the one with python3-torch;
# not a version manager's shim.
python=${PYTHON:-}
[ -z "$python" ] && [ -x /usr/bin/python3 ] && python=/usr/bin/python3
[ -z "$python" ] && python=$(command -v python3)
if [ -z "$python" ]; then
	echo "train.sh: python3 not found: benchmark skipped" >&2
	exit 77
fi

# A fixed world, as in golden.sh: no locale, terminal size or home from outside.
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
mkdir "$tmp/home"

env -u COLUMNS -u LINES -u NO_COLOR -u TERM LC_ALL=C.UTF-8 HOME="$tmp/home" \
	ACTVIZ_BIN="$actviz" PYTHON_BIN="$python" \
	"$python" - <<'EOF'
import json, os, re, statistics, subprocess, sys, time

STEPS = {16: 60000, 256: 8000}   # actviz ~0.45 s and ~0.95 s a run, torch ~7 s and ~2 s (AMD EPYC)
TARGET = {16: 15.0, 256: 2.0}
WIDTH = 64


def actviz_cmd(batch, steps):
    return [os.environ["ACTVIZ_BIN"], "-f", "csv", "-e",
            f"train relu steps {steps} batch {batch} lr 0.01 bias 0 init torch seed 1"]


# The torch side: one process, fed "batch steps" lines, answering each with
# a JSON line. Its first line says what it runs on.
WORKER = r'''
import ctypes, json, os, re, sys, time
try:
    import torch
except Exception as e:
    print(json.dumps({"error": f"{type(e).__name__}: {e}"}), flush=True)
    sys.exit(3)
torch.set_num_threads(1)
D = torch.float64
WIDTH = 64


def run(batch, steps, seed=1):
    every = (steps + 49) // 50
    rows = []
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
        if step == 1 or step == steps or step % every == 0:
            d1, d2 = dead1.item(), dead2.item()
            rows.append([step, loss.item(), (d1 + d2) / (2 * WIDTH), d1 / WIDTH, d2 / WIDTH])
    t1 = time.perf_counter_ns()
    return t1 - t0, rows


def blas_info():
    """The BLAS libraries mapped into this process after a float64 matrix
    product, and what OpenBLAS says of itself (core, threads)."""
    torch.nn.functional.linear(torch.ones(64, 64, dtype=D), torch.ones(64, 64, dtype=D))
    with open("/proc/self/maps") as f:
        libs = sorted({l.split()[-1] for l in f if "/" in l and
                       any(k in l for k in ("blas", "lapack", "mkl", "blis", "atlas"))})
    info = {"mapped": libs, "openblas": None}
    for p in libs:
        try:
            lib = ctypes.CDLL(p)
            lib.openblas_get_config.restype = ctypes.c_char_p
            lib.openblas_get_corename.restype = ctypes.c_char_p
            info["openblas"] = {"lib": p, "config": lib.openblas_get_config().decode(),
                                "core": lib.openblas_get_corename().decode(),
                                "threads": lib.openblas_get_num_threads()}
            break
        except (OSError, AttributeError):
            continue
    cfg = torch.__config__.show()
    m = re.findall(r"\b(BLAS_INFO=[^,\s]*|LAPACK_INFO=[^,\s]*)", cfg)
    info["torch_blas"] = ", ".join(m) if m else None
    return info


print(json.dumps({"torch": torch.__version__, "file": os.path.dirname(torch.__file__),
                  "python": sys.version.split()[0], "threads": torch.get_num_threads(),
                  "blas": blas_info()}), flush=True)
for line in sys.stdin:
    batch, steps = map(int, line.split())
    ns, rows = run(batch, steps)
    print(json.dumps({"ns": ns, "rows": rows}), flush=True)
'''


def count(name, default):
    v = os.environ.get(name, "")
    if not v:
        return default
    if not v.isdigit() or (name == "BENCH_RUNS" and int(v) == 0):
        sys.exit(f"train.sh: {name}={v}: not a {'positive' if name == 'BENCH_RUNS' else 'non-negative'} integer")
    return int(v)


warmup = count("BENCH_WARMUP", 1)
runs = count("BENCH_RUNS", 5)


def run(cmd):
    """Wall time (ns), exit status and stdout of one run, stdout read
    through a pipe as a real consumer would; posix_spawn (vfork) keeps the
    harness's own cost small."""
    r, w = os.pipe()
    acts = [(os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
            (os.POSIX_SPAWN_DUP2, w, 1), (os.POSIX_SPAWN_CLOSE, r),
            (os.POSIX_SPAWN_CLOSE, w),
            (os.POSIX_SPAWN_OPEN, 2, os.path.join(os.environ["HOME"], "stderr"),
             os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)]
    t0 = time.perf_counter_ns()
    pid = os.posix_spawn(cmd[0], cmd, os.environ, file_actions=acts)
    os.close(w)
    chunks = []
    while True:
        b = os.read(r, 65536)
        if not b:
            break
        chunks.append(b)
    _, st = os.waitpid(pid, 0)
    t1 = time.perf_counter_ns()
    os.close(r)
    return t1 - t0, os.waitstatus_to_exitcode(st), b"".join(chunks)


def last_row(out):
    """actviz's csv: the header, then one row per report; the last as a list."""
    lines = out.decode(errors="replace").strip().splitlines()
    if len(lines) < 2 or not lines[0].startswith("curve,step,loss,dead_share"):
        return None
    f = lines[-1].split(",")
    try:
        return [int(f[1])] + [float(v) for v in f[2:]]
    except (ValueError, IndexError):
        return None


def actviz_run(batch, steps, what):
    try:
        dt, rc, out = run(actviz_cmd(batch, steps))
    except OSError as e:
        print(f"train.sh: actviz did not start: {e.strerror}", file=sys.stderr)
        sys.exit(1)
    row = last_row(out)
    if rc != 0 or row is None or row[0] != steps:
        with open(os.path.join(os.environ["HOME"], "stderr"), "rb") as f:
            err = f.read().decode(errors="replace").strip()
        why = f"exited with status {rc}" if rc != 0 else "printed no final row"
        print(f"train.sh: actviz {why} ({what})" + (f": {err[:300]}" if err else ""), file=sys.stderr)
        sys.exit(1)
    return dt, row


# ---- what else runs ------------------------------------------------------------

def cpu_busy():
    """Busy and stolen CPU seconds of the whole machine so far, and this
    process's own with its waited-for children: what else ran meanwhile."""
    try:
        with open("/proc/stat") as f:
            v = [int(x) for x in f.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    hz = os.sysconf("SC_CLK_TCK")
    t = os.times()
    busy = (v[0] + v[1] + v[2] + v[5] + v[6]) / hz  # user nice system irq softirq
    steal = v[7] / hz if len(v) > 7 else 0.0
    return busy, steal, t.user + t.system + t.children_user + t.children_system, time.monotonic()


def others(before, after):
    if not before or not after:
        return "not known (no /proc/stat)"
    wall = after[3] - before[3]
    other = max((after[0] - before[0]) - (after[2] - before[2]), 0) / wall
    steal = (after[1] - before[1]) / wall
    note = "" if other < 0.2 and steal < 0.1 else "   <- the figures are disturbed"
    return f"{other:.2f} cpus busy with other work, {steal:.2f} stolen, over {wall:.1f} s{note}"


# ---- torch ---------------------------------------------------------------------

before = cpu_busy()
worker_env = {k: v for k, v in os.environ.items()
              if k not in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")}
worker_env.update(OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1")
skip = None
worker = None
hello = None
try:
    worker = subprocess.Popen([os.environ["PYTHON_BIN"], "-c", WORKER], env=worker_env,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=open(os.path.join(os.environ["HOME"], "worker.err"), "wb"),
                              text=True, bufsize=1)
    line = worker.stdout.readline()
    hello = json.loads(line) if line else {"error": f"exited with status {worker.wait()}"}
except (OSError, ValueError) as e:
    hello = {"error": str(e)}
if "error" in hello:
    skip = f"python3-torch not importable by {os.environ['PYTHON_BIN']} ({hello['error']}): comparison skipped"


def torch_run(batch, steps):
    global skip
    try:
        worker.stdin.write(f"{batch} {steps}\n")
        worker.stdin.flush()
        ans = json.loads(worker.stdout.readline())
        return ans["ns"], ans["rows"][-1]
    except (OSError, ValueError, KeyError, IndexError):
        with open(os.path.join(os.environ["HOME"], "worker.err"), "rb") as f:
            err = f.read().decode(errors="replace").strip().splitlines()
        print(f"train.sh: torch failed (batch {batch}, {steps} steps)"
              + (f": {err[-1][:300]}" if err else ""), file=sys.stderr)
        sys.exit(77)



# ---- the runs ------------------------------------------------------------------

startup = [actviz_run(16, 1, "1 step")[0] for _ in range(3)]
jobs = [(k, b) for b in STEPS for k in (("actviz", "torch") if not skip else ("actviz",))]
rate = {j: [] for j in jobs}
last = {}
for i in range(warmup + runs):
    # Alternate the order so that neither always runs just after the other.
    for k, b in (jobs if i % 2 == 0 else jobs[::-1]):
        n = STEPS[b] if i >= warmup else max(STEPS[b] // 10, 1)
        if k == "actviz":
            dt, row = actviz_run(b, n, f"batch {b}, {n} steps")
        else:
            dt, row = torch_run(b, n)
        if i >= warmup:
            rate[(k, b)].append(n / (dt / 1e9))
            last[(k, b)] = row
if worker and worker.poll() is None:
    worker.stdin.close()
    worker.wait()
startup += [actviz_run(16, 1, "1 step")[0] for _ in range(4)]
after = cpu_busy()


# ---- the report ----------------------------------------------------------------

def cpu():
    try:
        with open("/proc/cpuinfo") as f:
            info = f.read()
    except OSError:
        return "unknown", ""
    model = "unknown"
    for key in ("model name", "Hardware", "Processor", "cpu model", "cpu"):
        m = re.search(rf"^{key}\s*:\s*(.+)$", info, re.M)
        if m:
            model = m.group(1).strip()
            break
    m = re.search(r"^flags\s*:\s*(.+)$", info, re.M)
    flags = set(m.group(1).split()) if m else set()
    simd = ", ".join(f"{f} {'yes' if f in flags else 'no'}" for f in ("avx2", "avx512f", "fma"))
    return model, simd


def summary(name, v, how):
    med = statistics.median(v)
    spread = (max(v) - min(v)) / med * 100
    return (f"  {name:<7} median {med:9.0f} steps/s   (range {min(v):.0f}..{max(v):.0f}, "
            f"spread {spread:.1f}%; {how})")


def row_text(r):
    return f"loss {r[1]:.4g}, dead l1 {round(r[3] * WIDTH)}/{WIDTH}, l2 {round(r[4] * WIDTH)}/{WIDTH}"


model, simd = cpu()
print("actviz -f csv -e 'train relu steps N batch B lr 0.01 bias 0 init torch seed 1' into a pipe"
      + ("" if skip else ", against"))
if not skip:
    print("torch: the same 1-64-64-1 float64 ReLU MLP, nn.Linear init, hidden biases 0, SGD lr 0.01,")
    print("       torch.rand(B,1)*6-3 and y = sin(3x) each step, mse_loss, dead units per layer each step")
print(f"cpu:     {model} ({os.cpu_count()} cpus; {simd})")
if not skip:
    print(f"torch:   {hello['torch']} ({hello['file']}), python {hello['python']} "
          f"({os.environ['PYTHON_BIN']}), {hello['threads']} thread")
    b = hello["blas"]
    ob = b.get("openblas")
    alt = os.path.realpath("/usr/lib/x86_64-linux-gnu/libblas.so.3")
    mapped = ", ".join(b["mapped"]) or "none"
    print(f"blas:    torch's process maps {mapped}")
    if ob:
        print(f"         {ob['config']}; core {ob['core']}, {ob['threads']} thread(s)"
              f" ({'torch: ' + b['torch_blas'] if b.get('torch_blas') else 'torch config: ?'})")
    else:
        print(f"         no OpenBLAS among them ({b.get('torch_blas') or 'torch config: ?'})")
    if os.path.exists("/usr/lib/x86_64-linux-gnu/libblas.so.3"):
        print(f"         libblas.so.3 alternative -> {alt}")
    print("         torch's env: OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1, OPENBLAS_CORETYPE and"
          " OPENBLAS_L2_SIZE unset"
          + ("" if not any(k in os.environ for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"))
             else " (set outside: " + " ".join(f"{k}={os.environ[k]}" for k in
                                              ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")
                                              if k in os.environ) + "; actviz keeps them)"))
print(f"runs:    {runs} measured after {warmup} warm-up (a tenth of the steps), interleaved"
      " (BENCH_RUNS, BENCH_WARMUP)")
print(f"machine: {others(before, after)}")
for b in STEPS:
    print(f"batch {b}, {STEPS[b]} steps:")
    print(summary("actviz", rate[("actviz", b)], "whole process, start-up included"))
    if skip:
        continue
    print(summary("torch", rate[("torch", b)], "training loop only"))
    ratio = statistics.median(rate[("actviz", b)]) / statistics.median(rate[("torch", b)])
    print(f"  ratio   actviz / torch = {ratio:.1f}x   (target: at least {TARGET[b]:g}x: "
          f"{'met' if ratio >= TARGET[b] else 'NOT met'})")
    print(f"  step {STEPS[b]}: actviz {row_text(last[('actviz', b)])}; "
          f"torch {row_text(last[('torch', b)])}")
print(f"actviz start-up (1 step, batch 16): median {statistics.median(startup) / 1e6:.2f} ms"
      ", in its figures above")
if skip:
    print(f"ratio:   {skip}")
sys.exit(77 if skip else 0)
EOF
