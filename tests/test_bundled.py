"""The bundled programmes: valid, faithful to their source text, and one source of truth."""

from __future__ import annotations

import json
import re
from importlib.resources import files
from pathlib import Path

import pytest

from helpers import invoke
from ktt_cli.bundled import DEFAULT, bundled_ids, bundled_path
from ktt_cli.model import TargetsFile
from ktt_cli.problems import ProblemLog
from ktt_cli.targets_file import read_targets
from ktt_cli.units import Comparator, Unit

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "fixtures" / "seed" / "yen-bai-action-programme-article.txt"

# The table of the issue that asked for the programme: id, unit, 2030, 2045.
YEN_BAI = {
    "tht_count": ("count", ("about", 8400), None),
    "tht_members": ("persons", ("over", 50400), None),
    "htx_count": ("count", ("at_least", 1200), None),
    "htx_members": ("persons", ("over", 60000), None),
    "union_count": ("count", ("at_least", 2), None),
    "union_member_htx": ("count", ("over", 10), None),
    "good_fair_share": ("percent", ("over", 65), None),
    "value_chain_share": ("percent", ("at_least", 50), ("at_least", 75)),
    "high_tech_htx": ("count", ("over", 50), None),
    "population_share": ("percent", None, ("at_least", 20)),
    "effective_share": ("percent", None, ("over", 90)),
    "digital_share": ("percent", None, ("all", 100)),
}


def load(programme_id: str) -> TargetsFile:
    path = bundled_path(programme_id)
    assert path is not None
    log = ProblemLog()
    targets = read_targets(path.read_bytes(), programme_id, log)
    assert targets is not None, [str(p) for p in log]
    return targets


@pytest.mark.parametrize("programme_id", bundled_ids())
def test_every_bundled_programme_is_valid_and_named_by_its_id(programme_id: str) -> None:
    targets = load(programme_id)
    assert targets.programme.id == programme_id
    for indicator in targets.indicators:
        assert (indicator.unit is Unit.PERCENT) == (indicator.share_of is not None)
        assert indicator.name.en, f"{indicator.id} has no English name"


def test_the_root_targets_file_is_the_installed_bundled_programme() -> None:
    installed = files("ktt_cli").joinpath("programmes", f"{DEFAULT}.yaml").read_bytes()
    assert (ROOT / "targets.yaml").read_bytes() == installed
    assert DEFAULT.startswith("yen-bai")


def test_yen_bai_targets_are_those_of_the_programme() -> None:
    targets = load(DEFAULT)
    found = {}
    for indicator in targets.indicators:
        by_year = {t.year: (t.comparator.value, t.level) for t in indicator.targets}
        found[indicator.id] = (indicator.unit.value, by_year.get(2030), by_year.get(2045))
    assert found == YEN_BAI
    assert targets.milestones == [2030, 2045]


def test_yen_bai_texts_quote_the_programme_word_for_word() -> None:
    seed = " ".join(SEED.read_text(encoding="utf-8").split())
    targets = load(DEFAULT)
    quoted = [t.text for i in targets.indicators for t in i.targets]
    quoted += [q.text for q in targets.qualitative]
    for text in quoted:
        assert " ".join(text.split()) in seed, text


def test_yen_bai_readings_that_were_choices_are_noted() -> None:
    targets = load(DEFAULT)
    for indicator in targets.indicators:
        for target in indicator.targets:
            words = target.text.lower()
            chosen = (
                target.comparator in (Comparator.ABOUT, Comparator.ALL)
                or "trong đó" in words
                or not re.search(r"khoảng|trên|ít nhất|tối thiểu|dưới|không quá|tối đa|đều", words)
            )
            if chosen:
                assert target.note, f"{indicator.id} {target.year}: a reading without a note"


@pytest.mark.parametrize("programme_id", bundled_ids())
def test_every_bundled_programme_is_clean_of_warnings_too(programme_id: str) -> None:
    path = bundled_path(programme_id)
    assert path is not None
    log = ProblemLog()
    assert read_targets(path.read_bytes(), programme_id, log) is not None
    assert [str(p) for p in log] == []


@pytest.mark.parametrize(
    ("programme_id", "written", "changed"),
    [
        (DEFAULT, "value: 8400\n", "value: 8500\n"),  # text: khoảng 8.400 tổ hợp tác
        (DEFAULT, "value: 50400\n", "value: 50000\n"),
        ("nq20-national", "value: 8000000\n", "value: 8\n"),  # text: ... 8 triệu thành viên
    ],
)
def test_a_bundled_value_changed_from_its_text_is_refused(
    programme_id: str, written: str, changed: str
) -> None:
    path = bundled_path(programme_id)
    assert path is not None
    text = path.read_text(encoding="utf-8")
    assert text.count(written) == 1
    log = ProblemLog()
    assert read_targets(text.replace(written, changed).encode(), programme_id, log) is None
    assert [p.code for p in log] == ["text_mismatch"]


@pytest.mark.parametrize("programme_id", bundled_ids())
def test_every_note_of_a_bundled_target_is_in_both_languages(programme_id: str) -> None:
    notes = [t.note for i in load(programme_id).indicators for t in i.targets if t.note]
    assert notes
    for note in notes:
        assert note.en
        assert note.vi != note.en
        assert not re.search(r"\b(the|is|are|of|read)\b", note.vi), note.vi  # not English


def test_the_report_gives_the_target_note_in_its_language() -> None:

    def note(lang: str) -> str:
        example = str(ROOT / "examples" / "actuals.csv")
        run = invoke(["report", example, "--format", "json", "--lang", lang])
        found = json.loads(run.stdout)["results"]
        return next(r["target_note"] for r in found if r["indicator"] == "digital_share")

    assert note("vi") == '"đều": mọi tổ chức, 100%.'
    assert note("en") == '"đều" (all): every organisation, 100%.'
