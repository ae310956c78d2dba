"""The robustness corpus: every bad input ends in a clear problem line and an exit code.

Each case of tests/corpus/cases.toml runs the CLI in-process on `ktt_cli.cli.app`. An
exception other than SystemExit (an exit code) is a crash a user would see as a
traceback: never allowed, whatever the input.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import invoke

CORPUS = Path(__file__).parent / "corpus"
EXAMPLES = Path(__file__).parent.parent / "examples"
HEADER = "indicator,period,value,region,source,note\n"
MIB = 1024 * 1024

# ---- big inputs, written to tmp_path at test time ---------------------------------


def _huge_note_field(path: Path) -> None:
    note = "ghi chú rất dài về số liệu " * 8000  # ~230 KB in one quoted field
    path.write_text(
        f'{HEADER}htx_count,2024,777,,Báo Thử Nghiệm,"{note}"\nhtx_count,2023,-1,,,\n',
        encoding="utf-8",
    )


def _huge_value_field(path: Path) -> None:
    path.write_text(f"{HEADER}htx_count,2024,{'9' * 210_000},,,\n", encoding="utf-8")


def _huge_line_row2(path: Path) -> None:
    path.write_text(f"{HEADER}htx_count,2024,777,,,{'x' * (5 * MIB)}\n", encoding="utf-8")


def _huge_line_row3(path: Path) -> None:
    path.write_text(
        f"{HEADER}htx_count,2023,727,,,\nhtx_count,2024,777,,,{'x' * (5 * MIB)}\n",
        encoding="utf-8",
    )


def _huge_quoted_line_row3(path: Path) -> None:
    path.write_text(
        f'{HEADER}htx_count,2023,727,,,\nhtx_count,2024,777,,,"{"x" * (5 * MIB)}"\n',
        encoding="utf-8",
    )


def _huge_header(path: Path) -> None:
    # a header line of 5 MiB with no line end: more than any line ktt reads
    path.write_text("indicator,period,value," + "y" * (5 * MIB), encoding="utf-8")


def _huge_targets(path: Path) -> None:
    filler = "# " + "đệm " * 40 + "\n"
    path.write_text(
        "schema_version: 1\n" + filler * (6 * MIB // len(filler.encode())), encoding="utf-8"
    )


def _very_deep(path: Path) -> None:
    path.write_text("schema_version: 1\nprogramme: " + "[" * 100_000 + "]" * 100_000 + "\n")


def _many_bad_rows(path: Path) -> None:
    rows = "".join(
        f"htx_count,{2000 + i // 12}-{i % 12 + 1:02d},-{i + 1},,,\n" for i in range(20_000)
    )
    path.write_text(HEADER + rows, encoding="utf-8")


GENERATORS: dict[str, Callable[[Path], None]] = {
    "huge_note_field": _huge_note_field,
    "huge_value_field": _huge_value_field,
    "huge_line_row2": _huge_line_row2,
    "huge_line_row3": _huge_line_row3,
    "huge_quoted_line_row3": _huge_quoted_line_row3,
    "huge_header": _huge_header,
    "huge_targets": _huge_targets,
    "very_deep": _very_deep,
    "many_bad_rows": _many_bad_rows,
}

# ---- the manifest -----------------------------------------------------------------


def _load_cases() -> list[dict]:
    with (CORPUS / "cases.toml").open("rb") as file:
        return tomllib.load(file)["case"]


CASES = _load_cases()


def _case_id(case: dict, seen: Counter[str]) -> str:
    words = [a for a in case["args"] if not a.startswith("{")]
    base = f"{Path(case['file']).stem}-{'-'.join(words)}"
    seen[base] += 1
    return base if seen[base] == 1 else f"{base}-{seen[base]}"


_seen: Counter[str] = Counter()
CASE_IDS = [_case_id(c, _seen) for c in CASES]

_PROBLEM_LINE = re.compile(r"^(?P<file>.+?)(:\d+(:\d+)?)?: (warning: )?[a-z][a-z0-9_]*: \S")


def test_manifest_covers_every_corpus_file() -> None:
    in_folder = {p.name for p in CORPUS.iterdir() if p.name != "cases.toml"}
    in_manifest = {c["file"] for c in CASES if "generate" not in c}
    assert in_folder - in_manifest == set(), "corpus files without a case"
    assert in_manifest - in_folder == set(), "cases naming a missing corpus file"
    assert len(in_folder) >= 40
    assert {c["generate"] for c in CASES if "generate" in c} <= set(GENERATORS)


def test_corpus_files_are_small() -> None:
    """Big inputs are built at test time; the committed ones stay tiny."""
    for path in CORPUS.iterdir():
        if path.name != "cases.toml":
            assert path.stat().st_size < 8 * 1024, path.name


def _shown(output: str) -> str:
    """Output short enough to read in a failure message."""
    lines = [line if len(line) < 300 else line[:300] + " [...]" for line in output.splitlines()]
    return "\n".join(lines[:40])


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_corpus_case(case: dict, tmp_path: Path) -> None:
    if "generate" in case:
        path = tmp_path / case["file"]
        GENERATORS[case["generate"]](path)
    else:
        path = CORPUS / case["file"]
    args = [
        a.replace("{file}", str(path))
        .replace("{corpus}", str(CORPUS))
        .replace("{examples}", str(EXAMPLES))
        for a in case["args"]
    ]

    # the cases give messages in English; a report's names stay Vietnamese
    english = args[0] == "validate" or case["exit"] == 2
    env = {"KTT_LANG": "en"} if english else {}
    result = invoke(args, env=env)

    # cp1258 spells Vietnamese with combining tone marks: compare texts in NFC
    output = unicodedata.normalize("NFC", result.output)
    shown = _shown(output)
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"crashed with {result.exception!r}\n{shown}"
    )
    assert "Traceback" not in output
    assert result.exit_code == case["exit"], shown
    for fragment in case["expect"]:
        assert fragment in output, f"{fragment!r} not in:\n{shown}"
    for fragment in case.get("absent", []):
        assert fragment not in output, f"{fragment!r} in:\n{shown}"

    command = case["args"][0]
    if command == "report" and result.exit_code == 2:
        assert result.stdout == "", "a refused report printed something to stdout"
        assert result.stderr.rstrip("\n").splitlines()[-1].startswith("ktt: error: ")
    if command == "validate":
        # one problem a line, each starting with the file it is about
        files = [a for a in args[1:] if not a.startswith("-") and Path(a).exists()]
        for line in result.stdout.splitlines():
            if line.startswith("... and "):
                continue
            if line.endswith((": valid", "warning(s))")):
                continue
            match = _PROBLEM_LINE.match(line)
            assert match, f"not a problem line: {line[:300]!r}"
            assert match["file"].startswith(tuple(files)), line[:300]
