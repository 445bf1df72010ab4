"""The pure parts of goal history: semantic diffs, rename pairing, following, series."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from journal.core.body import log_cut, log_tail
from journal.core.checkins import CheckIn, LogLines
from journal.core.history import (
    Event,
    Followed,
    GoalChange,
    GoalState,
    LongerVersion,
    Revision,
    Version,
    _unmatched,
    arrival_days,
    checkin_event,
    diff_states,
    follow,
    goal_change,
    pair_renames,
    recorded_values,
    state_of,
    summed,
    tick_day,
)
from journal.core.notes import parse_note, parse_with_log
from journal.core.series import Point, committed_changes, progress_series
from tests.conftest import goal_text


def state(text: str, path: str = "goals/g.md") -> GoalState:
    found = state_of(parse_note(path, text.encode()))
    assert found is not None
    return found


def texts(old: GoalState | None, new: GoalState | None, **kw: object) -> list[str]:
    return [e.text for e in diff_states(old, new, **kw)]  # type: ignore[arg-type]


BEFORE_MILESTONES = (
    "\n  - title: Draft list\n    done: false\n  - title: Fifth talk\n    done: false"
)
BEFORE = goal_text(current=2, milestones=BEFORE_MILESTONES)


def test_every_kind_of_change_reads_as_meaning() -> None:
    after = (
        goal_text(
            status="done",
            current=3,
            target=8,
            due="2027-01-31",
            milestones=BEFORE_MILESTONES.replace("done: false", "done: 2026-11-21", 1),
        )
        + "- 2026-11-21: +1 Lunch with [[Elena Varga]]\n"
    )
    assert texts(state(BEFORE), state(after)) == [
        "status active -> done",
        "target 5 -> 8 (the goalposts moved)",
        "current 2 -> 3",
        "due 2026-12-31 -> 2027-01-31",
        "milestone reached: Draft list",
        "check-in 2026-11-21 +1 Lunch with [[Elena Varga]]",
    ]
    kinds = [e.kind for e in diff_states(state(BEFORE), state(after))]
    assert kinds[0] == "completed"


def test_dropped_created_deleted_and_first_seen() -> None:
    old, new = state(goal_text()), state(goal_text(status="dropped"))
    assert [(e.kind, e.old, e.new) for e in diff_states(old, new)] == [
        ("dropped", "active", "dropped")
    ]
    assert texts(None, old) == [
        "created (status active, current 2, target 5 conversations, due 2026-12-31)"
    ]
    assert texts(None, old, boundary=True) == [
        "first seen (status active, current 2, target 5 conversations, due 2026-12-31)"
    ]
    assert texts(old, None, old_path="goals/g.md") == ["deleted"]
    assert texts(None, None) == []
    # a goal counting its meetings has no `current` (reported: "current (none)")
    counted = goal_text(current=None, metric_source="meetings").replace("current: None\n", "")
    assert texts(None, state(counted)) == [
        "created (status active, target 5 conversations, due 2026-12-31)"
    ]
    one = goal_text(target=1, unit="referrals")  # reported: "target 1 referrals"
    assert texts(None, state(one)) == [
        "created (status active, current 2, target 1 referral, due 2026-12-31)"
    ]


def test_a_goal_readable_again_is_told_against_its_last_readable_state() -> None:
    """Reported: `a readable goal again` hid what changed meanwhile (a resume)."""
    paused, resumed = state(goal_text(status="paused")), state(goal_text(target=8))
    again = (
        "a readable goal again (status active, current 2, target 8 conversations, due 2026-12-31)"
    )
    mended = {"old_path": "goals/g.md", "new_path": "goals/g.md", "broken": True}
    assert texts(None, resumed, **mended) == [again]  # its last readable state unknown
    assert texts(None, resumed, last=paused, **mended) == [
        again,
        "status paused -> active",
        "target 5 -> 8 (the goalposts moved)",
    ]
    assert texts(None, paused, last=paused, **mended) == [
        again.replace("active, current 2, target 8", "paused, current 2, target 5")
    ]  # nothing else differs


def test_a_move_and_a_title_change_and_a_cleared_due() -> None:
    old = state(goal_text())
    renamed = goal_text(title="Meet six HR leaders", due="", id="connect-with-five-hr-leaders")
    new = state(renamed, "goals/six.md")
    assert texts(old, new, old_path="goals/g.md", new_path="goals/six.md") == [
        "moved goals/g.md -> goals/six.md",
        "title 'Connect with five HR leaders' -> 'Meet six HR leaders'",
        "due 2026-12-31 -> (none)",
    ]


def test_every_other_property_change_is_named_in_file_order() -> None:
    story = "Someone who has made the move can tell me which of my gaps matter most."
    old = state(goal_text(area="hr", outcome=story, tags="[a]", owner="me", version="1.10"))
    new = state(
        goal_text(
            why="'Key point: a mentor'",
            version="1.2",
            tags="[a, b]",
            outcome=story + " And which do not.",
            area="people",
            unit="talks",
            check_ignore="[T006]",
        )
    )
    events = diff_states(old, new)
    assert [e.text for e in events] == [
        "unit: conversations -> talks",
        "why: (none) -> Key point: a mentor",
        "version: 1.10 -> 1.2",
        "tags changed",
        "outcome changed",
        "area: hr -> people",
        "check_ignore added",
        "owner: me -> (none)",
    ]
    assert {e.kind for e in events} == {"property"}
    assert (events[5].old, events[5].new) == ({"area": "hr"}, {"area": "people"})
    assert (events[-1].old, events[-1].new) == ({"owner": "me"}, None)
    assert texts(new, new) == []
    assert GoalState.from_dict(new.to_dict()) == new


def test_an_empty_property_is_as_good_as_none() -> None:
    """Reported: deleting the empty `area:` and `effort:` lines of a goal and filling its
    empty `why:` showed "area: (none) -> (none)", "effort: (none) -> (none)" and "why
    changed"."""
    story = "Someone who has made the move can tell me which of my gaps matter most."
    old = state(goal_text(area="", effort="", owner="''", why="", tags="[]", links="{}"))
    new = state(goal_text(why=f"'{story}'", tags="", effort="0").replace("area: \n", ""))
    assert texts(old, new) == ["why added", "effort: (none) -> 0"]
    assert texts(new, old) == ["effort: 0 -> (none)", "why removed"]


def milestones(*items: str) -> str:
    """A ``milestones:`` value of ``title|due|done`` items (an empty part left out)."""
    out = ""
    for item in items:
        title, due, done = [*item.split("|"), "", ""][:3]
        out += f"\n  - title: {title}"
        out += f"\n    due: {due}" if due else ""
        out += f"\n    done: {done}" if done else ""
    return out


def test_the_day_a_milestone_was_ticked_done_follows_its_renames_back() -> None:
    """Newest first: the commit that made it done without a day (`milestone reached`),
    under its old title when renamed since; none when reopened since, added done, or
    made `done: true` from a day it was done."""
    versions = [
        milestones("Draft|2026-12-20", "Review"),
        milestones("Draft|2026-12-20|true", "Review|2027-01-10|2027-01-08"),  # 12-21
        milestones("Draft|2026-12-20|true", "Peer review|2027-01-10|true"),  # 01-12
        milestones("First draft|2026-12-20|true", "Peer review|2027-01-10|true", "Talk||true"),
    ]
    days = [date(2026, 12, 1), date(2026, 12, 21), date(2027, 1, 12), date(2027, 1, 15)]
    states = [state(goal_text(milestones=m)) for m in versions]
    changes = [
        (day, goal_change(Version("g.md", old), Version("g.md", new), boundary=False))
        for day, old, new in zip(days[1:], states[:-1], states[1:], strict=True)
    ][::-1]
    assert tick_day(changes, "First draft") == date(2026, 12, 21)  # renamed on 01-15
    assert tick_day(changes, "Peer review") is None  # its day of completion taken away
    assert tick_day(changes, "Talk") is None  # added done
    assert tick_day(changes[1:], "Draft") == date(2026, 12, 21)
    reopened = state(goal_text(milestones=milestones("First draft|2026-12-20")))
    again = goal_change(Version("g.md", states[-1]), Version("g.md", reopened), boundary=False)
    assert tick_day([(date(2027, 1, 20), again), *changes], "First draft") is None


def test_every_change_of_a_milestone_is_told() -> None:
    """Reported: a milestone's due day moved, and one removed, said "text edited; no
    property changed"; one renamed read as added.  A milestone is matched by its title,
    else, at the same place in the list with the same due day, it was renamed."""
    old = state(goal_text(milestones=milestones("Draft|2026-12-20", "Review|2027-01-10")))
    moved = state(goal_text(milestones=milestones("Draft|2026-12-27", "Review|2027-01-10")))
    renamed = state(goal_text(milestones=milestones("Draft|2026-12-27", "Peer review|2027-01-10")))
    removed = state(goal_text(milestones=milestones("Draft|2026-12-27")))
    assert texts(old, moved) == ["milestone due moved: Draft 2026-12-20 -> 2026-12-27"]
    assert texts(moved, renamed) == ["milestone renamed: Review -> Peer review"]
    assert texts(renamed, removed) == ["milestone removed: Peer review"]
    assert [(e.kind, e.old, e.new) for e in diff_states(old, moved)] == [
        ("milestone", {"title": "Draft", "due": "2026-12-20"},
         {"title": "Draft", "due": "2026-12-27"}),
    ]  # fmt: skip
    assert [(e.old, e.new) for e in diff_states(moved, renamed)] == [("Review", "Peer review")]
    assert [(e.old, e.new) for e in diff_states(renamed, removed)] == [("Peer review", None)]
    # renamed and moved at once, or renamed at another place: one removed, one added
    other = state(goal_text(milestones=milestones("Draft|2026-12-27", "Peer review|2027-01-17")))
    assert texts(moved, other) == ["milestone added: Peer review", "milestone removed: Review"]
    swapped = state(goal_text(milestones=milestones("Peer review|2027-01-10", "Draft|2026-12-27")))
    assert texts(moved, swapped) == ["milestone added: Peer review", "milestone removed: Review"]
    # a due day set and cleared, one reached, its day of completion moved, one reopened
    undated = state(goal_text(milestones=milestones("Draft", "Review|2027-01-10|true")))
    done = state(
        goal_text(
            milestones=milestones("Draft|2026-12-27|2026-12-05", "Review|2027-01-10|2026-12-04")
        )
    )
    assert texts(undated, done) == [
        "milestone due moved: Draft (none) -> 2026-12-27",
        "milestone reached: Draft",
        "milestone done date moved: Review (none) -> 2026-12-04",
    ]
    assert texts(done, undated) == [
        "milestone due moved: Draft 2026-12-27 -> (none)",
        "milestone reopened: Draft",
        "milestone done date moved: Review 2026-12-04 -> (none)",
    ]
    # renamed and reached in one commit; two of one title matched in order
    reached = state(
        goal_text(milestones=milestones("Draft|2026-12-27", "Peer review|2027-01-10|true"))
    )
    assert texts(moved, reached) == [
        "milestone renamed: Review -> Peer review",
        "milestone reached: Peer review",
    ]
    twice = state(goal_text(milestones=milestones("Call|2026-12-01", "Call|2026-12-08")))
    later = state(goal_text(milestones=milestones("Call|2026-12-01", "Call|2026-12-15")))
    assert texts(twice, later) == ["milestone due moved: Call 2026-12-08 -> 2026-12-15"]
    assert GoalState.from_dict(done.to_dict()) == done


def test_a_milestone_dropped_or_taken_up_again_is_told() -> None:
    """A milestone given `dropped:` read "milestone removed", as if it had been deleted."""
    open_ = state(goal_text(milestones=milestones("Draft|2026-12-20", "Review|2027-01-10")))
    dropped = state(
        goal_text(
            milestones="\n  - title: Draft\n    due: 2026-12-20\n    dropped: 2026-12-05"
            + milestones("Review|2027-01-10")
        )
    )
    assert texts(open_, dropped) == ["milestone dropped: Draft"]
    assert texts(dropped, open_) == ["milestone reopened: Draft"]
    assert [(e.kind, e.old, e.new) for e in diff_states(open_, dropped)] == [
        ("milestone", "Draft", "dropped")
    ]
    assert GoalState.from_dict(dropped.to_dict()) == dropped


def test_a_property_changed_with_no_event_of_its_own_is_named() -> None:
    """Reported: "text edited; no property changed" for commits whose front matter's
    values differed: a property with an event of its own whose value changed while what
    the goal reads of it did not is named (``property changed: KEY``)."""
    old = state(goal_text(due="2026-13-01", status="Active", milestones=milestones("Draft|x")))
    new = state(goal_text(due="2026-14-01", status="active", milestones=milestones("Draft|y")))
    events = diff_states(old, new)
    assert [e.text for e in events] == [
        "property changed: status",
        "property changed: due",
        "property changed: milestones",
    ]
    assert {e.kind for e in events} == {"edited"}
    assert (events[1].old, events[1].new) == ({"due": "2026-13-01"}, {"due": "2026-14-01"})
    noted = milestones("Draft|2026-12-20") + "\n    note: ask Dana"
    plain = state(goal_text(milestones=milestones("Draft|2026-12-20")))
    assert texts(plain, state(goal_text(milestones=noted))) == ["property changed: milestones"]
    # a title key removed where the file's name gives the same title
    titled = state(goal_text(title="g"))
    untitled = state(goal_text(title="g").replace("title: g\n", ""))
    assert texts(titled, untitled) == ["property changed: title"]
    # a value written otherwise (quoted, 3 as 3.0) and an empty key deleted change nothing
    same = goal_text(current="2.0", due="'2026-12-31'", start="")
    assert texts(state(goal_text(start="")), state(same.replace("start: \n", ""))) == []
    nan = state(goal_text(current=".nan"))  # NaN is unequal to itself
    assert texts(nan, state(goal_text(current=".nan", due="2027-01-31"))) == [
        "due 2026-12-31 -> 2027-01-31"
    ]
    # a change with an event of its own is told once
    assert texts(
        old, state(goal_text(due="2026-12-01", status="Active", milestones=milestones("Draft|x")))
    ) == ["due (none) -> 2026-12-01"]


def test_only_new_checkins_count_even_when_a_line_repeats() -> None:
    old = state(goal_text())
    twice = goal_text() + "- 2026-11-20: +1 Coffee with [[Dana Ortiz]]\n"
    assert texts(old, state(twice)) == ["check-in 2026-11-20 +1 Coffee with [[Dana Ortiz]]"]
    assert texts(state(twice), state(twice)) == []


def test_a_note_that_is_not_a_goal_has_no_state() -> None:
    assert state_of(parse_note("n.md", b"# just a note\n")) is None
    assert state_of(parse_note("g.md", b"---\ntype: goal\ntitle: [a\n---\n")) is None


def version(path: str, text: str) -> Version:
    return Version(path, state(text, path), text)


def test_renames_pair_by_id_first_even_when_heavily_edited() -> None:
    old = version("goals/a.md", goal_text(id="g1"))
    other = version("goals/b.md", goal_text(title="Other goal", id="g2"))
    new = version("goals/z.md", "---\ntype: goal\nid: g1\ntitle: Rewritten\ncurrent: 9\n---\n")
    pairs = pair_renames([old, other], [new])
    assert [(o and o.path, n and n.path) for o, n in pairs] == [
        ("goals/b.md", None),
        ("goals/a.md", "goals/z.md"),
    ]


def test_renames_without_ids_pair_by_similarity() -> None:
    body = "\n".join(f"line {i} of a long story about the goal" for i in range(20))
    old = version("goals/a.md", f"---\ntype: goal\ntitle: A\ncurrent: 1\n---\n{body}\n")
    new = version("goals/b.md", f"---\ntype: goal\ntitle: A\ncurrent: 2\n---\n{body}\n")
    unrelated = version("goals/c.md", "---\ntype: goal\ntitle: C\n---\nshort\n")
    pairs = pair_renames([old], [unrelated, new])
    assert [(o and o.path, n and n.path) for o, n in pairs] == [
        ("goals/a.md", "goals/b.md"),
        (None, "goals/c.md"),
    ]
    # Two different ids are two goals, however similar.
    a = version("goals/a.md", goal_text(id="x"))
    b = version("goals/b.md", goal_text(id="y"))
    assert len(pair_renames([a], [b])) == 2


def revision(n: int, day: str) -> Revision:
    when = datetime.fromisoformat(f"{day}T10:00:00").replace(tzinfo=UTC)
    return Revision(f"{n:040d}", (), "Ana", "ana@example.com", when, f"commit {n}")


def change(
    old: str | None, new: str | None, goal_id: str | None, current: float | None
) -> GoalChange:
    return GoalChange(old, new, goal_id if old else None, goal_id if new else None, "T", current)


def test_follow_tracks_a_goal_by_id_across_moves_and_by_path_without_one() -> None:
    history = [  # newest first
        (
            revision(4, "2026-11-04"),
            [change("b.md", "b.md", "g", 3), change("x.md", "x.md", None, 1)],
        ),
        (revision(3, "2026-11-03"), [change("a.md", "b.md", "g", 2)]),
        (revision(2, "2026-11-02"), [change("a.md", "a.md", "other", 7)]),
        (revision(1, "2026-11-01"), [change(None, "a.md", "g", 0)]),
    ]
    mine = follow(history, "g", "b.md")
    assert [r.id[-1] for r, _c in mine] == ["4", "3", "1"]
    assert recorded_values(mine) == (
        [(date(2026, 11, 1), 0), (date(2026, 11, 3), 2), (date(2026, 11, 4), 3)],
        None,  # no event opens the history here
    )
    by_path = follow(history, None, "x.md")
    assert [r.id[-1] for r, _c in by_path] == ["4"]


def test_goal_change_records_ids_title_and_value_after() -> None:
    old = version("goals/a.md", goal_text(id="g1", current=1))
    new = version("goals/b.md", goal_text(id="g1", current=2))
    made = goal_change(old, new, boundary=False)
    assert (made.old_path, made.new_path, made.id, made.current) == (
        "goals/a.md",
        "goals/b.md",
        "g1",
        2,
    )
    assert GoalChange.from_dict(made.to_dict()) == made


def checkin(day: str, op: str | None, amount: float = 0) -> CheckIn:
    return CheckIn(date.fromisoformat(day), op, amount, "", 1, "goals/g.md")


def test_series_from_hand_edited_current_alone() -> None:
    recorded = [(date(2026, 10, 1), 0.0), (date(2026, 10, 9), 2.0), (date(2026, 10, 9), 3.0),
                (date(2026, 10, 20), 3.0), (date(2026, 11, 2), 5.0)]  # fmt: skip
    assert progress_series(baseline=0, start=date(2026, 10, 1), recorded=recorded) == [
        Point(date(2026, 10, 1), 0.0, "start"),
        Point(date(2026, 10, 9), 3.0, "git"),
        Point(date(2026, 11, 2), 5.0, "git"),
    ]


def test_the_value_first_committed_is_where_the_goal_stood_not_a_change() -> None:
    """Dated back to the start, the value a goal was first committed with (on 12-06)
    is `first`, not a commit that changed it on the start day; a later commit is."""
    start, made = date(2026, 10, 1), date(2026, 12, 6)
    recorded = [(start, 10.0), (date(2026, 12, 9), 12.0)]
    points = progress_series(baseline=0, start=start, recorded=recorded, opened=made)
    assert points == [
        Point(start, 10.0, "first", made),
        Point(date(2026, 12, 9), 12.0, "git"),
    ]
    assert committed_changes(points, 0) == [date(2026, 12, 9)]
    # a later commit of the day it is dated on gives that day's value
    again = progress_series(
        baseline=0, start=start, recorded=[(start, 10.0), (start, 11.0)], opened=start
    )
    assert again == [Point(start, 11.0, "git")]


def test_a_commit_of_the_start_day_at_the_baseline_leaves_the_start() -> None:
    """A tryout: a goal begun at its baseline and committed on its start day began its
    series `start`, `git` (two commits that day) or `first`, as it happened."""
    start = date(2026, 12, 6)
    once = progress_series(baseline=0, start=start, recorded=[(start, 0.0)], opened=start)
    twice = progress_series(
        baseline=0, start=start, recorded=[(start, 0.0), (start, 0.0)], opened=start
    )
    down = progress_series(baseline=12, start=start, recorded=[(start, 12.0)], opened=start)
    assert once == twice == [Point(start, 0.0, "start")]
    assert down == [Point(start, 12.0, "start")]


def test_series_from_checkins_alone_replays_from_baseline() -> None:
    checkins = [checkin("2026-10-05", "+", 1), checkin("2026-10-05", None),
                checkin("2026-10-12", "+", 2), checkin("2026-10-20", "=", 10),
                checkin("2026-10-21", "-", 1)]  # fmt: skip
    assert progress_series(baseline=4, start=date(2026, 10, 1), checkins=checkins) == [
        Point(date(2026, 10, 1), 4.0, "start"),
        Point(date(2026, 10, 5), 5.0, "log"),
        Point(date(2026, 10, 12), 7.0, "log"),
        Point(date(2026, 10, 20), 10.0, "log"),
        Point(date(2026, 10, 21), 9.0, "log"),
    ]


def test_series_merges_without_counting_twice_and_the_file_wins_today() -> None:
    # Check-ins logged daily, committed on the 10th (current already counts them),
    # then one more check-in, then a hand edit today that is not committed.
    checkins = [checkin("2026-10-08", "+", 1), checkin("2026-10-10", "+", 1),
                checkin("2026-10-15", "+", 1)]  # fmt: skip
    recorded = [(date(2026, 10, 1), 0.0), (date(2026, 10, 10), 2.0)]
    assert progress_series(
        baseline=0,
        start=date(2026, 10, 1),
        recorded=recorded,
        checkins=checkins,
        current=(date(2026, 11, 22), 6.0),
    ) == [
        Point(date(2026, 10, 1), 0.0, "start"),
        Point(date(2026, 10, 8), 1.0, "log"),
        Point(date(2026, 10, 10), 2.0, "git"),
        Point(date(2026, 10, 15), 3.0, "log"),
        Point(date(2026, 11, 22), 6.0, "file"),
    ]
    # When the file agrees with the last value, today adds no point.
    same = progress_series(
        baseline=0, start=None, recorded=recorded, current=(date(2026, 11, 22), 2.0)
    )
    assert same[-1] == Point(date(2026, 10, 10), 2.0, "git")


def test_the_file_value_equal_to_todays_commit_keeps_the_git_source() -> None:
    today = date(2026, 11, 22)
    assert progress_series(
        baseline=0, start=today, recorded=[(today, 0.0), (today, 2.0)], current=(today, 2.0)
    ) == [Point(today, 2.0, "git")]


def test_a_weeks_changes_of_a_goal_are_summed() -> None:
    """Found in a tryout: a goal's line in "This week in git" listed every step,
    "current 62 -> 63; check-in ...; current 63 -> 65; check-in ...", up to 243
    characters, while the review's Check-ins section lists the check-ins."""

    def checkin(day: str) -> Event:
        return Event("checkin", None, {"date": day}, f"check-in {day} +1")

    week = [
        Event("current", 62, 63, "current 62 -> 63"),
        checkin("2026-11-23"),
        Event("target", 70, 80, "target 70 -> 80 (the goalposts moved)"),
        Event("current", 63, 65, "current 63 -> 65"),
        checkin("2026-11-25"),
        Event("due", "2026-12-31", "2027-01-31", "due 2026-12-31 -> 2027-01-31"),
        Event("due", "2027-01-31", "2026-12-31", "due 2027-01-31 -> 2026-12-31"),
        Event("current", 65, 67, "current 65 -> 67"),
        checkin("2026-11-27"),
    ]
    assert [e.text for e in summed(week)] == [
        "current 62 -> 67",
        "3 check-ins",
        "target 70 -> 80 (the goalposts moved)",
        "due 2026-12-31 -> 2027-01-31 -> 2026-12-31",
    ]
    one = [Event("current", 1, 2, "current 1 -> 2"), checkin("2026-11-23")]
    assert [e.text for e in summed(one)] == ["current 1 -> 2", "check-in 2026-11-23 +1"]
    twice = [checkin("2026-11-24"), checkin("2026-11-24")]  # logged twice that day
    assert [e.text for e in summed(twice)] == ["2 check-ins"]
    due = Event("edited", {"due": "2026-13-01"}, {"due": "2026-14-01"}, "property changed: due")
    again = Event("edited", {"due": "2026-14-01"}, {"due": "x"}, "property changed: due")
    assert [e.text for e in summed([due, again])] == ["property changed: due"]


def test_arrival_days_of_a_long_history_take_linear_time() -> None:
    """Each commit of HEAD's line was looked for in a list of those before it: a
    repository of 1,450 commits spent 4% of a review's work there, one of 50,000 would
    take minutes.  Now a dict: a fraction of a second (a bound far above it, as no timing
    is exact on a busy machine)."""
    import time

    start = datetime(2020, 1, 1, tzinfo=UTC)
    count = 50_000  # the quadratic walk took about 12 s at 30,000
    history = [
        (Revision(f"c{n}", (f"c{n - 1}",) if n else (), "A", "a@x", start, "s"), [])
        for n in reversed(range(count))
    ]
    started = time.process_time()
    arrival = arrival_days(history, date(2026, 12, 6), datetime(2026, 12, 6, tzinfo=UTC))
    assert time.process_time() - started < 5.0  # (linear: about 0.1 s)
    assert len(arrival) == count and arrival["c0"] == start.date()


def test_equal_texts_pair_first_and_past_the_rename_limit_alone() -> None:
    """Found in review: a merge that moved a folder of 500 notes compared every removed
    note with every added one (250,000 diffs).  Equal texts pair without a diff; past
    the limit, only they do, as git's rename limit."""
    from journal.core.history import RENAME_LIMIT, similar_pairs

    texts = [f"note {n}\n" + "the same words in every note\n" * 5 for n in range(3)]
    edited = [text + "one more line\n" for text in texts]
    assert similar_pairs(texts, list(reversed(edited))) == [(0, 2), (1, 1), (2, 0)]
    assert similar_pairs(texts, [texts[2], "other"]) == [(2, 0)]
    many = int(RENAME_LIMIT**0.5) + 1  # more pairs left than the limit
    left = [f"{n}\n" + "alike\n" * 20 for n in range(many)]
    right = [text + "edited\n" for text in left]
    assert similar_pairs([*left, "kept as is"], ["kept as is", *right]) == [(many, 0)]
    assert similar_pairs(left[:3], right[:3]) == [(0, 0), (1, 1), (2, 2)]


_PATHS = st.sampled_from([None, "a.md", "b.md", "c.md"])
_IDS = st.sampled_from([None, "g", "h"])
_CHANGES = st.builds(
    lambda old, new, old_id, new_id: GoalChange(
        old, new or (None if old else "a.md"), old_id, new_id, "T", None
    ),
    _PATHS,
    _PATHS,
    _IDS,
    _IDS,
)


@given(
    st.lists(st.lists(_CHANGES, min_size=1, max_size=3), max_size=12),
    _IDS,
    st.sampled_from(["a.md", "b.md", "c.md"]),
)
def test_followed_gives_what_follow_gives(
    commits: list[list[GoalChange]], goal_id: str | None, path: str
) -> None:
    """The walk that jumps by id and path (for many goals, goals without an id among
    them) takes the changes the walk over every change takes, in the same order."""
    history = [(revision(n, "2026-11-01"), changes) for n, changes in enumerate(commits)]
    assert Followed(history)(goal_id, path) == follow(history, goal_id, path)


def test_a_check_in_edited_in_place_is_changed_and_one_taken_out_removed() -> None:
    """Found in a tryout: a log line corrected in place (`+2 two chats` made `+1 one
    chat ...`) read as a second check-in beside the first, and a `git revert` of a
    `journal log` commit told only `current 68 -> 61`.  A line taken out and one put in
    are one line changed when they are of the same day, or differ only by their day."""
    base = goal_text()
    two = base + "- 2026-12-01: +2 two chats\n"
    one = base + "- 2026-12-01: +1 one chat (the other was cancelled)\n"
    assert texts(state(two), state(one)) == [
        "check-in changed: 2026-12-01 +2 two chats -> +1 one chat (the other was cancelled)"
    ]
    (event,) = diff_states(state(two), state(one))
    assert (event.kind, event.old, event.new) == (
        "checkin",
        {"date": "2026-12-01", "change": "+2", "note": "two chats"},
        {"date": "2026-12-01", "change": "+1", "note": "one chat (the other was cancelled)"},
    )
    assert texts(state(two), state(base)) == ["check-in removed: 2026-12-01 +2 two chats"]
    assert diff_states(state(two), state(base))[0].new is None
    moved = base + "- 2026-12-02: +2 two chats\n"
    assert texts(state(two), state(moved)) == [
        "check-in changed: 2026-12-01 +2 two chats -> 2026-12-02 +2 two chats"
    ]
    other = base + "- 2026-12-03: +1 lunch\n"  # another day, another line: no pair
    assert texts(state(two), state(other)) == [
        "check-in 2026-12-03 +1 lunch",
        "check-in removed: 2026-12-01 +2 two chats",
    ]
    both = "- 2026-12-01: +1 a\n- 2026-12-01: +1 b\n"
    fixed = "- 2026-12-01: +1 a (Ana)\n- 2026-12-01: +1 c\n- 2026-12-01: +1 b (Bo)\n"
    assert texts(state(base + both), state(base + fixed)) == [  # a day's, in log order
        "check-in changed: 2026-12-01 +1 a -> +1 a (Ana)",
        "check-in changed: 2026-12-01 +1 b -> +1 c",
        "check-in 2026-12-01 +1 b (Bo)",
    ]


def test_a_weeks_check_ins_are_summed_as_the_log_ends_the_week() -> None:
    """A check-in logged and corrected in one week is one check-in, as the review's
    Check-ins section lists it (the tryout's review said `2 check-ins` and listed one);
    one logged and taken out again is none; a correction or removal of an older one is
    told as such."""

    def line(day: str, change: str, note: str = "") -> dict[str, str]:
        return {"date": day, "change": change, "note": note}

    event = checkin_event
    two, one = line("2026-12-01", "+2", "two chats"), line("2026-12-01", "+1", "one chat")
    lunch, older = line("2026-12-02", "+1", "lunch"), line("2026-11-20", "+1", "old")
    current = Event("current", 0, 1, "current 0 -> 1")
    assert [e.text for e in summed([event(None, two), current, event(two, one)])] == [
        "check-in 2026-12-01 +1 one chat",
        "current 0 -> 1",
    ]
    assert [e.text for e in summed([event(None, two), event(two, None), current])] == [
        "current 0 -> 1"
    ]
    gone = line("2026-11-19", "+1", "gone")
    week = [event(older, line("2026-11-20", "+2", "old")), event(None, lunch), event(gone, None)]
    assert [e.text for e in summed(week)] == [
        "check-in 2026-12-02 +1 lunch",
        "check-in changed: 2026-11-20 +1 old -> +2 old",
        "check-in removed: 2026-11-19 +1 gone",
    ]
    many = [event(None, two), event(None, lunch), event(older, one), event(gone, lunch)]
    many += [event(line("2026-11-18", "+1"), None), event(line("2026-11-17", "+1"), None)]
    assert [e.text for e in summed(many)] == [
        "2 check-ins",
        "2 check-ins changed",
        "2 check-ins removed",
    ]


#: Lines of a goal's body: the markdown around a Log that parse_body reads with care.
_BODY_LINES = st.sampled_from(
    [
        "",
        " \t",
        "\u00a0",
        "text [[Dana]] #tag",
        "  continued",
        "    indented code",
        "## Log",
        "## Log ##",
        "# Check-ins #",
        "### Log",
        "## Next",
        "Log",
        "---",
        "===",
        "***",
        "> ## Log",
        "> - 2026-11-01: +1 quoted",
        "> [!note] callout",
        "```",
        "~~~",
        "  ```",
        "<!-- a comment",
        "-->",
        "<div>",
        "%%",
        "%% hidden %%",
        "$$",
        "<<<<<<< HEAD",
        "=======",
        ">>>>>>> theirs",
        "[ref]: /url",
        "[ref]:",
        "1. 2026-11-02: +1 ordered",
        "- [ ] 2026-11-03: +1 task",
        "- 2026-11-04: +1 met [[Dana]]",
        "* 2026-11-05: =4 star",
        "  - 2026-11-06: +1 nested",
        "-\t2026-11-07: +1 tab",
        "- 2026-11-08: +5% percent",
        "- 2026-02-30: +1 no such day",
        "- 2026-11-09: +1 a <b>tag</b>",
        "- 2026-11-10: +1 `code %%`",
        "- ## Log",
        "- - -",
        "- ---",
        "-",
        "- 2026-11-11: +1 lone\rreturn",
        "- 2026-11-12: +1 crlf\r",
    ]
)
#: Lines that end a log a day at a time (and hostile ones among them).
_LOG_LINES = st.sampled_from(
    [
        "- 2026-11-20: +1 coffee",
        "- 2026-11-21: +2 lunch [[Dana]]",
        "- 2026-11-22: =7 set",
        "* 2026-11-23: +1 star",
        "+ 2026-11-24: -1 plus",
        "- 2026-11-25: +10% up",
        "- 2026-11-25: a note, no value",
        "- 2026-11-20: +1 coffee",
        "- no date",
        "",
        "  - 2026-11-26: +1 nested",
        "  more text",
        "===",
        "- 2026-11-27: +1 [x](y.md) <i>",
        "-\t2026-11-28: +1 tab",
        "- 2026-11-29: +1 crlf\r",
        "```",
        "## Log",
        "- 2026-11-30: +1 $$ math",
        "- 2026-12-01: +1 %% hidden",
        "%%- 2026-12-02: +1 after a comment",
        "- 2026-12-03: +1 lone\rreturn",
        ">>>>>>> theirs",
    ]
)


def _front(current: int, unit: str) -> str:
    return f"---\ntype: goal\nid: g\ntitle: G\nunit: '{unit}'\ntarget: 9\ncurrent: {current}\n---\n"


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(_BODY_LINES, max_size=10),
    st.lists(_LOG_LINES, max_size=6),
    st.sampled_from(["\n", "\r\n"]),
    st.sampled_from(["things", "%"]),
    st.sampled_from(["things", "%"]),
    st.data(),
)
def test_a_version_cut_from_a_longer_one_reads_as_parsed_whole(
    head: list[str], log: list[str], newline: str, unit: str, older_unit: str, data: st.DataObject
) -> None:
    """History reads a goal's newest version first; an older one whose body is the newer
    one's without the log lines that end it is read from it (its front matter parsed,
    its check-ins the newer one's before the cut): whatever the body, what is so read
    (the state, and what the next older version is cut from) is what parsing it whole
    gives."""
    lines = ["## Log", *head, *log] if data.draw(st.booleans()) else [*head, "## Log", *log]
    body = newline.join(lines) + data.draw(st.sampled_from(["", newline]))
    known: LongerVersion | None = read_whole(_front(9, unit) + body)
    ends = [0, *(at + 1 for at, char in enumerate(body) if char == "\n"), len(body)]
    places = st.sampled_from(ends) | st.integers(0, len(body))  # mostly at a line's end
    cuts = sorted(data.draw(st.lists(places, max_size=3)), reverse=True)
    for current, at in enumerate(cuts):
        older = (_front(current, older_unit) + body[:at]).encode()
        whole = read_whole(older.decode())
        cut = known.cut("goals/g.md", older) if known is not None else None
        if cut is not None:
            assert cut == whole
        elif known is not None and whole is not None and known.percent == whole.percent:
            assert log_cut(known.body, known.tail, whole.body) is None  # none refused sooner
        known = whole if cut is None else cut


@settings(max_examples=500, deadline=None)
@given(st.lists(_BODY_LINES | _LOG_LINES, max_size=14), st.sampled_from(["\n", "\r\n"]))
def test_a_body_is_cut_only_past_the_log_items_that_end_it(lines: list[str], newline: str) -> None:
    """Where a goal's body may be cut (:func:`log_tail`): at the first line from which
    each line that is not blank starts a Log item; nowhere in a body with ``$$`` math
    or a carriage return alone."""
    text = _front(1, "things") + newline.join(["## Log", *lines]) + newline
    _note, body, items = parse_with_log("goals/g.md", text.encode(), None, LogLines(None))
    tail = log_tail(body, items)
    if "$$" in body or "\r" in body.replace("\r\n", ""):
        assert tail is None
        return
    rows = body.split("\n")
    first = next(
        cut
        for cut in range(len(rows) + 1)
        if all(at in items or not rows[at].strip(" \t\r") for at in range(cut, len(rows)))
    )
    assert tail == sum(len(row) + 1 for row in rows[:first])


def read_whole(text: str) -> LongerVersion | None:
    """What history keeps of a goal parsed whole (:meth:`LongerVersion.read`)."""
    note, body, items = parse_with_log("goals/g.md", text.encode(), None, LogLines(None))
    found = state_of(note)
    return None if found is None else LongerVersion.read(note, found, body, items)


def test_a_version_cut_from_a_longer_one_is_read_without_its_body() -> None:
    """The versions of a log kept daily are cut from the newer one (the property above
    holds them to a whole parse); a body that is not the newer one's cut short, or
    holds what parse_body reads across the whole body, is parsed whole."""
    days = [f"- 2026-11-{day:02}: +1 day {day}\n" for day in range(1, 21)]
    text = _front(20, "things") + "# G\n\nWhy.\n\n## Log\n\n" + "".join(days)
    known = read_whole(text)
    assert known is not None
    for day in range(19, 0, -1):
        older = (_front(day, "things") + "# G\n\nWhy.\n\n## Log\n\n" + "".join(days[:day])).encode()
        cut = known.cut("goals/g.md", older)
        assert cut is not None and cut.state.checkins == known.state.checkins[:day]
        assert cut.state.current == day
        known = cut
    assert known.cut("goals/g.md", older) == known  # the same text: read the same
    percent = older.replace(b"unit: 'things'", b"unit: '%'")  # which reads +40% otherwise
    assert known.cut("goals/g.md", percent) is None
    longer = (_front(1, "things") + "# G\n\nWhy.\n\n## Log\n\n" + "".join(days[:2])).encode()
    for other in (older.replace(b"Why.", b"Why not."), longer):  # not this one cut short
        assert log_cut(known.body, known.tail, other.decode().split("---\n", 2)[2]) is None
        assert known.cut("goals/g.md", other) is None
    math = _front(1, "things") + "## Log\n$$\n- 2026-11-04: +1 met\n"  # then in math
    known = read_whole(math + "- 2026-11-30: +1 closed $$\n")
    assert known is not None and known.state.checkins == (("2026-11-30", "+1", "closed $$"),)
    assert known.cut("goals/g.md", math.encode()) is None


_LOGGED = st.sampled_from(
    [("2026-11-01", "+1", ""), ("2026-11-01", "+2", "a"), ("2026-11-02", "+1", ""), ("", "", "b")]
)


@given(st.lists(_LOGGED, max_size=8), st.lists(_LOGGED, max_size=4), st.lists(_LOGGED, max_size=8))
def test_the_check_ins_a_grown_log_adds_are_those_counted(
    kept: list[tuple[str, str, str]],
    added: list[tuple[str, str, str]],
    other: list[tuple[str, str, str]],
) -> None:
    """A log that grew (or was cut short) is told by what was added at its end, without
    counting both logs' lines, as counting them tells it: the lines one log lacks of
    the other, in order (repeated lines among them)."""
    old, new = tuple(kept), tuple(kept + added)
    for lines, others in ((old, new), (new, old), (old, tuple(other))):
        extra = Counter(lines) - Counter(others)
        counted = []
        for line in lines:
            if extra[line] > 0:
                extra[line] -= 1
                counted.append(line)
        assert _unmatched(lines, others) == counted


class _Compared(str):
    """A string that counts how often it is compared (:data:`_COMPARED`)."""

    __hash__ = str.__hash__

    def __eq__(self, other: object) -> bool:
        _COMPARED.append(1)
        return str.__eq__(self, other)


_COMPARED: list[int] = []


def test_a_log_that_grew_by_many_lines_is_diffed_in_linear_time() -> None:
    """An import adds thousands of lines to a log of thousands in one commit: each line
    added is not compared with each line of the old log (the square of their number)."""
    old = tuple((_Compared(f"2020-01-{n % 28 + 1:02}"), "+1", f"step {n}") for n in range(500))
    added = tuple((_Compared(f"2021-01-{n % 28 + 1:02}"), "+1", f"step {n}") for n in range(500))
    _COMPARED.clear()
    assert _unmatched(old + added, old) == list(added)
    assert len(_COMPARED) < 5_000  # about 250,000 when each is compared with each
