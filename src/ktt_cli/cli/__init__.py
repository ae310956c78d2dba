"""The `ktt` command: Typer commands that wire the library's functions to the shell.

Modules that cost start-up time (Pydantic models, YAML, Rich, the renderers'
libraries) are imported inside the commands that use them, so `ktt --version`
and `ktt --help` stay quick.
"""

from __future__ import annotations

import os
import sys

from ktt_cli import __version__
from ktt_cli.cli.options import EXIT_BUG, EXIT_UNUSABLE
from ktt_cli.output import use_utf8_streams

# ktt uses no Pydantic plugin; not looking for any spares every run the scan of
# installed packages for their entry points.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from ktt_cli.cli import coverage, report, schema, targets, template, validate  # noqa: F401
from ktt_cli.cli.app import app


def _is_set(flag: str | None) -> bool:
    """An environment flag as click reads one: 1, true, yes, on."""
    return (flag or "").strip().lower() in ("1", "true", "yes", "on", "t", "y")


def main() -> None:
    """The console script: UTF-8 output, and one line instead of a traceback for a bug.

    `--debug` (anywhere on the line) or KTT_DEBUG=1 shows the traceback instead.
    """
    use_utf8_streams()
    debug = "--debug" in sys.argv[1:] or _is_set(os.environ.get("KTT_DEBUG"))
    arguments = [a for a in sys.argv[1:] if a != "--debug"]
    try:
        app(args=arguments, prog_name="ktt")
    except OSError as e:  # the machine, not ktt: a full disk, a device error, a lost file
        from ktt_cli.cli.helps import help_lang
        from ktt_cli.problems import printable, system_error

        said = system_error(e).text(help_lang())
        print(f"ktt: error: {printable(said)}", file=sys.stderr)
        sys.exit(EXIT_UNUSABLE)
    except Exception as e:  # the last line of defence
        if debug:
            raise
        where = f"{type(e).__name__}: {e}".splitlines()[0][:200]
        print(
            f"ktt: internal error ({where}). This is a bug in ktt {__version__}: please report "
            "it with the command you ran; run it again with --debug to see the traceback.",
            file=sys.stderr,
        )
        sys.exit(EXIT_BUG)
