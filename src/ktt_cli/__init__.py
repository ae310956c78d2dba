"""ktt: where a province stands against its action programme for Resolution 20-NQ/TW.

The Python API (SPEC §12) is `ktt_cli.api`, re-exported here: `load_programme`,
`read_actuals`, `build_report`, `render`, `validate`, and `KttError`, the one exception
they raise for input that cannot be acted on. It is imported on first use, so that the
command line's `ktt --version` does not pay for the models and readers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "1.0.0"

if TYPE_CHECKING:
    from ktt_cli.api import (
        Input,
        KttError,
        Problem,
        Programme,
        Readings,
        Report,
        build_report,
        load_programme,
        read_actuals,
        render,
        validate,
    )

__all__ = [
    "Input",
    "KttError",
    "Problem",
    "Programme",
    "Readings",
    "Report",
    "__version__",
    "build_report",
    "load_programme",
    "read_actuals",
    "render",
    "validate",
]


def __getattr__(name: str) -> object:
    """The API's names, imported from `ktt_cli.api` when first asked for."""
    if name == "render":  # the renderers' package, callable as the API's render
        import ktt_cli.render

        return ktt_cli.render
    if name in __all__ and name != "__version__":
        from ktt_cli import api

        return getattr(api, name)
    raise AttributeError(f"module 'ktt_cli' has no attribute {name!r}")
