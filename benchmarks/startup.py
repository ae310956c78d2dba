"""The start-up measure of `run.py` alone: `ktt report examples/actuals.csv` against the
stack floor (`stack_floor.py`) and the bare imports, alternated round by round.

    python benchmarks/startup.py              # 21 rounds after one warm-up round
    python benchmarks/startup.py --rounds 41

Seconds, not minutes: the check to run after a change to what ktt imports or does
before its first line of output (SPEC §7, start-up).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

import budgets as b
import cases
from cases import Bench
from printout import machine, table
from run import CHILD_ENV_DROPPED, DEFAULT_WORKDIR, ktt_command


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="ktt's start-up against the stack floor.")
    parser.add_argument("--rounds", type=int, default=21, help="alternated rounds")
    parser.add_argument("--warmup", type=int, default=1, help="untimed rounds first")
    args = parser.parse_args(argv)
    env = {k: v for k, v in os.environ.items() if k not in CHILD_ENV_DROPPED}
    bench = Bench(ktt_command(), DEFAULT_WORKDIR, env, 1, args.rounds, args.warmup)
    info = machine()
    measures = cases.startup(bench)
    load = " ".join(map(str, info.get("loadavg_at_start", [])))  # type: ignore[call-overload]
    print(f"machine   {info['platform']} · {info['cpu_count']} CPUs · load {load}")
    print(f"method    alternated, {args.warmup} warm-up round(s), {args.rounds} rounds")
    print("\n".join(table(measures)))
    for m in measures:
        if m.median_s is not None:
            print(f"{m.label}: median {m.median_s * 1000:.0f} ms")
    verdict, result = b.overall(measures)
    print(f"result    {result}")
    return 1 if verdict is not b.Verdict.PASS else 0


if __name__ == "__main__":
    sys.exit(main())
