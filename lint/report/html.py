"""One self-contained HTML page: findings by article with their excerpts, the timeline of every
article whose findings carry one, and the spelling clusters of findings that carry spellings.

No network: the CSS, the script and the timelines (SVG) are inline. The page only displays what the
run carries: an article's `timeline` note (its dates as the date analysis placed them), its date
findings' `dates` (flagged, and related: what they are measured against), `evidence` (the words
that contradict a flagged date) and `fit` (the days the rest of the story leaves for it), and
findings' `spellings` (a name's spellings and their counts) and `decided` (False when the evidence
does not say which spelling is right); it judges nothing and reads no article.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import OrderedDict
from html import escape

from ..model import Excerpt, Finding, Location
from . import REPORT_SIGNATURE, Report
from .text import _summary

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def _e(value) -> str:
    return escape(str(value), quote=True)


# ---------------------------------------------------------------- excerpts

def _excerpt(excerpt: Excerpt | None, line: int, css: str = "hit") -> str:
    if excerpt is None:
        return ""
    text, start, end = excerpt.text, excerpt.start, excerpt.end
    if end == start and start < len(text):
        match = re.match(r"\S+", text[start:])
        end = start + (len(match.group(0)) if match else 1)
    return (f'<pre class="excerpt"><span class="ln">{line}</span>{_e(text[:start])}'
            f'<mark class="{css}">{_e(text[start:end])}</mark>{_e(text[end:])}</pre>')


def _where(loc: Location) -> str:
    return f"{loc.path}:{loc.line}:{loc.column}"


def _finding(f: Finding, number: int) -> str:
    parts = [f'<li class="finding level-{f.level}" id="finding-{number}" data-level="{f.level}">',
             f'<div class="head"><span class="badge {f.level}">{f.level}</span> '
             f'<code class="rule">{_e(f.rule)}</code> <span class="where">{_e(_where(f.location))}</span></div>',
             f'<p class="message">{_e(f.message)}</p>',
             _excerpt(f.excerpt, f.location.line)]
    if f.related:
        parts.append('<ul class="related">')
        for r in f.related:
            parts.append(f'<li><span class="rel-msg">{_e(r.message)}</span> '
                         f'<span class="where">{_e(_where(r.location))}</span>'
                         f'{_excerpt(r.excerpt, r.location.line, "rel")}</li>')
        parts.append("</ul>")
    if f.fix is not None:
        parts.append(f'<p class="fix">Fix: replace <code>{_e(f.fix.original)}</code> with '
                     f'<code>{_e(f.fix.replacement)}</code></p>')
    parts.append("</li>")
    return "".join(parts)


# ---------------------------------------------------------------- timeline

class _Point:
    def __init__(self, date: dt.date, label: str):
        self.date = date
        self.label = label
        self.mentions: list = []  # (text, line)
        self.roles: set[str] = set()  # flagged, related


def _timeline(path: str, timeline: dict, findings: list[Finding]) -> str:
    published = timeline["published"]
    pub = dt.date.fromisoformat(published) if published else None
    year_known = pub is not None and timeline["year_known"]
    roles: dict[tuple, set[str]] = {}  # (line, column) of a date -> the roles findings give it
    mentions = {(d["line"], d["column"]): d for d in timeline["dates"]}
    for f in findings:
        for point in f.data["dates"]:
            where = (point["line"], point["column"])
            roles.setdefault(where, set()).add(point["role"])
            mentions.setdefault(where, point)  # beyond the drawn ones in a very long article

    points: "OrderedDict[dt.date, _Point]" = OrderedDict()
    off_axis = []
    any_yearless = False
    for where, mention in sorted(mentions.items()):
        if mention["date"] is None:
            off_axis.append((mention["text"], mention["line"]))
            continue
        date = dt.date.fromisoformat(mention["date"])
        if not mention["year_written"]:
            any_yearless = True
        show_year = mention["year_written"] or year_known
        label = f"{MONTHS[date.month - 1]} {date.day}" + (f", {date.year}" if show_year else "")
        point = points.setdefault(date, _Point(date, label))
        if mention["year_written"]:
            point.label = label
        point.mentions.append((mention["text"], mention["line"]))
        point.roles |= roles.get(where, set())

    pub_label = ""
    if pub is not None:
        shown = f"{MONTHS[pub.month - 1]} {pub.day}" + (f", {pub.year}" if timeline["year_known"] else "")
        how = {"front-matter": "from the front matter", "option": "from --published",
               "dateline": "inferred from the dateline",
               "inferred": "inferred from the article's timeline"}.get(timeline["published_origin"],
                                                                       timeline["published_origin"])
        pub_label = f"published {shown} ({how})"

    fits = [(f, _fit(f)) for f in findings if _fit(f) is not None]
    out = [f'<figure class="timeline" data-path="{_e(path)}">',
           f'<figcaption>Timeline of the dates in the article'
           f'{" — " + _e(pub_label) if pub_label else " — publication date unknown"}</figcaption>']
    out.append(_svg(list(points.values()), pub, pub_label, year_known, [span for _, span in fits]))
    notes = []
    if any_yearless:
        notes.append("Dates written without a year are placed in the publication year"
                     + ("" if year_known else " (the year itself is unknown)") + ".")
    if off_axis:
        notes.append("Not on the axis (no such day): "
                     + ", ".join(f"“{_e(t)}” (line {n})" for t, n in off_axis) + ".")
    if timeline["omitted"]:
        notes.append(f"{timeline['omitted']} more dates of the article are not drawn.")
    if notes:
        out.append(f'<p class="note">{" ".join(notes)}</p>')
    out.append('<table class="dates"><thead><tr><th>date</th><th>as written</th><th>line</th>'
               '<th>role</th></tr></thead><tbody>')
    for p in sorted(points.values(), key=lambda p: p.date):
        role = "flagged" if "flagged" in p.roles else ("conflicts with the flagged date" if "related" in p.roles else "")
        if "flagged" in p.roles and "related" in p.roles:
            role = "flagged; also cited against another date"
        if pub == p.date:
            role = (role + "; " if role else "") + "publication date"
        rows = "<br>".join(f"“{_e(t)}”" for t, _ in p.mentions)
        lines = ", ".join(str(n) for _, n in p.mentions)
        cls = " ".join(sorted(p.roles))
        out.append(f'<tr class="{cls}"><td>{_e(p.label)}</td><td>{rows}</td><td>{lines}</td><td>{_e(role)}</td></tr>')
    out.append("</tbody></table>")
    out.append(_evidence(findings, year_known))
    out.append("</figure>")
    return "".join(out)


def _fit(f: Finding) -> tuple[dt.date | None, dt.date | None, str] | None:
    """The days the story leaves for a flagged date (either end may be open), with its name."""
    lo, hi = (f.data.get("fit") or [None, None])
    if lo is None and hi is None:
        return None
    name = str(f.data.get("date", ""))
    return (dt.date.fromisoformat(lo) if lo else None, dt.date.fromisoformat(hi) if hi else None, name)


def _evidence(findings: list[Finding], year: bool) -> str:
    """For each flagged date: the words that tie it to the rest of the story, with their lines."""
    rows = []
    for f in findings:
        chain = f.data.get("evidence") or []
        if not chain:
            continue
        words = ", ".join(f"“{_e(e['words'])}” (line {e['line']})" for e in chain)
        span = _fit(f)
        fits = ""
        if span is not None:
            lo, hi, _ = span
            show = (lambda d: f"{MONTHS[d.month - 1]} {d.day}" + (f", {d.year}" if year else ""))
            if lo and hi:
                fits = f"; would fit {show(lo)}" if lo == hi else f"; would fit between {show(lo)} and {show(hi)}"
            else:
                fits = f"; would fit after {show(lo)}" if lo else f"; would fit before {show(hi)}"
        rows.append(f'<li><mark class="hit">{_e(f.data.get("date", ""))}</mark> — {words}{fits}</li>')
    return f'<ul class="evidence">{"".join(rows)}</ul>' if rows else ""


def _svg(points: list[_Point], pub: dt.date | None, pub_label: str, year_known: bool, fits: list) -> str:
    dates = [p.date for p in points] + ([pub] if pub else []) + [d for span in fits for d in span[:2] if d]
    if not dates:
        return '<p class="note">The date engine found no dates of a day in this article.</p>'
    width, left, right = 1000, 40, 40
    lo, hi = min(dates), max(dates)
    span = max((hi - lo).days, 1)
    pad = max(3, span // 12)
    lo = dt.date.fromordinal(max(1, lo.toordinal() - pad))  # the calendar's own ends bound the padding
    hi = dt.date.fromordinal(min(dt.date.max.toordinal(), hi.toordinal() + pad))
    total = (hi - lo).days

    def x(d: dt.date) -> float:
        return left + (width - left - right) * (d - lo).days / total

    # Labels in lanes above the axis, so that none overlaps its neighbour.
    lanes_end: list[float] = []
    placed = []
    for p in sorted(points, key=lambda p: p.date):
        text = p.label + (f" ×{len(p.mentions)}" if len(p.mentions) > 1 else "")
        w = 7.2 * len(text) + 10
        px = x(p.date)
        lane = next((i for i, end in enumerate(lanes_end) if end < px - w / 2), None)
        if lane is None:
            lanes_end.append(0)
            lane = len(lanes_end) - 1
        lanes_end[lane] = px + w / 2
        placed.append((p, px, lane, text))
    lane_h = 22
    top = 30 + lane_h * max(1, len(lanes_end))
    axis_y = top + 10
    height = axis_y + 70
    out = [f'<svg class="axis" viewBox="0 0 {width} {height}" width="100%" role="img" '
           f'aria-label="timeline" xmlns="http://www.w3.org/2000/svg">',
           f'<line class="axis-line" x1="{left - 20}" y1="{axis_y}" x2="{width - right + 20}" y2="{axis_y}"/>']
    # month ticks
    tick = dt.date(lo.year, lo.month, 1)
    step_months = max(1, (total // 30) // 12 + 1)
    while tick <= hi:
        if tick >= lo:
            tx = x(tick)
            name = MONTHS[tick.month - 1][:3] + (f" {tick.year}" if year_known and tick.month == 1 or
                                                 (year_known and tick == dt.date(lo.year, lo.month, 1)) else "")
            out.append(f'<line class="tick" x1="{tx:.1f}" y1="{axis_y - 5}" x2="{tx:.1f}" y2="{axis_y + 5}"/>'
                       f'<text class="tick-label" x="{tx:.1f}" y="{axis_y + 20}" text-anchor="middle">{_e(name)}</text>')
        month = tick.month - 1 + step_months
        if tick.year + month // 12 > dt.MAXYEAR:
            break
        tick = dt.date(tick.year + month // 12, month % 12 + 1, 1)
    for first, last, name in fits:  # where the rest of the story would put a flagged date
        x0, x1 = (x(first) if first else left - 20), (x(last) if last else width - right + 20)
        out.append(f'<rect class="fit" x="{x0:.1f}" y="{axis_y - 7}" width="{max(x1 - x0, 4):.1f}" height="14">'
                   f'<title>{_e(name)} would fit here</title></rect>')
    if pub is not None:
        px = x(pub)
        anchor = "end" if px > width * 0.6 else "start"
        dx = -6 if anchor == "end" else 6
        out.append(f'<g class="pub"><line x1="{px:.1f}" y1="16" x2="{px:.1f}" y2="{axis_y + 40}"/>'
                   f'<text x="{px + dx:.1f}" y="{axis_y + 52}" text-anchor="{anchor}">{_e(pub_label)}</text></g>')
    for p, px, lane, text in placed:
        cls = "pt " + " ".join(sorted(p.roles))
        ly = top - lane * lane_h
        r = 8 if "flagged" in p.roles else 6
        out.append(f'<g class="{cls.strip()}"><title>{_e(p.label)}: '
                   f'{_e("; ".join(f"{t} (line {n})" for t, n in p.mentions))}</title>'
                   f'<line class="leader" x1="{px:.1f}" y1="{ly + 4}" x2="{px:.1f}" y2="{axis_y - r}"/>'
                   f'<circle cx="{px:.1f}" cy="{axis_y}" r="{r}"/>'
                   f'<text x="{px:.1f}" y="{ly}" text-anchor="middle">{_e(text)}</text></g>')
    out.append("</svg>")
    out.append('<p class="legend"><span class="key flagged"></span> flagged date '
               '<span class="key related"></span> date it conflicts with '
               '<span class="key plain"></span> other date <span class="key pubkey"></span> publication'
               + (' <span class="key fitkey"></span> where the rest of the story would put it' if fits else "")
               + "</p>")
    return "".join(out)


# ---------------------------------------------------------------- names

def _count(spelling: dict) -> str:
    if spelling["counted_in"] == "articles":
        return f"in {spelling['count']} other article(s)"
    return f"{spelling['count']}× in this article"


def _names(findings: list[Finding]) -> str:
    """One table per usual spelling: its count, each flagged spelling with its count (and, when the
    finding's `decided` is False, that the evidence does not say which spelling is right), and
    where the findings point to."""
    clusters: "OrderedDict[str, dict]" = OrderedDict()
    for f in findings:
        spellings = f.data["spellings"]
        usual = next((s for s in spellings if not s["flagged"]), None)
        key = usual["text"] if usual else f.rule
        cluster = clusters.setdefault(key, {"usual": usual, "variants": OrderedDict(), "related": []})
        for spelling in spellings:
            if spelling["flagged"]:
                cluster["variants"][spelling["text"]] = (spelling["count"], f.data.get("decided", True))
        cluster["related"].extend(f.related)
    out = ['<div class="names"><h3>Name spellings</h3>']
    for key, c in clusters.items():
        out.append(f'<table class="cluster"><tr class="usual"><td>{_e(key)}</td>'
                   f'<td>{_e(_count(c["usual"]) if c["usual"] else "usual spelling")}</td></tr>')
        for variant, (count, decided) in c["variants"].items():
            flag = "flagged" if decided else "flagged; which is right is unclear"
            out.append(f'<tr class="variant"><td><mark class="hit">{_e(variant)}</mark></td>'
                       f'<td>{count}× ({flag})</td></tr>')
        seen = set()
        for r in c["related"]:
            where = (r.location.path, r.location.line, r.message)
            if where in seen:
                continue
            seen.add(where)
            out.append(f'<tr class="where"><td></td><td>{_e(r.message)}: {_e(_where(r.location))}</td></tr>')
        out.append("</table>")
    out.append("</div>")
    return "".join(out)


# ---------------------------------------------------------------- page

_CSS = """
:root{--err:#b3261e;--warn:#a15c00;--info:#1f6f8b;--ink:#1d1d1f;--mute:#6b6b70;--line:#e3e3e8;--rel:#e08a00}
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#f6f6f8}
header{background:#fff;border-bottom:1px solid var(--line);padding:18px 32px}
h1{margin:0 0 4px;font-size:22px}.summary{margin:0;color:var(--mute)}
.filters{margin-top:8px;font-size:14px}.filters label{margin-right:14px}
main{max-width:1100px;margin:0 auto;padding:16px 32px 48px}
section.article{background:#fff;border:1px solid var(--line);border-radius:8px;margin:18px 0;padding:14px 20px}
section.article h2{font-size:17px;margin:0 0 2px;font-family:ui-monospace,Menlo,Consolas,monospace}
.headline{margin:0 0 8px;color:var(--mute)}
ol.findings{list-style:none;padding:0;margin:0}
li.finding{border-top:1px solid var(--line);padding:10px 0}
.head{font-size:14px}.where{color:var(--mute);font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px}
.badge{display:inline-block;padding:0 8px;border-radius:10px;color:#fff;font-size:12px;font-weight:600}
.badge.error{background:var(--err)}.badge.warning{background:var(--warn)}.badge.info{background:var(--info)}
code.rule{font-weight:600}.message{margin:4px 0}
pre.excerpt{margin:4px 0;padding:6px 10px;background:#fafafa;border:1px solid var(--line);border-radius:4px;white-space:pre-wrap;word-break:break-word;tab-size:4;font:13px/1.45 ui-monospace,Menlo,Consolas,monospace}
.ln{display:inline-block;min-width:2.5em;color:var(--mute);user-select:none}
mark.hit{background:#ffd9d6;border-bottom:2px solid var(--err);color:inherit}
mark.rel{background:#ffeccc;border-bottom:2px solid var(--rel);color:inherit}
ul.related{margin:4px 0 0 0;padding-left:18px;font-size:14px}.fix{font-size:14px}
figure.timeline{margin:10px 0 14px;padding:10px 12px;border:1px solid var(--line);border-radius:6px;background:#fcfcfd}
figcaption{font-weight:600;font-size:14px;margin-bottom:4px}
svg.axis{display:block;font:12px system-ui,sans-serif}
.axis-line{stroke:#888;stroke-width:1.5}.tick{stroke:#888}.tick-label{fill:var(--mute)}
.pt circle{fill:#5b7c99}.pt text{fill:var(--ink)}.leader{stroke:#c8c8cf;stroke-dasharray:2 2}
.pt.related circle{fill:#fff;stroke:var(--rel);stroke-width:3}.pt.related text{fill:#8a5300;font-weight:600}
.pt.flagged circle{fill:var(--err)}.pt.flagged text{fill:var(--err);font-weight:700}
.pub line{stroke:#2e7d32;stroke-width:2;stroke-dasharray:5 3}.pub text{fill:#2e7d32;font-weight:600}
.legend{font-size:12px;color:var(--mute);margin:2px 0}
.key{display:inline-block;width:10px;height:10px;border-radius:50%;margin:0 4px 0 10px;vertical-align:middle}
.key.flagged{background:var(--err)}.key.related{border:3px solid var(--rel)}.key.plain{background:#5b7c99}
.key.pubkey{border-radius:0;width:3px;height:12px;background:#2e7d32}
rect.fit{fill:#2e7d32;fill-opacity:.18;stroke:#2e7d32;stroke-opacity:.5}.key.fitkey{border-radius:2px;background:#2e7d3233;border:1px solid #2e7d3280}
ul.evidence{font-size:13px;margin:4px 0;padding-left:18px}
.note{font-size:13px;color:var(--mute);margin:4px 0}
table.dates,table.cluster{border-collapse:collapse;font-size:13px;margin:6px 0}
table.dates td,table.dates th,table.cluster td{border-bottom:1px solid var(--line);padding:2px 10px;text-align:left;vertical-align:top}
tr.flagged td{color:var(--err);font-weight:600}tr.related td{color:#8a5300}
.names h3{font-size:14px;margin:8px 0 2px}tr.usual td{font-weight:600}
.hidden{display:none}
"""

_JS = """
document.querySelectorAll('.filters input').forEach(function (box) {
  box.addEventListener('change', function () {
    document.querySelectorAll('li.finding[data-level="' + box.value + '"]').forEach(function (li) {
      li.classList.toggle('hidden', !box.checked);
    });
  });
});
"""


def render(report: Report) -> str:
    by_path: "OrderedDict[str, list[Finding]]" = OrderedDict()
    for f in sorted(report.findings, key=lambda f: f.sort_key()):
        by_path.setdefault(f.location.path, []).append(f)
    levels = [lv for lv in ("error", "warning", "info") if any(f.level == lv for f in report.findings)]
    out = ['<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f'<meta name="generator" content="{REPORT_SIGNATURE}">',
           '<title>Editorial lint report</title>', f"<style>{_CSS}</style></head><body>",
           '<header><h1>Editorial lint report</h1>', f'<p class="summary">{_e(_summary(report))}</p>']
    if levels:
        out.append('<div class="filters">Show: ' + "".join(
            f'<label><input type="checkbox" value="{lv}" checked> {lv}</label>' for lv in levels) + "</div>")
    out.append("</header><main>")
    number = 0
    for i, (path, findings) in enumerate(by_path.items(), 1):
        out.append(f'<section class="article" id="article-{i}"><h2>{_e(path)}</h2>')
        article = report.articles.get(path, {})
        if "headline" in article:
            out.append(f'<p class="headline">{_e(article["headline"])}</p>')
        dated = [f for f in findings if "dates" in f.data]
        if dated and "timeline" in article:
            out.append(_timeline(path, article["timeline"], dated))
        spelt = [f for f in findings if "spellings" in f.data]
        if spelt:
            out.append(_names(spelt))
        out.append('<ol class="findings">')
        for f in findings:
            number += 1
            out.append(_finding(f, number))
        out.append("</ol></section>")
    out.append(f"</main><script>{_JS}</script></body></html>")
    return "\n".join(out) + "\n"
