#!/bin/sh
# plot.sh: benchmark, not a test: actviz's plot speed on each of its vector
# paths against gnuplot's, and its peak RSS, all in one run.
#   tests/bench/plot.sh [ACTVIZ]     binary: the argument, else $ACTVIZ, else src/actviz
#   BENCH_WARMUP=7 BENCH_RUNS=51     runs of each, interleaved (these are the defaults)
#   BENCH_PATHS='baseline avx2'      only these of the paths actviz can run (default all)
# A plot evaluates every curve through actfn's array loops, which take the
# vector path too: actviz runs once per path it reports in --version
# (ACTVIZ_SIMD=path). Each time is wall clock, with the process's CPU time
# (user + system) beside it, which other work on the machine disturbs far
# less. Prints medians, their ratios and the peak RSS against
# the targets (at least 10x faster than gnuplot on every path, at most
# 5 MiB); never fails on a figure. Exit 0, 77 (skipped: no gnuplot or no
# python3; actviz is still measured when it can be) or 1 (actviz failed or
# printed nothing).
set -u
# python3 is the harness: a shell's clock is too coarse for a 1 ms run.
. "$(dirname "$0")/python.sh"
bench_python "$@" <<'EOF'
import ctypes, os, re, shutil, signal, statistics, subprocess, sys, threading
sys.path.insert(0, os.path.abspath(os.environ["BENCH_DIR"]))
import benchlib as bl

bl.start("plot.sh")
actviz = bl.find_actviz()
ACTVIZ_CMD = [actviz, "-W", "80", "-H", "24", "-e", "relu, leaky 0.01, elu on -3..3"]
GNUPLOT_SCRIPT = ("set term dumb 80 24; set xrange [-3:3]; "
                  "relu(x) = x > 0 ? x : 0; "
                  "leaky(x) = x > 0 ? x : 0.01*x; "
                  "elu(x) = x > 0 ? x : exp(x) - 1; "
                  "plot relu(x), leaky(x), elu(x)")
gnuplot = shutil.which("gnuplot")
GNUPLOT_CMD = [gnuplot, "-e", GNUPLOT_SCRIPT]
TRUE_CMD = ["/bin/true"]
TARGET_RATIO = 10.0
TARGET_RSS_MIB = 5.0

warmup = bl.count("BENCH_WARMUP", 7)
runs = bl.count("BENCH_RUNS", 51)
paths = bl.Paths(actviz)


def check(cmd, what, env=None):
    """None if one run of cmd succeeds with output, else why not."""
    try:
        _, rc, out, _ = bl.run(cmd, env=env)
    except OSError as e:
        return f"{what} did not start: {e.strerror}"
    err = bl.last_stderr()
    if rc != 0:
        return f"{what} exited with status {rc}" + (f": {err[:300]}" if err else "")
    if not out.strip():
        return f"{what} printed nothing"
    return None


def peak_rss_kib(cmd, env):
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
                os.execve(cmd[0], cmd, env)
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
        p = subprocess.run(["/usr/bin/time", "-f", "%M", "--"] + cmd, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           stdin=subprocess.DEVNULL)
        lines = p.stderr.decode().split()
        if p.returncode == 0 and lines and lines[-1].isdigit():
            return int(lines[-1]), "GNU time -f %M"
    except OSError:
        pass
    return None, "no ptrace, no GNU time"


def ms(ns):
    return ns / 1e6


def summary(name, times, cpu):
    q = statistics.quantiles(times, n=4) if len(times) > 1 else [times[0]] * 3
    return (f"  {name:<16} median {ms(statistics.median(times)):8.3f} ms  cpu {ms(statistics.median(cpu)):6.3f}"
            f"   (quartiles {ms(q[0]):.3f}..{ms(q[2]):.3f}, min {ms(min(times)):.3f})")


before = bl.cpu_busy()
for p in paths.names:
    why = check(ACTVIZ_CMD, f"actviz ({p})", paths.env(p))
    if why:
        bl.fail(why)
skip = None
if not gnuplot:
    skip = "gnuplot not installed: comparison skipped (apt-get install gnuplot-nox)"
else:
    why = check(GNUPLOT_CMD, "gnuplot")
    if why:
        skip = f"{why}: comparison skipped"

jobs = [("actviz", p) for p in paths.names] + [("true", None)] + ([] if skip else [("gnuplot", None)])


def one(job, warm):
    k, p = job
    cmd = {"actviz": ACTVIZ_CMD, "true": TRUE_CMD, "gnuplot": GNUPLOT_CMD}[k]
    try:
        dt, rc, out, cpu = bl.run(cmd, env=paths.env(p) if k == "actviz" else None, keep_err=False)
    except OSError:  # e.g. the binary being rebuilt under us
        dt, rc, out, cpu = 0, 127, b"", 0
    if rc != 0 or (not out and k != "true"):
        if k == "actviz":
            bl.fail(f"actviz ({p}) failed (status {rc})")
        if k == "gnuplot":
            bl.fail(f"gnuplot failed (status {rc})", 77)
    return dt, cpu


got = bl.interleave(jobs, warmup, runs, one)
times = {j: [w for w, _ in v] for j, v in got.items()}    # wall clock
ctimes = {j: [c for _, c in v] for j, v in got.items()}   # CPU time
rss = [peak_rss_kib(ACTVIZ_CMD, paths.env(paths.picked)) for _ in range(3)]
rss_kib = max((v for v, _ in rss if v is not None), default=None)
rss_how = rss[0][1]
after = bl.cpu_busy()

print("actviz -W 80 -H 24 -e 'relu, leaky 0.01, elu on -3..3' into a pipe, once per vector path"
      " (ACTVIZ_SIMD)" + ("" if skip else ", against"))
if not skip:
    print("gnuplot -e 'set term dumb 80 24; ...; plot relu(x), leaky(x), elu(x)' into a pipe")
print(f"cpu:     {bl.cpu()}")
for line in paths.report():
    print(line)
if not skip:
    v = subprocess.run([gnuplot, "--version"], stdout=subprocess.PIPE,
                       stderr=subprocess.DEVNULL).stdout.decode().strip()
    print(f"gnuplot: {v or 'version unknown'} ({os.path.realpath(gnuplot)})")
print(f"runs:    {runs} measured after {warmup} warm-up, interleaved (BENCH_RUNS, BENCH_WARMUP)")
print(f"machine: {bl.others(before, after)}")
med, cmed = {}, {}
for p in paths.names:
    med[p] = statistics.median(times[("actviz", p)])
    cmed[p] = statistics.median(ctimes[("actviz", p)])
    print(summary(f"actviz {paths.label(p)}", times[("actviz", p)], ctimes[("actviz", p)]))
if not skip:
    print(summary("gnuplot", times[("gnuplot", None)], ctimes[("gnuplot", None)]))
print(summary("true", times[("true", None)], ctimes[("true", None)]) + "   <- spawn + pipe floor")
if skip:
    print(f"ratio:   {skip}")
else:
    g = statistics.median(times[("gnuplot", None)])
    gc = statistics.median(ctimes[("gnuplot", None)])
    print(f"  ratios: gnuplot / actviz   (target: at least {TARGET_RATIO:g}x on every path)")
    for p in paths.names:
        x = g / med[p]
        print(f"  {paths.label(p):<16} {x:9.1f}x{bl.cpu_ratio(gc / max(cmed[p], 1)):<14}"
              f" {bl.verdict(x >= TARGET_RATIO)}")
line = paths.slowdown(med, higher_is_faster=False, width=16, cpu=cmed)
if line:
    print(line)
if rss_kib is None:
    print(f"peak RSS of actviz: not measured ({rss_how})")
else:
    mib = rss_kib / 1024
    print(f"peak RSS of actviz ({paths.picked}): {rss_kib} KiB = {mib:.2f} MiB   (target: at most"
          f" {TARGET_RSS_MIB:g} MiB: {bl.verdict(mib <= TARGET_RSS_MIB)}; {rss_how})")
sys.exit(77 if skip else 0)
EOF
