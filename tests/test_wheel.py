"""The built wheel works on its own: installed into a fresh venv, `tracker serve` serves the styled page.

The wheel is built offline with this venv's setuptools from a copy of the sources, installed with
--no-deps into a new venv that has no pip and does not see this checkout; the dependencies come from
this venv's site-packages, added after the wheel's own files by a .pth path line (the .pth files in
there, such as the editable install of this checkout, are not run for a directory added that way).
The server runs from a folder outside the checkout, so nothing can come from the source tree.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ["pyproject.toml", "README.md", "tracker", "dashboard"]


def _can_build_wheels() -> bool:
    # setuptools >= 70.1 has bdist_wheel itself (the test extras ask for it); older needs the wheel package.
    return any(importlib.util.find_spec(name) is not None for name in ("setuptools.command.bdist_wheel", "wheel"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _build_wheel(tmp: Path) -> Path:
    """The wheel of a copy of the package sources (the build leaves build/ and egg-info in the copy)."""
    source = tmp / "src"
    for name in SOURCES:
        origin = ROOT / name
        if origin.is_dir():
            shutil.copytree(origin, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            source.mkdir(parents=True, exist_ok=True)
            shutil.copy2(origin, source / name)
    out = tmp / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                    "-q", "-w", str(out), str(source)], check=True, timeout=300)
    (wheel,) = out.glob("tension_tracker-*.whl")
    return wheel


def _venv_with(wheel: Path, tmp: Path) -> Path:
    """A new venv holding the wheel, with this venv's packages as its dependencies; returns its bin/."""
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    # Without PYTHONPATH: pip would see this checkout's egg-info there and call the package installed.
    clean = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "PYTHONHOME")}
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index",
                    "-q", str(wheel)], check=True, timeout=300, env=clean)
    site_packages = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                                   check=True, capture_output=True, text=True).stdout.strip()
    # This process's site-packages directories, in order (a venv may itself extend another by a .pth line).
    dependencies = [entry for entry in sys.path if Path(entry).name == "site-packages"]
    (Path(site_packages) / "zz_dependencies.pth").write_text("".join(f"{entry}\n" for entry in dependencies))
    return venv / "bin"


def _get(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read()


def _wait_for_page(url: str, server: subprocess.Popen, log: Path) -> bytes:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"tracker serve stopped (exit {server.returncode}):\n{log.read_text(errors='replace')}")
        try:
            status, body = _get(url)
            if status == 200:
                return body
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"tracker serve did not answer within 90 s:\n{log.read_text(errors='replace')}")


def test_installed_wheel_serves_the_styled_dashboard(tmp_path):
    if not _can_build_wheels():
        message = "building the wheel needs setuptools>=70.1 (pip install -e '.[test]')"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    wheel = _build_wheel(tmp_path)
    bin_dir = _venv_with(wheel, tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "PYTHONHOME")}
    env["TRACKER_INBOX"] = str(elsewhere / "inbox")

    where = subprocess.run([str(bin_dir / "python"), "-c",
                            "import sys, tracker, dashboard; print(tracker.__file__); print(dashboard.__file__);"
                            "print('\\n'.join(sys.path))"],
                           cwd=elsewhere, env=env, check=True, capture_output=True, text=True).stdout.splitlines()
    venv = str(bin_dir.parent)
    assert where[0].startswith(venv) and where[1].startswith(venv), where[:2]
    assert not any(entry and Path(entry).resolve() == ROOT for entry in where[2:]), where[2:]

    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as log_file:
        server = subprocess.Popen([str(bin_dir / "tracker"), "--db", str(elsewhere / "t.db"), "serve", "--no-watch",
                                   "--port", str(port)], cwd=elsewhere, env=env, stdout=log_file,
                                  stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        page = _wait_for_page(base + "/", server, log).decode()
        stylesheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', page)
        scripts = re.findall(r'<script src="([^"]+)"', page)
        assert any("/assets/style.css" in href for href in stylesheets), page
        assert any("/assets/tracker.js" in src for src in scripts), page
        for path in [*stylesheets, *scripts, "/assets/favicon.svg"]:
            status, body = _get(base + path)
            assert status == 200 and body, path
    finally:
        server.terminate()
        server.wait(timeout=30)
