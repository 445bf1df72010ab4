"""A command a message suggests carries the ``--vault`` the user typed, as typed and
quoted, so that it runs pasted anywhere (from cron's mail, outside the vault): in every
message on stderr, in click's usage errors and in ``check``'s report; not in ``--json``
(the data a script reads, the same whichever way the vault was chosen), nor with
``JOURNAL_VAULT`` (the pasted command finds the vault as this one did)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from journal.cli import cli
from tests.conftest import goal_text

TYPED = 'journal --vault "my vault"'  # as the tests type it, from the folder above


@pytest.fixture
def spaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A vault whose folder name needs quotes, and the working folder above it."""
    root = tmp_path / "my vault"
    (root / ".journal").mkdir(parents=True)
    (root / "goals").mkdir()
    monkeypatch.chdir(tmp_path)
    return root


def run(*args: str, vault: str | None = "my vault") -> Result:
    given = ["--vault", vault] if vault is not None else []
    return CliRunner().invoke(cli, [*given, *args], catch_exceptions=False)


def test_an_error_a_warning_and_a_notice_carry_the_vault_typed(spaced: Path) -> None:
    """A tryout, from cron: `log coffee chats +1 x` said to paste `journal log "coffee
    chats" +1 x`, which failed with "no vault here"; so did a done goal's warning and
    `done`'s "record it"."""
    (spaced / "goals/a.md").write_text(goal_text("Coffee chats", current=2))
    unquoted = run("log", "coffee", "chats", "+1", "x")
    assert unquoted.exit_code == 2
    assert unquoted.stderr.endswith(
        f'a goal\'s name with spaces goes in quotes: {TYPED} log "coffee chats" +1 x\n'
    )
    done = run("done", "Coffee chats")
    assert done.exit_code == 0
    assert done.stderr.endswith(
        f'record it: {TYPED} log "Coffee chats" +3 (or {TYPED} set "Coffee chats" current=5)\n'
    )
    logged = run("log", "Coffee chats", "+1", "y")
    assert logged.exit_code == 0
    assert logged.stderr.endswith(f'(reopen it: {TYPED} set "Coffee chats" status=active)\n')


def test_a_click_usage_error_carries_it_too(spaced: Path) -> None:
    """The one kind that kept it before (words left over after a name), and the hint of
    `search` about a word taken for an option, through the same funnel."""
    (spaced / "goals/a.md").write_text(goal_text("Coffee chats"))
    extra = run("show", "Coffee", "chats")
    assert extra.exit_code == 2
    assert extra.stderr.endswith(
        f'a name with spaces goes in quotes: {TYPED} show "Coffee chats"\n'
    )
    search = run("search", "hr", "-leaders")
    assert search.exit_code == 2
    assert f"as in {TYPED} search 'hr NOT leaders')" in search.stderr


def test_check_gives_its_fixes_with_the_vault_typed_and_its_json_without(spaced: Path) -> None:
    """The fixes in `check`'s report, also from check's own `--vault` (a pre-commit
    hook's), which the command to paste gives as journal's; its JSON keeps the command
    as the vault's own folder runs it."""
    (spaced / "goals/a.md").write_text(goal_text("Coffee chats", due="2026-10-31"))
    fix = f'`{TYPED} set "Coffee chats" due=YYYY-MM-DD`'
    assert fix in run("check").stdout
    assert fix in run("check", "--vault", "my vault", vault=None).stdout
    assert fix in run("--plain", "check").stdout
    records = json.loads(run("check", "--json").stdout)
    assert any('`journal set "Coffee chats" due=YYYY-MM-DD`' in r["suggestion"] for r in records)
    assert "--vault" not in json.dumps(records)


def test_no_vault_typed_no_options_given(spaced: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """From JOURNAL_VAULT, or found around the working folder, the command pasted in the
    same shell finds the vault as this one did: nothing is added."""
    (spaced / "goals/a.md").write_text(goal_text("Coffee chats", current=2))
    monkeypatch.setenv("JOURNAL_VAULT", str(spaced))
    told = '(reopen it: journal set "Coffee chats" status=active)'
    assert run("done", "Coffee chats", vault=None).exit_code == 0
    assert told in run("log", "Coffee chats", "+1", "y", vault=None).stderr
    monkeypatch.delenv("JOURNAL_VAULT")
    monkeypatch.chdir(spaced)
    assert told in run("log", "Coffee chats", "+1", "z", vault=None).stderr


def test_text_that_only_looks_like_a_command_is_left_as_it_is(spaced: Path) -> None:
    """Only a command journal suggests is given the options: `journal` then one of its
    commands, then what a command goes on with (an option, a quoted word, a placeholder)
    or nothing; not a file or a title that reads "journal review habit"."""
    (spaced / "goals/Keep a journal review habit.md").write_text(
        goal_text("Keep a journal review habit", current="x")  # a warning naming the file
    )
    listed = run("list")
    assert listed.exit_code == 0
    assert "goals/Keep a journal review habit.md:" in listed.stderr
    assert "--vault" not in listed.stderr
    quoted = run("show", "Weekly journal log 2027")  # quoted: passed over whole
    assert quoted.stderr == "journal: no goal called 'Weekly journal log 2027'\n"
