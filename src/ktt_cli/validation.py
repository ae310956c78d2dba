"""`ktt validate` as a library function: targets and actuals files in any mix -> problems.

Files are told apart by extension, else by their first bytes. Actuals are
checked against the programme named by `targets`, else the one targets file
given alongside them, else the default programme; with no files at all, that
programme is what is checked.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import BinaryIO, NamedTuple

from ktt_cli.load.collect import read_actuals
from ktt_cli.load.collect_state import ReadOptions
from ktt_cli.load.text import Source
from ktt_cli.model import TargetsFile
from ktt_cli.paths import looks_like_targets, targets_source
from ktt_cli.problems import Place, ProblemLog
from ktt_cli.targets_file import read_targets, read_targets_bytes


class Validation(NamedTuple):
    names: list[str]  # what was checked, as shown
    log: ProblemLog
    reference: TargetsFile | None = None  # the programme the actuals were checked against

    def called(self, lang: str) -> dict[str, str]:
        """The reference's indicators by their names in `lang`, for messages."""
        indicators = self.reference.indicators if self.reference else []
        return {i.id: i.name.pick(lang) for i in indicators}


def validate(sources: list[Source], targets: str | None, options: ReadOptions) -> Validation:
    """Every problem of every file; raises UsageProblem when `targets` names nothing."""
    log = ProblemLog()
    names = [s.name for s in sources]
    checked: list[TargetsFile | None] = []
    data: list[Source] = []
    for source in sources:
        stream = source.open()  # once: a pipe cannot be read again after its type is sniffed
        if looks_like_targets(source.name, stream):
            with stream:
                checked.append(read_targets(read_targets_bytes(stream), source.name, log))
        else:
            data.append(Source(source.name, _opened(stream)))
    if not data and sources:
        return Validation(names, log)
    if targets is None and len(checked) == 1:
        reference = checked[0]
    else:
        name, path = targets_source(targets)
        reference = read_targets(read_targets_bytes(path), name, log)
        names = names or [name]
    if reference is None:
        for source in data:
            log.say(Place(source.name, None), "not_checked")
    elif data:
        read_actuals(data, reference, options, log)
    return Validation(names, log, reference)


def _opened(stream: BinaryIO) -> Callable[[], BinaryIO]:
    """A source's opener that gives back the stream already opened to sniff it."""
    return lambda: stream
