"""A goal's value counted without its file's own series where check-ins in other notes
only add whole numbers (``series._summed``): the same value, offsets and series as
measured against that series."""

from __future__ import annotations

from datetime import date

from hypothesis import example, given
from hypothesis import strategies as st

from journal.core.catalog import Catalog
from journal.core.checkins import CheckIn, exact_sum
from journal.core.goal import Goal
from journal.core.notes import parse_note
from journal.core.series import (
    _elsewhere,
    _offset_steps,
    _summed,
    counted_value,
    file_series,
    pairs,
    value_on,
    value_series,
)

_NOV = st.dates(date(2026, 10, 28), date(2026, 12, 3))
_BIG = 10**15  # the largest value a check-in may have
_AMOUNTS = ["1", "2", "0.5", "0.2", "0.7", "0", "1000000000000000", "999999999999999"]
_CHANGE = st.tuples(st.sampled_from(["+", "-", "="]), st.sampled_from(_AMOUNTS))
_NUMBER = st.sampled_from(["0", "3", "2.5", "0.2", "-4", "1000000000000000", "-999999999999999"])


def _worked_out(goal: Goal, today: date | None) -> tuple[float | None, list[tuple[date, float]]]:
    """The value and offsets of a goal with a ``current`` the long way: each check-in in
    another note measured against the file's own series, in decimal."""
    assert goal.file_current is not None
    elsewhere, recounted = _elsewhere(goal)
    own = pairs(file_series(goal, today))
    steps = _offset_steps(elsewhere, recounted, own, goal.base) if elsewhere else []
    return exact_sum(goal.file_current, value_on(steps, today or date.max, 0)), steps


@given(
    st.lists(st.tuples(_NOV, _CHANGE, st.sampled_from(["", " made before the log"])), max_size=6),
    st.lists(st.tuples(_NOV, _CHANGE), min_size=1, max_size=6),
    st.one_of(st.none(), _NUMBER),
    _NUMBER,
    st.one_of(st.none(), _NOV),
)
@example(  # sizes of 8 * 10^15, short of 2^53: sums, exactly
    [(date(2026, 11, 2), ("+", "1000000000000000"), "")],
    [(date(2026, 11, 5), ("+", "999999999999999")), (date(2026, 11, 6), ("-", "1"))],
    "1000000000000000",
    "-999999999999999",
    date(2026, 11, 22),
)
@example(  # past it: the long way, where a float sum would round (10^16 - 9 is odd)
    [],
    [(date(2026, 11, day), ("+", "999999999999999")) for day in range(2, 11)],
    "0",
    "1000000000000000",
    date(2026, 11, 22),
)
@example(  # no whole numbers: in decimal, 0.2 + 0.7 is 0.9
    [],
    [(date(2026, 11, 2), ("+", "0.2")), (date(2026, 11, 3), ("+", "0.7"))],
    None,
    "3",
    None,
)
def test_a_value_counted_by_sums_is_the_value_measured_against_the_file(
    log: list[tuple[date, tuple[str, str], str]],
    others: list[tuple[date, tuple[str, str]]],
    baseline: str | None,
    current: str,
    today: date | None,
) -> None:
    props = f"baseline: {baseline}\n" if baseline is not None else ""
    lines = "".join(f"- {day}: {op}{amount}{note}\n" for day, (op, amount), note in log)
    goal = (
        f"---\ntype: goal\ntitle: G\ntarget: 10\n{props}current: {current}\n"
        f"start: 2026-11-01\n---\n## Log\n{lines}"
    )
    notes = [parse_note("goals/G.md", goal.encode())]
    notes += [
        parse_note(f"daily/{day}.md", f"progress:: [[G]] {op}{amount}\n".encode())
        for day, (op, amount) in dict(others).items()
    ]
    catalog = Catalog(notes, today=today)
    [g] = catalog.goals
    value, steps = _worked_out(g, today)
    counted = catalog.counted(g, today)
    assert counted is not None
    assert (repr(g.current), counted.steps) == (repr(value), steps)
    assert [repr(offset) for _day, offset in counted.steps] == [repr(o) for _d, o in steps]
    assert value_series(g, today, counted=counted) == value_series(g, today)
    assert counted_value(g, today)[0] == g.current


@given(
    st.lists(st.tuples(_NOV, st.sampled_from(["+", "-"]), st.integers(0, _BIG)), min_size=1),
    st.lists(st.tuples(_NOV, st.integers(-_BIG, _BIG)), max_size=8).map(sorted),
    st.lists(_NOV, max_size=3),
    st.integers(-_BIG, _BIG),
)
def test_offsets_of_whole_numbers_are_their_sums_against_any_whole_values(
    others: list[tuple[date, str, int]],
    base: list[tuple[date, int]],
    recounted: list[date],
    baseline: int,
) -> None:
    """Whole numbers whose sizes add up to less than 2^53 (as ``_summed`` asks, the
    check-ins' twice): the offsets as measured against any file values, to the bit."""
    sizes = abs(baseline) + sum(abs(v) for _d, v in base) + 2 * sum(a for _d, _o, a in others)
    elsewhere: dict[date, list[CheckIn]] = {}
    for line, (day, op, amount) in enumerate(others):
        elsewhere.setdefault(day, []).append(CheckIn(day, op, float(amount), "", line, "n.md"))
    values = [(day, float(value)) for day, value in base]
    summed = _offset_steps(elsewhere, recounted, None, baseline)
    measured = _offset_steps(elsewhere, recounted, values, baseline)
    if sizes < 2**53:
        assert [(d, repr(o)) for d, o in summed] == [(d, repr(o)) for d, o in measured]


def test_only_whole_numbers_well_within_a_float_are_summed() -> None:
    def goal(current: float, *amounts: float, op: str = "+") -> Goal:
        day = date(2026, 11, 5)
        checkins = [CheckIn(day, op, a, "", 1, "daily/n.md") for a in amounts]
        return Goal("goals/G.md", "G", baseline=0, file_current=current, checkins=checkins)

    assert _summed(goal(3, 1.0, 2.0))
    assert not _summed(goal(3, 0.5))  # in decimal: 0.2 + 0.7 is 0.9
    assert not _summed(goal(0.2, 1.0))
    assert not _summed(goal(3, 1.0, op="="))  # measured against the file's value that day
    assert _summed(goal(_BIG, float(_BIG), float(_BIG)))
    assert _summed(goal(_BIG, *[float(_BIG)] * 4))  # 9 * 10^15: short of 2^53
    assert not _summed(goal(_BIG, *[float(_BIG)] * 5))  # 11 * 10^15: past it


def test_a_goal_whose_other_notes_add_whole_numbers_is_counted_without_its_series() -> None:
    goal = b"---\ntype: goal\ntitle: G\nbaseline: 0\ncurrent: 2\n---\n## Log\n- 2026-11-02: +2\n"
    notes = [
        parse_note("goals/G.md", goal),
        parse_note("daily/2026-11-05.md", b"progress:: [[G]] +3\n"),
    ]
    catalog = Catalog(notes, today=date(2026, 11, 22))
    [g] = catalog.goals
    assert g.current == 5
    assert catalog.counted(g, catalog.today) == (None, [(date(2026, 11, 5), 3.0)])
