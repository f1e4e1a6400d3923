"""Kill -9 at random moments: the files a run writes are the old ones or complete new ones."""
from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time

from reports.json_report import validate


def test_a_killed_recheck_never_leaves_a_broken_report(planted_audit, tmp_path):
    """One recheck runs to its end (its time sets the scale); then eight are killed at random
    moments of such a run, from start-up to the last file written."""
    _, _, run_dir = planted_audit
    out = tmp_path / "out"
    command = [sys.executable, "-m", "auditor", "recheck", str(run_dir), "--out", str(out),
               "--quiet", "--format", "json,html,junit"]
    started = time.monotonic()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    whole = time.monotonic() - started
    assert (out / "report.json").exists()
    rng = random.Random(7)
    outcomes = []
    for attempt in range(8):
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.2, 0.98) * whole)
        killed = proc.poll() is None
        if killed:
            proc.send_signal(signal.SIGKILL)
        proc.wait()
        outcomes.append(killed)
        for name in ("report.json", "report.html", "junit.xml"):
            path = out / name
            if path.exists():
                text = path.read_text(encoding="utf-8")
                if name == "report.json":
                    validate(json.loads(text))
                else:
                    assert text.rstrip().endswith(("</html>", "</testsuite>")), name
    assert sum(outcomes) >= 4 and (out / "report.json").exists()
