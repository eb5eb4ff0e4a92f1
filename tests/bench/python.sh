# python.sh: sourced by the benchmark scripts (plot.sh, montecarlo.sh,
# train.sh), which are Python programs in a shell's here-document.
#   bench_python ARG... <<'EOF'
# runs the program on stdin, with those arguments, under Debian's own
# python3 (the one python3-numpy and python3-torch install into, not a
# version manager's shim; $PYTHON names another), with BENCH_DIR set to
# this directory so that it can import benchlib.py, and no bytecode
# written into the source tree. Without python3: exit 77 (skipped).
bench_python() {
	python=${PYTHON:-}
	[ -z "$python" ] && [ -x /usr/bin/python3 ] && python=/usr/bin/python3
	[ -z "$python" ] && python=$(command -v python3)
	if [ -z "$python" ]; then
		echo "$(basename "$0"): python3 not found: benchmark skipped" >&2
		exit 77
	fi
	BENCH_DIR=$(dirname "$0") PYTHON_BIN=$python PYTHONDONTWRITEBYTECODE=1 exec "$python" - "$@"
}
