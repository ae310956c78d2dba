"""The catalogue of messages, both languages, by code: a leaf of ktt, in parts by what
they are about; `messages.py` says them."""

from ktt_cli.catalogue import actuals, command_line, files, report, tables, targets

MESSAGES: dict[str, dict[str, str]] = {
    **report.MESSAGES,
    **actuals.MESSAGES,
    **tables.MESSAGES,
    **command_line.MESSAGES,
    **files.MESSAGES,
    **targets.MESSAGES,
}
