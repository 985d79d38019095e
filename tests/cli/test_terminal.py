"""The human report in a real terminal: tmux runs the CLI at a given width and we read the screen.

Skipped where tmux is not installed (``apt-get install tmux``).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.model,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = "data/articles/kursk-north-korean-troops.txt"
DONE = "__claimcheck_done__"


def in_tmux(columns: int, command: str, timeout: float = 90) -> tuple[str, str]:
    """Run ``command`` in a fresh tmux server with a ``columns``-wide window; the screen, plain and with colours."""
    socket = f"claimcheck-test-{uuid.uuid4().hex[:8]}"
    tmux = ["tmux", "-L", socket, "-f", "/dev/null"]
    script = f"cd {shlex.quote(str(ROOT))} && env -u COLUMNS -u NO_COLOR -u FORCE_COLOR {command}; echo {DONE} $?"
    env = {k: v for k, v in os.environ.items() if not k.startswith("TMUX")}
    subprocess.run([*tmux, "new-session", "-d", "-x", str(columns), "-y", "150", "sh", "-c", script + "; sleep 60"],
                   check=True, env=env)
    try:
        deadline = time.monotonic() + timeout
        while True:
            plain = subprocess.run([*tmux, "capture-pane", "-p", "-J"], capture_output=True, text=True).stdout
            if DONE in plain or time.monotonic() > deadline:
                break
            time.sleep(0.3)
        coloured = subprocess.run([*tmux, "capture-pane", "-p", "-J", "-e"], capture_output=True, text=True).stdout
        return plain, coloured
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True)


def report_lines(screen: str) -> list[str]:
    lines = [line.rstrip() for line in screen.split("\n")]
    return lines[: next(i for i, line in enumerate(lines) if line.startswith(DONE))]


@pytest.mark.parametrize("columns", [80, 120])
def test_report_respects_the_terminal_width(columns):
    plain, coloured = in_tmux(columns, f"{shlex.quote(sys.executable)} -m claimcheck {SAMPLE}")
    assert f"{DONE} 1" in plain  # the sample contradicts itself
    lines = report_lines(plain)
    # capture-pane -J joins lines the terminal wrapped: none may be wider than the window
    assert max(len(line) for line in lines) <= columns
    assert lines[0].startswith(f"{SAMPLE}:") and " error CC101" in lines[0]
    assert re.fullmatch(r"\d+ errors?(, \d+ warnings?)?(, \d+ infos?)? in 1 file \(\d+ claims\)", lines[-1])
    # the wider window is used: the first header is cut near its width, not at some fixed 80
    assert len(lines[0]) > columns - 20
    assert any(re.match(r"\s*\d+ \| ", line) for line in lines) and any("^^^" in line for line in lines)
    assert "\x1b[" in coloured  # a terminal: colours by default
    assert "checking" not in plain  # no progress bar for one file


def test_no_color_in_a_terminal():
    plain, coloured = in_tmux(100, f"NO_COLOR=1 {shlex.quote(sys.executable)} -m claimcheck {SAMPLE}")
    assert f"{DONE} 1" in plain
    report = "\n".join(report_lines(coloured))
    assert " error CC101" in report and "\x1b[" not in report
