"""The networking model: typed contacts and meetings, follow-ups, touch points, and
goals that count their meetings."""

from __future__ import annotations

from datetime import date

import pytest

from journal.core.catalog import Catalog
from journal.core.checkins import replay
from journal.core.links import Link
from journal.core.networking import (
    Contact,
    Meeting,
    contact_from_note,
    counted_results,
    follow_up_state,
    implied_reason,
    imply_follow_up,
    meeting_from_note,
    meeting_title,
    person_status,
    result_not_named,
    without_outcome,
)
from journal.core.notes import Note, parse_note

TODAY = date(2026, 11, 22)


def note(path: str, text: str) -> Note:
    return parse_note(path, text.encode())


def meeting(path: str = "meetings/m.md", **props: str) -> Note:
    lines = "".join(f"{k}: {v}\n" for k, v in {"type": "meeting", **props}.items())
    return note(path, f"---\n{lines}---\n")


def test_a_contact_and_a_meeting_are_typed() -> None:
    contact, problems = contact_from_note(
        note(
            "people/Dana Ortiz.md",
            "---\ntype: contact\ntitle: Dana Ortiz\norg: Brightline\nrole: VP People\n"
            'met_at: "[[2026-10-08 Coffee]]"\naliases: [Dana]\ncreated: 2026-10-06\n---\n',
        )
    )
    assert problems == []
    assert (contact.title, contact.org, contact.met_at, contact.aliases, contact.created) == (
        "Dana Ortiz",
        "Brightline",
        "[[2026-10-08 Coffee]]",
        ["Dana"],
        date(2026, 10, 6),
    )
    m, problems = meeting_from_note(
        note(
            "meetings/2026-11-18 Informational interview with Sam.md",
            '---\ntype: meeting\nkind: informational\nwith:\n  - "[[Sam]]"\n  - "[[Dana]]"\n'
            'goal: "[[Two interviews]]"\nfollow_up_by: 2026-11-25\nfollow_up_done: false\n---\n'
            "## Follow-up\n\n- [ ] Thank-you note\n- [x] Connect on LinkedIn\n",
        )
    )
    assert problems == []
    assert m.title == "Informational interview with Sam"  # the date is its own field
    assert m.day == date(2026, 11, 18)  # from the file name
    assert [link.target for link in m.people] == ["Sam", "Dana"]
    assert m.goal is not None and m.goal.target == "Two interviews"
    assert (m.follow_up_by, m.follow_up_done, m.open_tasks) == (
        date(2026, 11, 25),
        False,
        ["Thank-you note"],
    )


def test_bad_values_are_reported_with_their_line_and_the_rest_is_used() -> None:
    bad = meeting(kind="lunch", date="2026-02-30", follow_up_done="soon", follow_up_by="2026-11-25")
    assert [(d.line, d.message) for d in bad.diagnostics] == [
        (3, "kind should be one of coffee, informational, event, mentor, not 'lunch'"),
        (4, "date: '2026-02-30' is not a real date (day is out of range for month)"),
        (5, "follow_up_done should be true, false or the date it was done"),
    ]
    m, _ = meeting_from_note(bad)
    assert (m.kind, m.day, m.follow_up_by) == (None, None, date(2026, 11, 25))
    contact = note("people/x.md", "---\ntype: contact\ncreated: yesterday\n---\n")
    assert [d.message for d in contact.diagnostics] == [
        "created: 'yesterday' is not a date (expected YYYY-MM-DD)"
    ]
    goal = note(
        "g.md", "---\ntype: goal\nmetric_source: meetings\nmetric_kind: [coffee, call]\n---\n"
    )
    assert [d.message for d in goal.diagnostics] == [
        "metric_kind should hold coffee, informational, event, mentor, not 'call'"
    ]


def test_true_or_false_in_quotes_is_told_as_text_not_the_value() -> None:
    """Reported (tryout): `follow_up_done: "false"   # todo` was told `should be true,
    false or the date it was done`, which it seemed to be: it is the text "false"."""
    bad = meeting(follow_up_done='"false"   # todo')
    assert [(d.line, d.message) for d in bad.diagnostics] == [
        (
            3,
            'follow_up_done is the text "false" (in quotes), not false: write '
            "follow_up_done: false, without quotes",
        )
    ]
    milestones = "milestones:\n  - title: A\n    done: 'TRUE'\n  - title: B\n    dropped: \"no\"\n"
    goal = note("goals/g.md", f"---\ntype: goal\n{milestones}---\n")
    assert [(d.line, d.message) for d in goal.diagnostics] == [
        (
            5,
            'milestones item 1: done is the text "TRUE" (in quotes), not true: write done: '
            "true, without quotes",
        ),
        (7, "milestones item 2: dropped should be true, false or the date it was dropped"),
    ]


def test_one_bad_entry_of_with_drops_no_other_person() -> None:
    """Reported: `- "[[Jose Nunez (Globex)]] (maybe)"` under `with:` dropped every
    person of the meeting; only that entry is told, at its own line."""
    m, problems = meeting_from_note(
        note(
            "meetings/2026-12-04 Trio.md",
            '---\ntype: meeting\nwith:\n  - "[[Ann Lee (Northwind)|Ann]]"\n'
            '  - "[[Zoë Müller#Notes]]"\n  - "[[people/acme/José Núñez.md]]"\n'
            '  - "[[Jose Nunez (Globex)]] (maybe)"\n---\n',
        )
    )
    assert [link.target for link in m.people] == [
        "Ann Lee (Northwind)",
        "Zoë Müller",
        "people/acme/José Núñez.md",
    ]
    assert [(p.line, p.message) for p in problems] == [
        (
            7,
            "with: '[[Jose Nunez (Globex)]] (maybe)' is not one well-formed link; write "
            '"[[Note]]" or "[[Note|alias]]", several separated by commas; the valid ones are '
            "read",
        )
    ]


@pytest.mark.parametrize(
    ("by", "done", "state"),
    [
        ("2026-11-21", "false", "overdue"),
        ("2026-11-22", "false", "due"),
        ("2026-11-28", "false", "due"),
        ("2026-11-29", "false", "due"),  # today + 7: a meeting held today owes it then
        ("2026-11-30", "false", "later"),
        ("2026-11-01", "2026-11-02", "done"),
        ("2026-11-01", "true", "done"),
        (None, "false", None),
    ],
)
def test_follow_up_states(by: str | None, done: str, state: str | None) -> None:
    props = {"follow_up_done": done} | ({"follow_up_by": by} if by else {})
    m, _ = meeting_from_note(meeting(**props))
    assert follow_up_state(m, TODAY) == state


@pytest.mark.parametrize(
    ("props", "task", "by"),
    [
        ({"date": "2026-11-10"}, "- [ ] Ping Jose", date(2026, 11, 13)),
        ({"date": "2026-11-10"}, "- [/] Ping Jose", date(2026, 11, 13)),  # in progress: open
        ({"date": "2026-11-10", "follow_up_done": "false"}, "- [ ] Ping Jose", date(2026, 11, 13)),
        ({"date": "2026-11-10"}, "- [-] Ping Jose", None),  # cancelled: nothing owed
        # done: the day it was owed by, of its tasks open or ticked (not cancelled)
        (
            {"date": "2026-11-10", "follow_up_done": "2026-11-12"},
            "- [ ] Ping Jose",
            date(2026, 11, 13),
        ),
        ({"date": "2026-11-10", "follow_up_done": "true"}, "- [x] Ping Jose", date(2026, 11, 13)),
        ({"date": "2026-11-10", "follow_up_done": "2026-11-12"}, "- [-] Ping Jose", None),
        ({"date": "2026-11-10", "follow_up_done": "false"}, "- [x] Ping Jose", None),  # owes none
        ({"date": "2026-11-10", "follow_up_by": ""}, "- [ ] Ping Jose", None),  # left empty
        ({"kind": "coffee"}, "- [ ] Ping Jose", None),  # no day to count from
    ],
)
def test_a_follow_up_is_implied_only_without_follow_up_by_and_with_an_open_task(
    props: dict[str, str], task: str, by: date | None
) -> None:
    text = "".join(f"{k}: {v}\n" for k, v in props.items())
    m, _ = meeting_from_note(note("meetings/m.md", f"---\ntype: meeting\n{text}---\n{task}\n"))
    imply_follow_up(m, 3)
    assert (m.follow_up_by, m.follow_up_implied) == (by, by is not None)
    assert implied_reason(m) == ("no follow_up_by: 3 days after the meeting" if by else None)


@pytest.mark.parametrize(
    ("done", "tasks", "by"),
    [
        ("false", "- [x] A 📅 2026-11-11\n- [ ] B 📅 2026-11-20\n", date(2026, 11, 20)),
        ("2026-11-22", "- [x] A 📅 2026-11-11\n- [ ] B 📅 2026-11-20\n", date(2026, 11, 20)),
        ("2026-11-22", "- [x] A 📅 2026-11-18\n- [x] B 📅 2026-11-16\n", date(2026, 11, 16)),
        ("2026-11-22", "- [-] A 📅 2026-11-11\n- [x] B 📅 2026-11-16\n", date(2026, 11, 16)),
        ("2026-11-22", "- [x] A\n- [x] B 📅 2026-11-16\n", date(2026, 11, 16)),
        # ticked, one due before the meeting was done to prepare it
        ("2026-11-22", "- [x] Prepare 📅 2026-11-09\n- [x] B 📅 2026-11-16\n", date(2026, 11, 16)),
        ("2026-11-22", "- [x] Prepare 📅 2026-11-09\n- [x] B\n", None),
        # an open task with no due date leaves the ticked one's (found in review)
        ("2026-11-22", "- [x] A 📅 2026-11-16\n- [ ] B\n", date(2026, 11, 16)),
        ("false", "- [x] A 📅 2026-11-16\n- [ ] B\n", None),  # owed: by the open one
    ],
)
def test_a_done_follow_up_keeps_the_due_date_of_the_tasks_it_was_owed_by(
    done: str, tasks: str, by: date | None
) -> None:
    """Its open tasks' due date, as when it was owed; with all ticked, theirs (else a
    week after the meeting)."""
    text = f"---\ntype: meeting\ndate: 2026-11-10\nfollow_up_done: {done}\n---\n{tasks}"
    m, _ = meeting_from_note(note("meetings/m.md", text))
    imply_follow_up(m, 7)
    why = "its task's due date" if by else "a week after the meeting"
    assert (m.follow_up_by, implied_reason(m)) == (
        by or date(2026, 11, 17),
        f"no follow_up_by: {why}",
    )


def test_touch_points_and_stale_contacts() -> None:
    dana = Contact("people/dana.md", "Dana", created=date(2026, 1, 1))
    alone = [Link("Dana")]
    past = Meeting(
        "a.md", "A", day=date(2026, 8, 20), people=alone, follow_up_done=date(2026, 8, 24)
    )
    owed = Meeting("b.md", "B", day=date(2026, 11, 5), follow_up_by=date(2026, 11, 12))
    planned = Meeting("c.md", "C", day=date(2026, 12, 2))
    status = person_status(dana, [past], TODAY, stale_days=60)
    assert (status.last and status.last.what, status.last and status.last.day) == (
        "follow-up",
        date(2026, 8, 24),
    )
    assert (status.next, status.days_since, status.stale, status.meetings) == (None, 90, True, 1)
    status = person_status(dana, [past, owed, planned], TODAY, stale_days=60)
    assert status.last is not None and status.last.path == "b.md"
    assert status.next is not None and (status.next.day, status.next.what) == (
        date(2026, 11, 12),
        "follow-up",
    )
    assert (status.stale, status.meetings) == (False, 2)
    # a group meeting's follow-up done may have gone to another of its people: no touch
    group = Meeting(
        "d.md",
        "D",
        day=date(2026, 9, 1),
        people=[*alone, Link("Sam")],
        follow_up_done=date(2026, 9, 8),
    )
    sent = person_status(dana, [past, group], TODAY, 60)
    assert sent.last is not None and (sent.last.day, sent.last.what) == (
        date(2026, 9, 1),
        "meeting",
    )
    never = person_status(Contact("p.md", "P", created=date(2026, 11, 1)), [], TODAY, 60)
    assert (never.last, never.days_since, never.stale) == (None, 21, False)
    assert person_status(Contact("q.md", "Q"), [], TODAY, 60).days_since is None


def test_meeting_titles() -> None:
    assert meeting_title("coffee", ["Dana Ortiz"]) == "Coffee with Dana Ortiz"
    assert meeting_title("informational", ["Sam"]) == "Informational interview with Sam"
    assert meeting_title(None, ["A", "B", "C"]) == "Meeting with A, B and C"
    assert meeting_title("mentor", ["A", "B"]) == "Mentor session with A and B"


GOAL = (
    "---\ntype: goal\ntitle: Two informational interviews\naliases: [Interviews]\n"
    "metric_source: meetings\nmetric_kind: informational\nbaseline: 1\ntarget: 3\n"
    "current: 99\nstart: 2026-10-01\ndue: 2026-12-31\n---\n"
    "## Log\n\n- 2026-10-20: +5 ignored value\n- 2026-10-21: wrote my questions\n"
)


def counted_catalog(today: date | None = TODAY) -> Catalog:
    def m(name: str, kind: str, day: str, goal: str = "Interviews") -> Note:
        return meeting(f"meetings/{name}.md", kind=kind, date=day, goal=f'"[[{goal}]]"')

    return Catalog(
        [
            note("goals/Two informational interviews.md", GOAL),
            m("in window", "informational", "2026-11-18"),
            m(
                "second, by file name",
                "informational",
                "2026-10-01",
                "Two informational interviews",
            ),
            m("a coffee", "coffee", "2026-11-01"),
            m("before start", "informational", "2026-09-30"),
            m("after due", "informational", "2027-01-01"),
            m("planned", "informational", "2026-12-02"),
            m("other goal", "informational", "2026-11-02", "Something else"),
            note(
                "daily/2026-11-03.md",
                "progress:: [[Two informational interviews]] +1 ignored too\n",
            ),
            note(  # counted once: by its goal link, not again by its progress field
                "meetings/2026-11-19 with a field.md",
                '---\ntype: meeting\nkind: informational\ngoal: "[[Interviews]]"\n---\n'
                "progress:: [[Two informational interviews]] +1 not counted twice\n",
            ),
        ],
        today=today,
    )


def test_a_goal_counts_its_meetings_of_a_kind_in_its_window_up_to_today() -> None:
    goal = counted_catalog().goals[0]
    assert goal.current == 4  # baseline 1 + three meetings; the file's current is not read
    assert [(c.day, c.op, c.path) for c in goal.checkins] == [
        (date(2026, 10, 1), "+", "meetings/second, by file name.md"),
        (date(2026, 10, 21), None, "goals/Two informational interviews.md"),
        (date(2026, 11, 18), "+", "meetings/in window.md"),
        (date(2026, 11, 19), "+", "meetings/2026-11-19 with a field.md"),
    ]
    assert replay(1, goal.checkins) == goal.current
    assert counted_catalog(date(2026, 12, 5)).goals[0].current == 5  # the planned one held
    assert counted_catalog(None).goals[0].current == 5  # no cut-off without a today


def test_an_outcome_goal_counts_only_the_meetings_that_say_what_they_led_to() -> None:
    """Reported: a goal measuring "informational interviews that led to a referral" counted
    every interview held, one with an empty `outcome` too, and reached its target; as an
    activity ("informational interviews held") it counts every meeting held, as before."""

    def current(metric: str, kind: str = "", outcome: str = "") -> float | None:
        goal = (
            f"---\ntype: goal\ntitle: Interviews\n{kind}metric: {metric}\n"
            "metric_source: meetings\ntarget: 2\nstart: 2026-11-01\ndue: 2026-12-31\n---\n"
        )
        held = {"referred": "Sam offered to refer me", "empty": outcome}
        meetings = [
            meeting(f"meetings/{name}.md", date="2026-11-10", goal="'[[Interviews]]'", outcome=text)
            for name, text in held.items()
        ]
        return Catalog([note("goals/Interviews.md", goal), *meetings], today=TODAY).goals[0].current

    result = "informational interviews that led to a referral"
    assert current(result) == 1
    assert current(result, outcome="Lee will refer me to her team") == 2  # filled in: it counts
    assert current(result, outcome="Lee asked for my CV") == 1  # names no referral
    assert current("informational interviews with an insight", "kind: outcome\n", "a CV tip") == 2
    assert current(result, outcome="'  '") == 1  # blank is empty
    assert current("informational interviews held") == 2  # activity: every meeting held
    assert current("informational interviews") == 2  # the words decide nothing: as before
    assert current("informational interviews held", kind="kind: outcome\n") == 1
    assert current(result, kind="kind: activity\n") == 2  # a given kind decides


def result_goal(metric: str, unit: str = "") -> str:
    return (
        f"---\ntype: goal\ntitle: Referrals\nmetric: {metric}\nunit: {unit}\n"
        "metric_source: meetings\ntarget: 3\nstart: 2026-11-01\n---\n"
    )


@pytest.mark.parametrize(
    ("metric", "unit", "outcome", "counted"),
    [
        ("referrals from informational interviews", "referrals", "She will refer me", True),
        ("referrals from informational interviews", "", "Ann referred me to Lee", True),
        ("referrals from informational interviews", "", "A REFERRAL to Stark", True),
        ("referrals from informational interviews", "", "Good chat about sourcing tools", False),
        ("referrals from informational interviews", "", "Learned how Stark runs TA", False),
        ("informational interviews that led to a referral", "", "Lee asked for my CV", False),
        ("introductions or offers from coffee chats", "intros", "Dana will introduce me", True),
        ("introductions or offers from coffee chats", "intros", "An offer from Northwind", True),
        ("introductions or offers from coffee chats", "intros", "Tips on my CV", False),
        ("job interviews landed", "interviews", "A first-round interview at Stark", True),
        ("job interviews landed", "interviews", "She liked my portfolio", False),
        # An outcome naming the result only to deny it does not count it (words, not
        # meaning: a negation a few words before the result word).
        (
            "referrals from informational interviews",
            "",
            "Asked for a referral; she said she can't refer external candidates",
            False,
        ),
        ("referrals from informational interviews", "", "He won't refer me until I apply", False),
        ("referrals from informational interviews", "", "She declined to refer me", False),
        ("referrals from informational interviews", "", "Not a referral yet", False),
        ("referrals from informational interviews", "", "She will refer me, not before May", True),
        # The unit names the result when the metric does not...
        ("results of coffee chats", "referrals", "Sam referred me", True),
        ("results of coffee chats", "referrals", "Nice chat", False),
        # ...unless the metric holds its word as the effort: any outcome counts.
        ("informational interviews with an insight", "interviews", "A CV tip", True),
        ("informational interviews that changed my plan", "", "A CV tip", True),
    ],
)
def test_an_outcome_goal_naming_a_result_counts_the_meetings_whose_outcome_names_it(
    metric: str, unit: str, outcome: str, counted: bool
) -> None:
    """Reported: a goal counting referrals counted "Good chat about sourcing tools" and
    reached its target with none.  A goal whose metric (else unit) names a result a
    meeting leads to counts a meeting only when its outcome names it, by a word that
    starts as its stem ("refer" in "She will refer me", "referred", "a referral");
    one that names none is answered, a check-in with no value, and listed."""
    goal = result_goal(metric, unit).replace("title:", "kind: outcome\ntitle:")
    held = meeting("meetings/Ann.md", date="2026-11-18", goal="'[[Referrals]]'", outcome=outcome)
    catalog = Catalog([note("goals/Referrals.md", goal), held], today=TODAY)
    [referrals] = catalog.goals
    assert referrals.current == (1 if counted else 0)
    assert [(c.op, c.path) for c in referrals.checkins] == [
        ("+" if counted else None, "meetings/Ann.md")
    ]
    unnamed = result_not_named(referrals, catalog.meetings, TODAY)
    assert unnamed == ([] if counted else catalog.meetings)


def test_the_result_a_goal_names_is_read_from_its_metric_else_its_unit() -> None:
    def named(metric: str, unit: str = "", kind: str = "outcome") -> list[str]:
        goal = result_goal(metric, unit).replace("title:", f"kind: {kind}\ntitle:")
        return counted_results(Catalog([note("goals/Referrals.md", goal)]).goals[0])

    assert named("referrals from informational interviews", "referrals") == ["referral"]
    assert named("Intros or OFFERS", "things") == ["introduction", "offer"]
    assert named("intros", "intros") == ["introduction"]
    assert named("results of coffee chats", "referrals") == ["referral"]
    assert named("informational interviews with an insight", "interviews") == []
    assert named("coffee chats", "") == []
    assert named("referrals", "referrals", kind="activity") == []  # counts meetings held


@pytest.mark.parametrize(
    "answer",
    [
        "none",
        "None",
        "NO",
        "nothing",
        "n/a",
        "N/A",
        "'-'",
        "false",  # YAML's false, read as the text written
        "False",
        "None.",
        "Nothing yet - no openings at her company, no referral",
        "No openings, so no referral",
        "'nothing: she is not hiring'",
    ],
)
def test_an_outcome_goal_does_not_count_a_meeting_that_came_to_nothing(answer: str) -> None:
    """Reported: "Nothing yet - no referral" counted as a referral, and an empty outcome
    was never answered.  `none` (and an outcome that starts with the word no, none or
    nothing) answers it: not counted, but a check-in of its day, with no value."""
    goal = (
        "---\ntype: goal\ntitle: Referrals\nkind: {kind}\nmetric: referrals\n"
        "metric_source: meetings\ntarget: 3\nstart: 2026-11-01\ndue: 2027-01-31\n---\n"
    )
    held = meeting("meetings/Ann.md", date="2026-11-18", goal="'[[Referrals]]'", outcome=answer)
    notes = [held, meeting("meetings/Sam.md", date="2026-11-10", goal="'[[Referrals]]'")]
    outcome = Catalog(
        [note("goals/Referrals.md", goal.format(kind="outcome")), *notes], today=TODAY
    )
    [referrals] = outcome.goals
    assert referrals.current == 0
    assert [(c.day, c.op, c.path) for c in referrals.checkins] == [
        (date(2026, 11, 18), None, "meetings/Ann.md")
    ]
    assert without_outcome(referrals, outcome.meetings, TODAY) == [outcome.meetings[1]]
    activity = Catalog(
        [note("goals/Referrals.md", goal.format(kind="activity")), *notes], today=TODAY
    )
    assert activity.goals[0].current == 2  # meetings held, whatever came of them


@pytest.mark.parametrize(
    "answer",
    [
        "Nobody was hiring, but Ann referred me to Lee",
        "Now Ann will refer me",
        "No-nonsense advice, and a referral to Lee",
        "Ann referred me; nothing else",
        "n/a for now, but a referral to Lee",
        "'-1 role, +1 referral'",
    ],
)
def test_an_outcome_that_does_not_start_with_no_none_or_nothing_counts(answer: str) -> None:
    goal = (
        "---\ntype: goal\ntitle: Referrals\nkind: outcome\nmetric: referrals\n"
        "metric_source: meetings\ntarget: 3\nstart: 2026-11-01\n---\n"
    )
    held = meeting("meetings/Ann.md", date="2026-11-18", goal="'[[Referrals]]'", outcome=answer)
    assert Catalog([note("goals/Referrals.md", goal), held], today=TODAY).goals[0].current == 1


def test_link_to_uses_the_path_when_another_note_has_the_name() -> None:
    catalog = Catalog(
        [note("Dana.md", "root\n"), note("people/Dana.md", "---\ntype: contact\n---\n")]
    )
    assert catalog.link_to("people/Dana.md") == "[[people/Dana]]"
    assert catalog.link_to("Dana.md") == "[[Dana]]"
    assert catalog.link_to("people/New person.md") == "[[New person]]"


def test_a_task_in_progress_is_still_owed_and_a_cancelled_one_is_not() -> None:
    """Reported: `- [/]` (in progress, in the Tasks plugin and many themes) counted as
    done, and so dropped out of what a follow-up owes.  Closed: `x`, `X` and `-`
    (cancelled); any other state is open."""
    text = (
        "---\ntype: meeting\ndate: 2026-11-17\nfollow_up_by: 2026-11-24\n---\n"
        "- [ ] a\n- [/] b\n- [-] c\n- [x] d\n- [X] e\n- [>] f\n- [?] g\n"
    )
    meeting, _problems = meeting_from_note(parse_note("meetings/m.md", text.encode()))
    assert meeting.open_tasks == ["a", "b", "f", "g"]


def test_the_follow_up_of_a_meeting_still_to_come_is_later_not_due() -> None:
    """Reported: a meeting of tomorrow, its follow-up due within the week, was listed
    "due" by followups, status and the review, while `journal done` refused to close
    it (a follow-up can't be done before the meeting)."""
    ahead, _ = meeting_from_note(meeting(date="2026-11-23", follow_up_by="2026-11-23"))
    held, _ = meeting_from_note(meeting(date="2026-11-22", follow_up_by="2026-11-22"))
    assert (follow_up_state(ahead, TODAY), follow_up_state(held, TODAY)) == ("later", "due")
