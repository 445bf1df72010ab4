"""``journal obsidian setup`` and ``journal init``: property types merged into a user's
types.json, Bases views written once and never over an edit, daily notes dated."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from journal.adapters.obsidian import edit_json, read_json
from journal.adapters.vault import Vault, load_catalog
from journal.cli import cli
from journal.core import codec, yaml12
from journal.core.bases import BASES, base_text, validate_base
from journal.core.errors import ConfigError, Conflict
from journal.core.formatting import percent
from journal.core.goal import goal_from_note
from journal.core.jsontext import add_members
from journal.core.networking import follow_up_state, meeting_from_note
from journal.core.notes import parse_note
from journal.core.progress import pace
from journal.core.property_types import FITS, KNOWN_TYPES, fit_types, merge_types, wanted_types
from journal.usecases.obsidian_setup import THROUGH_A_SYMLINK, obsidian_setup
from tests import basesexpr
from tests.conftest import EXAMPLE_VAULT, Invoke, Write, goal_text

TYPES = ".obsidian/types.json"
STATE = ".journal/obsidian.json"
USER_TYPES = {
    "types": {"rating": "number", "due": "text", "aliases": "aliases", "mood": "multitext"},
    "somethingElse": [1, 2.5, {"x": None}],
}


def types_of(root: Path) -> Any:
    return json.loads((root / TYPES).read_text(encoding="utf-8"))


def setup(root: Path, *args: str) -> Any:
    result = CliRunner().invoke(
        cli, ["--vault", str(root), "obsidian", "setup", "--json", *args], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    """Every file below the vault with its bytes and mtime."""
    return {
        str(p.relative_to(root)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_our_types_are_obsidian_types_and_cover_every_typed_field() -> None:
    wanted = wanted_types()
    assert set(wanted.values()) <= set(KNOWN_TYPES) & set(FITS)
    assert wanted["due"] == "date" and wanted["target"] == "number"
    assert wanted["supports"] == "multitext" and wanted["goal"] == "text"
    assert {"tags", "aliases", "cssclasses", "milestones", "follow_up_done"}.isdisjoint(wanted)


def test_a_new_types_file_holds_our_types(vault: Path) -> None:
    (vault / ".obsidian").mkdir()
    report = setup(vault)
    assert types_of(vault) == {"types": wanted_types()}
    assert report["types"]["added"] == list(wanted_types())
    assert report["types"]["written"] is True
    assert not (vault / TYPES).read_bytes().endswith(b"\n")  # as Obsidian writes it


def test_a_users_types_and_keys_stay_exactly_and_conflicts_are_reported(vault: Path) -> None:
    (vault / ".obsidian").mkdir()
    original = json.dumps(USER_TYPES, indent=2) + "\n"
    (vault / TYPES).write_text(original, encoding="utf-8")
    report = setup(vault)
    data = types_of(vault)
    assert list(data) == ["types", "somethingElse"]
    assert data["somethingElse"] == USER_TYPES["somethingElse"]
    assert list(data["types"])[:4] == ["rating", "due", "aliases", "mood"]
    assert data["types"]["due"] == "text"  # the user's type is kept
    assert all(data["types"][k] == v for k, v in wanted_types().items() if k != "due")
    assert report["types"]["kept"] == [{"key": "due", "yours": "text", "journal": "date"}]
    text = (vault / TYPES).read_text(encoding="utf-8")
    assert text == json.dumps(data, indent=2) + "\n"  # the file's own layout, its final newline


def test_a_second_run_writes_nothing(vault: Path) -> None:
    (vault / ".obsidian").mkdir()
    setup(vault)
    before = snapshot(vault)
    report = setup(vault)
    assert snapshot(vault) == before
    assert report["types"]["added"] == [] and report["types"]["written"] is False
    assert {b["action"] for b in report["bases"]} == {"unchanged"}


def test_a_dry_run_writes_nothing(vault: Path) -> None:
    (vault / ".obsidian").mkdir()
    before = snapshot(vault)
    report = setup(vault, "--dry-run")
    assert snapshot(vault) == before
    assert report["dry_run"] is True
    assert [b["action"] for b in report["bases"]] == ["created"] * len(BASES)
    assert report["types"]["added"] and not report["types"]["written"]


def test_property_names_match_whatever_their_case(vault: Path) -> None:
    """Obsidian's property names are case-insensitive: your Due is our due."""
    (vault / ".obsidian").mkdir()
    (vault / TYPES).write_text('{"types": {"Due": "text", "TARGET": "number"}}')
    report = setup(vault)
    types = types_of(vault)["types"]
    assert not {"due", "target"} & set(types)
    assert types["Due"] == "text" and types["TARGET"] == "number"
    assert report["types"]["kept"] == [{"key": "Due", "yours": "text", "journal": "date"}]
    assert report["types"]["added"] == [k for k in wanted_types() if k not in ("due", "target")]


def ours(keys: list[str], lead: str, newline: str) -> str:
    """Our types as the lines added after a user's last one."""
    return "".join(f',{newline}{lead}"{k}": "{wanted_types()[k]}"' for k in keys)


@pytest.mark.parametrize("bom", ["", "\ufeff"])
@pytest.mark.parametrize("end", ["", "\r\n"])
def test_types_json_keeps_its_layout_and_only_gains_lines(vault: Path, bom: str, end: str) -> None:
    """CRLF, four-space indents, key order and the final newline stay; our keys are
    new lines like the user's, and a conflict is still reported."""
    (vault / ".obsidian").mkdir()
    head = bom + '{\r\n    "types": {\r\n        "rating": "number",\r\n        "Due": "text"'
    tail = '\r\n    },\r\n    "zeta": [1,2]\r\n}' + end
    (vault / TYPES).write_bytes((head + tail).encode("utf-8"))
    report = setup(vault)
    added = [k for k in wanted_types() if k != "due"]
    assert report["types"]["added"] == added
    assert report["types"]["kept"] == [{"key": "Due", "yours": "text", "journal": "date"}]
    text = (vault / TYPES).read_bytes().decode("utf-8")
    assert text == head + ours(added, " " * 8, "\r\n") + tail


def test_a_one_line_types_json_stays_one_line(vault: Path) -> None:
    (vault / ".obsidian").mkdir()
    (vault / TYPES).write_text('{"types":{"a":"text"},"b":{}}')
    setup(vault)
    expected = (
        '{"types":{"a":"text"'
        + "".join(f',"{k}":"{v}"' for k, v in wanted_types().items())
        + '},"b":{}}'
    )
    assert (vault / TYPES).read_text() == expected


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ('{\n    "types": {}\n}\n', '{\n    "types": {\n        %s\n    }\n}\n'),
        ('{\n\t"other": 1\n}', '{\n\t"other": 1,\n\t"types": {\n\t\t%s\n\t}\n}'),
        ("{}", '{\n  "types": {\n    %s\n  }\n}'),
    ],
)
def test_a_types_object_is_made_like_its_neighbours(vault: Path, before: str, after: str) -> None:
    (vault / ".obsidian").mkdir()
    (vault / TYPES).write_text(before)
    setup(vault)
    lead = after.split("%s")[0].rsplit("\n", 1)[1]
    pairs = f",\n{lead}".join(f'"{k}": "{v}"' for k, v in wanted_types().items())
    assert (vault / TYPES).read_text() == after % pairs


def test_types_json_saved_meanwhile_is_not_overwritten(vault: Path) -> None:
    """The write goes through the safe path: unchanged since read, or nothing."""
    (vault / ".obsidian").mkdir()
    (vault / TYPES).write_text('{"types": {"a": "text"}}')
    current = read_json(vault, TYPES)
    (vault / TYPES).write_text('{"types": {"a": "text", "b": "date"}}')  # Obsidian saved
    with pytest.raises(Conflict):
        edit_json(
            Vault.open(vault), current, lambda text: add_members(text, "types", {"due": "date"})
        )
    assert (vault / TYPES).read_text() == '{"types": {"a": "text", "b": "date"}}'
    assert [p.name for p in (vault / ".obsidian").iterdir()] == ["types.json"]  # no temp file


def saved_meanwhile(vault: Path, rel: str) -> Vault:
    """The vault opened so that ``rel`` is saved again (a space added) between the
    tool's read of it and its write, as Obsidian or an editor would."""

    def save(written: str) -> None:
        if written == rel:
            (vault / rel).write_bytes((vault / rel).read_bytes() + b" ")

    opened = Vault.open(vault)
    opened.before_write = save
    return opened


def test_types_json_saved_by_obsidian_meanwhile_is_told_by_its_vault_path(vault: Path) -> None:
    """Reported: a conflict on types.json named it by its absolute path and blamed an
    editor; a note's conflict names the note as the vault does."""
    (vault / ".obsidian").mkdir()
    (vault / TYPES).write_text('{\n  "types": {\n    "rating": "number"\n  }\n}')
    with pytest.raises(Conflict) as info:
        obsidian_setup(saved_meanwhile(vault, TYPES))
    assert str(info.value) == (
        ".obsidian/types.json: changed on disk since it was read (saved by Obsidian?); "
        "nothing written, run the command again"
    )
    assert (vault / TYPES).read_text().endswith("}\n} ")  # the save stays


def test_a_base_saved_meanwhile_is_told_by_its_vault_path(vault: Path) -> None:
    """Every file setup replaces is named as the vault does (a base is no setting)."""
    setup(vault)
    reviews = vault / "bases/Reviews.base"
    old = b"# Made by an older journal\nviews: []\n"
    reviews.write_bytes(old)
    state = json.loads((vault / ".journal/obsidian.json").read_text())
    from journal.adapters.files import digest

    state["bases"]["bases/Reviews.base"] = digest(old)
    (vault / ".journal/obsidian.json").write_text(json.dumps(state))
    with pytest.raises(Conflict) as info:
        obsidian_setup(saved_meanwhile(vault, "bases/Reviews.base"))
    assert str(info.value) == (
        "bases/Reviews.base: changed on disk since it was read (saved in an editor?); "
        "nothing written, run the command again"
    )
    assert reviews.read_bytes() == old + b" "


def test_an_edit_that_cannot_keep_the_layout_writes_nothing(vault: Path) -> None:
    (vault / ".obsidian").mkdir()
    (vault / TYPES).write_text('{"types": []}')
    with pytest.raises(ConfigError, match="can't change it without rewriting it"):
        opened, current = Vault.open(vault), read_json(vault, TYPES)
        edit_json(opened, current, lambda text: add_members(text, "types", {"a": "b"}))
    assert (vault / TYPES).read_text() == '{"types": []}'


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", '{"types": []}'])
def test_a_types_file_that_is_not_obsidians_is_left_alone(vault: Path, content: str) -> None:
    (vault / ".obsidian").mkdir()
    (vault / TYPES).write_text(content)
    result = CliRunner().invoke(cli, ["--vault", str(vault), "obsidian", "setup"])
    assert result.exit_code == 1
    assert ".obsidian/types.json" in result.output
    assert (vault / TYPES).read_text() == content


def test_merge_types_is_pure_and_total() -> None:
    merged = merge_types(None, {"a": "text"}, TYPES)
    assert merged.data == {"types": {"a": "text"}} and merged.added == ["a"]
    with pytest.raises(ConfigError):
        merge_types({"types": "x"}, {"a": "text"}, TYPES)


@pytest.mark.parametrize("name", list(BASES))
def test_every_base_is_valid_yaml_by_the_documented_syntax(name: str) -> None:
    text = base_text(BASES[name])
    data = yaml12.load(text)
    assert data == BASES[name]
    assert validate_base(data) == []
    views = data["views"]
    assert all(v["type"] in ("table", "cards") for v in views)
    assert {v["type"] for b in BASES.values() for v in b["views"]} == {"table", "cards"}


#: What help.obsidian.md ("Bases syntax", "Views") documents, and the keys Obsidian's
#: own table view writes (``sort``).
FILE_PROPERTIES = (
    "backlinks ctime embeds ext file folder links mtime name path properties size tags"
)
VIEW_KEYS = {"type", "name", "limit", "filters", "order", "groupBy", "sort", "summaries"}


def documented_filter(value: Any) -> None:
    if isinstance(value, str):
        assert value.strip()
        return
    assert isinstance(value, dict) and len(value) == 1 and next(iter(value)) in ("and", "or", "not")
    items = next(iter(value.values()))
    assert isinstance(items, list) and items
    for item in items:
        documented_filter(item)


def documented_property(name: str, formulas: dict[str, str]) -> None:
    prefix, _, rest = name.partition(".")
    if prefix == "file":
        assert rest in FILE_PROPERTIES.split(), name
    elif prefix == "formula":
        assert rest in formulas, name
    else:
        assert name.removeprefix("note.").replace("_", "").isalnum(), name


def documented_base(base: Any) -> None:
    """The structure of a base, checked against the documented schema."""
    assert isinstance(base, dict)
    assert set(base) <= {"filters", "formulas", "properties", "summaries", "views"}
    formulas = base.get("formulas", {})
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in formulas.items())
    if "filters" in base:
        documented_filter(base["filters"])
    for name, settings in base.get("properties", {}).items():
        documented_property(name, formulas)
        assert set(settings) == {"displayName"} and isinstance(settings["displayName"], str)
    assert isinstance(base["views"], list) and base["views"]
    for view in base["views"]:
        assert set(view) <= VIEW_KEYS, view
        assert view["type"] in ("table", "cards", "list", "map")
        assert isinstance(view["name"], str) and view["name"].strip()
        if "filters" in view:
            documented_filter(view["filters"])
        for name in view.get("order", []):
            documented_property(name, formulas)
        for item in [view["groupBy"]] if "groupBy" in view else view.get("sort", []):
            assert set(item) == {"property", "direction"}
            assert item["direction"] in ("ASC", "DESC")
            documented_property(item["property"], formulas)


@pytest.mark.parametrize("name", list(BASES))
def test_every_base_reads_the_same_with_pyyaml_and_fits_the_documented_schema(name: str) -> None:
    text = base_text(BASES[name])
    data = yaml.safe_load(text)
    assert data == BASES[name] == yaml12.load(text)
    documented_base(data)
    expressions = list(data.get("formulas", {}).values())
    expressions += [data["filters"]] if isinstance(data.get("filters"), str) else []
    for expression in expressions:
        basesexpr.parse(expression)  # the documented expression syntax


@pytest.mark.parametrize(
    ("formula", "value"),
    [
        ("(due - start).days", 30.0),
        ("(due - start).milliseconds", 30.0 * 86_400_000),
        ("(due - start).hours / 24", 30.0),
        ("due - start", basesexpr.Duration(30.0 * 86_400_000)),
        ("number(due - start)", TypeError),  # Obsidian 1.10: a Duration is no number
        ("(due - start) / 2", TypeError),
        ("(due - start).round()", TypeError),
        ("due - start > 0", TypeError),
        ('start + "30d" == due', True),
    ],
)
def test_the_evaluator_reads_date_arithmetic_as_obsidian_does(formula: str, value: Any) -> None:
    """Reported: the Pace formula took `number(today() - start)` for milliseconds, as
    the evaluator did; in Obsidian 1.10 a date minus a date is a Duration, read through
    `.days` (and `.hours`...), on which `number()` and arithmetic fail."""
    props = {"start": date(2026, 11, 1), "due": date(2026, 12, 1)}
    if value is TypeError:
        with pytest.raises(TypeError):
            basesexpr.evaluate({"f": formula}, "f", props, date(2026, 11, 22))
    else:
        assert basesexpr.evaluate({"f": formula}, "f", props, date(2026, 11, 22)) == value


def test_a_goals_base_an_older_journal_wrote_gets_the_new_formulas(vault: Path) -> None:
    """Bases before 2026-12 had `number(today() - formula.start)`, which Obsidian 1.10
    can't evaluate: setup updates a base journal wrote (its recorded hash), and keeps
    one the user edited since."""
    old_formulas = {
        **BASES["Goals"]["formulas"],
        "elapsed": "min(max(number(today() - formula.start) / number(due - formula.start), 0), 1)",
    }
    old = base_text({**BASES["Goals"], "formulas": old_formulas}).encode()
    from journal.adapters.files import digest

    (vault / "bases").mkdir()
    (vault / "bases/Goals.base").write_bytes(old)
    state = {"bases": {"bases/Goals.base": digest(old)}}
    (vault / STATE).write_text(json.dumps(state))
    assert setup(vault)["bases"][0]["action"] == "updated"
    assert (vault / "bases/Goals.base").read_text() == base_text(BASES["Goals"])
    edited = old.replace(b"name: Board", b"name: My board")
    (vault / "bases/Goals.base").write_bytes(edited)
    assert setup(vault)["bases"][0]["action"] == "kept (edited by you)"
    assert (vault / "bases/Goals.base").read_bytes() == edited


def goal_case(**props: Any) -> dict[str, Any]:
    return {"status": "active", "start": date(2026, 9, 1), "due": date(2027, 1, 31), **props}


PACE_CASES = [
    goal_case(baseline=0, target=10, current=5),  # on track
    goal_case(baseline=0, target=10, current=9),  # ahead
    goal_case(baseline=0, target=10, current=1),  # behind
    goal_case(baseline=0, target=10, current=12),  # done: past the target
    goal_case(baseline=20, target=5, current=18),  # going down, barely started: behind
    goal_case(baseline=20, target=5, current=12),  # going down, on track
    goal_case(baseline=20, target=5, current=4),  # going down, done
    goal_case(baseline=3, target=0, current=0),  # a target of 0, reached
    goal_case(baseline=3, target=0, current=2),  # a target of 0, not yet
    goal_case(baseline=5, target=5, current=5),  # nothing to do: done
    goal_case(target=10, current=6),  # no baseline: from 0
    goal_case(target=30, current=45),  # no baseline, above its target: down from 45
    goal_case(target=0, current=3),  # the same to 0 (docs/format.md: where progress counts from)
    goal_case(baseline=2, target=10),  # no current: unknown (shown as "?")
    goal_case(baseline=10, target=10),  # no current, nothing to do: done
    goal_case(target=0),  # to 0, no baseline, no value yet: unknown (counts down from it)
    goal_case(target=10, current=3, due=date(2026, 10, 1)),  # overdue
    goal_case(target=10, current=3, due=date(2026, 9, 1)),  # due on the start day
    # found in review: a goal of one day, today (the base said unknown, status behind)
    goal_case(target=10, current=3, start=date(2026, 11, 22), due=date(2026, 11, 22)),
    goal_case(target=10, current=10, start=date(2026, 11, 22), due=date(2026, 11, 22)),
    goal_case(target=10, current=3, start=date(2026, 11, 23), due=date(2026, 11, 23)),
    goal_case(target=10, current=3, start=None, created=date(2026, 10, 1)),
    goal_case(target=10, current=3, start=None),  # no start: unknown
    goal_case(target=10, current=3, due=None),
    goal_case(current=3),  # no target
    goal_case(target=10, current=3, status="paused"),
    goal_case(target=10, current=3, status="done"),
    goal_case(target=10, current=3, status=None),  # no status: active
    # counted in whole numbers: behind only short of the line's whole steps (0.47 of 2)
    goal_case(target=2, current=0, start=date(2026, 11, 2), due=date(2027, 3, 31)),
    goal_case(target=3, current=0, start=date(2026, 10, 1)),  # the line at 1.0: behind
]


@pytest.mark.parametrize("case", PACE_CASES)
def test_the_goals_base_pace_is_journals_pace(case: dict[str, Any]) -> None:
    """The Pace column (a Bases formula) says what `journal status` says."""
    props = {k: v for k, v in case.items() if v is not None}
    text = codec.new_note_text({"type": "goal", "title": "G", **props}, "")
    goal = goal_from_note(parse_note("goals/G.md", text.encode()))[0]
    today = date(2026, 11, 22)
    bases_value = basesexpr.evaluate(BASES["Goals"]["formulas"], "pace", props, today)
    assert bases_value == pace(goal, today).status


PROGRESS_CASES = [  # with a value: without one the base counts from the baseline, status says –
    *(case for case in PACE_CASES if "current" in case),
    goal_case(baseline=0, target=1000, current=999.9),  # 99.99%: not done
    goal_case(baseline=0, target=200, current=199.5),
    goal_case(baseline=0, target=8, current=1),  # 12.5%: 13%, a half up
    goal_case(baseline=0, target=8, current=5),
]


@pytest.mark.parametrize("case", PROGRESS_CASES)
def test_the_goals_base_progress_is_journals_percent(case: dict[str, Any]) -> None:
    """Reported: a goal 99.99% of the way showed 100% where `status` says 99%; the
    Progress column says what `journal status` says."""
    props = {k: v for k, v in case.items() if v is not None}
    text = codec.new_note_text({"type": "goal", "title": "G", **props}, "")
    goal = goal_from_note(parse_note("goals/G.md", text.encode()))[0]
    shown = basesexpr.evaluate(BASES["Goals"]["formulas"], "progress", props, date(2026, 11, 22))
    assert shown == ("" if goal.progress is None else percent(goal.progress))


@pytest.mark.parametrize(
    ("broken", "problem"),
    [
        ({"view": []}, "unknown section 'view'"),
        ({"filters": {"and": ["x"], "or": ["y"]}}, "one key: and, or, not"),
        ({"filters": "status == 'done"}, "unbalanced quotes"),
        ({"formulas": {"p": "(a + b"}}, "unbalanced brackets"),
        ({"formulas": {"p": "sum(a)"}}, "unknown function sum()"),
        ({"views": [{"type": "table", "name": "t", "order": ["formula.nope"]}]}, "not defined"),
        ({"views": [{"type": "grid", "name": "t"}]}, "type should be one of"),
        ({"views": [{"type": "table"}]}, "needs a name"),
        (
            {
                "views": [
                    {"type": "table", "name": "t", "sort": [{"property": "x", "direction": "UP"}]}
                ]
            },
            "sort entries",
        ),
        ({"views": [{"type": "table", "name": "t", "limit": 0}]}, "limit"),
    ],
)
def test_the_base_check_catches_what_obsidian_would_refuse(
    broken: dict[str, Any], problem: str
) -> None:
    problems = validate_base(broken)
    assert any(problem in p for p in problems), problems


def test_bases_are_created_then_never_written_over_an_edit(vault: Path) -> None:
    setup(vault)
    goals = vault / "bases/Goals.base"
    assert goals.read_text().startswith("# Made by `journal obsidian setup`")
    edited = goals.read_text().replace("name: Active goals", "name: My goals")
    goals.write_text(edited)
    report = setup(vault)
    assert goals.read_text() == edited
    actions = {b["path"]: b["action"] for b in report["bases"]}
    assert actions["bases/Goals.base"] == "kept (edited by you)"
    assert actions["bases/Reviews.base"] == "unchanged"


def test_a_base_journal_wrote_is_updated_a_deleted_one_comes_back(vault: Path) -> None:
    setup(vault)
    reviews, follow = vault / "bases/Reviews.base", vault / "bases/Follow-ups.base"
    expected = reviews.read_bytes()
    # an older journal wrote other bytes and recorded them: they are journal's to update
    old = b"# Made by an older journal\nviews: []\n"
    reviews.write_bytes(old)
    state = json.loads((vault / ".journal/obsidian.json").read_text())
    from journal.adapters.files import digest

    state["bases"]["bases/Reviews.base"] = digest(old)
    (vault / ".journal/obsidian.json").write_text(json.dumps(state))
    follow.unlink()
    report = setup(vault)
    actions = {b["path"]: b["action"] for b in report["bases"]}
    assert actions == {
        "bases/Goals.base": "unchanged",
        "bases/Follow-ups.base": "created",
        "bases/Reviews.base": "updated",
    }
    assert reviews.read_bytes() == expected and follow.exists()


def test_a_broken_state_file_is_told_and_made_again_never_over_a_users_base(
    vault: Path, invoke: Invoke
) -> None:
    setup(vault)
    state, goals, reviews = (
        vault / p for p in (".journal/obsidian.json", "bases/Goals.base", "bases/Reviews.base")
    )
    reviews.write_text("views: []\n")  # the user's edit
    state.write_text("garbage")
    goals.unlink()
    result = invoke("obsidian", "setup")
    assert result.exit_code == 0, result.output
    assert "bases/Goals.base: created" in result.output
    assert "bases/Reviews.base: kept (not journal's)" in result.output  # no marker, no record
    assert (
        "problem: .journal/obsidian.json:1: not JSON: Expecting value; made again: a base "
        "unlike journal's is kept as yours"
    ) in result.output
    assert reviews.read_text() == "views: []\n" and goals.exists()
    assert set(json.loads(state.read_text())["bases"]) == {
        "bases/Goals.base",
        "bases/Follow-ups.base",
    }
    assert setup(vault)["problems"] == []


def test_a_users_own_base_with_our_name_is_kept_and_said_not_to_be_journals(
    vault: Path, invoke: Invoke
) -> None:
    """Reported (tryout): a base journal never wrote (no marker, no record of it) was
    "kept (edited by you)", and nothing said journal's was not written, nor how to get it."""
    (vault / ".obsidian").mkdir()
    (vault / "bases").mkdir()
    mine = "views:\n  - type: table\n    name: Mine\n"
    (vault / "bases/Goals.base").write_text(mine)
    result = invoke("obsidian", "setup")
    assert result.exit_code == 0, result.output
    assert (vault / "bases/Goals.base").read_text() == mine
    assert (
        "bases/Goals.base: kept (not journal's): it does not start with journal's `# Made "
        "by` line, and journal has no record of writing it\n"
        "  journal's Goals base is not written there: move yours aside (rename it) and run "
        'journal obsidian setup again, or set bases = "FOLDER" under [obsidian] in '
        ".journal/config.toml for journal's bases\n"
    ) in result.output
    report = setup(vault)
    assert report["bases"][0]["action"] == "kept (not journal's)"
    assert "bases/Goals.base" not in json.loads((vault / STATE).read_text())["bases"]
    # one journal wrote, whose record is lost, is journal's still: "edited by you"
    (vault / STATE).unlink()
    (vault / "bases/Reviews.base").write_text(
        (vault / "bases/Reviews.base").read_text().replace("Weekly reviews", "Mine")
    )
    assert setup(vault)["bases"][2]["action"] == "kept (edited by you)"


def test_bases_go_where_the_config_says(vault: Path) -> None:
    (vault / ".journal/config.toml").write_text('[obsidian]\nbases = "Views/journal"\n')
    setup(vault)
    assert sorted(p.name for p in (vault / "Views/journal").iterdir()) == [
        "Follow-ups.base",
        "Goals.base",
        "Reviews.base",
    ]


def test_bases_leave_out_the_template_folders_and_excluded_notes(vault: Path) -> None:
    """Reported (tryout): a goal template (`type: goal` in the core Templates plugin's
    folder) was a row of the Goals base, which queries the whole vault, though journal
    reads no note there."""
    (vault / ".obsidian").mkdir(exist_ok=True)
    (vault / ".obsidian/core-plugins.json").write_text('["templates"]')
    (vault / ".obsidian/templates.json").write_text('{"folder": "Meta/Modèles"}')
    (vault / "Meta/Modèles").mkdir(parents=True)
    (vault / "Meta/Modèles/Goal.md").write_text("---\ntype: goal\nstatus: active\n---\n")
    (vault / "notes").mkdir(exist_ok=True)
    (vault / 'notes/Old "draft".md').write_text("---\ntype: goal\n---\n")
    (vault / ".journal/config.toml").write_text('[vault]\nexclude = ["notes/Old \\"draft\\".md"]\n')
    setup(vault)
    for name in BASES:
        data = yaml12.load((vault / f"bases/{name}.base").read_text())
        assert data["filters"]["and"][-2:] == [
            '!file.inFolder("Meta/Modèles")',  # as written (found in review: \u00e8)
            'file.path != "notes/Old \\"draft\\".md"',
        ], name
        assert validate_base(data) == []


#: Notes whose properties of journal's names hold values journal's types don't fit.
MISFITS = {
    "notes/a.md": "---\ncreated: 2026-10-05T12:00:00\nStart: 2026-10-05T09:00\n---\n",
    "notes/b.md": "---\ncreated: 2026-10-06T12:00:00\nstart: 2026-10-01\ntarget: lots\n---\n",
    "notes/c.md": "---\ncreated: 2026-10-07 08:30\nwith: Ana\ntitle: [a, b]\nend:\n---\n",
    "notes/d.md": "---\nCreated: 2026-10-08T12:00:00\nstatus: <% tp.file.title %>\n---\n",
    "notes/e.md": "---\ndue: next week\nconfidence: true\ndate: 2026-12-01\n---\n",
    "notes/f.md": "---\nstart: 2026-10-07T10:00\nconfidence: {a: 1}\ndue: 2026-12-01\n---\n",
}


def test_setup_leaves_out_a_type_the_vaults_values_do_not_fit(
    vault: Path, write: Write, invoke: Invoke
) -> None:
    """An Obsidian user's: 39 notes held `created: 2026-10-05T12:00:00`, and setup typed
    `created` a Date for the whole vault, whose editor may drop the time."""
    (vault / ".obsidian").mkdir()
    for path, text in MISFITS.items():
        write(path, text)
    report = setup(vault, "--dry-run")["types"]
    assert report["left_out"] == [
        {"key": "title", "journal": "text", "why": "1 note holds a list"},
        {"key": "target", "journal": "number", "why": "1 note holds text"},
        {
            "key": "confidence",
            "journal": "number",
            "why": "1 note holds a mapping and 1 holds true or false",
        },
        {"key": "start", "journal": "date", "why": "2 notes hold a date and time"},
        {"key": "due", "journal": "date", "why": "1 note holds text"},
        {"key": "with", "journal": "multitext", "why": "1 note holds text"},
    ]
    assert report["as_found"] == [
        {
            "key": "created",
            "type": "datetime",
            "journal": "date",
            "why": "all 4 notes holding it hold a date and time",
        }
    ]
    left = {item["key"] for item in report["left_out"]}
    assert report["added"] == [key for key in wanted_types() if key not in left]
    lines = invoke("obsidian", "setup").output.splitlines()
    assert lines[2:4] == [
        "  typed created as datetime, not date: all 4 notes holding it hold a date and time",
        "  left out title: 1 note holds a list (journal reads it as text)",
    ]
    assert "  left out start: 2 notes hold a date and time (journal reads it as date)" in lines
    types = types_of(vault)["types"]
    assert types["created"] == "datetime" and types["date"] == "date" and types["end"] == "date"
    assert types["status"] == "text"  # a Templater command that never ran is no value
    assert not left & set(types)
    for path in ("notes/a.md", "notes/b.md", "notes/f.md"):
        (vault / path).unlink()  # the notes fixed: the types are added by the next run
    (vault / "notes/c.md").write_text("---\ncreated: 2026-10-07\n---\n")
    again = setup(vault)["types"]
    assert again["added"] == ["title", "target", "start", "with"]
    assert [item["key"] for item in again["left_out"]] == ["confidence", "due"]
    assert again["kept"] == []  # created's datetime: journal reads its day
    assert invoke("obsidian", "setup").output.splitlines()[:3] == [
        f"{TYPES}: no property type added",
        "  left out confidence: 1 note holds true or false (journal reads it as number)",
        "  left out due: 1 note holds text (journal reads it as date)",
    ]


def test_the_values_a_type_fits_are_told_apart_as_obsidian_tells_them() -> None:
    wanted = {"a": "text", "b": "number", "c": "date", "d": "multitext", "e": "date"}
    values = [
        ("1.md", "A", 5),  # a number shows as text
        ("1.md", "b", 2.5),
        ("1.md", "c", "2026-12-01"),
        ("1.md", "d", ["x"]),
        ("1.md", "e", "2026-12-01T10:00"),
        ("2.md", "a", "2026-12-01"),
        ("2.md", "b", None),
        ("2.md", "c", ""),
        ("2.md", "d", []),
        ("2.md", "e", "2026-13-01T10:00"),  # no real day: text
        ("3.md", "x", "anything"),
    ]
    fit = fit_types(wanted, values)
    assert fit.types == {"a": "text", "b": "number", "c": "date", "d": "multitext"}
    assert fit.left_out == [("e", "date", "1 note holds a date and time and 1 holds text")]
    assert fit.as_found == []


def test_setup_text_report(vault: Path, invoke: Invoke) -> None:
    (vault / ".obsidian").mkdir()
    (vault / ".obsidian/daily-notes.json").write_text('{"folder": "daily", "format": "DD-MM-YYYY"}')
    result = invoke("obsidian", "setup")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == f".obsidian/types.json: added {len(wanted_types())} property types"
    assert "bases/Goals.base: created" in lines
    assert "daily notes: daily/DD-MM-YYYY (from .obsidian/daily-notes.json)" in lines
    assert "weekly notes: not set up in Obsidian" in lines
    assert (
        "locale weeks (gggg, ww) start on sunday (moment.js locale en); reviews and plans use "
        "ISO weeks, from monday"
    ) in lines


def test_one_added_property_type_is_counted_in_the_singular(vault: Path, invoke: Invoke) -> None:
    wanted = wanted_types()
    last = sorted(wanted)[-1]
    (vault / ".obsidian").mkdir()
    types = {key: kind for key, kind in wanted.items() if key != last}
    (vault / TYPES).write_text(json.dumps({"types": types}, indent=2))
    dry = invoke("obsidian", "setup", "--dry-run").output.splitlines()
    assert dry[0] == f"{TYPES}: would add 1 property type"
    assert invoke("obsidian", "setup").output.splitlines()[:2] == [
        f"{TYPES}: added 1 property type",
        f"  {last}",
    ]


def test_setup_reports_the_locale_and_weekly_notes_turned_off(vault: Path, invoke: Invoke) -> None:
    (vault / ".obsidian/plugins/calendar").mkdir(parents=True)
    (vault / ".obsidian/community-plugins.json").write_text('["calendar"]')
    calendar = '{"localeOverride": "en-gb", "weeklyNoteFolder": "W", "weeklyNoteFormat": ""}'
    (vault / ".obsidian/plugins/calendar/data.json").write_text(calendar)
    (vault / ".journal/config.toml").write_text("[obsidian]\nweekly_notes = false\n")
    lines = invoke("obsidian", "setup").output.splitlines()
    assert (
        "weekly notes: W/gggg-[W]ww (from .obsidian/plugins/calendar/data.json); reviews are "
        "not written there ([obsidian] weekly_notes = false)"
    ) in lines
    assert "locale weeks (gggg, ww) start on monday (moment.js locale en-gb);" in " ".join(lines)


@pytest.mark.parametrize("link", [".obsidian", TYPES])
def test_setup_never_writes_types_through_a_symlink(
    vault: Path, tmp_path: Path, invoke: Invoke, link: str
) -> None:
    """A .obsidian (or types.json) shared with other vaults by a symlink is left alone,
    and says so; the Bases views are still written."""
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "types.json").write_text(json.dumps(USER_TYPES, indent=2))
    before = (shared / "types.json").read_bytes()
    if link == ".obsidian":
        (vault / ".obsidian").symlink_to(shared)
    else:
        (vault / ".obsidian").mkdir()
        (vault / TYPES).symlink_to(shared / "types.json")
    for args in (("--dry-run",), ()):
        report = setup(vault, *args)["types"]
        assert report == {
            "path": TYPES,
            "added": [],
            "kept": [],
            "left_out": [],
            "as_found": [],
            "written": False,
            "refused": THROUGH_A_SYMLINK,
        }
    assert (shared / "types.json").read_bytes() == before
    assert sorted(p.name for p in shared.iterdir()) == ["types.json"]
    assert (vault / "bases/Goals.base").is_file()
    first = invoke("obsidian", "setup").output.splitlines()[0]
    assert first == f"{TYPES}: {THROUGH_A_SYMLINK}"


def test_init_in_an_obsidian_vault_types_its_properties(tmp_path: Path) -> None:
    root = tmp_path / "obsidian-vault"
    (root / ".obsidian").mkdir(parents=True)
    (root / TYPES).write_text(json.dumps(USER_TYPES, indent=2))
    result = CliRunner().invoke(cli, ["init", str(root)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert f"  updated {TYPES} ({len(wanted_types()) - 1} property types added)" in result.output
    assert f"  kept    {TYPES}: due is text (journal reads it as date)" in result.output
    assert types_of(root)["somethingElse"] == USER_TYPES["somethingElse"]
    assert not (root / "bases").exists()  # Bases only when asked for


def test_init_leaves_out_a_type_the_vaults_values_do_not_fit(tmp_path: Path) -> None:
    root = tmp_path / "obsidian-vault"
    (root / ".obsidian").mkdir(parents=True)
    (root / "notes").mkdir()
    for path, text in MISFITS.items():
        (root / path).write_text(text)
    result = CliRunner().invoke(cli, ["init", str(root)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert f"  created {TYPES} ({len(wanted_types()) - 6} property types added)" in lines
    assert (
        f"  created {TYPES}: typed created as datetime, not date: all 4 notes holding it hold "
        "a date and time"
    ) in lines
    assert (
        f"  skipped {TYPES}: left out start: 2 notes hold a date and time (journal reads it "
        "as date)"
    ) in lines
    assert types_of(root)["types"]["created"] == "datetime"


@pytest.mark.parametrize(
    ("settings", "folder"),
    [('{"folder": "Journal/Daily"}', "Journal/Daily"), ('{"format": "DD-MM-YYYY"}', ".")],
)
def test_init_uses_obsidians_daily_notes_folder(tmp_path: Path, settings: str, folder: str) -> None:
    root = tmp_path / "obsidian-vault"
    (root / ".obsidian").mkdir(parents=True)
    (root / ".obsidian/daily-notes.json").write_text(settings)
    result = CliRunner().invoke(cli, ["init", str(root)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert not (root / "daily").exists()
    assert (root / folder).is_dir()
    assert f'daily = "{folder}"' in (root / ".journal/config.toml").read_text()
    assert Vault.open(root).config.folders.daily == folder.strip(".")  # "." is read as ""


@pytest.mark.parametrize(
    ("plugins", "root_daily"),
    [
        ('{"file-explorer": true, "daily-notes": true}', True),  # Obsidian 1.x: switches
        ('[\n  "file-explorer",\n  "daily-notes"\n]', True),  # older: the plugins on
        ('{"daily-notes": false}', False),
        ('["file-explorer"]', False),
        ("not JSON", False),
    ],
)
def test_init_puts_daily_notes_at_the_root_when_obsidians_daily_notes_are_on_by_default(
    tmp_path: Path, plugins: str, root_daily: bool
) -> None:
    """Reported (tryout): with the Daily notes core plugin on and never set up (no
    daily-notes.json: Obsidian writes daily notes to the vault root), init made `daily/`
    and wrote `daily = "daily"`, a folder Obsidian never writes to."""
    root = tmp_path / "obsidian-vault"
    (root / ".obsidian").mkdir(parents=True)
    (root / ".obsidian/core-plugins.json").write_text(plugins)
    result = CliRunner().invoke(cli, ["init", str(root)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    config = (root / ".journal/config.toml").read_text()
    assert (root / "daily").exists() is not root_daily
    assert ('daily = "."\n' in config) is root_daily
    told = (
        "  skipped daily/: Obsidian's daily notes are at the vault root (the Daily notes "
        'core plugin is on, with its default settings): [folders] daily = "."\n'
    )
    assert (told in result.stdout) is root_daily
    shown = setup(root)["periodic"]["daily"]
    expected = {"folder": "", "format": "YYYY-MM-DD", "source": ".obsidian/core-plugins.json"}
    assert shown == (expected if root_daily else None)


def test_init_without_obsidian_writes_no_obsidian_files(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["init", str(tmp_path / "v")], catch_exceptions=False)
    assert result.exit_code == 0
    assert not (tmp_path / "v/.obsidian").exists()


def test_daily_notes_in_the_vaults_format_date_their_checkins(vault: Path, write: Write) -> None:
    (vault / ".obsidian").mkdir()
    (vault / ".obsidian/daily-notes.json").write_text(
        '{"folder": "Journal", "format": "YYYY/MM/DD dddd"}'
    )
    write("goals/Lead.md", goal_text("Lead", current=2))
    write("Journal/2026/11/20 Friday.md", "progress:: [[Lead]] +1 met Sam\n")
    write("Journal/2026/11/21 Friday.md", "progress:: [[Lead]] +1 wrong weekday\n")
    catalog = load_catalog(Vault.open(vault))
    days = [(c.day.isoformat(), c.path) for c in catalog.goals[0].checkins]
    assert ("2026-11-20", "Journal/2026/11/20 Friday.md") in days
    assert not any("21 Friday" in path for _day, path in days)
    # the index is rebuilt when the format changes
    (vault / ".obsidian/daily-notes.json").write_text('{"folder": "Journal", "format": "YYYY"}')
    catalog = load_catalog(Vault.open(vault))
    assert not any(c.path.startswith("Journal/") for c in catalog.goals[0].checkins)


def test_obsidian_setup_is_a_plain_use_case(vault: Path) -> None:
    result = obsidian_setup(Vault.open(vault), dry_run=True)
    assert result.to_dict()["periodic"] == {
        "daily": None,
        "weekly": None,
        "weekly_notes": True,
        "locale": "en",
        "week_starts": "sunday",
    }
    assert [p.name for p in vault.iterdir()] == [".journal"]


def test_worker_processes_date_daily_notes_too(
    vault: Path, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    from journal.adapters import index_reading

    monkeypatch.setattr(index_reading, "PARALLEL_MIN", 10)
    monkeypatch.setattr(index_reading, "CHUNK", 4)
    (vault / ".obsidian").mkdir()
    (vault / ".obsidian/daily-notes.json").write_text('{"folder": "d", "format": "DD.MM.YYYY"}')
    write("goals/Lead.md", goal_text("Lead", target=100))
    for day in range(1, 21):
        write(f"d/{day:02d}.11.2026.md", "progress:: [[Lead]] +1\n")
    goal = load_catalog(Vault.open(vault)).goals[0]
    assert sorted(c.day.day for c in goal.checkins if c.path.startswith("d/")) == list(range(1, 21))


@pytest.mark.parametrize(
    "by", ["2026-11-21", "2026-11-22", "2026-11-28", "2026-11-29", "2026-11-30"]
)
def test_the_follow_ups_base_state_is_journals_state(by: str) -> None:
    """The State column and the "Due this week" view agree with `journal followups`."""
    today = date(2026, 11, 22)
    props = {"type": "meeting", "follow_up_by": date.fromisoformat(by), "follow_up_done": False}
    text = codec.new_note_text(props, "")
    meeting = meeting_from_note(parse_note("meetings/M.md", text.encode()))[0]
    base = BASES["Follow-ups"]
    assert basesexpr.evaluate(base["formulas"], "state", props, today) == follow_up_state(
        meeting, today
    )
    view = {"shown": base["views"][0]["filters"]}
    shown = basesexpr.evaluate(view, "shown", props, today)
    assert shown == (follow_up_state(meeting, today) in ("overdue", "due"))


def test_setup_writes_through_the_vault_so_every_file_is_accounted_for(vault: Path) -> None:
    """Every file setup writes goes through the vault (inside it, never through a
    symlink, atomic) and is listed in ``Vault.written``, which a Ctrl-C message names."""
    from journal.usecases.obsidian_setup import obsidian_setup

    (vault / ".obsidian").mkdir()
    opened = Vault.open(vault)
    obsidian_setup(opened)
    on_disk = {
        p.relative_to(vault).as_posix()
        for p in vault.rglob("*")
        if p.is_file() and p.suffix in (".json", ".base")
    }
    assert sorted(opened.written) == sorted(on_disk)
    assert {".obsidian/types.json", ".journal/obsidian.json"} <= set(opened.written)


def test_the_example_vault_is_as_setup_makes_it(tmp_path: Path) -> None:
    """Reported: a first `journal obsidian setup` on a fresh copy of the example vault
    changed its Goals base (the base changed, the vault was not set up again)."""
    copy = tmp_path / "vault"
    shutil.copytree(EXAMPLE_VAULT, copy)
    report = setup(copy, "--dry-run")
    assert [b["action"] for b in report["bases"]] == ["unchanged"] * len(report["bases"])
    assert not report["types"]["added"]
