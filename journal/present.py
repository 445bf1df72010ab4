"""Plain-text views of use-case results for the terminal (no click, no colour)."""

from __future__ import annotations

from datetime import date
from typing import Any

from journal.core.dates import parse_date

BAR_WIDTH = 10
SHOWN_CHECKINS = 5


def bar(progress: float | None, width: int = BAR_WIDTH) -> str:
    """``████░░░░░░`` for 0.4; empty bar for unknown progress."""
    if progress is None:
        return "·" * width
    filled = round(max(0.0, min(progress, 1.0)) * width)
    return "█" * filled + "░" * (width - filled)


def percent(progress: float | None) -> str:
    return "  -" if progress is None else f"{round(progress * 100):3d}%"


def number(value: float | None) -> str:
    if value is None:
        return "?"
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def due_text(due: str | None, today: date, status: str = "active") -> str:
    if not due:
        return "no due date"
    if status in ("done", "dropped"):
        return due
    days = (parse_date(due) - today).days
    if days < 0:
        return f"{due} ({-days}d overdue)"
    return f"{due} ({days}d left)"


def goal_table(records: list[dict[str, Any]], today: date) -> str:
    """One line per goal: status, progress, due date, title."""
    if not records:
        return "no goals match\n"
    lines = []
    width = max(len(r["status"]) for r in records)
    for r in records:
        lines.append(
            f"{r['status']:<{width}}  {bar(r['progress'])} {percent(r['progress'])}  "
            f"{due_text(r['due'], today, r['status']):<26}  {r['title']}"
        )
    return "\n".join(lines) + "\n"


def note_table(records: list[dict[str, Any]]) -> str:
    if not records:
        return "no notes match\n"
    width = max(len(r["type"]) for r in records)
    return "".join(f"{r['type']:<{width}}  {r['title']}  ({r['path']})\n" for r in records)


def goal_card(r: dict[str, Any], today: date) -> str:
    """A readable summary of one goal record from ``show_goal``."""
    out = [f"{r['title']}  [{r['status']}, {r['kind']}]", f"  id: {r['id']}   file: {r['path']}"]
    if r["outcome"]:
        out.append(f"  outcome: {r['outcome']}")
    if r["metric"] or r["target"] is not None:
        unit = f" {r['unit']}" if r["unit"] else ""
        out.append(
            f"  measure: {r['metric'] or '?'}: {number(r['baseline'])} -> "
            f"{number(r['current'])} / {number(r['target'])}{unit}  "
            f"{bar(r['progress'])} {percent(r['progress']).strip()}"
        )
    if r["effort"] is not None or r["confidence"] is not None:
        effort = f"{number(r['effort'])} h/week" if r["effort"] is not None else "?"
        confidence = f"   confidence: {number(r['confidence'])}/10" if r["confidence"] else ""
        out.append(f"  effort: {effort}{confidence}")
    if r["supports"] or r["why"]:
        out.append(
            f"  relevant: {', '.join(r['supports']) or ''}"
            f"{' - ' if r['supports'] and r['why'] else ''}{r['why'] or ''}"
        )
    start = f"   start: {r['start']}" if r["start"] else ""
    out.append(f"  due: {due_text(r['due'], today, r['status'])}{start}")
    for m in r["milestones"]:
        mark = "x" if m["done"] else " "
        out.append(f"  [{mark}] {m['title']}" + (f" (due {m['due']})" if m["due"] else ""))
    checkins = r.get("checkins", [])
    if checkins:
        shown = checkins[-SHOWN_CHECKINS:]
        more = f" (last {len(shown)} of {len(checkins)})" if len(shown) < len(checkins) else ""
        out.append(f"  check-ins{more}:")
        width = max(len(c["change"] or "") for c in shown)
        for c in shown:
            out.append(f"    {c['date']}  {(c['change'] or ''):<{width}}  {c['note']}".rstrip())
    for d in r.get("diagnostics", []):
        out.append(f"  ! line {d['line']}: {d['message']}")
    return "\n".join(out) + "\n"


def index_report(report: dict[str, Any]) -> str:
    """What ``journal index`` did and what the index holds."""
    kinds = ", ".join(f"{count} {kind}" for kind, count in report["kinds"].items())
    problems = report["diagnostics"]
    problem_text = (
        ", ".join(f"{count} {severity}s" for severity, count in problems.items())
        + f" in {report['files_with_problems']} files"
        if problems
        else "none"
    )
    action = "rebuilt" if report["rebuilt"] else "refreshed"
    return (
        f"index: {report['index'] or '(in memory)'}\n"
        f"notes: {report['notes']} ({kinds or 'none'})\n"
        f"{action} in {report['seconds']:.2f}s: {report['read']} read, "
        f"{report['removed']} removed\n"
        f"problems: {problem_text}\n"
    )


def search_results(hits: list[dict[str, Any]]) -> str:
    """One block per hit: path and title, then the snippet indented."""
    lines = []
    for hit in hits:
        lines.append(f"{hit['path']}  {hit['title']}")
        if hit["snippet"]:
            lines.append(f"    {hit['snippet']}")
    return "\n".join(lines) + "\n" if lines else ""


def watch_line(update: dict[str, Any], clock: str) -> str:
    """One status line for a batch of index updates."""
    read, removed = update["read"], update["removed"]
    parts = []
    if read:
        parts.append(read[0] if len(read) == 1 else f"{len(read)} notes read")
    if removed:
        parts.append(f"{removed[0]} removed" if len(removed) == 1 else f"{len(removed)} removed")
    scope = " (full reconcile)" if update["full"] else ""
    return f"{clock} {', '.join(parts)}{scope} in {update['seconds'] * 1000:.0f} ms"


# --- history ------------------------------------------------------------------------------


def _commit_line(entry: dict[str, Any]) -> str:
    return f"{entry['date']}  {entry['commit'][:7]}  {entry['author']}: {entry['message']}"


def goal_timeline(r: dict[str, Any]) -> str:
    """A goal's history from ``goal_history``: one block per commit, then its progress."""
    goal = r["goal"]
    out = [f"{goal['title']}  ({goal['path']})"]
    if r["truncated"]:
        out.append("  (history truncated: this is a shallow clone)")
    for entry in r["entries"]:
        out.append("not committed yet" if entry["uncommitted"] else _commit_line(entry))
        texts = [e["text"] for e in entry["events"]] or ["text edited; no property changed"]
        out.extend(f"  {text}" for text in texts)
    if r["series"]:
        out.append("progress:")
        out.extend(f"  {p['date']}  {number(p['value']):>6}  {p['source']}" for p in r["series"])
    return "\n".join(out) + "\n"


def vault_timeline(r: dict[str, Any]) -> str:
    """The vault's goal events from ``vault_history``, newest first, grouped by commit."""
    if not r["entries"]:
        return "no goal changes in the git history\n"
    out: list[str] = []
    last = None
    for entry in r["entries"]:
        if entry["commit"] != last:
            out.append(_commit_line(entry))
            last = entry["commit"]
        texts = "; ".join(e["text"] for e in entry["events"])
        out.append(f"  {entry['goal']['title']}: {texts}")
    return "\n".join(out) + "\n"


def check_report(findings: list[dict[str, Any]], goals: int) -> str:
    """Findings grouped by file, ruff-style, then a one-line summary."""
    out = []
    current = None
    for f in findings:
        if f["path"] != current:
            if current is not None:
                out.append("")
            current = f["path"]
            out.append(f"{current}:")
        out.append(f"  {f['line']:>3}  {f['rule']}  {f['severity']:<7}  {f['message']}")
        out.append(f"{'':16}fix: {f['suggestion']}")
    if out:
        out.append("")
    out.append(check_summary(findings, goals))
    return "\n".join(out) + "\n"


def check_summary(findings: list[dict[str, Any]], goals: int) -> str:
    checked = f"{goals} goal{'s' if goals != 1 else ''} checked"
    if not findings:
        return f"All checks passed ({checked})."
    counts = []
    for severity in ("error", "warning", "hint"):
        n = sum(f["severity"] == severity for f in findings)
        if n:
            counts.append(f"{n} {severity}{'s' if n != 1 else ''}")
    files = len({f["path"] for f in findings})
    return (
        f"Found {len(findings)} problem{'s' if len(findings) != 1 else ''} "
        f"({', '.join(counts)}) in {files} file{'s' if files != 1 else ''}; {checked}."
    )


def rule_table(rules: list[dict[str, Any]]) -> str:
    """The rules ``journal check`` knows, one per line, by group."""
    return "".join(
        f"{r['id']}  {r['severity']:<7}  {r['name']:<26}  {r['summary']}\n" for r in rules
    )
