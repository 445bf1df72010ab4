"""`journal merge-driver`: two clones' reviews of one week merge with git, the generated
sections taken from one side, the text the user wrote merged from both."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.adapters.mergefile import merge_file
from journal.cli import cli
from journal.core import generated
from journal.core.note_merge import aligned
from tests.conftest import REPO, goal_text
from tests.gitutil import Git

REVIEW = "reviews/2026-W47.md"
ONE = "goals/Connect with five HR leaders.md"
TWO = "goals/Ship the portfolio.md"


def run(*args: str, vault: Path | None = None) -> Result:
    where = ["--vault", str(vault)] if vault else []
    return CliRunner().invoke(cli, [*where, *args])


def install(vault: Path, monkeypatch: pytest.MonkeyPatch) -> Result:
    """``--install`` where no ``journal`` is on PATH: the driver runs this checkout's
    interpreter (``-m journal``), with the PYTHONPATH git passes on."""
    monkeypatch.setenv("PATH", "/usr/bin:/bin")
    return run("merge-driver", "--install", vault=vault)


def reflect(vault: Path, question: str, text: str) -> None:
    """``text`` written under a question of the review's reflection."""
    note = vault / REVIEW
    head, tail = note.read_bytes().decode().split(f"### {question}\n", 1)
    note.write_bytes(f"{head}### {question}\n{text}{tail}".encode())


def log(vault: Path, rel: str, line: str, current: int) -> None:
    note = vault / rel
    text = note.read_text().replace("current: 2", f"current: {current}")
    note.write_text(text + line + "\n")


@pytest.fixture
def clones(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Git, Git]:
    """Two clones of one vault with the driver installed, each with the week's review
    committed from its own check-ins and reflection."""
    home = tmp_path / "home"
    a = Git(tmp_path / "a", home).init()
    (a.root / ".journal").mkdir()
    (a.root / ONE).parent.mkdir()
    (a.root / ONE).write_text(goal_text(current=2))
    (a.root / TWO).write_text(goal_text("Ship the portfolio", current=2))
    assert run("review", vault=a.root).exit_code == 0
    a.commit("start", "2026-11-16")
    b = Git(tmp_path / "b", home)
    subprocess.run(["git", "clone", "-q", str(a.root), str(b.root)], env=a.env, check=True)
    return a, b


def week_on_both(a: Git, b: Git) -> None:
    log(a.root, ONE, "- 2026-11-21: +1 Lunch with [[Sam Lee]]", 3)
    assert run("review", vault=a.root).exit_code == 0
    reflect(a.root, "What went well?", "Ana: the lunch went well.\n")
    a.commit("a's week", "2026-11-22")
    log(b.root, TWO, "- 2026-11-21: +1 Case study page", 3)
    assert run("review", vault=b.root).exit_code == 0
    reflect(b.root, "What got in the way?", "Ben: the case study took long.\n")
    reflect(b.root, "One ask for my mentor", "Only Ben wrote this.\n")
    b.commit("b's week", "2026-11-22")


def pull(b: Git, **env: str) -> subprocess.CompletedProcess[str]:
    env = {**b.env, "PYTHONPATH": str(REPO), **env}
    return subprocess.run(
        ["git", "-C", str(b.root), "pull", "-q", "--no-rebase", "--no-edit", "origin", "main"],
        env=env,
        capture_output=True,
        text=True,
    )


def sections(text: str) -> dict[str, str]:
    found = generated.find_sections(text)
    return {name: text[s.start : s.end] for name, s in found.items()}


def test_two_clones_reviews_of_one_week_merge_with_both_sides_text(
    clones: tuple[Git, Git], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = clones
    assert install(a.root, monkeypatch).exit_code == 0
    a.commit("merge driver", "2026-11-16")
    b("pull", "-q", "origin", "main")
    assert install(b.root, monkeypatch).exit_code == 0
    week_on_both(a, b)
    ours = (b.root / REVIEW).read_text()
    done = pull(b)
    assert done.returncode == 0, done.stderr
    assert (
        f'journal: merged {REVIEW} (your text from both sides kept); run "journal review '
        '--week 2026-W47" once the merge is done, to remake its sections from the merged goals'
    ) in done.stderr
    merged = (b.root / REVIEW).read_text()
    assert "<<<<<<<" not in merged
    for line in ("Ana: the lunch went well.", "Ben: the case study took", "Only Ben wrote"):
        assert merged.count(line) == 1
    assert sections(merged) == sections(ours)  # ours, markers and hashes as written
    assert merged.split("---\n")[1] == ours.split("---\n")[1]  # the owned properties too
    again = run("review", vault=b.root)
    assert again.exit_code == 0, again.output
    remade = (b.root / REVIEW).read_text()
    assert "Lunch with" in remade and "Case study page" in remade  # both sides' check-ins
    assert "### What went well?\nAna: the lunch went well.\n" in remade
    checked = run("check", "--select", "H", "--json", vault=b.root)
    assert [f for f in json.loads(checked.stdout) if f["rule"] == "H023"] == []


def test_git_runs_the_driver_without_journal_on_path(
    clones: tuple[Git, Git], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Reported: installed from a shell with `journal` on PATH, the driver was `journal
    merge-driver ...`; git run without it (a GUI client, a shell without the venv) said
    `journal: not found` and left OURS alone, THEIRS' reflection gone without a marker."""
    a, b = clones
    shell = tmp_path / "bin"
    shell.mkdir()
    (shell / "journal").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m journal "$@"\n')
    (shell / "journal").chmod(0o755)
    monkeypatch.setenv("PATH", f"{shell}:/usr/bin:/bin")
    installed = run("merge-driver", "--install", vault=b.root)
    assert installed.exit_code == 0, installed.output
    assert f"git runs {sys.executable} -P -m journal" in installed.stdout
    assert sys.executable in b("config", "merge.journal.driver")
    week_on_both(a, b)
    done = pull(b, PATH="/usr/bin:/bin")
    assert done.returncode == 0, done.stderr
    merged = (b.root / REVIEW).read_text()
    assert "Ana: the lunch went well." in merged and "Only Ben wrote this." in merged


def test_the_driver_imports_no_module_of_the_repository(
    clones: tuple[Git, Git], monkeypatch: pytest.MonkeyPatch
) -> None:
    """git runs the driver at the top of the work tree, which `python -m` put first on
    `sys.path`: a vault in a code repository whose `json.py` stood there broke it, OURS
    kept as it was."""
    a, b = clones
    assert install(b.root, monkeypatch).exit_code == 0
    (b.root / "json.py").write_text('raise SystemExit("the repository\'s json.py")\n')
    week_on_both(a, b)
    done = pull(b)
    assert done.returncode == 0, done.stderr
    assert "Ana: the lunch went well." in (b.root / REVIEW).read_text()


def test_a_driver_whose_python_is_gone_leaves_gits_own_conflict_and_says_so(
    clones: tuple[Git, Git], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The venv that installed the driver moved or was deleted: the note is merged as git
    merges any file, conflicted, nothing of THEIRS lost, and the fix is told."""
    a, b = clones
    assert install(b.root, monkeypatch).exit_code == 0
    driver = b("config", "merge.journal.driver").strip()
    b("config", "merge.journal.driver", driver.replace(sys.executable, str(tmp_path / "gone")))
    week_on_both(a, b)
    done = pull(b)
    assert done.returncode == 1
    assert "journal merge-driver --install" in done.stderr
    merged = (b.root / REVIEW).read_text()
    assert merged.count("<<<<<<< ours") >= 1
    for line in ("Ana: the lunch went well.", "Ben: the case study took", "Only Ben wrote"):
        assert merged.count(line) == 1


def test_the_same_line_changed_on_both_sides_is_a_conflict_of_that_line_only(
    clones: tuple[Git, Git], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = clones
    install(a.root, monkeypatch)
    a.commit("merge driver", "2026-11-16")
    b("pull", "-q", "origin", "main")
    install(b.root, monkeypatch)
    log(a.root, ONE, "- 2026-11-21: +1 Lunch with [[Sam Lee]]", 3)
    assert run("review", vault=a.root).exit_code == 0
    reflect(a.root, "What went well?", "Ana wrote this.\n")
    a.commit("a's week", "2026-11-22")
    assert run("review", vault=b.root).exit_code == 0
    reflect(b.root, "What went well?", "Ben wrote this.\n")
    b.commit("b's week", "2026-11-22")
    done = pull(b)
    assert done.returncode != 0
    assert f"CONFLICT (content): Merge conflict in {REVIEW}" in done.stdout + done.stderr
    merged = (b.root / REVIEW).read_text()
    assert merged.count("<<<<<<<") == 1 and merged.count(">>>>>>>") == 1
    conflict = merged[merged.index("<<<<<<<") : merged.index(">>>>>>>")]
    assert "Ben wrote this." in conflict and "Ana wrote this." in conflict
    assert "journal:" not in conflict  # the sections stand outside it, ours
    assert sections(merged).keys() == sections((b.root / REVIEW).read_text()).keys()


def test_without_the_driver_git_merges_as_ever(clones: tuple[Git, Git]) -> None:
    a, b = clones
    week_on_both(a, b)
    done = pull(b)
    assert done.returncode != 0
    merged = (b.root / REVIEW).read_text()
    assert merged.count("<<<<<<<") > 1  # in the sections too, as git merges any file
    assert "journal: merged" not in done.stderr


def texts(clones: tuple[Git, Git]) -> tuple[bytes, bytes, bytes]:
    """The review as it was (base), as b and as a made it (ours, theirs)."""
    a, b = clones
    base = (b.root / REVIEW).read_bytes()
    week_on_both(a, b)
    return base, (b.root / REVIEW).read_bytes(), (a.root / REVIEW).read_bytes()


def drive(tmp_path: Path, base: bytes, ours: bytes, theirs: bytes) -> tuple[Result, bytes]:
    paths = []
    for name, data in (("base", base), ("ours", ours), ("theirs", theirs)):
        (tmp_path / name).write_bytes(data)
        paths.append(str(tmp_path / name))
    result = run("merge-driver", *paths, REVIEW)
    return result, (tmp_path / "ours").read_bytes()


def test_a_crlf_review_merges_keeping_its_line_endings(
    clones: tuple[Git, Git], tmp_path: Path
) -> None:
    base, ours, theirs = (t.replace(b"\n", b"\r\n") for t in texts(clones))
    result, merged = drive(tmp_path, base, b"\xef\xbb\xbf" + ours, theirs)
    assert result.exit_code == 0, result.output
    assert merged.startswith(b"\xef\xbb\xbf---\r\n")
    assert b"\n" not in merged.replace(b"\r\n", b"")
    assert b"Ana: the lunch went well.\r\n" in merged and b"Only Ben wrote this.\r\n" in merged


def test_an_add_add_conflict_merges_from_the_lines_both_sides_have(
    clones: tuple[Git, Git], tmp_path: Path
) -> None:
    """Reported: with an empty base (both sides made the note: git's add/add) every
    answer of the reflection conflicted with nothing, and was blamed on both sides."""
    _base, ours, theirs = texts(clones)
    result, merged = drive(tmp_path, b"", ours, theirs)
    assert result.exit_code == 0, result.output  # each answered other questions
    assert b"<<<<<<<" not in merged
    for line in (b"Ana: the lunch went well.", b"Ben: the case study took", b"Only Ben wrote"):
        assert merged.count(line) == 1
    assert sections(merged.decode()) == sections(ours.decode())


def merge(repo: Git, branch: str) -> subprocess.CompletedProcess[str]:
    """``git merge BRANCH`` in ``repo``, the driver run from this checkout."""
    env = {**repo.env, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        ["git", "-C", str(repo.root), "merge", "-q", "--no-edit", branch],
        env=env,
        capture_output=True,
        text=True,
    )


def made_on_two_branches(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    make: tuple[str, ...],
    edits: tuple[Callable[[Path], None], Callable[[Path], None]],
    *,
    base: bool = False,
    two: bool = False,
) -> Git:
    """A vault with the driver where ``make`` (``review``, ``plan``) made its note on a
    branch, ``laptop``, and on ``main`` a day later, each side then edited by its own of
    ``edits`` (theirs, ours) and committed: both added the note, so a merge of
    ``laptop`` gives the driver an empty base (git's add/add); ``base``: the note was
    made and committed before the branches parted, the base of the merge; ``two``: with a
    second goal, ``TWO``."""
    repo = Git(tmp_path / "v", tmp_path / "home").init()
    (repo.root / ".journal").mkdir()
    (repo.root / ONE).parent.mkdir()
    (repo.root / ONE).write_text(goal_text(current=2))
    if two:
        (repo.root / TWO).write_text(goal_text("Ship the portfolio", current=2))
    assert install(repo.root, monkeypatch).exit_code == 0
    if base:
        monkeypatch.setenv("JOURNAL_TODAY", "2026-11-16")
        assert run(*make, vault=repo.root).exit_code == 0
    repo.commit("start", "2026-11-16")
    repo("checkout", "-q", "-b", "laptop")
    for day, edit in zip(("2026-11-21", "2026-11-22"), edits, strict=True):
        monkeypatch.setenv("JOURNAL_TODAY", day)
        assert run(*make, vault=repo.root).exit_code == 0
        edit(repo.root)
        repo.commit(f"{make[0]} {day}", day)
        repo("checkout", "-q", "main")
    return repo


def nothing(_vault: Path) -> None:
    """No text written."""


def test_a_review_both_branches_made_keeps_the_one_sides_reflection(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reported: the laptop's review, with its answer, and the desktop's, made later that
    week with none, merged as a conflict of the answer with nothing."""
    repo = made_on_two_branches(
        tmp_path,
        monkeypatch,
        ("review",),
        (lambda v: reflect(v, "What went well?", "Laptop text.\n"), nothing),
    )
    done = merge(repo, "laptop")
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"journal: merged {REVIEW} (your text from both sides kept)" in done.stderr
    merged = (repo.root / REVIEW).read_text()
    assert "<<<<<<<" not in merged
    assert "### What went well?\nLaptop text.\n" in merged


def test_a_plan_both_branches_made_keeps_the_one_sides_notes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = "plans/2026-12-07-90-day-plan.md"

    def note(vault: Path) -> None:
        with (vault / plan).open("a") as file:
            file.write("Land an HRBP role by March.\n")

    repo = made_on_two_branches(
        tmp_path, monkeypatch, ("plan", "--start", "2026-12-07"), (nothing, note)
    )
    done = merge(repo, "laptop")
    assert done.returncode == 0, done.stdout + done.stderr
    merged = (repo.root / plan).read_text()
    assert "<<<<<<<" not in merged
    assert merged.endswith("Land an HRBP role by March.\n")


BOTH_MADE = (
    "both sides made this note (no version of it in common), and where git's conflict "
    "markers are their lines differ, neither the other's with text added: each side wrote "
    "its own text there, or one changed a line of the note the other kept as made (the "
    "sections no one edited are yours); resolve it"
)
PLAN = "plans/2026-12-07-90-day-plan.md"
MAKE_PLAN = ("plan", "--start", "2026-12-07")
PROMPT = "What this quarter is for, in one sentence:"


def replace(rel: str, old: str, new: str) -> Callable[[Path], None]:
    """An edit of the note at ``rel`` by hand: its one ``old`` text made ``new``."""

    def edit(vault: Path) -> None:
        text = (vault / rel).read_text()
        assert text.count(old) == 1
        (vault / rel).write_text(text.replace(old, new))

    return edit


@pytest.mark.parametrize("laptop", [True, False])
def test_a_prompt_one_branch_filled_in_is_that_branchs_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, laptop: bool
) -> None:
    """Reported: both branches made the plan (add/add), one filled in its prompt where it
    stands, the other wrote nothing: a conflict of the prompt with its answer, told as
    text both sides wrote."""
    filled = replace(PLAN, f"{PROMPT}\n", f"{PROMPT} land an HRBP role.\n")
    edits = (filled, nothing) if laptop else (nothing, filled)
    repo = made_on_two_branches(tmp_path, monkeypatch, MAKE_PLAN, edits)
    done = merge(repo, "laptop")
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"journal: merged {PLAN} (your text from both sides kept)" in done.stderr
    merged = (repo.root / PLAN).read_text()
    assert "<<<<<<<" not in merged
    assert merged.endswith(f"\n{PROMPT} land an HRBP role.\n")


def test_a_crlf_prompt_one_branch_filled_in_is_that_branchs_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    filled = replace(PLAN, f"{PROMPT}\n", f"{PROMPT} land an HRBP role.\n")
    repo = made_on_two_branches(tmp_path, monkeypatch, MAKE_PLAN, (filled, nothing))
    ours, theirs = (repo("show", f"{branch}:{PLAN}").encode() for branch in ("main", "laptop"))
    result, merged = drive(tmp_path, b"", *(t.replace(b"\n", b"\r\n") for t in (ours, theirs)))
    assert result.exit_code == 0, result.output
    assert merged.endswith(f"\r\n{PROMPT} land an HRBP role.\r\n".encode())


def test_a_question_one_branch_answered_on_its_blank_line_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An answer typed on the blank line under a question (not a line added), on one
    branch; the other answered another question."""
    on_blank = replace(REVIEW, "### What went well?\n\n", "### What went well?\nLaptop text.\n")
    repo = made_on_two_branches(
        tmp_path,
        monkeypatch,
        ("review",),
        (on_blank, lambda v: reflect(v, "What did I learn?", "Desktop text.\n")),
    )
    done = merge(repo, "laptop")
    assert done.returncode == 0, done.stdout + done.stderr
    merged = (repo.root / REVIEW).read_text()
    assert "### What went well?\nLaptop text.\n" in merged
    assert "### What did I learn?\nDesktop text.\n" in merged


@pytest.mark.parametrize(
    "desktop", [f"{PROMPT} find a mentor.", "The quarter is for finding a mentor."]
)
def test_a_line_both_branches_wrote_differently_conflicts_and_is_told_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, desktop: str
) -> None:
    """Both filled in the prompt, each its own way (or one wrote a line in its place, which
    without a version in common is not told from text both wrote): a conflict of that
    line, told as it is."""
    repo = made_on_two_branches(
        tmp_path,
        monkeypatch,
        MAKE_PLAN,
        (
            replace(PLAN, f"{PROMPT}\n", f"{PROMPT} land an HRBP role.\n"),
            replace(PLAN, f"{PROMPT}\n", f"{desktop}\n"),
        ),
    )
    done = merge(repo, "laptop")
    assert done.returncode == 1
    merged = (repo.root / PLAN).read_text()
    assert merged.count("<<<<<<<") == 1
    conflict = merged[merged.index("<<<<<<<") :]
    assert f"\n{desktop}\n=======\n{PROMPT} land an HRBP role.\n>>>>>>> theirs" in conflict
    assert f"journal: {PLAN}: {BOTH_MADE}" in done.stderr


#: Lines of the notes two sides made: a prompt, filled in (after it: one way, two ways,
#: one the other with more; before it), a blank line, text.
LINES = ["", "Q:", "Q: a", "Q: b", "Q: a b", "b Q:", "a", "## H"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(LINES), max_size=8), st.lists(st.sampled_from(LINES), max_size=8))
def test_a_note_both_sides_made_merges_losing_no_line(mine: list[str], other: list[str]) -> None:
    """However the lines both sides have, and those one of which holds the other, make
    the base, every line of each side is in a line of the merge (in a conflict, or as
    written, or in the line the other side wrote into it)."""
    made = aligned("", "\n".join(mine) + "\n", "\n".join(other) + "\n")
    merged, _clean = merge_file(*(text.encode() for text in (made.base, made.ours, made.theirs)))
    lines = merged.decode().split("\n")
    for line in mine + other:
        assert any(line in there for there in lines), line


def commented(rel: str, goal: str, comment: str) -> Callable[[Path], None]:
    """A comment typed on the line of ``goal``'s row of a plan's ``targets``."""
    row = f"  - goal: {goal}\n"
    return replace(rel, row, f"{row[:-1]}  {comment}\n")


ONE_ID = "connect-with-five-hr-leaders"


def set_and_plan(*changes: str) -> Callable[[Path], None]:
    """``journal set ONE CHANGES``, then the plan made again."""

    def edit(vault: Path) -> None:
        assert run("set", ONE_ID, *changes, vault=vault).exit_code == 0
        assert run(*MAKE_PLAN, vault=vault).exit_code == 0

    return edit


@pytest.mark.parametrize("base", [True, False])
@pytest.mark.parametrize(("change", "row"), [("effort=3", "target: 5"), ("target=8", "target: 8")])
def test_a_comment_in_a_plans_targets_survives_the_merge(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, base: bool, change: str, row: str
) -> None:
    """Reported: a comment on a row of `targets`, on one branch, was gone after the merge
    (OURS' copy of the property taken, its values the same), which said all text was
    kept.  OURS' values (a new `target`) are written into THEIRS' text, as `journal
    plan` writes its own, so the comment stays with them."""
    repo = made_on_two_branches(
        tmp_path,
        monkeypatch,
        MAKE_PLAN,
        (commented(PLAN, ONE_ID, "# my key goal"), set_and_plan(change)),
        base=base,
    )
    done = merge(repo, "laptop")
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"journal: merged {PLAN} (your text from both sides kept)" in done.stderr
    merged = (repo.root / PLAN).read_text()
    head = merged.split("---\n")[1]
    assert f"  - goal: {ONE_ID}  # my key goal\n    from: 2\n    {row}\n" in head
    remade = run(*MAKE_PLAN, vault=repo.root)
    assert remade.exit_code == 0, remade.output
    assert "kept your value" not in remade.stderr  # the values are the tool's
    assert "# my key goal" in (repo.root / PLAN).read_text()


def test_a_comment_on_a_row_the_merge_drops_is_told(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """OURS paused a goal, whose row THEIRS commented: OURS' `targets` has no such row,
    and the merge says that the comment went with it."""
    two = "ship-the-portfolio"

    def paused(vault: Path) -> None:
        assert run("set", two, "status=paused", vault=vault).exit_code == 0
        assert run(*MAKE_PLAN, vault=vault).exit_code == 0

    repo = made_on_two_branches(
        tmp_path,
        monkeypatch,
        MAKE_PLAN,
        (commented(PLAN, two, "# after the launch"), paused),
        base=True,
        two=True,
    )
    done = merge(repo, "laptop")
    assert done.returncode == 0, done.stdout + done.stderr
    assert (
        f"journal: merged {PLAN} (your text from both sides kept but theirs' comment in its "
        "properties on lines of a value ours changed, which went with them: '# after the "
        "launch'); run"
    ) in done.stderr
    assert "# after the launch" not in (repo.root / PLAN).read_text()


def test_answers_both_branches_wrote_in_one_place_conflict_and_are_told_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = made_on_two_branches(
        tmp_path,
        monkeypatch,
        ("review",),
        (
            lambda v: reflect(v, "What went well?", "Laptop text.\n"),
            lambda v: reflect(v, "What went well?", "Desktop text.\n"),
        ),
    )
    done = merge(repo, "laptop")
    assert done.returncode == 1
    merged = (repo.root / REVIEW).read_text()
    assert merged.count("<<<<<<<") == 1
    conflict = merged[merged.index("<<<<<<<") : merged.index(">>>>>>>")]
    assert "Laptop text." in conflict and "Desktop text." in conflict
    assert "journal:" not in conflict
    assert f"journal: {REVIEW}: {BOTH_MADE}" in done.stderr


def test_an_unreadable_side_is_merged_as_git_would_and_named(
    clones: tuple[Git, Git], tmp_path: Path
) -> None:
    base, ours, theirs = texts(clones)
    broken = theirs.replace(b"<!-- journal:end wins -->", b"")
    result, merged = drive(tmp_path, base, ours, broken)
    assert result.exit_code == 1
    assert REVIEW in result.stderr and "Traceback" not in result.output
    assert merged.count(b"<<<<<<<") >= 1  # git's own merge of the raw texts


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run("merge-driver", "one", "two").exit_code == 2
    assert run("merge-driver", "--install", "a", "b", "c", "d").exit_code == 2


def test_install_writes_the_attributes_and_the_config_once(
    clones: tuple[Git, Git], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, _b = clones
    (a.root / ".gitattributes").write_bytes(b"*.png binary")  # no newline at its end
    first = install(a.root, monkeypatch)
    assert first.exit_code == 0, first.output
    assert (a.root / ".gitattributes").read_bytes() == (
        b"*.png binary\nreviews/*.md merge=journal\nplans/*.md merge=journal\n"
    )
    driver = a("config", "merge.journal.driver").strip()
    assert f"{sys.executable} -P -m journal merge-driver %O %A %B %P;" in driver
    assert "-m journal" in first.stdout  # says which command git runs
    assert a("config", "merge.journal.name").strip()
    second = install(a.root, monkeypatch)
    assert second.exit_code == 0
    assert "nothing to change" in second.stdout
    assert (a.root / ".gitattributes").read_bytes().count(b"merge=journal") == 2


def test_init_writes_the_attributes(tmp_path: Path) -> None:
    result = run("init", str(tmp_path / "v"))
    assert result.exit_code == 0, result.output
    attributes = (tmp_path / "v/.gitattributes").read_text()
    assert attributes.endswith("reviews/*.md merge=journal\nplans/*.md merge=journal\n")
    assert "journal merge-driver --install" in result.stdout  # the config, per clone


def edit(text: bytes, name: str, line: str) -> bytes:
    """``text`` with ``line`` typed at the top of its section ``name``, by hand."""
    at = generated.find_sections(text.decode())[name]
    head = text.decode()[: at.body_start]
    return (head + line + "\n" + text.decode()[at.body_start :]).encode()


def test_a_section_edited_on_one_side_is_that_sides_words(
    clones: tuple[Git, Git], tmp_path: Path
) -> None:
    base, ours, theirs = texts(clones)
    assert sections(ours.decode())["scoreboard"] != sections(theirs.decode())["scoreboard"]
    noted = edit(theirs, "scoreboard", "- THEIRS' NOTE: ask Priya about the budget")
    result, merged = drive(tmp_path, base, ours, noted)
    assert result.exit_code == 0, result.output
    assert "both sides kept" in result.stderr
    assert sections(merged.decode())["scoreboard"] == sections(noted.decode())["scoreboard"]
    assert sections(merged.decode())["wins"] == sections(ours.decode())["wins"]  # no one's edit
    mine = edit(ours, "scoreboard", "- OURS' NOTE: mine")
    result, merged = drive(tmp_path, base, mine, theirs)
    assert result.exit_code == 0, result.output
    assert sections(merged.decode())["scoreboard"] == sections(mine.decode())["scoreboard"]


def test_a_section_edited_on_both_sides_is_a_conflict_said_so(
    clones: tuple[Git, Git], tmp_path: Path
) -> None:
    base, ours, theirs = texts(clones)
    mine = edit(ours, "scoreboard", "- OURS' NOTE")
    result, merged = drive(tmp_path, base, mine, edit(theirs, "scoreboard", "- THEIRS' NOTE"))
    assert result.exit_code == 1
    conflict = merged[merged.index(b"<<<<<<<") : merged.index(b">>>>>>>")]
    assert b"OURS' NOTE" in conflict and b"THEIRS' NOTE" in conflict
    assert "both sides kept" not in result.stderr
    assert "edited by hand" in result.stderr


@pytest.mark.parametrize(
    ("config", "given", "not_given"),
    [
        (
            "",
            ["reviews/2026-W49.md", "plans/2026-11-23-90-day-plan.md"],
            ["goals/Ship it.md", "reviews.md", "notes/reviews/2026-W49.md"],
        ),
        (
            '[folders]\nreview = "."\nplan = "."\n',
            ["2026-W49.md", "2026-11-23-90-day-plan.md", "2026-11-23-7-day-plan.md"],
            ["goals/Ship it.md", "Ideas.md", "goals/2026-W49.md", "2026-W49 notes.md"],
        ),
        (
            '[review]\nname = "{year}/{week}"\n',
            ["reviews/2026/2026-W49.md", "plans/2026-11-23-90-day-plan.md"],
            ["goals/Ship it.md", "2026/2026-W49.md"],
        ),
        (
            '[folders]\nreview = "."\n[review]\nname = "{year}/Week {number}"\n',
            ["2026/Week 49.md"],
            ["2026/Week 49 notes.md", "goals/Week 49.md", "Week 49.md"],
        ),
        (
            '[folders]\nreview = "#My [reviews] *? !x"\nplan = "!plans"\n',
            ["#My [reviews] *? !x/2026-W49.md", "!plans/2026-11-23-90-day-plan.md"],
            ["#My r *? !x/2026-W49.md", "#My [reviews] ab !x/2026-W49.md", "plans/a.md"],
        ),
    ],
)
def test_the_attributes_give_the_driver_reviews_and_plans_alone(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    config: str,
    given: list[str],
    not_given: list[str],
) -> None:
    vault = Git(tmp_path / "v", tmp_path / "home").init()
    (vault.root / ".journal").mkdir()
    (vault.root / ".journal/config.toml").write_text(config)
    assert install(vault.root, monkeypatch).exit_code == 0
    for path in given + not_given:
        said = vault("check-attr", "merge", "--", path).rsplit(": ", 1)[1].strip()
        assert said == ("journal" if path in given else "unspecified"), path


def test_init_finishes_when_gits_config_cant_be_written(tmp_path: Path) -> None:
    vault = Git(tmp_path / "v", tmp_path / "home").init()
    (vault.root / ".git/config.lock").touch()  # another git command is writing it
    result = run("init", str(vault.root))
    assert result.exit_code == 0, result.output
    assert "skipped git config merge.journal.*: can't set git's config: " in result.stdout
    assert ": ;" not in result.stdout  # libgit2's message ends in ": "
    assert "journal merge-driver --install" in result.stdout
    assert (vault.root / ".journal/config.toml").is_file()
    assert list((vault.root / "goals").glob("*.md"))  # the sample goal
    assert "merge=journal" in (vault.root / ".gitattributes").read_text()
    assert "created .gitattributes" in result.stdout


def test_install_reads_the_lines_there_as_git_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = Git(tmp_path / "v", tmp_path / "home").init()
    (vault.root / ".journal").mkdir()
    attributes = vault.root / ".gitattributes"
    attributes.write_text("reviews/*.md \t merge=journal\nplans/*.md -merge  text\n")
    result = install(vault.root, monkeypatch)
    assert result.exit_code == 1
    assert attributes.read_text() == "reviews/*.md \t merge=journal\nplans/*.md -merge  text\n"
    assert (
        "journal: .gitattributes:2: 'plans/*.md -merge  text' gives these notes another merge: "
        "'plans/*.md merge=journal' not added"
    ) in result.stderr
    assert vault("config", "merge.journal.driver").strip()  # the rest is set up
    assert vault("check-attr", "merge", "--", "plans/2026-11-23-90-day-plan.md").endswith(
        ": merge: unset\n"
    )  # the user's choice still holds
    (tmp_path / "x").mkdir()
    (tmp_path / "x/.gitattributes").write_text("reviews/*.md merge=union\n")
    init = run("init", str(tmp_path / "x"))
    assert init.exit_code == 0, init.output
    assert (
        "skipped .gitattributes:1: 'reviews/*.md merge=union' gives these notes another merge"
    ) in init.stdout
    assert "reviews/*.md merge=journal" not in (tmp_path / "x/.gitattributes").read_text()


@pytest.mark.parametrize(
    ("there", "added"),
    [
        # found in review: an earlier -merge is overruled by a later merge=journal
        ("reviews/*.md -merge\nreviews/*.md merge=journal\n", ["plans/*.md merge=journal"]),
        # and a line with more attributes than ours has ours: no second line
        ("reviews/*.md merge=journal text\n", ["plans/*.md merge=journal"]),
    ],
)
def test_install_reads_which_line_git_takes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, there: str, added: list[str]
) -> None:
    """Found in review: any line of the pattern setting another merge was told as a clash
    (exit 1 on every run) though a later line wins in a `.gitattributes`; a line with an
    attribute more was not seen as ours, and ours was added again."""
    vault = Git(tmp_path / "v", tmp_path / "home").init()
    (vault.root / ".journal").mkdir()
    attributes = vault.root / ".gitattributes"
    attributes.write_text(there)
    result = install(vault.root, monkeypatch)
    assert result.exit_code == 0, result.output
    assert "gives these notes another merge" not in result.stderr
    assert attributes.read_text() == there + "".join(f"{line}\n" for line in added)
    assert vault("check-attr", "merge", "--", "reviews/2026-W47.md").endswith(": merge: journal\n")
    again = install(vault.root, monkeypatch)
    assert again.exit_code == 0 and attributes.read_text().count("merge=journal") == 2


ALREADY = "is already a journal vault (.journal/config.toml is there); nothing changed"
OFFER = "; to have git merge its reviews and plans: journal merge-driver --install"


def test_init_on_a_vault_without_the_driver_offers_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reported on upgrading: `init` on the vault of an older version said only "nothing
    changed", not a word of the merge driver that a vault made now has.  Offered while
    this clone's config or the `.gitattributes` lines lack it; not outside git."""
    monkeypatch.setenv("PATH", "/usr/bin:/bin")  # the driver's command, as install sets it
    vault = Git(tmp_path / "v", tmp_path / "home").init()
    (vault.root / ".journal").mkdir()
    (vault.root / ".journal/config.toml").write_text('[folders]\nreview = "Weekly"\n')
    said = run("init", str(vault.root))
    assert (said.exit_code, said.stderr) == (1, f"journal: {vault.root} {ALREADY}{OFFER}\n")
    assert not (vault.root / ".gitattributes").exists()  # nothing changed, as said
    assert install(vault.root, monkeypatch).exit_code == 0
    assert run("init", str(vault.root)).stderr == f"journal: {vault.root} {ALREADY}\n"
    vault("config", "--unset", "merge.journal.driver")  # a clone: the lines, no config
    assert run("init", str(vault.root)).stderr.endswith(f"{OFFER}\n")
    outside = tmp_path / "plain"
    (outside / ".journal").mkdir(parents=True)
    (outside / ".journal/config.toml").write_text("")
    assert run("init", str(outside)).stderr == f"journal: {outside} {ALREADY}\n"


def test_install_names_the_vault_and_the_repository_it_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reported: run from inside one clone with JOURNAL_VAULT naming another, `--install`
    said only `added .gitattributes: ...` and had changed the JOURNAL_VAULT vault."""
    vault = Git(tmp_path / "v", tmp_path / "home").init()
    (vault.root / "notes").mkdir()
    (vault.root / ".journal").mkdir()
    first = install(vault.root / "notes", monkeypatch)  # a vault in a folder of the clone
    lines = first.stdout.splitlines()
    assert lines[0] == f"vault: {vault.root / 'notes'}"
    assert lines[1] == "  added   .gitattributes: reviews/*.md merge=journal"
    assert lines[-1].startswith(
        f"  set     git config merge.journal.name, merge.journal.driver in {vault.root} "
        "(this clone's): git runs "
    )
    again = install(vault.root / "notes", monkeypatch)
    assert again.stdout.splitlines() == [
        f"vault: {vault.root / 'notes'}",
        "merge driver: set up already, nothing to change",
    ]


EXTRA = '  - "[[Find a mentor]]"\n'


def add_goal(text: bytes, link: str = EXTRA) -> bytes:
    """``text`` with ``link`` typed by hand at the end of its ``goals`` property."""
    head, tail = text.decode().split("generated_hash:", 1)
    return f"{head}{link}generated_hash:{tail}".encode()


def test_an_owned_property_edited_on_one_side_is_that_sides_value(
    clones: tuple[Git, Git], tmp_path: Path
) -> None:
    """Reported: THEIRS' hand edit of `goals` (which `journal review` keeps as the
    user's) was replaced by OURS' value, lost without a word."""
    base, ours, theirs = texts(clones)
    noted = add_goal(theirs)
    result, merged = drive(tmp_path, base, ours, noted)
    assert result.exit_code == 0, result.output
    assert merged.count(EXTRA.encode()) == 1
    head = merged.decode().split("---\n")[1]
    assert head == add_goal(ours).decode().split("---\n")[1]  # the rest and the hash: OURS'
    mine = add_goal(ours)
    result, merged = drive(tmp_path, base, mine, theirs)
    assert result.exit_code == 0, result.output
    assert merged.split(b"---\n")[1] == mine.split(b"---\n")[1]


def test_an_owned_property_edited_on_both_sides_is_a_conflict(
    clones: tuple[Git, Git], tmp_path: Path
) -> None:
    base, ours, theirs = texts(clones)
    mine = add_goal(ours, '  - "[[OURS GOAL]]"\n')
    result, merged = drive(tmp_path, base, mine, add_goal(theirs))
    assert result.exit_code == 1
    conflict = merged[merged.index(b"<<<<<<<") : merged.index(b">>>>>>>")]
    assert b"OURS GOAL" in conflict and EXTRA.encode() in conflict


def test_a_pull_keeps_the_goals_the_other_clone_added_by_hand(
    clones: tuple[Git, Git], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = clones
    install(a.root, monkeypatch)
    a.commit("merge driver", "2026-11-16")
    b("pull", "-q", "origin", "main")
    install(b.root, monkeypatch)
    week_on_both(a, b)
    (a.root / REVIEW).write_bytes(add_goal((a.root / REVIEW).read_bytes()))
    a.commit("a goal more", "2026-11-22")
    done = pull(b)
    assert done.returncode == 0, done.stderr
    assert (b.root / REVIEW).read_text().count(EXTRA) == 1
    again = run("review", vault=b.root)
    assert again.exit_code == 0, again.output
    assert "kept your value of 'goals'" in again.stderr
    assert (b.root / REVIEW).read_text().count(EXTRA) == 1
