"""The real service as separate processes: api (uvicorn), Celery workers and beat."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from service.supervisor import free_port

REPO_ROOT = Path(__file__).resolve().parents[2]


class ServiceProcesses:
    """Starts and stops the service's processes; each in its own process group so a test
    can kill a worker together with its pool children, as a crash or an OOM kill would."""

    def __init__(self, env: dict[str, str], log_dir: Path) -> None:
        self.env = {**os.environ, **env}
        self.log_dir = log_dir
        self.processes: dict[str, subprocess.Popen[bytes]] = {}
        self.base_url = ""

    def _start(self, name: str, *args: str, extra_env: dict[str, str] | None = None) -> None:
        log = (self.log_dir / f"{name}.log").open("ab")
        self.processes[name] = subprocess.Popen(
            [sys.executable, "-m", "service.cli", *args],
            env={**self.env, **(extra_env or {})},
            cwd=REPO_ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def start_api(self) -> str:
        self._launch_api()
        self.wait_until_ready()
        return self.base_url

    def start_worker(self, name: str = "worker") -> None:
        self._launch_worker(name)
        self.wait_for_log(name, "ready.")

    def start_beat(self) -> None:
        self._launch_beat()
        self.wait_for_log("beat", "beat: Starting")

    def start_together(
        self, *workers: str, beat: bool = False, public_base_url: bool = False
    ) -> str:
        """The api, ``workers`` and (if asked) beat launched at once, as ``serve`` launches
        them, and waited for until each is ready: their start-ups (imports, the migration
        under its lock) overlap instead of queueing one after another. ``public_base_url``
        gives every process the api's address for the links in e-mail."""
        self._launch_api()
        if public_base_url:
            self.env["AF_PUBLIC_BASE_URL"] = self.base_url
        for name in workers:
            self._launch_worker(name)
        if beat:
            self._launch_beat()
        self.wait_until_ready()
        for name in workers:
            self.wait_for_log(name, "ready.")
        if beat:
            self.wait_for_log("beat", "beat: Starting")
        return self.base_url

    def _launch_api(self) -> None:
        port = free_port()
        self._start("api", "api", extra_env={"AF_API_PORT": str(port)})
        self.base_url = f"http://127.0.0.1:{port}"

    def _launch_worker(self, name: str) -> None:
        self._start(name, "worker", "--hostname", f"{name}@%h", "--loglevel", "INFO")

    def _launch_beat(self) -> None:
        self._start("beat", "beat", "--schedule", str(self.log_dir / "beat-schedule"))

    def kill(self, name: str) -> None:
        process = self.processes.pop(name)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)

    def pool_children(self, name: str) -> list[int]:
        listed = subprocess.run(
            ["pgrep", "-P", str(self.processes[name].pid)],
            capture_output=True,
            text=True,
            check=False,
        )
        return [int(pid) for pid in listed.stdout.split()]

    def kill_pool_children(self, name: str) -> list[int]:
        """SIGKILL the pool processes of a worker (as an OOM kill or a crash in a C parser
        would), leaving its main process running."""
        children = self.pool_children(name)
        assert children, f"{name} has no pool processes"
        for pid in children:
            os.kill(pid, signal.SIGKILL)
        return children

    def stop_all(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        self.processes.clear()

    def log_text(self, name: str) -> str:
        path = self.log_dir / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def wait_for_log(self, name: str, needle: str, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if needle in self.log_text(name):
                return
            process = self.processes.get(name)
            if process is not None and process.poll() is not None:
                raise AssertionError(f"{name} exited:\n{self.log_text(name)[-3000:]}")
            time.sleep(0.1)
        raise AssertionError(f"{name} never logged {needle!r}:\n{self.log_text(name)[-3000:]}")

    def wait_until_ready(self, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.base_url + "/readyz", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            if self.processes["api"].poll() is not None:
                raise AssertionError("api exited:\n" + self.log_text("api")[-3000:])
            time.sleep(0.2)
        raise AssertionError("api never became ready:\n" + self.log_text("api")[-3000:])

    def logs_tail(self) -> str:
        return "\n".join(
            f"--- {name} ---\n{self.log_text(name)[-2000:]}" for name in self.processes
        )
