"""An empty actuals CSV for a programme, for analysts to fill in."""

from __future__ import annotations

import csv
import io

from ktt_cli import i18n
from ktt_cli.model import TargetsFile

LONG_HEADER = ("indicator", "period", "value", "region", "source", "note")


_WORDS = {
    "vi": {
        "about": "Số liệu thực hiện ktt cho {id} ({territory}). Kỳ: 2024, 2024-Q2, 2024-06 "
        "hoặc 2024-06-30; để trống cột region cho toàn tỉnh.",
        "copy": "Chép một dòng chú thích, bỏ '# ' ở đầu, rồi điền kỳ (period) và giá trị (value).",
        "regions": "Địa bàn: ghi tên, mã hoặc tên khác của xã, phường vào cột region:",
    },
    "en": {
        "about": "ktt actuals for {id} ({territory}). Periods: 2024, 2024-Q2, 2024-06 or "
        "2024-06-30; leave region blank for the whole territory.",
        "copy": "Copy a commented row without its '# ', then fill in period and value.",
        "regions": "Regions: write a region's name, its code or an alias in the region column:",
    },
}


def template_csv(targets: TargetsFile, *, wide: bool = False, lang: str = "en") -> str:
    """Long: the header, then for each indicator a commented example row to copy.

    Wide: the header only, a column per indicator. Lines starting with # are
    comments that ktt passes over.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    programme = targets.programme
    words = _WORDS[lang]
    out.write(comment(words["about"].format(id=programme.id, territory=programme.territory)))
    if targets.regions:
        out.write(comment(words["regions"]))
        for region in targets.regions:
            code = f" ({region.id})" if region.id else ""
            out.write(comment(f"  {' '.join(region.name.split())}{code}"))
    if wide:
        writer.writerow(["period", "region", *(i.id for i in targets.indicators), "source", "note"])
        return out.getvalue()
    out.write(comment(words["copy"]))
    writer.writerow(LONG_HEADER)
    for indicator in targets.indicators:
        goals = "; ".join(
            f"{t.year} {i18n.target(t.comparator, t.level, indicator.unit, lang)}"
            for t in indicator.targets
        )
        unit = (
            i18n.label(lang, "share_of", what=indicator.share_of.pick(lang))
            if indicator.share_of
            else i18n.unit_word(lang, indicator.unit)
        )
        out.write(comment(f"{indicator.id}: {indicator.name.pick('vi')} ({unit}); {goals}"))
        out.write(comment(f"{indicator.id},,,,,"))
    return out.getvalue()


def comment(text: str) -> str:
    """`text` as comment lines: a name written over several lines in the targets file
    stays inside the comment, never a row of its own."""
    return "".join(f"# {line}\n" for line in text.splitlines())
