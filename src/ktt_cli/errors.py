"""The one exception ktt raises for input it cannot act on, carrying its problems.

A programme file with errors, actuals with errors, an argument that names nothing (a
file that is not there, a period that is no period, an indicator the programme does
not have): each is a `KttError` whose `problems` say what and where, in the language
asked for. Problems are values; ktt prints none of them itself outside the command line.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ktt_cli.problems import Problem


class KttError(Exception):
    """Input that cannot be acted on.

    `summary` is one line or more for a person (`actuals.csv has 3 errors`);
    `problems` every problem found, each with its code, place and message (warnings
    found beside the errors included); `unlisted` how many more were counted but not
    kept (a file with a million bad rows). A problem of an argument rather than of a
    file has no file (`place` is empty) and the code `usage`.
    """

    def __init__(
        self,
        summary: str,
        problems: Sequence[Problem] = (),
        unlisted: int = 0,
        names: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(summary)
        self.summary = summary
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.unlisted = unlisted
        #: The indicators' names (id -> name) the problems were said with, to say them
        #: again in the same words.
        self.names = dict(names or {})

    def __str__(self) -> str:
        placed = [str(p) for p in self.problems if p.file]
        more = [f"… and {self.unlisted} more"] if self.unlisted else []
        return "\n".join([self.summary, *placed, *more])
