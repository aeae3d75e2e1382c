"""The review page's FSRS scheduler (docs/assets/fsrs.js) against the reference Python
implementation (`fsrs` on PyPI, requirements-dev.txt), fuzzing off: the same ratings at the
same times give the same state, stability, difficulty and due date. The JavaScript runs in
node (a browser is not needed for arithmetic); skipped if node or fsrs is missing."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from datetime import datetime, timedelta, timezone

import pytest
from conftest import ROOT

fsrs = pytest.importorskip("fsrs")
NODE = shutil.which("node")
SCRIPT = ROOT / "docs/assets/fsrs.js"
START = datetime(2026, 12, 6, 9, 30, tzinfo=timezone.utc)
STATES = {fsrs.State.Learning: 1, fsrs.State.Review: 2, fsrs.State.Relearning: 3}

# Each case: (rating, minutes after the card's due date at which it is rated). 0 = on time;
# a negative delay is an early review, a positive one a late review.
CASES = {
    "good all the way": [(3, 0)] * 8,
    "easy at once": [(4, 0), (4, 0), (3, 0)],
    "hard then good": [(2, 0), (2, 0), (3, 0), (3, 0), (2, 0), (3, 0)],
    "again while learning": [(1, 0), (1, 0), (3, 0), (3, 0), (3, 0)],
    "a lapse after graduating": [(3, 0), (3, 0), (3, 0), (1, 0), (3, 0), (3, 0), (3, 0)],
    "two lapses, late and early": [(3, 0), (4, 0), (1, 3 * 1440), (2, 0), (3, 0), (1, -1440), (3, 0), (4, 2000)],
    "late reviews": [(3, 0), (3, 0), (3, 5 * 1440), (3, 20 * 1440), (2, 0), (3, 0)],
    "same-day repeats": [(3, 0), (3, 0), (3, -60 * 24 * 2), (1, 1), (1, 1), (2, 0), (4, 0)],
}


def _python_run(steps):
    scheduler = fsrs.Scheduler(enable_fuzzing=False)
    card = fsrs.Card(card_id=1, due=START)
    out = []
    for rating, delay in steps:
        when = max(card.due + timedelta(minutes=delay), card.last_review or START)
        card, _ = scheduler.review_card(card, fsrs.Rating(rating), when)
        out.append({"when": int(when.timestamp() * 1000), "rating": rating, "state": STATES[card.state],
                    "s": card.stability, "d": card.difficulty, "due": int(card.due.timestamp() * 1000)})
    return out


def _js_run(runs):
    """Replays each run's (time, rating) pairs through fsrs.js; returns its cards."""
    program = f"""
const F = require({json.dumps(str(SCRIPT))});
const runs = JSON.parse(require("fs").readFileSync(0, "utf8"));
console.log(JSON.stringify(runs.map(run => {{
  let card = F.newCard(run[0].when);
  return run.map(step => (card = F.review(card, step.rating, step.when)));
}})));
"""
    result = subprocess.run([NODE, "-e", program], input=json.dumps(runs), capture_output=True, text=True,
                            timeout=60, check=True)
    return json.loads(result.stdout)


def _random_cases(count=60, seed=29):
    rng = random.Random(seed)
    return {f"random {n}": [(rng.choice([1, 2, 3, 3, 3, 4]), rng.choice([0, 0, 0, 30, 1440, 3 * 1440, -5]))
                            for _ in range(rng.randint(3, 12))] for n in range(count)}


@pytest.mark.skipif(not NODE, reason="node is not installed")
def test_fsrs_js_matches_python_fsrs():
    cases = {**CASES, **_random_cases()}
    expected = {name: _python_run(steps) for name, steps in cases.items()}
    got = dict(zip(expected, _js_run(list(expected.values()))))
    lapses = 0
    for name, runs in expected.items():
        for n, (want, card) in enumerate(zip(runs, got[name]), start=1):
            where = f"{name}, review {n} (rating {want['rating']})"
            assert card["state"] == want["state"], where
            assert card["s"] == pytest.approx(want["s"], rel=1e-9), where
            assert card["d"] == pytest.approx(want["d"], rel=1e-9), where
            assert card["due"] == want["due"], f"{where}: due {card['due']} != {want['due']}"
            lapses += want["rating"] == 1 and n > 1
    assert lapses >= 5  # the cases include lapses, not only first-day learning


def test_named_cases_reach_review_and_relearning():
    """The fixed cases exercise every state (a guard against a case list that tests little)."""
    states = {step["state"] for steps in CASES.values() for step in _python_run(steps)}
    assert states == {1, 2, 3}
