"""Plain views for ``--plain`` / ``JOURNAL_PLAIN``: the views of :mod:`journal.present`
under the same names, in words that read well aloud (no bars, glyphs or meaning by
column), never cut, wrapped to the terminal by :func:`wrapped` (docs/commands.md,
"Plain output: screen readers and narrow terminals")."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, datetime
from functools import partial
from typing import Any

from journal.core.dates import now_on, parse_date
from journal.core.fields import CLOSED
from journal.core.formatting import amount, columns, number, percent, plural, wide_parts
from journal.core.regex import lazy
from journal.present import (
    RELATED,
    SHOWN_CHECKINS,
    TEXT_EDITED,
    Style,
    answer,
    check_summary,
    copy_lines,
    counts_from,
    folded_followups,
    implied,
    linked,
    log_rows,
    meeting_lines,
    meeting_named,
    metric_named,
    misdated,
    not_counted,
    reached_down,
    shared_titles,
    step_note,
    titled,
    unlisted_lines,
    unread_lines,
    unstyled,
    value_sources,
    with_missing,
)
from journal.present import file_value as _file_value
from journal.present import note_table as note_table  # no glyph in it: the same view

#: How a change of a check-in reads: ``+2`` is "up 2".
_CHANGE = {"+": "up ", "-": "down ", "=": "set to "}
#: Where a point of a goal's progress comes from (:class:`~journal.core.series.Point`).
_SOURCE = {
    "start": "the baseline at the start",
    "git": "committed",
    "first": "as first committed",
    "log": "from the log",
    "file": "current in the file",
    "note": "from a check-in in another note",
    "since": "on the --since day",
}
#: A word of a line and the spaces before it (see :func:`wrapped`): a backticked span
#: (`` `journal log "X" +1` ``) is one word, so a command to paste stays whole.
_WORD = lazy(r"( *)((?:`[^`]*`|[^ `]|`(?![^`]*`))+)")
#: An open task's state (``- [/]``) in words.
_TASK = {" ": "open", "/": "in progress"}
#: What the Tasks plugin's signs, and Dataview's fields of the same meaning, say of a
#: task (None: nothing worth reading of an open one, its created or done day).
_TASK_SAYS = {
    **dict.fromkeys("📅📆🗓", "due"),
    "⏳": "scheduled",
    "🛫": "starts",
    "🔁": "repeats",
    **dict.fromkeys("✅\u2795", None),  # done, created (U+2795, a heavy plus)
    "🔺": "highest priority",
    "⏫": "high priority",
    "🔼": "medium priority",
    "🔽": "low priority",
    "⏬": "lowest priority",
    "due": "due",
    "scheduled": "scheduled",
    "start": "starts",
    "repeat": "repeats",
    "created": None,
    "completion": None,
}
#: The Tasks plugin's signs followed by a date.
_DATED_SIGNS = "📅📆🗓⏳🛫✅\u2795"
#: A Tasks sign with its date (``📅 2026-12-10``), its recurrence (``🔁 every week``, up
#: to the next sign) or alone (``⏫``), or a Dataview field (``[due:: 2026-11-26]``).
_TASK_PART = lazy(
    rf"\s*(?:(?P<sign>[{_DATED_SIGNS}])\ufe0f?(?:\s*(?P<day>\d{{4}}-\d\d-\d\d))?"
    rf"|(?P<repeat>🔁)\ufe0f?\s*(?P<rule>[^{_DATED_SIGNS}🔺⏫🔼🔽⏬\[(]*[^{_DATED_SIGNS}🔺⏫🔼🔽⏬\[(\s])?"
    r"|(?P<priority>[🔺⏫🔼🔽⏬])\ufe0f?"
    r"|[\[(](?P<key>\w+)::\s*(?P<value>[^\])]*?)\s*[\])])"
)


def wrapped(text: str, width: int) -> str:
    """Each line of ``text`` wrapped at spaces, and between two wide letters, to
    ``width`` terminal columns (a wide letter takes two:
    :func:`~journal.core.formatting.columns`), a continuation two
    spaces further in than its line; a word longer than a line runs past it, whole, on
    a line of its own (a path, or a backticked command, stays one to read and to copy).
    Lines end at ``\\n`` only: a U+2028 or U+0085 in a title is a character of its line
    (shown escaped), where ``str.splitlines()`` would break it."""
    out = []
    for line in text.removesuffix("\n").split("\n") if text else ():
        body = line.lstrip(" ")
        indent = line[: len(line) - len(body)]
        room = max(width, len(indent) + 12)
        lines, used = [indent], len(indent)
        for gap, word in _words(body):
            wide = columns(word)
            if lines[-1] != indent and used + len(gap) + wide > room:
                lines.append(f"{indent}  {word}")
                used = len(indent) + 2 + wide
            else:
                lines[-1] += gap + word
                used += len(gap) + wide
        out.extend(lines if body else [""])
    return "".join(f"{line}\n" for line in out)


def _words(line: str) -> Iterator[tuple[str, str]]:
    """The words of ``line`` (:data:`_WORD`), each with the spaces before it; a word of
    Chinese or Japanese as its parts a line may break between
    (:func:`~journal.core.formatting.wide_parts`), with no space between them."""
    for gap, word in _WORD.findall(line):
        parts = wide_parts(word)
        yield gap, parts[0]
        yield from (("", part) for part in parts[1:])


def task_words(text: str) -> str:
    """A task's text without the Tasks plugin's signs and Dataview's ``[key:: value]``
    fields, what they say after it in words: ``Intro her to Priya ⏫ 📅 2026-12-10`` is
    ``Intro her to Priya, high priority, due 2026-12-10``."""
    said: list[str] = []

    def say(m: Any) -> str:
        sign = m["sign"] or m["repeat"] or m["priority"] or m["key"]
        words = _TASK_SAYS.get(sign, sign)
        value = m["day"] or m["rule"] or m["value"]
        if words and (value or m["priority"]):
            said.append(f"{words} {value}" if value else words)
        return ""

    return ", ".join(filter(None, [_TASK_PART.sub(say, text).strip(), *said]))


def due_words(due: str | None, today: date, status: str = "active") -> str:
    if not due:
        return "no due date"
    if status in CLOSED:
        return f"due {due}"
    days = (parse_date(due) - today).days
    left = f"{plural(-days, 'day')} overdue" if days < 0 else f"{plural(days, 'day')} left"
    return f"due {due}, {left if days else 'today'}"


def _share(r: dict[str, Any]) -> str:
    """How far a goal is, in words: its share of the way to its target, else what it
    reached (``no target, current 2 things``), ``none logged`` without a value."""
    if r.get("progress") is not None:  # `log GOAL`'s record has no progress
        return percent(r["progress"])
    if r["current"] is None:  # unknown, or none yet
        unknown = "current" in r.get("unread", ())  # (`log GOAL`'s record has none)
        return "value unknown (its current can't be read)" if unknown else "none logged"
    if r["target"] is None:
        return f"no target, current {amount(r['current'], r['unit'])}"
    return "share unknown"  # a target equal to the baseline


def _measure(r: dict[str, Any]) -> str | None:
    """``2 of 5 things``; None without a target or a value."""
    if r["target"] is None or r["current"] is None:
        return None
    if r["down"]:  # "38 of 30 days" read as a count
        words = "at or under" if reached_down(r) else "down to"
        return f"{amount(r['current'], r['unit'])}, {words} {amount(r['target'], r['unit'])}"
    return f"{number(r['current'])} of {amount(r['target'], r['unit'])}"


def _from(r: dict[str, Any]) -> str | None:
    """:func:`_measure` with where the progress counts from when not 0, ``70 of 100 %
    (from 40)`` (:func:`counts_from`), as `list` and `status` give it beside the share."""
    measure = _measure(r)
    return measure and measure + counts_from(r)


def _change(change: str | None) -> str:
    """``+2`` as "up 2", ``=3`` "set to 3"; "" for none."""
    return _CHANGE.get(change[0], "") + change[1:] if change else ""


def file_value(value: Any) -> str:
    """:func:`~journal.present.file_value`, ``nothing`` for a value not set (not ``(none)``)."""
    return "nothing" if value is None else _file_value(value)


def change_lines(path: str, changes: list[dict[str, Any]]) -> str:
    """``path: current from 0 to 1``, a line per change ``set`` or ``done`` made."""
    return "".join(
        f"{path}: {c['key']} from {file_value(c['old'])} to {file_value(c['new'])}\n"
        for c in changes
    )


def checkin_logged(r: dict[str, Any]) -> str:
    """``path: 2026-11-22 up 1 coffee; current from 0 to 1``: the check-in ``log`` wrote."""
    head = f"{r['path']}: " + " ".join(filter(None, [r["date"], _change(r["change"]), r["note"]]))
    notice = f" ({r['notice']})" if r["notice"] else ""
    return f"{head}; current from {number(r['old'])} to {number(r['new'])}{notice}\n"


def search_results(hits: list[dict[str, Any]]) -> str:
    """``journal search``: a hit a block, its title and file, then its snippet without
    the ``**`` that mark a match (the snippet has no other: docs/commands.md)."""
    return "".join(
        f"{h['title']}, file {h['path']}"
        + (f":\n  {h['snippet'].replace('**', '')}\n" if h["snippet"] else "\n")
        for h in hits
    )


def goal_table(records: list[dict[str, Any]], today: date) -> str:
    """One line per goal: title, status, progress, measure, due date."""
    shared = shared_titles(records)
    return "".join(
        ", ".join(filter(None, (f"{titled(r, shared)}: {r['status']}", _share(r), _from(r))))
        + f", {due_words(r['due'], today, r['status'])}\n"
        for r in records
    )


def goal_card(r: dict[str, Any], today: date) -> str:
    """One goal, a labelled line per field."""
    metric = "" if metric_named(r) else ", no metric"
    out = [f"{r['title']}: {r['status']}, {r['kind']} goal{metric}"]
    out.append(f"id: {r['id'] or 'none'}; file: {r['path']}")
    if r["outcome"]:
        out.append(f"outcome: {' '.join(r['outcome'].split())}")
    if r["metric"] or r["target"] is not None:
        baseline = "unreadable" if "baseline" in r["unread"] else number(r["base"])
        reached = f" to {measure}" if (measure := _measure(r)) else ""
        named = metric_named(r) or "not named"
        out.append(f"measure: {named}, from {baseline}{reached}, {_share(r)}")
    out.extend(filter(None, [_sources(r), *meeting_lines(r)]))
    if r["effort"] is not None:
        out.append(f"effort: {plural(r['effort'], 'hour')} a week")
    if r["confidence"]:
        out.append(f"confidence: {number(r['confidence'])} of 10")
    if r["supports"]:
        out.append(f"supports: {linked(r, 'supports')}")
    if r["why"]:
        out.append(f"why: {' '.join(r['why'].split())}")
    if r["feeds"]:
        out.append(f"feeds: {linked(r, 'feeds')}")
    out.append(due_words(r["due"], today, r["status"]))
    out.extend(f"{key}: {r[key]}" for key in ("start", "completed") if r[key])
    for m in r["milestones"]:
        state = "dropped" if m["dropped"] is not False else "done" if m["done"] else "open"
        out.append(f"{state}: {task_words(m['title'])}" + _due_of(m))
    for key, via, _heading, said in RELATED:
        out.extend(f"{said}: {_related(g)}" for g in r.get(key, []) if via in g["via"])
    checkins = r.get("checkins", [])
    if checkins:
        shown = checkins[-SHOWN_CHECKINS:]
        more = f", the last {len(shown)} of {len(checkins)}" if len(shown) < len(checkins) else ""
        out.append(f"check-ins{more}:")
        out.extend(f"  {_checkin(c, r['path'])}" for c in shown)
    out.extend(f"other: {k}: {v}" for k, v in (r.get("extra") or {}).items())
    out.extend(_problem(d["line"], d["message"]) for d in r.get("diagnostics", []))
    if "findings" in r and r["findings"] is None:
        out.append("problem: not checked, the [check] settings can't be read")
    out.extend(_problem(f["line"], f"{f['rule']} {f['message']}") for f in r.get("findings") or [])
    return "\n".join(out) + "\n"


def _related(g: dict[str, Any]) -> str:
    """``Learn SQL, 20%, 1 of 5 conversations, last check-in 2026-11-20``."""
    status = g["status"] if g["status"] != "active" else ""
    last = f"last check-in {g['last_checkin']}" if g["last_checkin"] else "no check-in yet"
    return ", ".join(filter(None, [g["title"], status, _share(g), _measure(g), last]))


def _due_of(m: dict[str, Any]) -> str:
    return f" (due {m['due']})" if m["due"] else ""


def _problem(line: int | None, message: str) -> str:
    return f"problem, line {line}: {message}" if line else f"problem: {message}"


def _checkin(c: dict[str, Any], path: str, total: bool = False) -> str:
    """``2026-10-08: up 1, total 1: Coffee...`` (one in another note says which)."""
    value = f"total {number(c['value'])}" if total and c["value"] is not None else ""
    said = ", ".join(filter(None, [_change(c["change"]), value]))
    where = f" (in {c['path']})" if c["path"] != path else ""
    return ": ".join(filter(None, [c["date"], said, f"{task_words(c['note'])}{where}".strip()]))


def _step(step: dict[str, Any]) -> str:
    """``2026-10-21: not logged, up 1, total 3: current as committed``."""
    said = f"{step['date']}: not logged, {_change(step['change'])}, total {number(step['value'])}"
    return said + step_note(step).removeprefix("not logged")


def _sources(r: dict[str, Any]) -> str | None:
    """:func:`~journal.present.value_sources` in words: ``current 3 in the file, and 1
    more from other notes: 4`` (not ``+1 ... = 4``)."""
    in_file, value = r["file_current"], r["current"]
    if r["metric_source"] != "manual" or None in (in_file, value) or in_file == value:
        return value_sources(r)
    more = "more" if value > in_file else "less"
    return (
        f"current {number(in_file)} in the file, and {number(abs(value - in_file))} {more} "
        f"from other notes: {number(value)}"
    )


def history_view(h: dict[str, Any], today: date) -> str:
    """``journal log GOAL``: the check-ins as sentences, no chart."""
    if h["current"] is None and h["target"] is None and not h["checkins"]:
        return f"{h['title']}: no check-ins yet\n"
    out = [f"{h['title']}: {_measure(h) or _share(h)}"]
    out.extend(filter(None, [_sources(h), *meeting_lines(h)]))
    out.append("check-ins:" if h["checkins"] else "no check-ins yet")
    out.extend(
        f"  {_step(c) if step else _checkin(c, h['path'], total=True)}" for c, step in log_rows(h)
    )
    if not h["agrees"]:
        out.append(
            f"problem: current is {number(h['file_current'])} in the file but baseline plus "
            f"its log gives {number(h['replayed'])}; current counts"
        )
    return "\n".join(out) + "\n"


def _events(events: list[dict[str, Any]]) -> list[str]:
    """Each event's text in words: ``current 3 to 4``, ``check-in 2026-12-06 up 2 ...``."""
    return [
        _checkin_event(e["old"], e["new"])
        if e["kind"] == "checkin"
        else e["text"].replace(" -> ", " to ")
        for e in events
    ]


def _checkin_event(old: dict[str, str] | None, new: dict[str, str] | None) -> str:
    """``check-in 2026-12-06 up 2 Met``, ``check-in changed: ... up 2 Met to up 1 Met``,
    ``check-in removed: ...``."""

    def said(c: dict[str, str], day: bool = True) -> str:
        return " ".join(filter(None, [c["date"] if day else "", _change(c["change"]), c["note"]]))

    if new is None:
        assert old is not None  # an event has a side
        return f"check-in removed: {said(old)}"
    if old is None:
        return f"check-in {said(new)}"
    return f"check-in changed: {said(old)} to {said(new, new['date'] != old['date'])}"


def goal_timeline(r: dict[str, Any], today: date, since: date | None = None) -> str:
    """``journal history GOAL``: each commit, then the progress, in words."""
    goal = r["goal"]
    out = [f"{goal['title']}, file {goal['path']}"]
    if r["truncated"]:
        out.append("history truncated: this is a shallow clone")
    if not r["entries"] and since is not None:
        out.append(f"no changes since {since}")
    now = now_on(today)
    for entry in r["entries"]:
        out.append("not committed yet:" if entry["uncommitted"] else _commit(entry, now, today))
        texts = _events(entry["events"]) or [entry["layout"] or TEXT_EDITED]
        out.extend(f"  {text}" for text in texts)
    if r["series"]:
        out.append("progress:")
        out.extend(
            f"  {p['date']}: {number(p['value'])}, {_SOURCE.get(p['source'], p['source'])}"
            + (f", on {p['committed']}" if p["source"] == "first" else "")
            for p in r["series"]
        )
    return "\n".join(out) + "\n"


def _commit(entry: dict[str, Any], now: datetime, today: date) -> str:
    remark = misdated(entry, now, today)
    late = f", a date {remark}" if remark else ""
    by = f"on {entry['date']}{late} by {entry['author']}"
    return f"commit {entry['commit'][:7]} {by}: {entry['message']}"


def vault_timeline(r: dict[str, Any], today: date) -> str:
    """``journal history``: each commit, then each goal's events in it."""
    out: list[str] = []
    last, now = None, now_on(today)
    for entry in r["entries"]:
        if entry["commit"] != last:
            out.append(_commit(entry, now, today))
            last = entry["commit"]
        events = "; ".join(_events(entry["events"]))
        out.append(f"  {entry['goal']['title']}: {events}")
    if r["more"]:
        out.append(f"and {plural(r['more'], 'older goal change')}; --limit 0 shows all")
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
    """One finding a line, with its file and line, then its fix; then the summary
    (without ``summary``, none)."""
    out = []
    for f in findings:
        out.append(
            f"{folder}{f['path']}, line {f['line']}: {f['rule']} {f['severity']}: {f['message']}"
        )
        out.append(f"  fix: {f['suggestion']}")
    if summary:
        out.append(check_summary(findings, goals, rules, named))
    return "".join(f"{line}\n" for line in out)


def _followup(r: dict[str, Any], shared: set[str]) -> list[str]:
    if r["state"] == "overdue":
        state = f"overdue {plural(r['days_overdue'], 'day')}"
    else:
        state = {"undated": "no date"}.get(r["state"], r["state"])
    day = r["follow_up_by"] or r["follow_up_text"]
    when = f"due {day}" if day else ""
    said = filter(None, [when] if state == "due" else [state, when])
    line = f"{', '.join(said)}: {', '.join(r['with']) or 'nobody named'}: {meeting_named(r)}"
    if r["goal"]:
        line += f", for goal {titled(r['goal'], shared)}"
    if r["implied"]:
        line += f" ({r['implied']})"
    if isinstance(r["done"], str):
        late = f", {plural(r['days_late'], 'day')} late" if r["days_late"] else ""
        line += f" (done {r['done']}{late})"
    tasks = zip(r["task_states"], r["tasks"], strict=True)
    return [line, *(f"  {_TASK.get(s, f'open, marked {s}')}: {task_words(t)}" for s, t in tasks)]


def followup_lines(rows: list[dict[str, Any]], goals: Sequence[dict[str, Any]] = ()) -> list[str]:
    """The follow-ups, a goal's file named after its title when another goal they or
    ``goals`` name has that title."""
    shared = shared_titles(goals, rows)
    return [line for r in rows for line in _followup(r, shared)]


def followup_table(
    rows: list[dict[str, Any]],
    folders: list[dict[str, Any]],
    unreadable: list[dict[str, Any]],
    style: Style = unstyled,
    room: int | None = None,
) -> str:
    """``journal followups``, a follow-up a line and its open tasks under it (``style``
    and ``room`` as :func:`journal.present.followup_table` takes them: plain output is
    neither coloured nor cut)."""
    missing = unread_lines(unreadable, "meeting")
    return with_missing(followup_lines(rows), folders, missing, unstyled)


def _touch(touch: dict[str, Any] | None, today: date) -> str:
    if touch is None:
        return "none"
    days = (parse_date(touch["date"]) - today).days
    when = "today" if days == 0 else f"in {plural(days, 'day')}" if days > 0 else None
    when = when or f"{plural(-days, 'day')} ago"
    return f"{touch['what']} {touch['date']}, {when}{implied(touch)}"


def _next(touch: dict[str, Any] | None, today: date) -> str:
    if touch is not None and touch["date"] is None:
        return f"follow-up owed, no date (follow_up_by: {touch['follow_up_text']})"
    if touch is not None and (late := (today - parse_date(touch["date"])).days) > 0:
        return f"follow-up owed, due {touch['date']}, {plural(late, 'day')} overdue{implied(touch)}"
    return f"next: {_touch(touch, today)}"


def people_table(
    rows: list[dict[str, Any]],
    today: date,
    folders: list[dict[str, Any]],
    unreadable: dict[str, list[dict[str, Any]]],
    style: Style = unstyled,
) -> str:
    """``journal people``, a contact a line (not coloured: ``style`` is not used)."""
    lines = [
        ", ".join(filter(None, (r["name"], r["role"], r["org"])))
        + f": last: {_touch(r['last'], today)}; {_next(r['next'], today)}"
        + ("; stale" if r["stale"] else "")
        for r in rows
    ]
    missing = [line for kind, notes in unreadable.items() for line in unread_lines(notes, kind)]
    return with_missing(lines, folders, missing, unstyled)


def status_screen(s: dict[str, Any], style: Style = unstyled, room: int | None = None) -> str:
    """``journal status``, a goal a line: progress, measure, pace, due date (neither
    coloured nor cut: ``style`` and ``room`` are not used)."""
    today = date.fromisoformat(s["today"])
    out = [f"Status {s['today']}, week {s['week']}"]
    out += [*unlisted_lines(s["unlisted_folders"]), *copy_lines(s["copies"])]
    out.append("Active goals:")
    shared = shared_titles(s["goals"], s["followups"])
    for g in s["goals"]:
        pace = "pace unknown" if g["pace"] == "unknown" else g["pace"]
        measure = _from(g)
        said = [_share(g), measure and measure + not_counted(g), pace, due_words(g["due"], today)]
        out.append(f"  {titled(g, shared)}: {', '.join(filter(None, said))}")
        if m := g["next_milestone"]:
            late = (today - date.fromisoformat(m["due"])).days if m["due"] else 0
            over = f", {plural(late, 'day')} overdue" if late > 0 else ""
            due = f" (due {m['due']}{over})" if m["due"] else ""
            out.append(f"    next milestone: {task_words(m['title'])}{due}")
    if not s["goals"]:
        out.append("  no active goals")
    out += ["  " + line for line in unread_lines(s["unreadable_goals"], "goal")]
    out.append("Follow-ups due:")
    lines = partial(followup_lines, goals=s["goals"])
    shown = folded_followups(s["followups"], lines, unstyled)
    out += ["  " + line for line in shown] or ["  none"]
    out += ["  " + line for line in unread_lines(s["unreadable_meetings"], "meeting")]
    out.append("No recent check-in:")
    for q in s["quiet"]:
        since = f"last check-in {q['last_checkin']}" if q["last_checkin"] else "never checked in"
        met = q["met"]
        told = f"; met for it {met['date']} ({met['path']}): {answer(met)}" if met else ""
        out.append(f"  {q['title']}: {since}{told}")
    if not s["quiet"]:
        out.append("  none")
    return "\n".join(out) + "\n"
