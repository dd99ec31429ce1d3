"""``accessible-formats staff …`` as an administrator runs it: real processes, a real database."""

from __future__ import annotations

import os
from pathlib import Path

from tests.staff.conftest import run_cli


def test_add_list_disable_enable(tmp_path: Path) -> None:
    env = {**os.environ, "AF_DATABASE_URL": f"sqlite:///{tmp_path}/cli.db"}
    added = run_cli(
        env, "staff", "add", "Ana@Example.gov.uk", "--password-stdin", stdin="pw long enough!\n"
    )
    assert (added.returncode, added.stdout.strip()) == (0, "added ana@example.gov.uk")

    again = run_cli(env, "staff", "add", "ana@example.gov.uk", "--password-stdin", stdin="x" * 20)
    assert again.returncode == 2 and "already has an account" in again.stderr
    short = run_cli(env, "staff", "add", "bo@example.gov.uk", "--password-stdin", stdin="short\n")
    assert short.returncode == 2 and "at least 12 characters" in short.stderr
    assert "Traceback" not in again.stderr + short.stderr

    listed = run_cli(env, "staff", "list")
    assert listed.stdout.splitlines() == ["ana@example.gov.uk\tactive\tlast signed in: never"]
    disabled = run_cli(env, "staff", "disable", "ANA@example.gov.uk")
    assert disabled.stdout.strip() == "ana@example.gov.uk is disabled"
    assert "\tdisabled\t" in run_cli(env, "staff", "list").stdout
    enabled = run_cli(env, "staff", "enable", "ana@example.gov.uk")
    assert enabled.stdout.strip() == "ana@example.gov.uk is enabled"

    unknown = run_cli(env, "staff", "disable", "nobody@example.gov.uk")
    assert unknown.returncode == 2 and "nobody@example.gov.uk has no account" in unknown.stderr
    assert "Traceback" not in unknown.stderr
