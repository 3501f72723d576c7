"""Kill a writer with SIGKILL at random moments and check that every edit it reported as committed is there.

The child (`python crash_harness.py child WORKBOOK SEED`) edits goals of one account through the store, as the
app does: it prints `attempt` before each edit and `done` once the store call has returned (committed). The
parent kills it after a random delay, opens the workbook as the app would (recovering the journal), runs
`PRAGMA integrity_check`, and compares the goals with what the reports say: every `done` edit must be there; the
one edit in flight when the kill came may or may not be.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve()


def child(path: str, seed: int) -> None:
    from immersion.store import edits
    from immersion.store.workbook import Workbook

    rng = random.Random(seed)
    wb = Workbook.open(path)
    account = edits.rows(wb, "accounts")[0]["id"]
    mine = [row["id"] for row in edits.rows(wb, "goals", account_id=account)]
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        roll = rng.random()
        if roll < 0.6 or not mine:
            title = f"goal {seed}-{n} " + "x" * rng.randrange(0, 2000)
            op = {"op": "add", "title": title}
            print("attempt " + json.dumps(op), flush=True)
            goal = edits.add(wb, "goals", account_id=account, title=title, category="strategic", rank=n)
            op["id"] = goal.items[0].row_id
            mine.append(op["id"])
        elif roll < 0.85:
            op = {"op": "change", "id": rng.choice(mine), "title": f"changed {seed}-{n}"}
            print("attempt " + json.dumps(op), flush=True)
            edits.change(wb, "goals", op["id"], title=op["title"])
        else:
            op = {"op": "delete", "id": mine.pop(rng.randrange(len(mine)))}
            print("attempt " + json.dumps(op), flush=True)
            edits.delete(wb, "goals", op["id"])
        print("done " + json.dumps(op), flush=True)


def apply(state: dict[str, str], op: dict) -> dict[str, str]:
    state = dict(state)
    if op["op"] == "delete":
        state.pop(op["id"], None)
    elif "id" in op:
        state[op["id"]] = op["title"]
    return state


def one_kill(path: Path, state: dict[str, str], rng: random.Random, env: dict[str, str]) -> dict[str, str]:
    """Run, kill and verify once; returns the goals now in the workbook (id → title)."""
    with subprocess.Popen([sys.executable, str(HERE), "child", str(path), str(rng.randrange(1 << 30))],
                          stdout=subprocess.PIPE, text=True, env=env) as proc:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.02, 0.4))
        os.kill(proc.pid, signal.SIGKILL)
        output = proc.stdout.read()
        proc.wait()
    done, in_flight = [], None
    for line in output.splitlines():
        kind, _, payload = line.partition(" ")
        if kind == "done":
            done.append(json.loads(payload))
            in_flight = None
        elif kind == "attempt":
            in_flight = json.loads(payload)
    return verify(path, state, done, in_flight)


def verify(path: Path, state: dict[str, str], done: list[dict], in_flight: dict | None) -> dict[str, str]:
    """Open the workbook as the app does and compare it with the reported edits; returns its goals."""
    from immersion.store import edits
    from immersion.store.workbook import Workbook

    for op in done:
        state = apply(state, op)
    with Workbook.open(path) as wb:  # a crashed writer's lock and journal must not stand in the way
        assert wb.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        actual = {r["id"]: r["title"] for r in edits.rows(wb, "goals")}
    allowed = [state]
    if in_flight is not None:
        if in_flight["op"] == "add":  # its id is only known once it committed: any one new goal with its title
            extra = {k: v for k, v in actual.items() if k not in state}
            if len(extra) == 1 and next(iter(extra.values())) == in_flight["title"]:
                allowed.append(actual)
        else:
            allowed.append(apply(state, in_flight))
    assert actual in allowed, f"after {len(done)} reported edits the workbook differs from every allowed state"
    return actual


def run(kills: int, folder: Path, seed: int = 1) -> dict[str, int]:
    """Create a workbook and kill a writer `kills` times; returns counts for a report."""
    from immersion.store import edits
    from immersion.store.workbook import Workbook

    path = folder / "crash.immersion"
    with Workbook.create(path) as wb:
        edits.add(wb, "accounts", name="Crash-test account")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
    rng = random.Random(seed)
    state: dict[str, str] = {}
    for _ in range(kills):
        state = one_kill(path, state, rng, env)
    return {"kills": kills, "goals": len(state)}


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    child(sys.argv[2], int(sys.argv[3]))
