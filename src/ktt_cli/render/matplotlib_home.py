"""matplotlib's configuration folder for a run that draws charts (HTML, docx)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def matplotlib_config() -> Iterator[None]:
    """A folder of ktt's own for matplotlib's configuration and font cache where the
    user's cannot be written (a service account whose HOME is read-only), removed after
    the run: matplotlib would otherwise make one in the temporary folder at every run,
    leave it there, and warn."""
    import os
    import shutil
    import tempfile
    from pathlib import Path

    # small charts need no thread pool; under a process limit (ulimit -u) OpenBLAS would
    # fail to start its threads and say so on standard error
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    if os.environ.get("MPLCONFIGDIR") or _writable_config():
        yield
        return
    folder = tempfile.mkdtemp(prefix="ktt-matplotlib-")
    os.environ["MPLCONFIGDIR"] = folder
    try:
        yield
    finally:
        os.environ.pop("MPLCONFIGDIR", None)
        shutil.rmtree(Path(folder), ignore_errors=True)


def _writable_config() -> bool:
    """Whether matplotlib's own configuration folder can be made and written."""
    import os
    from pathlib import Path

    home = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    folder = Path(home) / "matplotlib"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK | os.X_OK)
