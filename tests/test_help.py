"""Help in the language of KTT_LANG, with examples and exit codes, in plain words.

Help texts are read when the command modules are imported, so each case runs ktt in a
new interpreter with its environment.
"""

from __future__ import annotations

import os
import subprocess

import pytest

from helpers import run_ktt
from ktt_cli.cli.help_texts import HELP

COMMANDS = ["report", "validate", "targets", "template", "schema"]


def ktt(*args: str, lang: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "KTT_LANG"} | {"COLUMNS": "80"}
    if lang is not None:
        env["KTT_LANG"] = lang
    return run_ktt(args, text=True, encoding="utf-8", env=env)


def test_help_is_vietnamese_by_default_and_english_with_ktt_lang_en() -> None:
    vi, en = ktt("--help").stdout, ktt("--help", lang="en").stdout
    assert "Kiểm tra tệp mục tiêu và tệp số liệu." in vi
    assert "Check targets and actuals files." in en
    assert "Check targets" not in vi


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_has_an_example_and_the_exit_codes(command: str, lang: str) -> None:
    shown = ktt(command, "--help", lang=lang).stdout
    heads = ("Ví dụ:", "Mã thoát:") if lang == "vi" else ("Examples:", "Exit codes:")
    assert all(head in shown for head in heads), shown
    for code in ["0", "2", "3"]:
        assert f"\n    {code}  " in shown
    assert ("\n    1  " in shown) == (command in ("report", "validate"))
    assert "  ktt " in shown.split(heads[0])[1]  # an example line, kept as written


def test_help_names_no_python_type_and_cuts_no_summary() -> None:
    for lang in ["vi", "en"]:
        top = ktt("--help", lang=lang).stdout
        assert "…" not in top
        assert "..." not in top.split("Commands:" if lang == "en" else "Lệnh:")[1]
        for command in COMMANDS:
            shown = ktt(command, "--help", lang=lang).stdout
            assert "<" not in shown, shown  # <list[str]>, <text>, <integer>
            assert "[str]" not in shown
    assert "  SỐ_LIỆU...  " in ktt("report", "--help").stdout
    assert "  ACTUALS...  " in ktt("report", "--help", lang="en").stdout


def test_every_help_text_has_both_languages() -> None:
    assert all(set(texts) == {"vi", "en"} for texts in HELP.values())


@pytest.mark.parametrize("args", [["--lang", "fr"], ["report", "--lang", "fr"]])
def test_an_unknown_language_is_answered_with_the_choices_in_plain_words(
    args: list[str],
) -> None:
    run = ktt(*args, lang="en")
    assert run.returncode == 2
    assert "'fr' is not a language ktt speaks; choose vi (Vietnamese) or en (English)" in (
        run.stderr
    )
    assert "Value error" not in run.stderr
    assert "chọn vi (tiếng Việt) hoặc en (tiếng Anh)" in ktt(*args).stderr


def test_an_unknown_ktt_lang_is_refused_by_a_command_too() -> None:
    run = ktt("targets", lang="fr")
    assert run.returncode == 2
    assert "choose vi" not in run.stderr
    assert "chọn vi (tiếng Việt) hoặc en (tiếng Anh)" in run.stderr


def test_lang_before_the_command_is_the_commands_default() -> None:
    assert "Provincial Party Committee" in ktt("--lang", "en", "targets").stdout
