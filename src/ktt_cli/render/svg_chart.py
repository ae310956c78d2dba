"""An indicator's chart drawn by matplotlib as an SVG element to inline in a page.

Text stays text (`svg.fonttype: none`), so Vietnamese names can be selected and
searched; the ids of the SVG are salted with the indicator, so that output is
the same on every run and two charts on one page never share an id.
matplotlib is imported here only, when a chart is drawn.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from ktt_cli.figures_text import format_number
from ktt_cli.progress import Point
from ktt_cli.render.chart import Chart
from ktt_cli.render.look import COLOUR, word
from ktt_cli.units import Unit

if TYPE_CHECKING:
    from matplotlib.axes import Axes

WIDTH, HEIGHT = 6.6, 2.9  # inches: two charts a page of A4 with the text around them
_TICKS = 6  # at most, on each axis: each tick costs time to lay out
_MARKED = 40  # observations up to which each is marked; a longer series is a plain line
_INK, _GUIDE = "#333333", "#8c8c8c"
#: No date (the same chart gives the same bytes) and no creator link in the page.
_NO_METADATA: dict[str, str | None] = {"Date": None, "Creator": None, "Format": None, "Type": None}


def chart_svg(chart: Chart, lang: str) -> str:
    """The chart as an `<svg>` element (no XML prolog), legend in `lang`."""
    text = _trajectory(chart, lang, "svg").decode("utf-8")
    return text[text.index("<svg") :]


def chart_png(chart: Chart, lang: str) -> bytes:
    """The same chart as a PNG picture (for a Word document), at print resolution."""
    return _trajectory(chart, lang, "png")


def _trajectory(chart: Chart, lang: str, kind: str) -> bytes:
    import matplotlib as mpl
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    with mpl.rc_context(
        {
            "svg.fonttype": "none",
            "svg.hashsalt": f"ktt-{chart.indicator}",
            "font.size": 8,
            "font.family": "DejaVu Sans",
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    ):
        figure = Figure(figsize=(WIDTH, HEIGHT))
        (FigureCanvasSVG if kind == "svg" else FigureCanvasAgg)(figure)
        axes = figure.add_subplot()
        _draw(axes, chart, lang)
        axes.xaxis.set_major_locator(MaxNLocator(nbins=_TICKS, integer=True))
        axes.yaxis.set_major_locator(MaxNLocator(nbins=_TICKS))
        axes.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:.0f}"))  # no offset
        axes.yaxis.set_major_formatter(FuncFormatter(lambda v, _: _tick(v, chart.unit, lang)))
        axes.grid(axis="y", color="#e0e0e0", linewidth=0.6)
        axes.legend(loc="upper left", fontsize=7, frameon=False)
        figure.subplots_adjust(left=0.1, right=0.98, top=0.97, bottom=0.1)
        out = io.BytesIO()
        if kind == "svg":
            figure.savefig(out, format="svg", metadata=_NO_METADATA)
        else:
            # zlib's fastest level: a third less time to encode, a quarter more bytes
            figure.savefig(
                out,
                format="png",
                dpi=150,
                metadata={"Software": None},
                pil_kwargs={"compress_level": 1},
            )
    return out.getvalue()


def regions_svg(
    salt: str,
    bars: list[tuple[str, float, str]],
    lang: str,
    *,
    line: float = 100.0,
    percent: bool = True,
) -> str:
    """Horizontal bars of percent achieved, one per region (name, percent, colour), the
    first at the top, with the 100% line: where the territory lags, at a glance. For an
    `each_region` target, each region's figure (in %, or a plain figure where `percent`
    is false) with the line at the threshold."""
    suffix = "%" if percent else ""
    import matplotlib as mpl
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    with mpl.rc_context(
        {
            "svg.fonttype": "none",
            "svg.hashsalt": f"ktt-regions-{salt}",
            "font.size": 7,
            "font.family": "DejaVu Sans",
            "axes.spines.top": False,
            "axes.spines.right": False,
            "text.parse_math": False,  # a region's name is text, never a formula
        }
    ):
        figure = Figure(figsize=(WIDTH, 0.6 + 0.17 * len(bars)))
        FigureCanvasSVG(figure)
        axes = figure.add_subplot()
        names = [name for name, _, _ in bars]
        positions = list(range(len(bars)))
        drawn = axes.barh(
            positions, [share for _, share, _ in bars], color=[c for _, _, c in bars],
            height=0.7, zorder=3,
        )  # fmt: skip
        axes.bar_label(
            drawn, labels=[_figure(share, lang, percent) + suffix for _, share, _ in bars],
            padding=2, fontsize=6.5, color=_INK,
        )  # fmt: skip
        axes.set_yticks(positions, names)
        axes.invert_yaxis()  # the first region at the top
        axes.set_ylim(len(bars) - 0.5, -0.5)
        axes.axvline(line, color=_INK, linewidth=0.9, linestyle="--", zorder=4)
        axes.xaxis.set_major_locator(MaxNLocator(nbins=_TICKS))
        axes.xaxis.set_major_formatter(
            FuncFormatter(lambda v, _: format_number(v, lang, 0) + suffix)
        )
        axes.grid(axis="x", color="#e0e0e0", linewidth=0.6, zorder=0)
        axes.set_xlim(left=0)
        axes.margins(x=0.08)  # room for the last label
        figure.tight_layout(pad=0.9)
        out = io.StringIO()
        figure.savefig(out, format="svg", metadata=_NO_METADATA)
    text = out.getvalue()
    return text[text.index("<svg") :]


def _draw(axes: Axes, chart: Chart, lang: str) -> None:
    times, values = _xy(chart.observations)
    axes.plot(
        times, values, color=_INK, marker="o" if len(times) <= _MARKED else "",
        markersize=3.5, linewidth=1.4,
        label=word(lang, "observations"), zorder=4,
    )  # fmt: skip
    if chart.baseline is not None:
        axes.plot(
            [chart.baseline.time], [chart.baseline.value], linestyle="none", marker="s",
            markersize=6, markerfacecolor="white", markeredgecolor=_INK,
            label=word(lang, "baseline"), zorder=5,
        )  # fmt: skip
    latest = chart.observations[-1]
    for k, track in enumerate(chart.tracks):
        colour = COLOUR[track.status]
        if track.required:
            axes.plot(
                *_xy(track.required), color=_GUIDE, linestyle="--", linewidth=1.1,
                label=word(lang, "required") if k == 0 else None, zorder=2,
            )  # fmt: skip
        if track.projection:
            axes.plot(
                *_xy(track.projection), color=colour, linestyle=":", linewidth=1.8,
                label=word(lang, "projection") if k == 0 else None, zorder=3,
            )  # fmt: skip
        axes.plot(
            [track.target.time], [track.target.value], linestyle="none", marker="*",
            markersize=11, color=colour, markeredgecolor=_INK, markeredgewidth=0.5,
            label=word(lang, "target", year=track.milestone), zorder=6,
        )  # fmt: skip
    if chart.earlier is not None:
        axes.plot(
            [chart.earlier.time], [chart.earlier.value], linestyle="none", marker="D",
            markersize=7, markerfacecolor="white", markeredgecolor=_INK, markeredgewidth=1.2,
            label=word(lang, "earlier"), zorder=8,
        )  # fmt: skip
    status = chart.tracks[0].status
    axes.plot(
        [latest.time], [latest.value], linestyle="none", marker="o", markersize=7,
        color=COLOUR[status], markeredgecolor=_INK, markeredgewidth=0.5, zorder=7,
    )  # fmt: skip


def _xy(points: tuple[Point, ...]) -> tuple[list[float], list[float]]:
    return [p.time for p in points], [p.value for p in points]


def _tick(value: float, unit: Unit, lang: str) -> str:
    shown = format_number(value, lang, 1 if abs(value) < 10 else 0)
    return shown + "%" if unit is Unit.PERCENT else shown


def _figure(value: float, lang: str, percent: bool) -> str:
    """A bar's label: percentages to one decimal, counts as whole numbers where whole."""
    return format_number(value, lang, 1 if percent or value != int(value) else 0)
