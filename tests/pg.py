"""A throw-away PostgreSQL server for the test session, started from Debian's binaries.

The store, ingest and dashboard-data tests run on PostgreSQL as well as SQLite (conftest.db_url).
Rather than asking every developer and CI machine to run a server, the session starts its own:
initdb in a temporary folder, listening on 127.0.0.1 only, on a free port, with trust
authentication (nothing else can reach it), fsync off (the data is thrown away), and removes it at
the end. PostgreSQL refuses to run as root, so as root the cluster is owned and run by the
`postgres` system user that Debian's package creates.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

# Debian's `postgresql` package (run.sh test installs it) puts the server binaries here.
BIN_GLOB = "/usr/lib/postgresql/*/bin"
SUPERUSER = "tracker"
START_TIMEOUT_SECONDS = 60


class PostgresUnavailable(RuntimeError):
    """No server binaries: the PostgreSQL tests are skipped with this message."""


def find_bin_dir() -> Path | None:
    """The newest installed server's bin folder (the one holding initdb and pg_ctl), if any."""
    candidates = [Path(p) for p in glob.glob(BIN_GLOB) if (Path(p) / "initdb").exists() and (Path(p) / "pg_ctl").exists()]
    if not candidates:
        return None
    return max(candidates, key=lambda p: _version(p.parent.name))


def _version(name: str) -> tuple[int, ...]:
    return tuple(int(part) for part in name.split(".") if part.isdigit())


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class TempPostgres:
    """A running cluster in a temporary folder; `admin_url` reaches its `postgres` database."""

    def __init__(self, bin_dir: Path):
        self.bin_dir = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="tracker-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.port = 0
        self._run_as = self._system_user()

    @staticmethod
    def _system_user() -> list[str]:
        """The command prefix that runs the server as a non-root user (PostgreSQL refuses root)."""
        if os.geteuid() != 0:
            return []
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            raise PostgresUnavailable(
                "running as root and there is no 'postgres' system user to run the test server as; "
                "install Debian's postgresql package or set TRACKER_TEST_PG_URL"
            ) from None
        runuser = shutil.which("runuser")
        return [runuser, "-u", "postgres", "--"] if runuser else ["su", "postgres", "-s", "/bin/sh", "-c"]

    def _cmd(self, *args: str) -> list[str]:
        if self._run_as and self._run_as[0] == "su":
            import shlex

            return [*self._run_as, shlex.join(args)]
        return [*self._run_as, *args]

    def start(self) -> str:
        if self._run_as:
            pg = pwd.getpwnam("postgres")
            os.chown(self.root, pg.pw_uid, pg.pw_gid)
        self._check(
            self._cmd(str(self.bin_dir / "initdb"), "-D", str(self.data), "-U", SUPERUSER, "-A", "trust",
                      "-E", "UTF8", "--locale=C", "--no-sync"),
            "initdb",
        )
        options = " ".join([
            "-c listen_addresses=127.0.0.1",
            f"-k {self.root}",  # the Unix socket in our folder, not /var/run/postgresql
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off",
            "-c max_connections=100",
        ])
        for _attempt in range(3):  # a free port can be taken between free_port() and the start
            self.port = free_port()
            result = subprocess.run(
                self._cmd(str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-w",
                          "-t", str(START_TIMEOUT_SECONDS), "-o", f"{options} -p {self.port}", "start"),
                capture_output=True, text=True,
            )
            if result.returncode == 0:
                return self.admin_url
        raise RuntimeError(f"the test PostgreSQL server did not start: {result.stderr.strip()}\n{self.log_tail()}")

    @property
    def admin_url(self) -> str:
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        if self.data.exists():
            subprocess.run(
                self._cmd(str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"),
                capture_output=True, text=True,
            )
        shutil.rmtree(self.root, ignore_errors=True)

    def log_tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no server log)"

    def _check(self, cmd: list[str], what: str) -> None:
        result = subprocess.run(cmd, capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"{what} failed for the test PostgreSQL server: {result.stderr.strip() or result.stdout.strip()}")


def start_temp_postgres() -> TempPostgres:
    """Start a server, or raise PostgresUnavailable when this machine has no PostgreSQL binaries."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise PostgresUnavailable(
            f"no PostgreSQL server binaries ({BIN_GLOB}/initdb); install Debian's postgresql package "
            "(./run.sh test does) or set TRACKER_TEST_PG_URL to an admin URL"
        )
    server = TempPostgres(bin_dir)
    try:
        server.start()
    except BaseException:
        server.stop()
        raise
    return server
