#!/bin/sh
# plot.sh: benchmark, not a test: actviz's plot speed against gnuplot's, and its peak RSS.
#   tests/bench/plot.sh [ACTVIZ]     binary: the argument, else $ACTVIZ, else src/actviz
#   BENCH_WARMUP=7 BENCH_RUNS=51     runs of each, interleaved (these are the defaults)
# Prints medians, their ratio and the peak RSS against the targets; never
# fails on a figure. Exit 0, 77 (skipped: no gnuplot or no python3; actviz
# is still measured when it can be) or 1 (actviz failed or printed nothing).
set -u

actviz=${1:-${ACTVIZ:-src/actviz}}
case $actviz in
*/*) ;;
*) actviz=$(command -v "$actviz") || { echo "plot.sh: ${1:-$ACTVIZ}: not found" >&2; exit 1; } ;;
esac
if [ ! -x "$actviz" ]; then
	echo "plot.sh: $actviz: no such executable (build it with make, or set ACTVIZ)" >&2
	exit 1
fi
gnuplot=$(command -v gnuplot) || gnuplot=
# python3 is the harness: a shell's clock is too coarse for a 1 ms run.
# Debian's own first, not a version manager's shim.
python=${PYTHON:-}
[ -z "$python" ] && [ -x /usr/bin/python3 ] && python=/usr/bin/python3
[ -z "$python" ] && python=$(command -v python3)
if [ -z "$python" ]; then
	echo "plot.sh: python3 not found: benchmark skipped" >&2
	exit 77
fi

# A fixed world, as in golden.sh, so that figures from two machines compare:
# no ~/.gnuplot, no locale or terminal size from outside.
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
mkdir "$tmp/home"

env -u COLUMNS -u LINES -u NO_COLOR -u TERM LC_ALL=C.UTF-8 HOME="$tmp/home" \
	ACTVIZ_BIN="$actviz" GNUPLOT_BIN="$gnuplot" \
	"$python" - <<'EOF'
import ctypes, os, re, signal, statistics, subprocess, sys, threading, time

ACTVIZ_CMD = [os.environ["ACTVIZ_BIN"], "-W", "80", "-H", "24",
              "-e", "relu, leaky 0.01, elu on -3..3"]
GNUPLOT_SCRIPT = ("set term dumb 80 24; set xrange [-3:3]; "
                  "relu(x) = x > 0 ? x : 0; "
                  "leaky(x) = x > 0 ? x : 0.01*x; "
                  "elu(x) = x > 0 ? x : exp(x) - 1; "
                  "plot relu(x), leaky(x), elu(x)")
gnuplot = os.environ["GNUPLOT_BIN"]
GNUPLOT_CMD = [gnuplot, "-e", GNUPLOT_SCRIPT]
TRUE_CMD = ["/bin/true"]
TARGET_RATIO = 10.0
TARGET_RSS_MIB = 5.0


def count(name, default):
    v = os.environ.get(name, "")
    if not v:
        return default
    if not v.isdigit() or (name == "BENCH_RUNS" and int(v) == 0):
        sys.exit(f"plot.sh: {name}={v}: not a {'positive' if name == 'BENCH_RUNS' else 'non-negative'} integer")
    return int(v)


warmup = count("BENCH_WARMUP", 7)
runs = count("BENCH_RUNS", 51)


def run(cmd, keep_err=False):
    """Wall time (ns), exit status and stdout of one run, stdout read
    through a pipe as a real consumer would. posix_spawn (vfork) keeps the
    harness's own cost small and the same for every command."""
    r, w = os.pipe()
    acts = [(os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
            (os.POSIX_SPAWN_DUP2, w, 1), (os.POSIX_SPAWN_CLOSE, r),
            (os.POSIX_SPAWN_CLOSE, w)]
    if keep_err:
        e = os.open(os.path.join(os.environ["HOME"], "stderr"),
                    os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        acts += [(os.POSIX_SPAWN_DUP2, e, 2), (os.POSIX_SPAWN_CLOSE, e)]
    else:
        acts.append((os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0))
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
    if keep_err:
        os.close(e)
    return t1 - t0, os.waitstatus_to_exitcode(st), b"".join(chunks)


def check(cmd, what):
    """None if one run of cmd succeeds with output, else why not."""
    try:
        _, rc, out = run(cmd, keep_err=True)
    except OSError as e:
        return f"{what} did not start: {e.strerror}"
    with open(os.path.join(os.environ["HOME"], "stderr"), "rb") as f:
        err = f.read().decode(errors="replace").strip()
    if rc != 0:
        return f"{what} exited with status {rc}" + (f": {err[:300]}" if err else "")
    if not out.strip():
        return f"{what} printed nothing"
    return None


def peak_rss_kib(cmd):
    """actviz's own peak RSS (VmHWM) in KiB, read from /proc while ptrace
    holds it at exit, and the method's name. Not getrusage: Linux folds the
    old memory of the process that spawned the child into the child's
    ru_maxrss at exec, so under python it reports python's ~10 MiB, whatever
    the child uses; GNU time has the same error, only smaller (its own size),
    and is the fallback."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.ptrace.restype = ctypes.c_long
        libc.ptrace.argtypes = [ctypes.c_long, ctypes.c_long,
                                ctypes.c_void_p, ctypes.c_void_p]
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: no Python objects beyond this point
            try:
                os.dup2(w, 1)
                os.close(r)
                os.close(w)
                n = os.open(os.devnull, os.O_RDWR)
                os.dup2(n, 0)
                os.dup2(n, 2)
                if libc.ptrace(0, 0, None, None) != 0:  # PTRACE_TRACEME
                    os._exit(126)
                os.execv(cmd[0], cmd)
            finally:
                os._exit(127)
        os.close(w)
        # Drain stdout on the side so a long output cannot block the child.
        def drain():
            while os.read(r, 65536):
                pass
        t = threading.Thread(target=drain)
        t.start()
        hwm = None
        _, st = os.waitpid(pid, 0)
        if os.WIFSTOPPED(st):
            # PTRACE_SETOPTIONS: stop at exit, kill the child if we die.
            libc.ptrace(0x4200, pid, None, ctypes.c_void_p(0x40 | 0x100000))
            libc.ptrace(7, pid, None, None)  # PTRACE_CONT
            while True:
                _, st = os.waitpid(pid, 0)
                if not os.WIFSTOPPED(st):
                    break
                sig = os.WSTOPSIG(st)
                if sig == signal.SIGTRAP and st >> 16 == 6:  # PTRACE_EVENT_EXIT
                    with open(f"/proc/{pid}/status") as f:
                        m = re.search(r"^VmHWM:\s*(\d+) kB", f.read(), re.M)
                    hwm = int(m.group(1)) if m else None
                    sig = 0
                libc.ptrace(7, pid, None, ctypes.c_void_p(sig))
        t.join()
        os.close(r)
        if hwm is not None and os.WIFEXITED(st) and os.WEXITSTATUS(st) == 0:
            return hwm, "VmHWM at exit, via ptrace"
    except (OSError, AttributeError):
        pass
    try:
        p = subprocess.run(["/usr/bin/time", "-f", "%M", "--"] + cmd,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           stdin=subprocess.DEVNULL)
        lines = p.stderr.decode().split()
        if p.returncode == 0 and lines and lines[-1].isdigit():
            return int(lines[-1]), "GNU time -f %M"
    except OSError:
        pass
    return None, "no ptrace, no GNU time"


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            info = f.read()
    except OSError:
        return "unknown"
    for key in ("model name", "Hardware", "Processor", "cpu model", "cpu"):
        m = re.search(rf"^{key}\s*:\s*(.+)$", info, re.M)
        if m:
            return m.group(1).strip()
    return "unknown"


def ms(ns):
    return ns / 1e6


def summary(name, times):
    q = statistics.quantiles(times, n=4) if len(times) > 1 else [times[0]] * 3
    return (f"{name:<8} median {ms(statistics.median(times)):8.3f} ms"
            f"   (quartiles {ms(q[0]):.3f}..{ms(q[2]):.3f}, min {ms(min(times)):.3f})")


why = check(ACTVIZ_CMD, "actviz")
if why:
    print(f"plot.sh: {why}", file=sys.stderr)
    sys.exit(1)
skip = None
if not gnuplot:
    skip = "gnuplot not installed: comparison skipped (apt-get install gnuplot-nox)"
else:
    why = check(GNUPLOT_CMD, "gnuplot")
    if why:
        skip = f"{why}: comparison skipped"

cmds = {"actviz": ACTVIZ_CMD, "true": TRUE_CMD}
if not skip:
    cmds["gnuplot"] = GNUPLOT_CMD
times = {k: [] for k in cmds}
names = list(cmds)
for i in range(warmup + runs):
    # Alternate the order so that neither always runs just after the other.
    for k in (names if i % 2 == 0 else names[::-1]):
        try:
            dt, rc, out = run(cmds[k])
        except OSError:  # e.g. the binary being rebuilt under us
            dt, rc, out = 0, 127, b""
        if rc != 0 or not out:
            if k == "actviz":
                print(f"plot.sh: actviz failed on run {i + 1} (status {rc})", file=sys.stderr)
                sys.exit(1)
            if k == "gnuplot":
                print(f"plot.sh: gnuplot failed on run {i + 1} (status {rc})", file=sys.stderr)
                sys.exit(77)
        if i >= warmup:
            times[k].append(dt)

rss = [peak_rss_kib(ACTVIZ_CMD) for _ in range(3)]
rss_kib = max((v for v, _ in rss if v is not None), default=None)
rss_how = rss[0][1]

print("actviz -W 80 -H 24 -e 'relu, leaky 0.01, elu on -3..3' into a pipe"
      + ("" if skip else ", against"))
if not skip:
    print("gnuplot -e 'set term dumb 80 24; ...; plot relu(x), leaky(x), elu(x)' into a pipe")
print(f"cpu:     {cpu_model()} ({os.cpu_count()} cpus)")
if not skip:
    v = subprocess.run([gnuplot, "--version"], stdout=subprocess.PIPE,
                       stderr=subprocess.DEVNULL).stdout.decode().strip()
    print(f"gnuplot: {v or 'version unknown'} ({os.path.realpath(gnuplot)})")
print(f"runs:    {runs} measured after {warmup} warm-up, interleaved (BENCH_RUNS, BENCH_WARMUP)")
print(summary("actviz", times["actviz"]))
if not skip:
    print(summary("gnuplot", times["gnuplot"]))
print(summary("true", times["true"]) + "   <- spawn + pipe floor")
if skip:
    print(f"ratio:   {skip}")
else:
    ratio = statistics.median(times["gnuplot"]) / statistics.median(times["actviz"])
    print(f"ratio:   gnuplot / actviz = {ratio:.1f}x   (target: at least {TARGET_RATIO:g}x: "
          f"{'met' if ratio >= TARGET_RATIO else 'NOT met'})")
if rss_kib is None:
    print(f"peak RSS of actviz: not measured ({rss_how})")
else:
    mib = rss_kib / 1024
    print(f"peak RSS of actviz: {rss_kib} KiB = {mib:.2f} MiB   (target: at most {TARGET_RSS_MIB:g} MiB: "
          f"{'met' if mib <= TARGET_RSS_MIB else 'NOT met'}; {rss_how})")
sys.exit(77 if skip else 0)
EOF
