"""The help of the commands in both languages.

Typer reads help texts when the command modules are imported, in the language of
KTT_LANG; the command line then says them again in the language it asks for, wherever
its `--lang` stands (`choose`, called by cli/language.py before anything is parsed).
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING

from ktt_cli.cli.help_texts import HELP

if TYPE_CHECKING:
    from typer._click import Parameter
    from typer.core import TyperGroup as Group


class HelpText(str):
    """A help text that knows its key, so that it is said again in the language of the
    command line once that is known (`choose`)."""

    key: str

    @classmethod
    def of(cls, key: str, lang: str, notes: str = "") -> HelpText:
        text = _fill(HELP[key][lang], lang) if key in HELP else _epilog(key[7:], lang)
        said = cls(text + notes)
        said.key = key
        _KEYS[str(said)] = key  # Typer may hand Click a copy of the text: known by its words
        return said


#: Every help text given out -> its key.
_KEYS: dict[str, str] = {}


def _key(value: object) -> str | None:
    if isinstance(value, HelpText):
        return value.key
    return _KEYS.get(value) if isinstance(value, str) else None


def _start_lang() -> str:
    lang = os.environ.get("KTT_LANG", "vi").strip().lower()
    return lang if lang in ("vi", "en") else "vi"


#: The language of the help and of the command line's own words: KTT_LANG when the
#: command modules are imported, then the one the whole command line asks for (`choose`).
_LANG = [_start_lang()]


def help_lang() -> str:
    return _LANG[0]


def text(key: str) -> str:
    return HelpText.of(key, help_lang())


def _fill(template: str, lang: str) -> str:
    """A help text with the words it takes from the program (`{statuses}` of --fail-on),
    filled only where the help is shown."""
    if "{statuses}" not in template:
        return template
    if not _SHOWING[0]:
        return template.replace(" {statuses}", "")
    from ktt_cli.i18n import STATUS
    from ktt_cli.progress import Status

    words = STATUS[lang]
    codes = [f"{s.value} ({words[s]})" for s in Status if s is not Status.QUALITATIVE]
    return template.format(statuses=", ".join(codes))


_SHOWING = [False]


def choose(lang: str, group: Group, *, showing: bool) -> None:
    """Say the help of `group` and its commands in `lang` (when it is to be shown), and
    everything else the command line says."""
    _LANG[0] = lang
    _SHOWING[0] = showing
    if not showing:
        return
    group.subcommand_metavar = HELP["command_metavar"][lang]
    for command in [group, *group.commands.values()]:
        command.options_metavar = HELP["options_metavar"][lang]
        for field in ("help", "short_help", "epilog"):
            if key := _key(getattr(command, field)):
                setattr(command, field, HelpText.of(key, lang))
        for param in command.params:
            _param_help(param, lang)
            _metavar(param, lang)


#: The placeholders of the help (`--output FILE`), as Vietnamese writes them; the values
#: written as they are typed (`vi|en`, `table|json`, `region`, `previous`) stay.
_PLACEHOLDERS_VI = {
    "FILE": "TỆP",
    "FILES": "TỆP",
    "ID": "MÃ",
    "PERIOD": "KỲ",
    "YEAR": "NĂM",
    "NAME": "TÊN",
    "ENC": "BẢNG_MÃ",
    "STATUS": "TÌNH_TRẠNG",
    "ACTUALS": "SỐ_LIỆU",
    "FOLDER": "THƯ_MỤC",
}
#: Each parameter's placeholder as the program writes it, before any language said it.
_WRITTEN: dict[int, str] = {}


def _metavar(param: Parameter, lang: str) -> None:
    """A parameter's placeholder (`FILE`, `PERIOD|previous`) in `lang`."""
    if not param.metavar:
        return
    written = _WRITTEN.setdefault(id(param), param.metavar)
    if lang == "vi":
        written = re.sub(r"\b[A-Z]+\b", lambda m: _PLACEHOLDERS_VI.get(m[0], m[0]), written)
    param.metavar = written


def _param_help(param: Parameter, lang: str) -> None:
    """A parameter's help in `lang`, with its default and environment variable said in
    the same language (Click's own `[default: …]` and `[env var: …]` are turned off)."""
    key = _key(getattr(param, "help", None))
    if key is None:
        return
    notes = []
    default = getattr(param, "default", None)
    shown_default = getattr(param, "show_default", None) is not False
    if shown_default and default not in (None, False, [], ()) and not callable(default):
        value = getattr(default, "value", default)
        notes.append(f"{HELP['default'][lang]}: {value}")
    if getattr(param, "envvar", None) and getattr(param, "show_envvar", False):
        notes.append(f"{HELP['env_var'][lang]}: {param.envvar}")
    said = HelpText.of(key, lang, f"  [{'; '.join(notes)}]" if notes else "")
    for name, value in (("help", said), ("show_default", False), ("show_envvar", False)):
        setattr(param, name, value)


def epilog(command: str) -> str:
    return HelpText.of(f"epilog:{command}", help_lang())


def _epilog(command: str, lang: str) -> str:
    """Examples and exit codes; `\\b` keeps their lines as written."""
    said = HELP
    examples = "\n".join(f"  {line}" for line in said[f"{command}.example"][lang].splitlines())
    exit1 = f"{command}.exit1"
    codes = [("0", said["exit0"][lang])]
    if exit1 in HELP:
        codes.append(("1", said[exit1][lang]))
    codes += [("2", said["exit2"][lang]), ("3", said["exit3"][lang])]
    listed = "\n".join(f"  {code}  {meaning}" for code, meaning in codes)
    heads = said["examples"][lang], said["exit_codes"][lang]
    return f"\b\n{heads[0]}\n{examples}\n\n\b\n{heads[1]}\n{listed}"
