"""benchlib.py: what the benchmarks in tests/bench/ share.

Each benchmark is a shell script that finds python3 and runs its own part
(commands, peers, report) with this directory on sys.path; this module
holds the rest: a fixed world to run in, the spawner and its clock, the
vector paths actviz can take, the peers' worker processes, the
interleaved runs, what else the machine did meanwhile, the CPU, and the
summaries. Only the standard library: the peers' workers import it too.

Exit statuses, for every benchmark: 0, 77 (skipped: a peer is missing;
actviz is still measured when it can be) or 1 (actviz failed). A
benchmark never fails on a figure.
"""
import atexit, json, os, platform, re, shutil, signal, statistics, subprocess, sys, tempfile, time

NAME = "bench"   # the script's name, for messages
HOME = None      # the fixed world's home directory

# Environment variables a BLAS-using peer must not inherit: they pin an
# older OpenBLAS kernel (Debian's torch and numpy go through libblas.so.3,
# which is OpenBLAS here).
BLAS_PINS = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")


# ---- the world ----------------------------------------------------------------

def start(name):
    """Sets the script's name and a fixed world, as in golden.sh: an empty
    home of its own (no ~/.gnuplot, no history), no locale, terminal size or
    colour from outside. Every command spawned gets this environment."""
    global NAME, HOME
    NAME = name
    tmp = tempfile.mkdtemp(prefix="actviz-bench.")
    atexit.register(shutil.rmtree, tmp, True)
    HOME = os.path.join(tmp, "home")
    os.mkdir(HOME)
    for k in ("COLUMNS", "LINES", "NO_COLOR", "TERM"):
        os.environ.pop(k, None)
    os.environ.update(LC_ALL="C.UTF-8", HOME=HOME)

    def interrupted(sig, frame):
        sys.exit(128 + sig)  # the temporary directory is removed on the way out
    signal.signal(signal.SIGINT, interrupted)
    signal.signal(signal.SIGTERM, interrupted)


def fail(msg, status=1):
    print(f"{NAME}: {msg}", file=sys.stderr)
    sys.exit(status)


def count(name, default):
    """BENCH_RUNS (positive) or BENCH_WARMUP (non-negative) from the environment."""
    v = os.environ.get(name, "")
    if not v:
        return default
    positive = name == "BENCH_RUNS"
    if not v.isdigit() or (positive and int(v) == 0):
        fail(f"{name}={v}: not a {'positive' if positive else 'non-negative'} integer")
    return int(v)


def find_actviz():
    """The binary: the first argument, else $ACTVIZ, else src/actviz; a
    name without a slash is looked up in PATH."""
    given = (sys.argv[1] if len(sys.argv) > 1 else "") or os.environ.get("ACTVIZ", "") or "src/actviz"
    path = given
    if "/" not in path:
        path = shutil.which(path)
        if not path:
            fail(f"{given}: not found")
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        fail(f"{path}: no such executable (build it with make, or set ACTVIZ)")
    return path


def find_python():
    return os.environ.get("PYTHON_BIN") or sys.executable


# ---- one run ------------------------------------------------------------------

def stderr_path():
    return os.path.join(HOME, "stderr")


def run(cmd, env=None, keep_err=True):
    """Wall time (ns), exit status, stdout and CPU time (user + system, ns)
    of one run, stdout read through a pipe as a real consumer would;
    posix_spawn (vfork) keeps the harness's own cost small and the same for
    every command. stderr goes to a file (last_stderr reads it) or,
    keep_err False, to /dev/null."""
    r, w = os.pipe()
    acts = [(os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
            (os.POSIX_SPAWN_DUP2, w, 1), (os.POSIX_SPAWN_CLOSE, r),
            (os.POSIX_SPAWN_CLOSE, w)]
    if keep_err:
        acts.append((os.POSIX_SPAWN_OPEN, 2, stderr_path(), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
    else:
        acts.append((os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0))
    t0 = time.perf_counter_ns()
    try:
        pid = os.posix_spawn(cmd[0], cmd, os.environ if env is None else env, file_actions=acts)
    except OSError:
        os.close(r)
        os.close(w)
        raise
    os.close(w)
    chunks = []
    while True:
        b = os.read(r, 65536)
        if not b:
            break
        chunks.append(b)
    _, st, ru = os.wait4(pid, 0)
    t1 = time.perf_counter_ns()
    os.close(r)
    cpu = round((ru.ru_utime + ru.ru_stime) * 1e9)
    return t1 - t0, os.waitstatus_to_exitcode(st), b"".join(chunks), cpu


def last_stderr():
    try:
        with open(stderr_path(), "rb") as f:
            return f.read().decode(errors="replace").strip()
    except OSError:
        return ""


def interleave(jobs, warmup, runs, do):
    """warmup + runs rounds of every job; do(job, warm) returns a figure
    (None for none). The order alternates from round to round so that no
    job always runs just after the same other. Returns {job: [figures of
    the measured rounds]}."""
    got = {j: [] for j in jobs}
    for i in range(warmup + runs):
        for j in (jobs if i % 2 == 0 else jobs[::-1]):
            v = do(j, i < warmup)
            if i >= warmup and v is not None:
                got[j].append(v)
    return got


# ---- vector paths -------------------------------------------------------------

class Paths:
    """The vector paths actviz runs its hot loops on. names: the paths to
    measure; picked: the one it takes when not told (ACTVIZ_SIMD unset);
    legacy: its --version has no simd line (one run, not forced);
    notes: lines for the report."""

    def __init__(self, actviz):
        self.actviz = actviz
        self.notes = []
        self.legacy = False
        self.outside = os.environ.pop("ACTVIZ_SIMD", None)
        if self.outside is not None:
            self.notes.append(f"ACTVIZ_SIMD={self.outside} from outside ignored: every path is set per run")
        line = self._version(None)
        m = re.match(r"simd: (\S+) \(available:([^;)]*)", line or "")
        if not m:
            self.legacy = True
            self.picked = "baseline"
            self.available = ["baseline"]
            self.names = ["baseline"]
            self.line = None
            return
        self.legacy = False
        self.line = line
        self.picked = m.group(1)
        self.available = m.group(2).split()
        want = os.environ.get("BENCH_PATHS", "").split()
        unknown = [p for p in want if p not in self.available]
        if unknown:
            self.notes.append(f"BENCH_PATHS: {' '.join(unknown)} not available here, left out")
        self.names = []
        for p in self.available:
            if want and p not in want:
                continue
            got = self._version(p)
            m = re.match(r"simd: (\S+)", got or "")
            if not m or m.group(1) != p:
                self.notes.append(f"ACTVIZ_SIMD={p}: actviz took {m.group(1) if m else '?'}"
                                  f"{': ' + last_stderr()[:200] if last_stderr() else ''}; left out")
                continue
            self.names.append(p)
        if not self.names:
            fail("no vector path to measure (BENCH_PATHS, ACTVIZ_SIMD)")

    def _version(self, path):
        try:
            _, rc, out, _ = run([self.actviz, "--version"], env=self.env(path))
        except OSError as e:
            fail(f"actviz did not start: {e.strerror}")
        if rc != 0:
            fail(f"actviz --version exited with status {rc}: {last_stderr()[:300]}")
        for line in out.decode(errors="replace").splitlines():
            if line.startswith("simd:"):
                return line.strip()
        return None

    def env(self, path):
        """The environment for a run on this path."""
        e = dict(os.environ)
        e.pop("ACTVIZ_SIMD", None)
        if path is not None and not self.legacy:
            e["ACTVIZ_SIMD"] = path
        return e

    def label(self, path):
        return path + (" *" if path == self.picked and not self.legacy else "")

    def report(self):
        lines = []
        if self.legacy:
            lines.append("simd:    actviz --version names no path (a build before the dispatch): one run,"
                         " called baseline, its loops as the build chose them")
        else:
            lines.append(f"simd:    {self.line[6:]}; measured: {' '.join(self.names)}"
                         f" (* the path actviz picks; BENCH_PATHS narrows)")
        lines += [f"         {n}" for n in self.notes]
        return lines

    def slowdown(self, fig, higher_is_faster=True, target=2.5, width=18, cpu=None):
        """The line of how much slower baseline is than avx2, when both
        were measured; fig maps a path to its median rate (or time, when
        higher_is_faster is False), cpu the same on CPU time."""
        if "baseline" not in fig or "avx2" not in fig:
            return None
        slower = (lambda f: f["avx2"] / f["baseline"] if higher_is_faster
                  else f["baseline"] / f["avx2"])
        x = slower(fig)
        return (f"  {'baseline / avx2':<{width}} {x:9.2f}x slower{cpu_ratio(slower(cpu)) if cpu else ''}"
                f"   (target: at most {target:g}x: {verdict(x <= target)})")


# ---- peers ---------------------------------------------------------------------

def peer_env():
    """For a peer that does its products through OpenBLAS: one thread, and
    none of the variables that pin an older kernel."""
    e = {k: v for k, v in os.environ.items() if k not in BLAS_PINS}
    e.update(OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1")
    e.pop("ACTVIZ_SIMD", None)
    return e


def pins_note():
    set_outside = [f"{k}={os.environ[k]}" for k in BLAS_PINS if k in os.environ]
    return ("OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1, " + " and ".join(BLAS_PINS) + " unset"
            + (f" (set outside: {' '.join(set_outside)}; actviz keeps them)" if set_outside else ""))


class Worker:
    """A Python peer in one process kept for every run: fed a line per run,
    it answers each with a JSON line; its first line says what it runs on
    (or {"error": ...}). Its stderr is kept in a file for messages."""

    def __init__(self, source):
        self.err_path = os.path.join(HOME, "worker.err")
        self.proc = None
        env = peer_env()
        env["BENCH_DIR"] = os.path.dirname(os.path.abspath(__file__))
        try:
            self.proc = subprocess.Popen([find_python(), "-c", source], env=env,
                                         stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         stderr=open(self.err_path, "wb"), text=True, bufsize=1)
            line = self.proc.stdout.readline()
            self.hello = json.loads(line) if line else {"error": f"exited with status {self.proc.wait()}"}
        except (OSError, ValueError) as e:
            self.hello = {"error": str(e)}
        self.error = self.hello.get("error")

    def ask(self, line):
        """The answer to one line, or None when the worker failed."""
        try:
            self.proc.stdin.write(line + "\n")
            self.proc.stdin.flush()
            return json.loads(self.proc.stdout.readline())
        except (OSError, ValueError, AttributeError):
            return None

    def last_error(self):
        try:
            with open(self.err_path, "rb") as f:
                lines = f.read().decode(errors="replace").strip().splitlines()
        except OSError:
            return ""
        return lines[-1][:300] if lines else ""

    def close(self):
        if self.proc and self.proc.poll() is None:
            self.proc.stdin.close()
            self.proc.wait()


def blas_info():
    """For a worker, after its first float64 matrix product: the BLAS
    libraries mapped into the process, and what OpenBLAS says of itself."""
    import ctypes
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
    return info


def blas_text(info):
    ob = info.get("openblas")
    if ob:
        return f"{ob['config']}; core {ob['core']}, {ob['threads']} thread(s)"
    return "no OpenBLAS among " + (", ".join(info.get("mapped") or []) or "no BLAS mapped")


# ---- the machine ---------------------------------------------------------------

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


def disturbed(before, after):
    """Whether other work took a fifth of a CPU or more meanwhile."""
    if not before or not after:
        return False
    wall = after[3] - before[3]
    other = max((after[0] - before[0]) - (after[2] - before[2]), 0) / wall
    return other >= 0.2 or (after[1] - before[1]) / wall >= 0.1


def others(before, after):
    """What else ran between two cpu_busy() readings: the machine's busy
    time less this process's and its waited-for children's (so a worker
    must have been waited for before the second reading)."""
    if not before or not after:
        return "not known (no /proc/stat)"
    wall = after[3] - before[3]
    other = max((after[0] - before[0]) - (after[2] - before[2]), 0) / wall
    steal = (after[1] - before[1]) / wall
    note = ("" if not disturbed(before, after) else
            "\n         <- the wall-clock figures are disturbed: compare the cpu ones")
    return f"{other:.2f} cpus busy with other work, {steal:.2f} stolen, over {wall:.1f} s{note}"


FLAGS = {"x86_64": ("avx2", "avx512f", "fma"), "aarch64": ("asimd", "sve")}


def cpu():
    """The CPU's model (lscpu's name, else /proc/cpuinfo's) and its vector
    flags that matter here, as text."""
    model = None
    try:
        out = subprocess.run(["lscpu"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             env=dict(os.environ, LC_ALL="C")).stdout.decode(errors="replace")
        m = re.search(r"^Model name:\s*(.+)$", out, re.M)
        model = m.group(1).strip() if m else None
    except OSError:
        pass
    try:
        with open("/proc/cpuinfo") as f:
            info = f.read()
    except OSError:
        info = ""
    for key in ("model name", "Hardware", "Processor", "cpu model", "cpu"):
        if model:
            break
        m = re.search(rf"^{key}\s*:\s*(.+)$", info, re.M)
        if m:
            model = m.group(1).strip()
    m = re.search(r"^(?:flags|Features)\s*:\s*(.+)$", info, re.M)
    have = set(m.group(1).split()) if m else set()
    arch = platform.machine()
    names = FLAGS.get(arch, FLAGS["x86_64"] + FLAGS["aarch64"])
    flags = ", ".join(f"{f} {'yes' if f in have else 'no'}" for f in names) if m else "flags not known"
    return f"{model or 'unknown'} ({os.cpu_count()} cpus, {arch}; {flags})"


# ---- the report ----------------------------------------------------------------

def verdict(ok):
    return "met" if ok else "NOT met"


def median(v):
    return statistics.median(v)


def spread(v):
    """(max - min) / median of figures v, in per cent."""
    med = statistics.median(v)
    return (max(v) - min(v)) / med * 100 if med else 0.0


def rate_line(label, v, unit, scale=1.0, digits=0, how="", width=18, cpu=None):
    """One row of rates (higher is faster): the median of the wall-clock
    figures, of the CPU-time ones when given, and the wall-clock range and
    spread."""
    f = f"{{:.{digits}f}}"
    med = statistics.median(v) / scale
    c = f"  cpu {f.format(statistics.median(cpu) / scale):>7}" if cpu else ""
    return (f"  {label:<{width}} {f.format(med):>9} {unit}{c}   (range {f.format(min(v) / scale)}.."
            f"{f.format(max(v) / scale)}, spread {spread(v):.1f}%{'; ' + how if how else ''})")


def cpu_ratio(x):
    return f" (cpu {x:.2f}x)"
