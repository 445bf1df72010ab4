"""A folder the vault's listing can't list (no read permission, a path too long): the
review and the plan are not written without the notes it may hold, and the commands
that only read name it."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from journal.adapters.index import Index, default_path
from journal.adapters.vault import Vault
from journal.usecases.generate import UnlistedFolders, refuse_unlisted
from tests.conftest import Invoke, chmodded, unlistable_folder

REVIEW = "reviews/2026-W47.md"


@pytest.fixture
def hidden(example_vault: Path) -> str:
    """The example vault with a folder in the goal folder that can't be listed."""
    return unlistable_folder(example_vault, "goals")


@pytest.mark.parametrize(
    ("args", "what", "path"),
    [
        (("review",), "the review", REVIEW),
        (("review", "--dry-run"), "the review", REVIEW),
        (("plan",), "the plan", "plans/2026-11-23-90-day-plan.md"),
    ],
)
def test_a_generated_note_is_not_written_while_a_folder_cant_be_listed(
    invoke: Invoke, example_vault: Path, hidden: str, args: tuple[str, ...], what: str, path: str
) -> None:
    """Found in a tryout: with `chmod 000 goals`, `journal review` wrote "No active
    goals." into the review and emptied its `goals`, exit 0."""
    (example_vault / REVIEW).unlink()
    before = [sorted((example_vault / f).iterdir()) for f in ("reviews", "plans")]
    result = invoke(*args, root=example_vault)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == (
        f"{path}: not written: can't read the folder {hidden} (File name too long), so "
        f"{what} would leave out the notes in it; make it readable (--stdout prints {what} "
        "as it would be)"
    )
    assert [sorted((example_vault / f).iterdir()) for f in ("reviews", "plans")] == before


def test_the_review_printed_names_the_folder_it_could_not_list(
    invoke: Invoke, example_vault: Path, hidden: str
) -> None:
    before = (example_vault / REVIEW).read_bytes()
    result = invoke("review", "--stdout", root=example_vault)
    assert result.exit_code == 0
    attention = result.stdout.split("## Needs attention\n\n")[1]
    assert attention.startswith(
        f"- Can't read the folder {hidden} (File name too long): the notes in it are left "
        "out of this review\n"
    )
    assert (example_vault / REVIEW).read_bytes() == before
    assert invoke("plan", "--stdout", root=example_vault).exit_code == 0


def test_the_commands_that_read_name_the_folder_and_exit_0(
    invoke: Invoke, example_vault: Path, hidden: str
) -> None:
    told = f"can't read the folder {hidden} (File name too long): its notes are left out"
    status = invoke("status", root=example_vault)
    assert status.exit_code == 0
    assert status.stdout.splitlines()[1] == told
    board = json.loads(invoke("status", "--json", root=example_vault).stdout)
    assert board["unlisted_folders"] == [{"folder": hidden, "reason": "File name too long"}]
    followups = invoke("followups", root=example_vault)
    assert followups.exit_code == 0
    assert followups.stdout.endswith(f"\n\n{told}\n")
    listing = invoke("list", root=example_vault)
    assert listing.exit_code == 0
    assert f"journal: skipped {hidden}: can't read the folder" in listing.stderr


def test_a_folder_listed_again_is_no_longer_unlisted(tmp_path: Path) -> None:
    vault_root = tmp_path / "v"
    (vault_root / ".journal").mkdir(parents=True)
    hidden = unlistable_folder(vault_root, "goals")
    vault = Vault.open(vault_root)
    list(vault.iter_notes())
    assert vault.unlisted == {hidden: "File name too long"}
    shutil.rmtree(vault_root / "goals" / hidden.split("/")[1])  # by file descriptors
    list(vault.iter_notes("goals"))
    assert vault.unlisted == {}


def test_a_folder_gone_is_no_longer_unlisted_after_a_watchers_refresh_of_it(
    tmp_path: Path,
) -> None:
    """Found in review: a watcher refreshes only the paths that changed, and a deleted
    folder it could not list stayed unlisted (its review refused) until a restart."""
    vault_root = tmp_path / "v"
    (vault_root / ".journal").mkdir(parents=True)
    hidden = unlistable_folder(vault_root, "goals")
    vault = Vault.open(vault_root)
    index = Index.open(vault, tmp_path / "index.sqlite")
    try:
        index.refresh()
        assert vault.unlisted == {hidden: "File name too long"}
        top = "/".join(hidden.split("/")[:2])
        shutil.rmtree(vault_root / top)
        index.refresh([top])  # what a watcher's batch refreshes: the path of the event
        assert vault.unlisted == {}
    finally:
        index.close()


def test_check_says_a_link_to_no_note_may_be_to_a_note_in_the_folder(
    invoke: Invoke, example_vault: Path, hidden: str
) -> None:
    """Found in a tryout: a link to a note in a folder journal can't list was reported
    as linking to no note, with "create the note" for its fix, as if it did not exist."""
    meeting = example_vault / "meetings" / "2026-10-21 Coffee with Sam Patel.md"
    meeting.write_text(meeting.read_text() + "\nSee [[old]].\n")
    result = invoke("check", "--json", root=example_vault)
    found = [f for f in json.loads(result.stdout) if f["message"] == "[[old]] links to no note"]
    assert [f["suggestion"] for f in found] == [
        "fix the name, or create the note (Obsidian shows the link as unresolved); or the "
        f"note is in {hidden}, which journal can't read: make it readable"
    ]


def test_check_says_a_progress_field_to_no_goal_may_be_to_a_goal_in_the_folder(
    invoke: Invoke, example_vault: Path, hidden: str
) -> None:
    """Found by a verifier: with the goal folder unreadable, H010 told to fix the goal's
    name of every `progress::` field, as if the goal did not exist."""
    daily = example_vault / "daily" / "2026-11-16.md"
    daily.write_text(daily.read_text() + "\nprogress:: [[old goal]] +1\n")
    result = invoke("check", "--json", root=example_vault)
    found = [f for f in json.loads(result.stdout) if "[[old goal]]" in f["message"]]
    assert [(f["rule"], f["suggestion"]) for f in found] == [
        (
            "H010",
            "fix the goal's name (a file name, path or alias of a goal note); or the note is "
            f"in {hidden}, which journal can't read: make it readable",
        )
    ]


def test_a_folder_made_unreadable_keeps_its_notes_indexed_and_in_no_list(
    invoke: Invoke, example_vault: Path
) -> None:
    """A folder that can't be listed is no empty one (found in a tryout: a watcher
    reported its notes removed, and they came back only with a rebuild): the index keeps
    them, and every list still leaves them out until the folder can be listed."""
    goal = "Connect with five HR leaders in my industry this quarter"
    assert goal in invoke("list", root=example_vault).stdout
    db = default_path(Vault.open(example_vault))

    def indexed() -> list[str]:
        with contextlib.closing(sqlite3.connect(db)) as conn:
            return [row[0] for row in conn.execute("SELECT path FROM notes ORDER BY path")]

    before = indexed()
    with chmodded(example_vault / "goals", 0):
        hidden = invoke("list", root=example_vault)
    assert hidden.exit_code == 0
    assert "journal: skipped goals: can't read the folder (Permission denied)" in hidden.stderr
    assert goal not in hidden.stdout
    assert indexed() == before
    assert goal in invoke("list", root=example_vault).stdout


def test_every_command_leaves_out_the_notes_of_a_folder_that_cant_be_listed(
    invoke: Invoke, example_vault: Path
) -> None:
    """Found in review: with `chmod 000 goals`, `journal index` counted the goals the
    index kept of it, with their errors, and `search` found them, where `list` and
    `check` had none: what every list leaves out is one test (catalog.LeftOut)."""
    (example_vault / "goals/Broken.md").write_text("---\ntype: goal\ntitle: [\n---\n# interview\n")
    before = json.loads(invoke("index", "--json", root=example_vault).stdout)
    assert (before["kinds"]["goal"], len(before["errors"])) == (11, 1)
    with chmodded(example_vault / "goals", 0):
        report = json.loads(invoke("index", "--json", root=example_vault).stdout)
        text = invoke("index", root=example_vault).stdout
        found = json.loads(invoke("search", "--json", "interview", root=example_vault).stdout)
        listing = invoke("list", "--json", root=example_vault).stdout
    assert (report["notes"], report["kinds"]["goal"]) == (before["notes"] - 11, 0)
    assert (report["errors"], report["diagnostics"]["error"], report["files_with_problems"]) == (
        [],
        0,
        0,
    )
    assert report["unlisted_folders"] == [{"folder": "goals", "reason": "Permission denied"}]
    assert text.splitlines()[2] == (
        "can't read the folder goals (Permission denied): its notes are left out"
    )
    assert found and [hit for hit in found if hit["path"].startswith("goals/")] == []
    assert json.loads(listing) == []


def test_a_known_unlisted_folder_is_not_looked_for_again(tmp_path: Path) -> None:
    """Found in review: a refresh of each path in a folder known to be unlisted listed
    every folder above it again, and told it again."""
    vault_root = tmp_path / "v"
    (vault_root / ".journal").mkdir(parents=True)
    hidden = unlistable_folder(vault_root, "goals")
    vault = Vault.open(vault_root)
    list(vault.iter_notes())
    told: list[str] = []
    vault.find_unlisted_above(f"{hidden}/old.md", lambda rel, why: told.append(rel))
    assert (told, vault.unlisted) == ([], {hidden: "File name too long"})


def test_a_review_refused_for_a_folder_says_what_it_leaves_out(
    example_vault: Path, hidden: str
) -> None:
    """The refusal is one of its own (a watcher writes the review once it can), saying
    why and naming the folders "it" or "them"."""
    vault = Vault.open(example_vault)
    index = Index.open(vault)
    try:
        index.refresh()
        with index.reading() as reader, pytest.raises(UnlistedFolders) as refused:
            refuse_unlisted(vault.catalog(reader), REVIEW, "the review")
    finally:
        index.close()
    assert (refused.value.why, refused.value.it, refused.value.path) == (
        f"can't read the folder {hidden} (File name too long), so the review would leave out "
        "the notes in it",
        "it",
        REVIEW,
    )


def test_a_folder_that_can_be_read_but_not_entered_is_one_that_cant_be_listed(
    invoke: Invoke, example_vault: Path
) -> None:
    """Found in a tryout: with `chmod 644 goals` (its names read, its notes not looked
    at), every command stopped with `internal error: PermissionError`, the first build
    of an index as the commands after it."""
    with chmodded(example_vault / "goals", 0o644):
        results = {
            args: invoke(*args, root=example_vault)
            for args in [
                ("list",),  # the first: builds the index
                ("status", "--json"),
                ("index", "--json"),
                ("check", "--json"),
                ("people",),
                ("search", "interview"),
                ("review", "--stdout"),
            ]
        }
    skipped = "journal: skipped goals: can't read the folder (Permission denied)\n"
    for args, result in results.items():
        assert (args, result.stderr.startswith(skipped)) == (args, True)
        assert (args, result.stderr.count("journal: ")) == (args, 1 + (args == ("list",)))
        assert (args, result.exit_code) == (args, 1 if args[0] == "check" else 0)
    assert results[("list",)].stderr.endswith("journal: no goals match\n")
    assert json.loads(results[("status", "--json")].stdout)["unlisted_folders"] == [
        {"folder": "goals", "reason": "Permission denied"}
    ]
    assert json.loads(results[("index", "--json")].stdout)["kinds"]["goal"] == 0


def test_a_note_whose_path_is_too_long_is_told_and_the_rest_read(
    invoke: Invoke, vault: Path
) -> None:
    """Found in a tryout: a folder whose path is just short enough to be listed, holding
    a note whose name makes its path too long, stopped every command with `internal
    error: OSError: [Errno 36] File name too long`."""
    names: list[str] = []
    while len(os.fsencode(vault.joinpath(*names))) + 201 < 4050:
        names.append(f"level {len(names):02d} ".ljust(200, "x"))
    here = os.open(vault, os.O_RDONLY)
    try:
        for name in names:
            os.mkdir(name, dir_fd=here)
            inner = os.open(name, os.O_RDONLY, dir_fd=here)
            os.close(here)
            here = inner
        long_name = "n".ljust(4100 - len(os.fsencode(vault.joinpath(*names))), "x") + ".md"
        for name in ("short.md", long_name):
            os.close(os.open(name, os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=here))
    finally:
        os.close(here)
    folder = "/".join(names)
    for args in [("search", "--json", "x"), ("index", "--rebuild")]:  # a first build too
        result = invoke(*args)
        assert (result.exit_code, result.stderr) == (0, "")
    assert json.loads(invoke("search", "--json", "x").stdout) == []
    result = invoke("index", "--json")  # (a build reads with no stat scan: it tells none)
    assert result.stderr == (
        f"journal: skipped {folder}/{long_name}: can't read the note (File name too long)\n"
    )
    assert json.loads(result.stdout)["notes"] == 1


def test_a_vault_folder_that_cant_be_listed_is_named_as_one(
    invoke: Invoke, example_vault: Path
) -> None:
    """Found in a tryout: with the vault at `chmod 300` (entered, not listed), `list` said
    `no goals match` and `index` counted `notes: 0 (none)`, `problems: none`, naming no
    folder."""
    with chmodded(example_vault, 0o300):
        listing = invoke("list", root=example_vault)
        report = invoke("index", root=example_vault)
        review = invoke("review", root=example_vault)
    assert listing.exit_code == 0
    assert listing.stderr.startswith(
        "journal: skipped .: can't read the folder (Permission denied)\n"
    )
    assert "can't read the folder . (Permission denied): its notes are left out" in report.stdout
    assert review.exit_code == 1


@pytest.mark.parametrize("mode", [0o311, 0o300])
def test_a_vault_folder_that_cant_be_listed_keeps_the_index(
    invoke: Invoke, example_vault: Path, mode: int
) -> None:
    """Found in a review: with the vault at `chmod 311` (entered, not listed), `index`
    removed every note (`0 read, 36 removed`) and read them all again once it could list
    it, where any other folder that can't be listed keeps its notes."""
    built = json.loads(invoke("index", "--json", root=example_vault).stdout)
    with chmodded(example_vault, mode):
        hidden = json.loads(invoke("index", "--json", root=example_vault).stdout)
    again = json.loads(invoke("index", "--json", root=example_vault).stdout)
    assert (hidden["read"], hidden["removed"], hidden["notes"]) == (0, 0, 0)
    assert hidden["unlisted_folders"] == [{"folder": ".", "reason": "Permission denied"}]
    assert (again["read"], again["removed"], again["notes"]) == (0, 0, built["notes"])


@pytest.mark.parametrize("mode", [0o644, 0o311, 0o000])
@pytest.mark.parametrize(
    ("args", "path"),
    [
        (("new", "goal", "Brand new goal"), "goals/Brand new goal.md"),
        (("new", "contact", "Zed Quinn"), "people/Zed Quinn.md"),
        (
            ("new", "meeting", "--with", "Dana Ortiz", "--date", "2026-11-22"),
            "meetings/2026-11-22 Meeting with Dana Ortiz.md",
        ),
    ],
)
def test_a_new_note_in_a_folder_that_cant_be_entered_or_listed_is_refused_by_name(
    invoke: Invoke, example_vault: Path, args: tuple[str, ...], path: str, mode: int
) -> None:
    """Found in a review: `new goal` into `goals` at `chmod 644` (its names read, none
    looked at), `311` or `000` stopped with `internal error: PermissionError`, where a
    read-only one (`555`) is told as a note that can't be written."""
    folder = example_vault / path.partition("/")[0]
    with chmodded(folder, mode):
        result = invoke(*args, root=example_vault)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        f"{path}: can't write it: Permission denied (check the permissions of its folder);"
        " nothing written"
    )
    assert not (example_vault / path).exists()


def test_a_new_note_in_a_symlinked_folder_is_refused_as_before(
    invoke: Invoke, example_vault: Path, tmp_path: Path
) -> None:
    """Found in review: the write's refusals named by the note went on to name the
    vault's own refusals too (`goals/Run more.md: 'goals' goes through a symlink`)."""
    real = tmp_path / "real"
    (example_vault / "goals").rename(real)
    (example_vault / "goals").symlink_to(real)
    result = invoke("new", "goal", "Run more", root=example_vault)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        "journal: 'goals' goes through a symlink; the tool does not follow it"
    )
    assert not (real / "Run more.md").exists()


@pytest.mark.parametrize("mode", [0o644, 0o000])
@pytest.mark.parametrize("args", [("list",), ("index",), ("new", "goal", "Brand new goal")])
def test_a_vault_folder_that_cant_be_entered_is_named(
    invoke: Invoke, example_vault: Path, mode: int, args: tuple[str, ...]
) -> None:
    """Found in a review: with the vault at `chmod 644` or `000`, every command stopped
    with `internal error: PermissionError: ... '.journal'`."""
    with chmodded(example_vault, mode):
        result = invoke(*args, root=example_vault)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"journal: vault folder '{example_vault}' can't be read (Permission denied)\n"
    )
