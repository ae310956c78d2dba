"""Typer's coercion of a parameter, made when the parameter first has a value.

Typer 0.29 builds a Pydantic TypeAdapter for every parameter of the command being
run before it looks at the value, and a parameter that was not given (None) then
needs none: `ktt report` has 18 parameters, a typical run gives two or three, and
the adapters of the others cost about 2 ms of its start-up. Here a parameter's
coercion is Typer's own, built on the first value that is not None; None gets
what Typer gives it without one (None, or () for a parameter of many values).
"""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from typer._click import Context
    from typer._coercion import RuntimeParam, TypeDescriptor
    from typer.core import _TyperParameter


class LazyRuntimeParam:
    """A parameter's coercion: Typer's, made on the first value that is not None."""

    def __init__(
        self, descriptor: TypeDescriptor, build: Callable[[TypeDescriptor], RuntimeParam]
    ) -> None:
        self._descriptor, self._build = descriptor, build
        self._built: RuntimeParam | None = None

    def coerce(self, value: object, param: _TyperParameter, ctx: Context) -> object:
        if value is None:  # what Typer's RuntimeParam.coerce returns for it
            return () if param.multiple or param.nargs == -1 else None
        if self._built is None:
            self._built = self._build(self._descriptor)
        return self._built.coerce(value, param=param, ctx=ctx)


def build_lazily(module: ModuleType) -> None:
    """Have `module` (typer.core) make each parameter's coercion lazily; a Typer that no
    longer has `build_runtime_param` there is left as it is."""
    build = getattr(module, "build_runtime_param", None)
    if build is None or getattr(build, "lazy", False):
        return

    def lazy(descriptor: TypeDescriptor) -> RuntimeParam:
        return LazyRuntimeParam(descriptor, build)  # type: ignore[return-value]

    lazy.lazy = True  # type: ignore[attr-defined]
    setattr(module, "build_runtime_param", lazy)  # noqa: B010 (a module's attribute)
