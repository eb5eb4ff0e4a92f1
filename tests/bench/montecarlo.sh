#!/bin/sh
# montecarlo.sh: benchmark, not a test: actviz's Monte Carlo statistics of
# ReLU under N(0, 1) against numpy's, in samples per second, 1e8 samples each.
#   tests/bench/montecarlo.sh [ACTVIZ]   binary: $ACTVIZ, else the argument, else src/actviz
#   BENCH_WARMUP=1 BENCH_RUNS=5          runs of each, interleaved (these are the defaults)
# actviz: `dead relu samples 1e8 seed 1`; its figure is 1e8 over the wall
# time of its whole process, start-up included. numpy: 1e8 draws of
# numpy.random.default_rng(1).standard_normal in chunks of 2^20, y = max(z, 0),
# dy = (z > 0) as float, and the sums count(dy == 0), count(y == 0), sum y,
# sum y^2, sum dy, sum dy^2 (np.dot for the squares); its figure is 1e8 over
# that loop alone (its import and start-up excluded), in one process kept
# for all runs, on one thread (OPENBLAS_NUM_THREADS=1, with OPENBLAS_CORETYPE
# and OPENBLAS_L2_SIZE unset in its own environment only).
# Prints medians, their ratio against the target (at least 5x), and the
# figures both computed, each difference checked against 5 standard errors
# of the difference. Never fails on the target. Exit 0, 77 (skipped: no
# python3, or python3-numpy not importable; actviz is still measured when it
# can be) or 1 (actviz failed, printed nothing, or disagrees with numpy).
set -u

actviz=${ACTVIZ:-${1:-src/actviz}}
case $actviz in
*/*) ;;
*) actviz=$(command -v "$actviz") || { echo "montecarlo.sh: ${ACTVIZ:-$1}: not found" >&2; exit 1; } ;;
esac
if [ ! -x "$actviz" ]; then
	echo "montecarlo.sh: $actviz: no such executable (build it with make, or set ACTVIZ)" >&2
	exit 1
fi
# python3 is the harness, and Debian's own is the one with python3-numpy;
# not a version manager's shim.
python=${PYTHON:-}
[ -z "$python" ] && [ -x /usr/bin/python3 ] && python=/usr/bin/python3
[ -z "$python" ] && python=$(command -v python3)
if [ -z "$python" ]; then
	echo "montecarlo.sh: python3 not found: benchmark skipped" >&2
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
import json, math, os, re, statistics, subprocess, sys, time

SAMPLES = 10**8
ACTVIZ_CMD = [os.environ["ACTVIZ_BIN"], "-f", "csv", "-e", "dead relu samples 1e8 seed 1"]
TARGET = 5.0
FIGURES = ("p_dead", "p_zero", "mean", "std", "mean_grad", "mean_grad_sq")

# The numpy side: one process, fed a line per run, answering each with a
# JSON line of its time and sums. Its first line says what it runs on.
WORKER = r'''
import ctypes, json, os, sys, time
try:
    import numpy as np
except Exception as e:
    print(json.dumps({"error": f"{type(e).__name__}: {e}"}), flush=True)
    sys.exit(3)
CHUNK = 1 << 20


def run(n, seed=1):
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
    return t1 - t0, [dead, zero, sy, sy2, sd, sd2]


def blas_info():
    np.dot(np.ones(64), np.ones(64))
    with open("/proc/self/maps") as f:
        libs = sorted({l.split()[-1] for l in f if "/" in l and
                       any(k in l for k in ("blas", "lapack", "mkl", "blis", "atlas"))})
    info = {"mapped": libs, "openblas": None}
    for p in libs:
        try:
            lib = ctypes.CDLL(p)
            lib.openblas_get_config.restype = ctypes.c_char_p
            lib.openblas_get_corename.restype = ctypes.c_char_p
            info["openblas"] = {"config": lib.openblas_get_config().decode(),
                                "core": lib.openblas_get_corename().decode(),
                                "threads": lib.openblas_get_num_threads()}
            break
        except (OSError, AttributeError):
            continue
    return info


print(json.dumps({"numpy": np.__version__, "file": os.path.dirname(np.__file__),
                  "python": sys.version.split()[0], "blas": blas_info()}), flush=True)
for line in sys.stdin:
    ns, sums = run(int(line))
    print(json.dumps({"ns": ns, "sums": sums}), flush=True)
'''


def count(name, default):
    v = os.environ.get(name, "")
    if not v:
        return default
    if not v.isdigit() or (name == "BENCH_RUNS" and int(v) == 0):
        sys.exit(f"montecarlo.sh: {name}={v}: not a {'positive' if name == 'BENCH_RUNS' else 'non-negative'} integer")
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


def actviz_run():
    try:
        dt, rc, out = run(ACTVIZ_CMD)
    except OSError as e:
        print(f"montecarlo.sh: actviz did not start: {e.strerror}", file=sys.stderr)
        sys.exit(1)
    fig = parse(out)
    if rc != 0 or fig is None:
        with open(os.path.join(os.environ["HOME"], "stderr"), "rb") as f:
            err = f.read().decode(errors="replace").strip()
        why = f"exited with status {rc}" if rc != 0 else "printed no monte_carlo row"
        print(f"montecarlo.sh: actviz {why}" + (f": {err[:300]}" if err else ""), file=sys.stderr)
        sys.exit(1)
    return dt, fig


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


# ---- numpy ---------------------------------------------------------------------

before = cpu_busy()
worker_env = {k: v for k, v in os.environ.items()
              if k not in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")}
worker_env.update(OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1")
skip = None
worker = None
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
    skip = f"python3-numpy not importable by {os.environ['PYTHON_BIN']} ({hello['error']}): comparison skipped"


def numpy_run():
    try:
        worker.stdin.write(f"{SAMPLES}\n")
        worker.stdin.flush()
        ans = json.loads(worker.stdout.readline())
        return ans["ns"], ans["sums"]
    except (OSError, ValueError, KeyError):
        with open(os.path.join(os.environ["HOME"], "worker.err"), "rb") as f:
            err = f.read().decode(errors="replace").strip().splitlines()
        print("montecarlo.sh: numpy failed" + (f": {err[-1][:300]}" if err else ""), file=sys.stderr)
        sys.exit(77)



# ---- the runs ------------------------------------------------------------------

names = ["actviz"] if skip else ["actviz", "numpy"]
rate = {k: [] for k in names}
result = {}
for i in range(warmup + runs):
    # Alternate the order so that neither always runs just after the other.
    for k in (names if i % 2 == 0 else names[::-1]):
        if k == "actviz":
            dt, fig = actviz_run()
        else:
            dt, fig = numpy_run()
        if i >= warmup:
            rate[k].append(SAMPLES / (dt / 1e9))
        if k in result and fig != result[k]:
            print(f"montecarlo.sh: {k} gave different figures from one run to the next", file=sys.stderr)
            sys.exit(1 if k == "actviz" else 77)
        result[k] = fig
if worker and worker.poll() is None:
    worker.stdin.close()
    worker.wait()
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
    return (f"{name:<7} median {med / 1e6:8.1f} M samples/s   (range {min(v) / 1e6:.1f}.."
            f"{max(v) / 1e6:.1f}, spread {spread:.1f}%; {how})")


model, simd = cpu()
print("actviz -f csv -e 'dead relu samples 1e8 seed 1' into a pipe" + ("" if skip else ", against"))
if not skip:
    print("numpy: default_rng(1).standard_normal, 1e8 in chunks of 2^20, y = max(z, 0), dy = (z > 0),")
    print("       count(dy == 0), count(y == 0), sum y, y.y, sum dy, dy.dy")
print(f"cpu:     {model} ({os.cpu_count()} cpus; {simd})")
if not skip:
    print(f"numpy:   {hello['numpy']} ({hello['file']}), python {hello['python']} "
          f"({os.environ['PYTHON_BIN']})")
    ob = hello["blas"].get("openblas")
    print("blas:    " + (f"{ob['config']}; core {ob['core']}, {ob['threads']} thread(s)" if ob
                         else ", ".join(hello["blas"]["mapped"]) or "none mapped")
          + " (OPENBLAS_CORETYPE, OPENBLAS_L2_SIZE unset for numpy only)")
print(f"runs:    {runs} measured after {warmup} warm-up, interleaved (BENCH_RUNS, BENCH_WARMUP)")
print(f"machine: {others(before, after)}")
print(summary("actviz", rate["actviz"], "whole process, start-up included"))
if skip:
    print(f"ratio:   {skip}")
    sys.exit(77)
print(summary("numpy", rate["numpy"], "its loop only"))
ratio = statistics.median(rate["actviz"]) / statistics.median(rate["numpy"])
print(f"ratio:   actviz / numpy = {ratio:.1f}x   (target: at least {TARGET:g}x: "
      f"{'met' if ratio >= TARGET else 'NOT met'})")

# numpy's figures from its sums, as actviz computes its own
n = SAMPLES
dead, zero, sy, sy2, sd, sd2 = result["numpy"]
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
a = result["actviz"]
print(f"figures  {'actviz':>20} {'numpy':>20} {'exact':>20}   |a - n| / 5 SE(a - n)")
bad = []
for f in FIGURES:
    d = abs(a[f] - mine[f])
    lim = 5 * math.sqrt(2) * se[f]  # two independent estimates, n samples each
    ok = d <= lim
    if not ok:
        bad.append(f)
    print(f"{f:<12} {a[f]:20.12g} {mine[f]:20.12g} {exact[f]:20.12g}   {d / lim:5.2f}"
          f" {'ok' if ok else 'DISAGREE'}")
print(f"(actviz's own error bound, 4 standard errors: {a['err']:.3g})")
if bad:
    print(f"values:  actviz and numpy DISAGREE beyond 5 standard errors on {', '.join(bad)}")
    sys.exit(1)
print("values:  actviz and numpy agree within 5 standard errors of their difference on every figure")
sys.exit(0)
EOF
