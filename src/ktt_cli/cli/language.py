"""One language for everything the command line says, wherever `--lang` stands (SPEC §1).

The language is read once, from the whole command line (`--lang`, last one wins), else
KTT_LANG, else Vietnamese, before Click parses anything; it is then the default of every
command's `--lang` (through Click's `default_map`), the language of the help (texts,
section titles, the help option, defaults), and of Click's own usage errors, which are
said again from the catalogue by their kind (`NoSuchOption`, `MissingParameter`, …).
All of it through Click's and Typer's public classes and methods, overridden here.
"""

from __future__ import annotations

import difflib
import os
import sys
from collections.abc import Sequence
from enum import Enum
from typing import Any, NoReturn, get_args, get_origin

import typer
from typer._click import Context, HelpFormatter, Parameter
from typer._click.exceptions import (
    BadOptionUsage,
    BadParameter,
    ClickException,
    MissingParameter,
    NoArgsIsHelpError,
    NoSuchOption,
    UsageError,
)
from typer.core import TyperCommand, TyperGroup
from typer.exceptions import Abort

from ktt_cli.cli import helps
from ktt_cli.messages import Message, message
from ktt_cli.problems import printable

LANGS = ("vi", "en")


def line_language(args: Sequence[str], environment: dict[str, str] | None = None) -> str:
    """The language a command line asks for: its last valid `--lang X` or `--lang=X`
    (before a `--`), else KTT_LANG, else Vietnamese."""
    env = os.environ if environment is None else environment
    chosen = env.get("KTT_LANG", "").strip().lower()
    found = chosen if chosen in LANGS else "vi"
    for i, arg in enumerate(args):
        if arg == "--":
            break
        value = arg.partition("=")[2] if arg.startswith("--lang=") else None
        if arg == "--lang" and i + 1 < len(args):
            value = args[i + 1]
        if value is not None and value.strip().lower() in LANGS:
            found = value.strip().lower()
    return found


def _said(said: Message) -> str:
    return said.text(helps.help_lang())


def _name(param: Parameter | None) -> str:
    if param is None:
        return ""
    opts = getattr(param, "opts", None) or []
    if param.param_type_name == "option" and opts:
        return str(max(opts, key=len))
    return str(getattr(param, "human_readable_name", None) or param.name or "").upper()


def _retold(error: UsageError, ctx: Context, command: Command | Group) -> UsageError:
    """Click's own usage error said again from the catalogue, by its kind."""
    if isinstance(error, NoArgsIsHelpError):
        return error
    if isinstance(error, NoSuchOption):
        known = [o for p in command.get_params(ctx) for o in getattr(p, "opts", [])]
        close = difflib.get_close_matches(error.option_name, known, n=1)
        said = message(
            "usage.no_such_option", name=error.option_name, closest=close[0] if close else ""
        )
    elif isinstance(error, BadOptionUsage):
        param = next(
            (p for p in command.get_params(ctx) if error.option_name in getattr(p, "opts", [])),
            None,
        )
        flag = bool(getattr(param, "is_flag", False))
        key = "usage.option_takes_no_value" if flag else "usage.option_needs_value"
        said = message(key, name=error.option_name)
    elif isinstance(error, MissingParameter):
        said = message("usage.missing", name=_name(error.param))
    elif isinstance(error, BadParameter):
        name = _name(error.param)
        described = getattr(error.param, "type_descriptor", None)
        kind = getattr(described, "annotation", None)
        kind = get_args(kind)[0] if get_origin(kind) is list else kind
        own = getattr(getattr(described, "parameter_info", None), "parser", None)
        if isinstance(kind, type) and issubclass(kind, Enum) and own is None:
            choices = ", ".join(str(c.value) for c in kind)
            said = message("usage.choose", name=name, choices=choices)
        elif kind is int:
            said = message("usage.whole_number", name=name)
        else:  # a parser of ktt's own (Lang.of): its message is said already
            return UsageError(f"{name}: {error.message}" if name else error.message, ctx)
    else:
        return error
    return UsageError(_said(said), ctx)


class _Said:
    """What a command and the group share: help in the line's language, errors retold."""

    def format_usage(self, ctx: Context, formatter: HelpFormatter) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=helps.text("usage"))

    def format_options(self, ctx: Context, formatter: HelpFormatter) -> None:
        arguments: list[tuple[str, str]] = []
        options: list[tuple[str, str]] = []
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            record = param.get_help_record(ctx)
            if record is not None:
                (arguments if param.param_type_name == "argument" else options).append(record)
        for title, records in (("arguments", arguments), ("options", options)):
            if records:
                with formatter.section(helps.text(title)):
                    formatter.write_dl(records)

    def get_help_option(self, ctx: Context) -> Any:  # noqa: ANN401 (Click's own type)
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = helps.text("help")
        return option

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        allowed = ctx.allow_extra_args
        ctx.allow_extra_args = True  # extra arguments are told below, in words of ours
        try:
            rest: list[str] = super().parse_args(ctx, args)  # type: ignore[misc]
        except UsageError as e:
            raise _retold(e, ctx, self) from None  # type: ignore[arg-type]
        finally:
            ctx.allow_extra_args = allowed
        if rest and not allowed and not ctx.resilient_parsing:
            raise UsageError(_said(message("usage.extra_arguments", given=" ".join(rest))), ctx)
        return rest


class Command(_Said, TyperCommand):
    """A `ktt` command."""


class Group(_Said, TyperGroup):
    """The `ktt` command line: decides the language, then runs the command asked for."""

    def format_options(self, ctx: Context, formatter: HelpFormatter) -> None:
        super().format_options(ctx, formatter)
        self.format_commands(ctx, formatter)

    def invoke(self, ctx: Context) -> Any:  # noqa: ANN401 (Click's own type)
        """The command; a reader that closed the pipe early (`| head`) ends it quietly
        with 141, as the shell reports a program ended by SIGPIPE (SPEC §6)."""
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            from ktt_cli.entry import EXIT_PIPE, quiet_stdout

            quiet_stdout()
            raise typer.Exit(EXIT_PIPE) from None

    def format_commands(self, ctx: Context, formatter: HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(formatter.width)))
        if rows:
            with formatter.section(helps.text("commands")):
                formatter.write_dl(rows)

    def resolve_command(self, ctx: Context, args: list[str]) -> tuple[str | None, Any, list[str]]:
        name = args[0]
        command = self.get_command(ctx, name)
        if command is None and not ctx.resilient_parsing:
            if name.startswith("-"):
                self.parse_args(ctx, args)
            close = difflib.get_close_matches(name, self.list_commands(ctx), n=1)
            said = message("usage.no_such_command", name=name, closest=close[0] if close else "")
            raise UsageError(_said(said), ctx)
        return name, command, args[1:]

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,  # noqa: ANN401 (Click's own signature)
    ) -> Any:  # noqa: ANN401
        given = list(sys.argv[1:] if args is None else args)
        lang = line_language(given)
        words = given[: given.index("--")] if "--" in given else given
        showing = not given or "-h" in words or "--help" in words
        helps.choose(lang, self, showing=showing)
        chosen = os.environ.get("KTT_LANG")
        if chosen is not None and chosen.strip().lower() not in LANGS and not showing:
            said = message("usage.unknown_lang", given=printable(chosen)).on("KTT_LANG")
            typer.echo(f"ktt: error: {_said(said)}", err=True)
            if not standalone_mode:
                return 2
            sys.exit(2)
        defaults = {name: {"lang": lang} for name in self.commands}
        try:
            status = super().main(
                given,
                prog_name,
                complete_var,
                standalone_mode=False,
                default_map=extra.pop("default_map", None) or defaults,
                **extra,
            )
        except NoArgsIsHelpError as e:
            e.show()
            status = e.exit_code
        except UsageError as e:
            status = _usage_error(e)
        except ClickException as e:
            typer.echo(f"ktt: error: {e.format_message()}", err=True)
            status = 1
        except Abort:  # end of input at a prompt: ktt asks none
            status = 1
        if not standalone_mode:
            return status
        sys.exit(status if isinstance(status, int) else 0)


def missing_command(ctx: Context) -> NoReturn:
    """`ktt --lang en` and no command."""
    raise UsageError(_said(message("usage.missing_command")), ctx)


def _usage_error(error: UsageError) -> int:
    """A usage error as `ktt` says every one: `ktt: error: …`, and where to find help."""
    typer.echo(f"ktt: error: {error.message}", err=True)
    if error.ctx is not None:
        path = error.ctx.command_path
        typer.echo(_said(message("usage.see_help", command=f"{path} --help")), err=True)
    return error.exit_code


def usage_failure(messages: Sequence[Message]) -> NoReturn:
    """Usage errors of ktt's own, in the line's language; exit 2."""
    for said in messages:
        typer.echo(f"ktt: error: {_said(said)}", err=True)
    raise typer.Exit(2)
