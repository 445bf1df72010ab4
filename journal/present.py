"""Plain-text views of use-case results for the terminal (no click, no colour)."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from journal.adapters.cachedir import UNUSED_DAYS, same_vault
from journal.core.catalog import TO_SEE
from journal.core.dates import after_now, here_too, imitated_after, now_on, parse_date
from journal.core.fields import CLOSED
from journal.core.formatting import (
    amount,
    bar,
    columns,
    exact_number,
    line_texts,
    listed,
    number,
    padded,
    percent,
    plural,
    shortened,
    signed,
    single_line,
)
from journal.core.links import parse_link, unquoted_link
from journal.core.networking import OVERDUE_LISTED_DAYS, folded, results_named

SHOWN_CHECKINS = 5
#: A commit's line in a goal's history when it changed no property, nor only the layout.
TEXT_EDITED = "text edited; no property changed"


def due_text(due: str | None, today: date, status: str = "active") -> str:
    if not due:
        return "no due date"
    if status in CLOSED:
        return due
    days = (parse_date(due) - today).days
    if days < 0:
        return f"{due} ({-days}d overdue)"
    return f"{due} (due today)" if days == 0 else f"{due} ({days}d left)"


def file_value(value: Any) -> str:
    """A property value as read, spelled as journal writes it (``false`` for ``False``,
    ``2026-11-22``, text without quotes) on one line (a line break as ``\\n``), a list as
    ``journal set`` takes it (``a, b``; a list in it in brackets: ``- [[Note]]`` unquoted
    is ``[[Note]]``); ``(none)`` when it is not set."""
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        if link := unquoted_link(value):  # `supports: [[Note]]`, unquoted
            return link
        items = (
            unquoted_link(v) or (f"[{file_value(v)}]" if isinstance(v, list) else file_value(v))
            for v in value
        )
        return ", ".join(items) if value else "[]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {file_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, float):
        return exact_number(value) if not value.is_integer() else repr(value)  # 0.00001
    text = str(value)
    if isinstance(value, str):  # the line break a `>` or `|` block ends with is no text
        text = text.removesuffix("\n")
    return text.replace("\r", "\\r").replace("\n", "\\n")


def change_lines(path: str, changes: list[dict[str, Any]]) -> str:
    """``path: key: old -> new``, a line per change (``key``, ``old``, ``new``) that
    ``journal set`` or ``journal done`` made, values as :func:`file_value` shows them."""
    return "".join(
        f"{path}: {c['key']}: {file_value(c['old'])} -> {file_value(c['new'])}\n" for c in changes
    )


def checkin_logged(r: dict[str, Any]) -> str:
    """``path: 2026-11-22 +1 coffee; current 0 -> 1``: the check-in ``journal log``
    wrote (its JSON record), and its notice in brackets after it."""
    head = f"{r['path']}: " + " ".join(filter(None, [r["date"], r["change"], r["note"]]))
    notice = f" ({r['notice']})" if r["notice"] else ""
    return f"{head}; current {number(r['old'])} -> {number(r['new'])}{notice}\n"


def shared_titles(
    goals: Sequence[dict[str, Any]], followups: Sequence[dict[str, Any]] = ()
) -> set[str]:
    """The titles two of ``goals`` (``title``, ``path``) and the goals of ``followups``
    share, as a sync client's or Obsidian's copy keeps its original's."""
    paths: dict[str, set[str]] = {}
    for g in [*goals, *(r["goal"] for r in followups if r["goal"])]:
        paths.setdefault(g["title"], set()).add(g["path"])
    return {title for title, held in paths.items() if len(held) > 1}


def titled(g: dict[str, Any], shared: set[str]) -> str:
    """A goal's title, and its file after it when another goal shown has that title."""
    return f"{g['title']} ({g['path']})" if g["title"] in shared else g["title"]


def goal_table(records: list[dict[str, Any]], today: date) -> str:
    """One line per goal (there is one at least): status, progress, due date, title (and
    file, when goals share it: :func:`titled`), in columns as wide as their widest entry
    (the percentage 4 at least, the due date 26)."""
    shares = [percent(r["progress"]) for r in records]
    dues = [due_text(r["due"], today, r["status"]) for r in records]
    status_width = max(len(r["status"]) for r in records)
    share_width = max(4, *map(len, shares))
    due_width = max(26, *map(len, dues))
    shared = shared_titles(records)
    return "".join(
        f"{r['status']:<{status_width}}  {bar(r['progress'])} {share:>{share_width}}  "
        f"{due:<{due_width}}  {titled(r, shared)}\n"
        for r, share, due in zip(records, shares, dues, strict=True)
    )


def note_table(records: list[dict[str, Any]]) -> str:
    """One line per note (there is one at least): type, title, path."""
    width = max(len(r["type"]) for r in records)
    return "".join(f"{r['type']:<{width}}  {r['title']}  ({r['path']})\n" for r in records)


def linked(record: dict[str, Any], key: str) -> str:
    """The links of the goal ``record``'s property ``key`` (``supports``, ``feeds``), one
    that resolves to no note marked so: not one to follow (a name mistyped, or written as
    text for a note that is not there)."""
    broken = {
        link["target"]
        for link in record["links"]
        if link["property"] == key and link["resolved"] is None
    }
    return ", ".join(
        f"{text} (links to no note)"
        if (found := parse_link(text)) and found.target in broken
        else text
        for text in record[key]
    )


def goal_card(record: dict[str, Any], today: date) -> str:
    """A readable summary of one goal record from ``show_goal``, every text on one line:
    outcome and why (often a block over several lines) as one line of prose, any other
    text's line breaks and tabs shown as ``\\n``, ``\\t`` (:func:`line_texts`)."""
    r = line_texts({**record, "outcome": _prose(record["outcome"]), "why": _prose(record["why"])})
    out = [
        f"{r['title']}  [{r['status']}, {r['kind']}{'' if metric_named(r) else ' (no metric)'}]",
        f"  id: {r['id'] or '(none)'}   file: {r['path']}",
    ]
    if r["outcome"]:
        out.append(f"  outcome: {r['outcome']}")
    if r["metric"] or r["target"] is not None:
        out.append(
            f"  measure: {metric_named(r) or '?'}: {_baseline(r)} -> "
            f"{towards(r, ' / ', ', down to ', ', at or under ')}  "
            f"{bar(r['progress'])} {percent(r['progress'])}"
        )
    elsewhere = value_sources(r)
    if elsewhere:
        out.append(f"  {elsewhere}")
    out.extend(f"  {line}" for line in meeting_lines(r))
    if r["effort"] is not None or r["confidence"] is not None:
        effort = f"{number(r['effort'])} h/week" if r["effort"] is not None else "?"
        confidence = f"   confidence: {number(r['confidence'])}/10" if r["confidence"] else ""
        out.append(f"  effort: {effort}{confidence}")
    if r["supports"] or r["why"]:
        supports = linked(r, "supports")
        out.append(f"  relevant: {supports}{' - ' if supports and r['why'] else ''}{r['why']}")
    if r["feeds"]:
        out.append(f"  feeds: {linked(r, 'feeds')}")
    start = f"   start: {r['start']}" if r["start"] else ""
    completed = f"   completed: {r['completed']}" if r["completed"] else ""
    out.append(f"  due: {due_text(r['due'], today, r['status'])}{start}{completed}")
    for m in r["milestones"]:
        dropped = m["dropped"] is not False
        mark = "-" if dropped else "x" if m["done"] else " "
        said = [f"due {m['due']}"] if m["due"] else []
        if dropped:
            said.append("dropped" if m["dropped"] is True else f"dropped {m['dropped']}")
        out.append(f"  [{mark}] {m['title']}" + (f" ({', '.join(said)})" if said else ""))
    for key, via, heading, _plain in RELATED:
        related = [g for g in r.get(key, []) if via in g["via"]]
        if related:
            out.append(f"  {heading}:")
            out.extend(f"    {related_line(g)}" for g in related)
    checkins = r.get("checkins", [])
    if checkins:
        shown = checkins[-SHOWN_CHECKINS:]
        more = f" (last {len(shown)} of {len(checkins)})" if len(shown) < len(checkins) else ""
        out.append(f"  check-ins{more}:")
        width = max(len(c["change"] or "") for c in shown)
        for c in shown:
            where = f"  ({c['path']})" if c["path"] != r["path"] else ""  # as `journal log`
            line = f"    {c['date']}  {(c['change'] or ''):<{width}}  {c['note']}{where}"
            out.append(line.rstrip())
    if r.get("extra"):
        out.append("  other: " + "; ".join(f"{k}: {_text(v)}" for k, v in r["extra"].items()))
    for d in r.get("diagnostics", []):
        out.append(f"  ! line {d['line']}: {d['message']}" if d["line"] else f"  ! {d['message']}")
    if "findings" in r and r["findings"] is None:
        out.append("  ! not checked: the [check] settings can't be read (journal check says why)")
    for f in r.get("findings") or []:
        where = f"line {f['line']}: " if f["line"] else ""
        out.append(f"  ! {where}{f['rule']} {f['message']}")
    return "\n".join(out) + "\n"


#: The goals ``show`` lists beside a goal: (its record's key, the link's key, the
#: heading, and what each line starts with under ``--plain``).
RELATED = (
    ("supporting", "supports", "goals it supports", "supports goal"),
    ("supporting", "feeds", "goals it feeds", "feeds goal"),
    ("supported_by", "supports", "goals supporting it", "supported by goal"),
    ("supported_by", "feeds", "goals feeding it", "fed by goal"),
)


def related_line(g: dict[str, Any]) -> str:
    """A goal ``show`` lists as one the goal supports or is supported by, on one line:
    its link, status when not active, share, value and last check-in."""
    status = f"[{g['status']}]" if g["status"] != "active" else ""
    measure = towards(g) if g["target"] is not None else ""
    last = f"last check-in {g['last_checkin']}" if g["last_checkin"] else "no check-in yet"
    said = [g["link"], status, percent(g["progress"]), measure, last]
    return "  ".join(s for s in said if s)


def _baseline(r: dict[str, Any]) -> str:
    """Where a goal's progress counts from as the card shows it (``base``: its baseline,
    else what its title or first value gives, else 0), ``?`` for a baseline written but
    unread (``unread``)."""
    return "?" if "baseline" in r["unread"] else number(r["base"])


def _prose(text: str | None) -> str:
    """Text written over several lines (a ``>`` or ``|`` block) as one line."""
    return single_line(text or "")


def metric_named(r: dict[str, Any]) -> str | None:
    """What a goal record counts: its ``metric``; ``milestones done`` for a goal measured
    by its milestones (it has none written)."""
    return "milestones done" if r["metric_source"] == "milestones" else r["metric"]


def value_sources(r: dict[str, Any]) -> str | None:
    """Where a goal's value comes from when it is not just ``current`` in its file:
    ``current 5 in the file, +1 from other notes = 6``."""
    value, in_file = r["current"], r["file_current"]
    if r["metric_source"] == "meetings":
        if r.get("meetings_result"):
            named = results_named(r["meetings_result"])
            return f"counted from meeting notes whose outcome names {named}, as an outcome goal"
        if r.get("meetings_need_outcome"):
            return "counted from meeting notes that have an outcome, as an outcome goal"
        return "counted from meeting notes"
    if r["metric_source"] == "milestones":
        return "counted from its milestones done (no metric or target written)"
    if value is None or value == in_file:
        return None
    if in_file is None:
        return f"no current in the file: {number(value)} from the log and other notes"
    return (
        f"current {number(in_file)} in the file, {signed(value - in_file)} from other notes "
        f"= {number(value)}"
    )


def meeting_lines(r: dict[str, Any]) -> list[str]:
    """For an outcome goal counting its meetings, a line for each meeting it counts, then
    for each held that it does not count until its ``outcome`` is filled in, then for
    each it does not count as that says nothing came of it, or names no result the goal
    counts (each with its outcome, so one that reads so by chance is seen)."""
    if not r.get("meetings_need_outcome"):
        return []
    missed = " or ".join(r.get("meetings_result") or [])
    return (
        [f"counted: {m['path']} (outcome: {m['outcome']})" for m in r.get("meetings_counted", [])]
        + [
            f"not counted, no outcome yet: {path} (fill in its `outcome:` to count it, or `none` "
            "if nothing came of it)"
            for path in r.get("meetings_without_outcome", [])
        ]
        + [
            f"not counted, nothing came of it: {m['path']} (outcome: {m['outcome']})"
            for m in r.get("meetings_come_to_nothing", [])
        ]
        + [
            f"not counted, its outcome names no {missed} (or denies it): {m['path']} "
            f"(outcome: {m['outcome']})"
            for m in r.get("meetings_result_not_named", [])
        ]
    )


def _text(value: Any) -> str:
    """A property value as text: strings as they are, anything else as JSON."""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def index_report(report: dict[str, Any]) -> str:
    """What ``journal index`` did and what the index holds (the sync-conflict copies
    and the folders that can't be listed apart: every command leaves them out); type
    ``note`` is "plain notes", as "notes" is the total."""
    kinds = ", ".join(
        plural(n, "plain note" if kind == "note" else kind)
        for kind, n in report["kinds"].items()
        if n
    )
    notes = f"{report['notes']} ({kinds or 'none'})"
    counts = {severity: n for severity, n in report["diagnostics"].items() if n}
    problems = []
    if counts:
        severities = ", ".join(plural(n, severity) for severity, n in counts.items())
        problems.append(f"{severities} in {plural(report['files_with_problems'], 'file')}")
    if report["conflict_copies"]:
        copies = plural(
            len(report["conflict_copies"]), "sync-conflict copy", "sync-conflict copies"
        )
        notes += f", and {copies} left out"
        them = "them" if len(report["conflict_copies"]) > 1 else "it"
        problems.append(f"{copies} (journal check --select H003 names {them})")
    action = "rebuilt" if report["rebuilt"] else "refreshed"
    unlisted = "".join(f"{line}\n" for line in unlisted_lines(report["unlisted_folders"]))
    return (
        f"index: {report['index'] or '(in memory)'}\n"
        f"notes: {notes}\n{unlisted}"
        f"{action} in {report['seconds']:.2f}s: {report['read']} read, "
        f"{report['removed']} removed\n"
        f"problems: {'; '.join(problems) or 'none'}\n" + _pruned(report["index"], report["pruned"])
    )


def _pruned(index: str | None, pruned: list[str]) -> str:
    """The index files deleted: of vaults that no longer exist, and those of this
    vault's, ``index``, that other versions of journal made."""
    versions = sum(same_vault(Path(path).name, Path(index or "").name) for path in pruned)
    gone = len(pruned) - versions
    told = ""
    if gone:
        whose = "a vault that no longer exists" if gone == 1 else "vaults that no longer exist"
        told += f"deleted {plural(gone, 'index file')} of {whose}\n"
    if versions:
        whose = "another version" if versions == 1 else "other versions"
        told += (
            f"deleted {plural(versions, 'index file')} of {whose} of journal, unused for "
            f"{UNUSED_DAYS} days\n"
        )
    return told


def search_results(hits: list[dict[str, Any]]) -> str:
    """One block per hit (there is one at least): path and title, then the snippet
    indented."""
    lines = []
    for hit in hits:
        lines.append(f"{hit['path']}  {hit['title']}")
        if hit["snippet"]:
            lines.append(f"    {hit['snippet']}")
    return "\n".join(lines) + "\n"


def reading_line(total: int, clock: str) -> str:
    """The watcher's line while a long read goes on: the files whose stat changed (or is
    too recent to trust), of which the batch's line later counts those whose bytes had."""
    return f"{clock} checking {plural(total, 'changed file')}..."


def history_line(total: int, clock: str) -> str:
    """The watcher's line while git's history is read for the review (at its first
    start, after a commit)."""
    return (
        f"{clock} reading git history ({plural(total, 'commit')}, kept in the cache once read)..."
    )


def stopped_line(
    unread: int, review: str | None = None, *, read: int = 0, review_due: bool = False
) -> str:
    """The watcher's last line; what the stop left done and undone: the notes read in a
    batch it cut short (no line of its own), those left unread, the review whose
    regeneration it gave up (``review``, or unnamed when ``review_due``)."""
    left = ["stopped"]
    if read:
        left.append(f"{plural(read, 'note')} read")
    if unread:
        left.append(f"{plural(unread, 'changed note')} not read yet (the next command reads them)")
    if review is not None or review_due:
        which = review or "the review"
        left.append(f"{which} not regenerated (`journal review` or the next watch does it)")
    return "; ".join(left)


def watch_line(update: dict[str, Any], clock: str) -> str:
    """One status line for a batch of index updates."""
    offline = update.get("offline", [])
    read, removed = update["read"], [p for p in update["removed"] if p not in offline]
    parts = []
    if read:  # one note alone is named bare: the common line, a save (not in a reconcile)
        one = read[0] if not removed and not update["full"] else f"read {read[0]}"
        parts.append(one if len(read) == 1 else f"{len(read)} notes read")
    if removed:
        parts.append(f"removed {removed[0]}" if len(removed) == 1 else f"{len(removed)} removed")
    if offline:  # evicted: the placeholder is there, the note is not (docs/format.md)
        parts.append(
            f"{offline[0]}: not downloaded from iCloud (only its placeholder is here), left out"
            if len(offline) == 1
            else f"{len(offline)} notes not downloaded from iCloud (only their placeholders "
            "are here), left out"
        )
    excluded = update.get("excluded", [])
    if excluded:  # never read: links find them by name (docs/obsidian.md, Templates)
        parts.append(
            f"{excluded[0]}: in an excluded folder, found by links only"
            if len(excluded) == 1
            else f"{len(excluded)} notes in excluded folders, found by links only"
        )
    scope = " (full reconcile)" if update["full"] else ""
    if not parts and update.get("elsewhere"):  # one parenthesis, not two in a row
        full = "; full reconcile" if scope else ""
        parts.append(f"changes stored by another journal process (a command, a watcher{full})")
        scope = ""
    if not parts and update.get("settings"):
        parts.append("settings read again")
    return f"{clock} {'; '.join(parts)}{scope} in {update['seconds'] * 1000:.0f} ms"


# --- history ------------------------------------------------------------------------------


def misdated(entry: dict[str, Any], now: datetime, today: date) -> str | None:
    """What a commit of ``journal history``'s JSON dated after ``now``
    (:func:`~journal.core.dates.now_on`) is dated: its moment here when that is another
    day than its date on the real day (:func:`~journal.core.dates.here_too`), and after
    what (a clock set wrong, or the day ``JOURNAL_TODAY`` sets); None for a commit dated
    by now."""
    moment = datetime.fromisoformat(entry["time"])
    if not after_now(moment, now):
        return None
    after = imitated_after(today) or "later than now: a clock set wrong?"
    here = here_too(moment, parse_date(entry["date"]), today)
    return f"{here}, {after}" if here else after


def _commit_line(entry: dict[str, Any], now: datetime, today: date) -> str:
    """A commit's date, id, author and message; a date after ``now`` is remarked on."""
    line = f"{entry['date']}  {entry['commit'][:7]}  {entry['author']}: {entry['message']}"
    remark = misdated(entry, now, today)
    return f"{line}  (dated {remark})" if remark else line


def goal_timeline(r: dict[str, Any], today: date, since: date | None = None) -> str:
    """A goal's history from ``goal_history`` (from ``since`` on): one block per commit,
    then its progress."""
    goal = r["goal"]
    out = [f"{goal['title']}  ({goal['path']})"]
    if r["truncated"]:
        out.append("  (history truncated: this is a shallow clone)")
    if not r["entries"] and since is not None:
        out.append(f"  no changes since {since}")
    now = now_on(today)
    for entry in r["entries"]:
        out.append("not committed yet" if entry["uncommitted"] else _commit_line(entry, now, today))
        texts = [e["text"] for e in entry["events"]] or [entry["layout"] or TEXT_EDITED]
        out.extend(f"  {text}" for text in texts)
    if r["series"]:
        out.append("progress:")
        out.extend(f"  {p['date']}  {number(p['value']):>6}  {_source(p)}" for p in r["series"])
    return "\n".join(out) + "\n"


def _source(point: dict[str, Any]) -> str:
    """Where a point of the series comes from: ``git``, ``first committed 2026-12-06``."""
    first = point["source"] == "first"
    return f"first committed {point['committed']}" if first else str(point["source"])


def vault_timeline(r: dict[str, Any], today: date) -> str:
    """The vault's goal events from ``vault_history`` (there is one at least), newest
    first, grouped by commit; a goal's events in a commit one per line when there are
    several."""
    out: list[str] = []
    last, now = None, now_on(today)
    for entry in r["entries"]:
        if entry["commit"] != last:
            out.append(_commit_line(entry, now, today))
            last = entry["commit"]
        texts = [e["text"] for e in entry["events"]]
        if len(texts) == 1:
            out.append(f"  {entry['goal']['title']}: {texts[0]}")
        else:  # one per line: a line of them all was hundreds of characters wide
            out.append(f"  {entry['goal']['title']}:")
            out.extend(f"    {text}" for text in texts)
    if r["more"]:
        out.append(f"... {plural(r['more'], 'older goal change')} (--limit 0 shows all)")
    return "\n".join(out) + "\n"


def check_report(
    findings: list[dict[str, Any]],
    goals: int,
    rules: int,
    folder: str = "",
    named: bool = True,
    *,
    summary: bool = True,
) -> str:
    """Findings grouped by file, ruff-style, then a one-line summary (of ``goals``
    checked by ``rules``; see :func:`check_summary`; none without ``summary``, as
    ``--quiet`` prints); ``folder`` goes before each (vault-relative) path."""
    out = []
    current = None
    for f in findings:
        if f["path"] != current:
            if current is not None:
                out.append("")
            current = f["path"]
            out.append(f"{folder}{current}:")
        out.append(f"  {f['line']:>3}  {f['rule']}  {f['severity']:<7}  {f['message']}")
        out.append(f"{'':16}fix: {f['suggestion']}")
    if summary:
        if out:
            out.append("")
        out.append(check_summary(findings, goals, rules, named))
    return "".join(f"{line}\n" for line in out)


def check_summary(findings: list[dict[str, Any]], goals: int, rules: int, named: bool) -> str:
    """The last line of ``check``'s report: what was found in ``goals``, or that nothing
    was checked as no rule ran, or as the arguments given named no note (``named``)."""
    if not rules:
        return "No rule ran: nothing was checked."
    if not named:
        return "No argument names a note: nothing was checked."
    checked = f"{plural(goals, 'goal')} checked"
    if not findings:
        return f"All checks passed ({checked})."
    counts = []
    for severity in ("error", "warning", "hint"):
        n = sum(f["severity"] == severity for f in findings)
        if n:
            counts.append(plural(n, severity))
    files = len({f["path"] for f in findings})
    return (
        f"Found {plural(len(findings), 'problem')} ({', '.join(counts)}) "
        f"in {plural(files, 'file')}; {checked}."
    )


def rule_table(rules: list[dict[str, Any]]) -> str:
    """The rules ``journal check`` knows, one per line, by group."""
    return "".join(
        f"{r['id']}  {r['severity']:<7}  {r['name']:<26}  {r['summary']}\n" for r in rules
    )


# --- check-in history and chart -----------------------------------------------------------

CHART_WIDTH = 40
CHART_HEIGHT = 6
_EIGHTHS = " ▁▂▃▄▅▆▇█"

#: ``style(text, role)`` colours a piece of text by its role (good, warn, bad, muted,
#: heading); the default leaves it plain.
Style = Callable[[str, str], str]


def unstyled(text: str, role: str) -> str:
    return text


def chart(
    points: list[tuple[date, float]],
    *,
    base: float = 0.0,
    target: float | None = None,
    first: date | None = None,
    last: date | None = None,
    width: int = CHART_WIDTH,
    height: int = CHART_HEIGHT,
) -> str:
    """A step chart of ``points`` (the value from each date on) from ``first`` to
    ``last``, with ``base`` before the first point and a dotted ``target`` row."""
    if not points:
        return ""
    first = min(first or points[0][0], points[0][0])
    last = max(last or points[-1][0], points[-1][0])
    span = max((last - first).days, 1)
    columns = []
    for col in range(width):
        day = first + timedelta(days=round(span * col / max(width - 1, 1)))
        columns.append(next((v for d, v in reversed(points) if d <= day), base))
    values = [*columns, base] + ([target] if target is not None else [])
    low, high = min(values), max(values)
    high = high if high > low else low + 1
    scale = height / (high - low)
    target_row = None
    if target is not None:
        target_row = min(height - 1, max(0, math.ceil((target - low) * scale) - 1))
    labels = {height - 1: number(high), 0: number(low)}
    if target_row is not None:
        labels[target_row] = number(target)
    pad = max(len(text) for text in labels.values())
    rows = []
    for row in range(height - 1, -1, -1):
        cells = []
        for value in columns:
            fill = min(max((value - low) * scale - row, 0.0), 1.0)
            cell = _EIGHTHS[round(fill * 8)]
            cells.append("┈" if cell == " " and row == target_row else cell)
        mark = "┤" if row in labels else "│"
        suffix = " target" if row == target_row else ""
        rows.append(f"{labels.get(row, ''):>{pad}} {mark}{''.join(cells)}{suffix}".rstrip())
    rows.append(" " * pad + " └" + "─" * width)
    left, right = first.isoformat(), last.isoformat()
    rows.append(" " * (pad + 2) + left + right.rjust(max(width - len(left), len(right) + 1)))
    return "\n".join(rows) + "\n"


#: Where a step of ``journal log GOAL`` (a value no check-in gives) comes from, by the
#: source of its point in the series.
STEP_SOURCES = {
    "git": "current as committed",
    "first": "current as first committed",
    "file": "current in the file",
}


def log_rows(h: dict[str, Any]) -> list[tuple[dict[str, Any], bool]]:
    """``journal log GOAL``'s rows in order: its check-ins, and its steps (True), each at
    the end of its day."""
    rows = [(c["date"], False, c) for c in h["checkins"]]
    rows += [(s["date"], True, s) for s in h["steps"]]
    return [(row, step) for _day, step, row in sorted(rows, key=lambda r: r[:2])]


def step_note(step: dict[str, Any]) -> str:
    """``not logged: current as committed``."""
    source = STEP_SOURCES.get(step["source"])
    return f"not logged: {source}" if source else "not logged"


def history_view(h: dict[str, Any], today: date) -> str:
    """``journal log GOAL``: the check-ins, the value after each, and a chart."""
    if h["current"] is None and h["target"] is None and not h["checkins"]:
        return f"{h['title']}: no check-ins yet\n"  # nothing to chart
    out = [f"{h['title']}: {towards(h, ' / ')}"]
    elsewhere = value_sources(h)
    out[0] += f"  ({elsewhere})" if elsewhere else ""
    out.extend(meeting_lines(h))
    out.append("")
    points = [(parse_date(p["date"]), p["value"]) for p in h["series"]]
    if any(p["source"] != "start" for p in h["series"]):
        first = min(parse_date(h["start"]), points[0][0]) if h["start"] else points[0][0]
        last = max(today, points[-1][0])
        if last > first:  # one day has nothing to show (a tryout: init's sample goal)
            out.append(chart(points, base=h["base"], target=h["target"], first=first, last=last))
    if not h["checkins"]:
        out.append("no check-ins yet")
    rows = []
    for c, step in log_rows(h):
        where = f"  ({c['path']})" if not step and c["path"] != h["path"] else ""
        change = f"({c['change']})" if step else c["change"] or ""
        rows.append((c, change, step_note(c) if step else c["note"] + where))
    width = max((len(change) for _c, change, _note in rows), default=0)
    values = max([len(number(c["value"])) for c, _, _ in rows if c["value"] is not None] or [1])
    for c, change, note in rows:
        value = number(c["value"]) if c["value"] is not None else "?" if change else ""
        out.append(f"{c['date']}  {change:<{width}}  {value:>{values}}  {note}".rstrip())
    if not h["agrees"]:
        out.append(
            f"! current is {number(h['file_current'])} in the file but baseline plus its log "
            f"gives {number(h['replayed'])}; current counts (journal check reports this)"
        )
    return "\n".join(out) + "\n"


# --- networking ---------------------------------------------------------------------------

#: The fewest columns a title is cut to on a narrow terminal.
TITLE_MIN = 16


def _state_text(r: dict[str, Any]) -> tuple[str, str]:
    if r["state"] == "overdue":
        return f"overdue {r['days_overdue']}d", "bad"
    if r["state"] == "undated":
        return "no date", "bad"
    return r["state"], {"due": "warn", "done": "good"}.get(r["state"], "muted")


#: The most columns a ``follow_up_by`` that is no date takes in a list (all of it: JSON).
DAY_TEXT_WIDTH = 20


def fitted(text: str, room: int | None) -> str:
    """``text`` cut to ``room`` columns (:data:`TITLE_MIN` at least); whole when
    ``room`` is None (not a terminal)."""
    return text if room is None else shortened(text, max(room, TITLE_MIN))


def followup_lines(
    rows: list[dict[str, Any]], style: Style = unstyled, room: int | None = None
) -> list[str]:
    """One line per follow-up (plus its open tasks, each with its state: ``- [/]``),
    oldest first; the days in a column as wide as the widest (a ``follow_up_by`` that
    is no date, ``next Friday``, up to :data:`DAY_TEXT_WIDTH`); the goal after ``->``
    cut to what the line leaves of ``room`` columns (:func:`fitted`)."""
    days = [r["follow_up_by"] or shortened(r["follow_up_text"] or "", DAY_TEXT_WIDTH) for r in rows]
    width = max([len("YYYY-MM-DD"), *map(columns, days)])
    out = []
    for r, day in zip(rows, days, strict=True):
        text, role = _state_text(r)
        people = ", ".join(r["with"]) or "?"
        late = f", {r['days_late']}d late" if r["days_late"] else ""
        closed = f"  (done {r['done']}{late})" if isinstance(r["done"], str) else ""
        implied = f"  ({r['implied']})" if r["implied"] else ""
        state = f"{text:<12}"
        head = f" {padded(day, width)}  {people}: {meeting_named(r)}"
        if r["goal"]:
            left = None if room is None else room - columns(state + head + implied + closed) - 5
            head += f"  -> {fitted(r['goal']['title'], left)}"
        out.append(style(state, role) + head + implied + closed)
        indent = " " * (15 + width)  # under the names
        out.extend(
            f"{indent}- [{state}] {task}"
            for state, task in zip(r["task_states"], r["tasks"], strict=True)
        )
    return out


def meeting_named(r: dict[str, Any]) -> str:
    """A follow-up's meeting by the day it was held and its title, as journal names its
    note: two coffees with one person are told apart, and ``journal done`` finds it so."""
    return f"{r['date']} {r['title']}" if r["date"] else r["title"]


def followup_table(
    rows: list[dict[str, Any]],
    folders: list[dict[str, Any]],
    unreadable: list[dict[str, Any]],
    style: Style = unstyled,
    room: int | None = None,
) -> str:
    """``journal followups``: one line per follow-up, then what the list leaves out: the
    ``folders`` that can't be listed and the meeting notes that can't be read ("" when
    there is nothing to show: the command says so on stderr)."""
    missing = unread_lines(unreadable, "meeting", style)
    return with_missing(followup_lines(rows, style, room), folders, missing, style)


def with_missing(
    lines: list[str], folders: list[dict[str, Any]], missing: list[str], style: Style
) -> str:
    """A listing's ``lines``, then what it leaves out: the ``folders`` that can't be
    listed and the notes that can't be read (``missing``, :func:`unread_lines`); ""
    when there is nothing to show."""
    left_out = [*unlisted_lines(folders, style), *missing]
    out = [*lines, *([""] if lines and left_out else []), *left_out]
    return "\n".join(out) + "\n" if out else ""


def unlisted_lines(folders: list[dict[str, Any]], style: Style = unstyled) -> list[str]:
    """A line per folder that can't be listed: the notes in it are in no list."""
    return [
        style(f"can't read the folder {f['folder']} ({f['reason']}): its notes are left out", "bad")
        for f in folders
    ]


def copy_lines(copies: list[dict[str, str]], style: Style = unstyled) -> list[str]:
    """A line per note named as a second copy of another (H019): what it holds counts
    twice."""
    return [style(c["message"], "bad") for c in copies]


def unread_lines(notes: list[dict[str, Any]], kind: str, style: Style = unstyled) -> list[str]:
    """The notes meant as ``kind`` that a list leaves out as they can't be read, each
    as ``path:line`` (stderr says why), worded as the review's Needs attention."""
    if not notes:
        return []
    one = len(notes) == 1
    fix = f"fix {'it' if one else 'them'} to see {TO_SEE[kind][not one]} here"
    goals = {g["title"]: None for n in notes for g in n.get("counts_for", ())}
    if goals:  # a meeting's: the goals counting meetings it is missing from
        fix += f" and to count {'it' if one else 'them'} for {listed(list(goals))}"
    head = style(f"can't read {plural(len(notes), f'{kind} note')}; {fix}:", "bad")
    return [head, *(f"  {n['path']}:{n['line']}" if n["line"] else f"  {n['path']}" for n in notes)]


def towards(goal: dict[str, Any], of: str = "/", down: str = " → ", under: str = " ≤ ") -> str:
    """A goal record's value against its target: ``3/5 conversations``, or, for a goal
    that brings a number down (``down``), ``38 → 30 days``, which ``38/30`` misread, and
    ``28 ≤ 30 days`` once it is there (``28 → 30`` read as a number to raise)."""
    mark = (under if reached_down(goal) else down) if goal["down"] else of
    return f"{number(goal['current'])}{mark}{amount(goal['target'], goal['unit'])}"


def counts_from(goal: dict[str, Any]) -> str:
    """`` (from 40)`` after a goal record's value when its progress counts from a
    :attr:`~journal.core.goal.Goal.base` other than 0, as the review says it: its 50% of
    70/100 is of the way from 40; "" from 0."""
    return f" (from {number(goal['base'])})" if goal["base"] else ""


def reached_down(goal: dict[str, Any]) -> bool:
    """Whether a goal record's value is at or under its target (what a goal that brings
    a number down aims for)."""
    value, target = goal["current"], goal["target"]
    return value is not None and target is not None and value <= target


def not_counted(goal: dict[str, Any]) -> str:
    """What a status row's value says of the meeting notes that can't be read and may
    be missing from it (``unread_meetings``); "" when there are none."""
    count = goal["unread_meetings"]
    return f" ({plural(count, 'unreadable meeting')} not counted)" if count else ""


def _touch_text(touch: dict[str, Any] | None, today: date) -> str:
    if touch is None:
        return "-"
    days = (parse_date(touch["date"]) - today).days
    when = "today" if days == 0 else f"in {days}d" if days > 0 else f"{-days}d ago"
    return f"{touch['date']} {touch['what']} ({when}{implied(touch)})"


def implied(touch: dict[str, Any]) -> str:
    """Why a follow-up is due on its day when its meeting has no ``follow_up_by``."""
    return f"; {touch['implied']}" if touch.get("implied") else ""


def _next_text(touch: dict[str, Any] | None, today: date) -> str:
    """``next:`` and the next touch point; a follow-up past its day, or whose
    ``follow_up_by`` is no date, is ``owed:``, as it may be older than the last touch
    (the follow-up of an earlier meeting)."""
    if touch is not None and touch["date"] is None:
        return f"owed: follow-up, no date (follow_up_by: {touch['follow_up_text']})"
    if touch is not None and (late := (today - parse_date(touch["date"])).days) > 0:
        return f"owed: follow-up due {touch['date']} ({late}d overdue{implied(touch)})"
    return f"next: {_touch_text(touch, today)}"


def people_table(
    rows: list[dict[str, Any]],
    today: date,
    folders: list[dict[str, Any]],
    unreadable: dict[str, list[dict[str, Any]]],
    style: Style = unstyled,
) -> str:
    """``journal people``: one line per contact (role and organization, last and next
    touch point or the follow-up owed; stale ones marked), then the folders that can't
    be listed and the contact and meeting notes that can't be read (``unreadable``, by
    kind)."""
    missing = [
        line for kind, notes in unreadable.items() for line in unread_lines(notes, kind, style)
    ]
    return with_missing(_people_lines(rows, today, style), folders, missing, style)


def _people_lines(rows: list[dict[str, Any]], today: date, style: Style) -> list[str]:
    if not rows:
        return []
    name_w = max(columns(r["name"]) for r in rows)
    works = [", ".join(filter(None, (r["role"], r["org"]))) for r in rows]
    work_w = max(columns(w) for w in works)
    last = [_touch_text(r["last"], today) for r in rows]
    last_w = max(columns(t) for t in last)
    out = []
    for r, work, last_text in zip(rows, works, last, strict=True):
        flag = style("stale", "warn") if r["stale"] else ""
        out.append(
            f"{padded(r['name'], name_w)}  {padded(work, work_w)}  "
            f"last: {padded(last_text, last_w)}  "
            f"{_next_text(r['next'], today)}  {flag}".rstrip()
        )
    return out


# --- status board -------------------------------------------------------------------------

_PACE_ROLE = {"ahead": "good", "on track": "good", "done": "good", "behind": "bad"}


def status_screen(s: dict[str, Any], style: Style = unstyled, room: int | None = None) -> str:
    """``journal status``: one screen; the titles in a column as wide as the widest, cut
    to what the other columns leave of ``room`` (:func:`fitted`)."""
    out = [style(f"Status {s['today']} ({s['week']})", "heading")]
    out += [*unlisted_lines(s["unlisted_folders"], style), *copy_lines(s["copies"], style), ""]
    out.append(style("Active goals", "heading"))
    # the percentage's column as wide as its widest (1150%: found in a tryout, out of line)
    share_width = max([4, *(len(percent(g["progress"])) for g in s["goals"])])
    indent = " " * (25 + share_width)  # where the title starts: under it, the milestone
    measures = [
        "" if g["target"] is None else f"{towards(g)}{counts_from(g)}{not_counted(g)}"
        for g in s["goals"]
    ]
    measure_width = max(map(columns, measures), default=0)
    title_room = None if room is None else room - len(indent) - 3 - measure_width
    shared = shared_titles(s["goals"])
    titles = [fitted(titled(g, shared), title_room) for g in s["goals"]]
    title_width = max(map(columns, titles), default=0)
    for g, title, measure in zip(s["goals"], titles, measures, strict=True):
        pace = style(f"{g['pace']:<8}", _PACE_ROLE.get(g["pace"], "muted"))
        line = (
            f"  {bar(g['progress'])} {percent(g['progress']):>{share_width}}  {pace}  "
            f"{padded(title, title_width)}  {measure}"
        )
        out.append(line.rstrip())
        past = (date.fromisoformat(s["today"]) - parse_date(g["due"])).days if g["due"] else 0
        if past > 0:
            out.append(style(f"{indent}past due: {g['due']}, {plural(past, 'day')} ago", "bad"))
        if g["next_milestone"]:
            m = g["next_milestone"]
            late = (
                (date.fromisoformat(s["today"]) - date.fromisoformat(m["due"])).days
                if m["due"]
                else 0
            )
            if late > 0:
                overdue = f"overdue {plural(late, 'day')}"
                out.append(f"{indent}next: {m['title']} (due {m['due']}, {style(overdue, 'bad')})")
            else:
                due = f" (due {m['due']})" if m["due"] else ""
                out.append(style(f"{indent}next: {m['title']}{due}", "muted"))
    if not s["goals"]:
        out.append("  no active goals")
    out += ["  " + line for line in unread_lines(s["unreadable_goals"], "goal", style)]
    out += ["", style("Follow-ups due", "heading")]
    line_room = None if room is None else room - 2
    shown = folded_followups(s["followups"], lambda f: followup_lines(f, style, line_room), style)
    out += ["  " + line for line in shown] or ["  none"]
    out += ["  " + line for line in unread_lines(s["unreadable_meetings"], "meeting", style)]
    out += ["", style("No recent check-in", "heading")]
    for q in s["quiet"]:
        since = f"last {q['last_checkin']}" if q["last_checkin"] else "never"
        met = q["met"]
        told = f"; met for it {met['date']} ({met['path']}): {answer(met)}" if met else ""
        out.append(f"  {q['title']} ({since}){told}")
    if not s["quiet"]:
        out.append("  none")
    return "\n".join(out) + "\n"


def answer(met: dict[str, Any]) -> str:
    """What a check-in on the meeting ``met`` held for a quiet goal says: what it moved,
    or, for a goal counting its meetings, its outcome (`journal log` takes no value)."""
    if met["needs_outcome"]:
        return "fill in its `outcome:`, `none` if nothing came of it"
    return "log what that moved"


def folded_followups(
    rows: list[dict[str, Any]], lines: Callable[[list[dict[str, Any]]], list[str]], style: Style
) -> list[str]:
    """The follow-ups as ``lines`` shows them, those overdue for long counted in one
    line, as the review does (:func:`~journal.core.networking.folded`)."""
    fold = folded([r["days_overdue"] for r in rows])
    older = [r["follow_up_by"] for r, f in zip(rows, fold, strict=True) if f]
    out = lines([r for r, f in zip(rows, fold, strict=True) if not f])
    if older:
        more = f"and {len(older)} more" if len(older) < len(rows) else str(len(older))
        weeks, oldest = OVERDUE_LISTED_DAYS // 7, min(older)
        told = f"{more} follow-ups overdue for over {weeks} weeks, the oldest due {oldest}"
        out.append(style(told, "bad") + ": journal followups lists them")
    return out


# --- obsidian setup -----------------------------------------------------------------------


def obsidian_report(result: dict[str, Any]) -> str:
    """What ``journal obsidian setup`` did (or, in a dry run, would do)."""
    from journal.usecases.obsidian_setup import NOT_OURS, fitted_lines  # what made the result

    would = "would be " if result["dry_run"] else ""
    types = result["types"]
    out = []
    if types["refused"]:
        out.append(f"{types['path']}: {types['refused']}")
    elif types["added"]:
        added = plural(len(types["added"]), "property type")
        out.append(f"{types['path']}: {'would add' if result['dry_run'] else 'added'} {added}")
        out.append("  " + ", ".join(types["added"]))
    elif not types["left_out"]:
        out.append(f"{types['path']}: every journal property already has a type")
    else:
        out.append(f"{types['path']}: no property type added")
    typed, left = fitted_lines(types)
    out += [f"  {line}" for line in (*typed, *left)]
    for item in types["kept"]:
        out.append(
            f"  kept your type of {item['key']}: {item['yours']} (journal reads it as "
            f"{item['journal']}; change it in Obsidian if you want journal's)"
        )
    for base in result["bases"]:
        action = base["action"]
        shown = f"{would}{action}" if action in ("created", "updated") else action
        out.append(f"{base['path']}: {shown}")
        if action == NOT_OURS:
            out[-1] += (
                ": it does not start with journal's `# Made by` line, and journal has no "
                "record of writing it"
            )
            name = base["path"].rsplit("/", 1)[-1].removesuffix(".base")
            out.append(
                f"  journal's {name} base is not written there: move yours aside (rename it) and "
                'run journal obsidian setup again, or set bases = "FOLDER" under [obsidian] '
                "in .journal/config.toml for journal's bases"
            )
    periodic = result["periodic"]
    for kind in ("daily", "weekly"):
        item = periodic[kind]
        where = (
            f"{item['folder'] or '(vault root)'}/{item['format']} (from {item['source']})"
            if item
            else "not set up in Obsidian"
        )
        if kind == "weekly" and item and not periodic["weekly_notes"]:
            where += "; reviews are not written there ([obsidian] weekly_notes = false)"
        out.append(f"{kind} notes: {where}")
    out.append(
        f"locale weeks (gggg, ww) start on {periodic['week_starts']} "
        f"(moment.js locale {periodic['locale']}); reviews and plans use ISO weeks, from monday"
    )
    out.extend(f"problem: {p}" for p in result["problems"])
    return "\n".join(out) + "\n"


def recount_taken_in(logged: str, added: float, days: list[date]) -> str:
    """What the ``=N`` recount ``logged`` (``2026-11-22 =19``) by ``set current=`` takes
    in: ``added``, what the check-ins in other notes on ``days`` add before it, and how
    to count N on top of them instead."""
    value = logged.split(" ", 1)[1]
    first, last = min(days), max(days)
    when = f"on {first}" if first == last else f"{first} to {last}"
    return (
        f"the {value} recount takes in the {signed(added)} of {plural(len(days), 'check-in')} "
        f"in other notes before today ({when}); to count "
        f"{value[1:]} on top of them instead, give that log line the first one's day "
        f"(- {first.isoformat()}: {value}), which counts them after it"
    )
