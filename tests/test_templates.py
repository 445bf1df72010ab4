"""Templates: the loader and the sandbox hold, overrides are used, and every error in a
template names its file and line and writes nothing."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pytest

from journal.adapters.templates import Renderer, TemplateProblem
from journal.core.checkins import CheckIn
from journal.core.codec import plain
from journal.core.errors import JournalError
from journal.core.fields import CONTACT_FIELDS, GOAL_FIELDS
from journal.core.generated import section
from tests.conftest import Invoke, Write, goal_text

OVERRIDE = ".journal/templates/review.md.j2"


def broken_review(invoke: Invoke, write: Write, vault: Path, template: str | bytes) -> str:
    """Run `journal review` with ``template`` as the vault's override; it must fail
    cleanly, write nothing and never show an absolute path; its stderr."""
    write("goals/a.md", goal_text("Alpha"))
    write(OVERRIDE, template)
    result = invoke("review")
    assert result.exit_code == 1, result.output
    assert "internal error" not in result.stderr and "Traceback" not in result.output
    assert str(vault) not in result.stderr
    assert not (vault / "reviews").exists()
    return result.stderr


@pytest.mark.parametrize(
    ("template", "where", "words"),
    [
        ("# {{ review.week }}\n\n{{ 1/0 }}\n", ":3: ", "ZeroDivisionError"),
        ('# ok\n{{ "%d" % "x" }}\n', ":2: ", "a real number is required"),
        ("# ok\n\n\n{{ review.week | section }}\n", ":4: ", "a section needs a name: {% filter"),
        (b"# ok\nline two\n\xff\xfe not utf-8\n", ":3: ", "not UTF-8"),
    ],
)
def test_any_error_in_an_override_names_its_vault_path_and_line(
    invoke: Invoke, write: Write, vault: Path, template: str | bytes, where: str, words: str
) -> None:
    stderr = broken_review(invoke, write, vault, template)
    assert stderr.startswith(f"{OVERRIDE}{where}"), stderr
    assert words in stderr


def test_a_missing_include_names_the_include_and_its_line(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    stderr = broken_review(invoke, write, vault, '# ok\n\n{% include "nothere.j2" %}\n')
    assert stderr == f"{OVERRIDE}:3: no template named 'nothere.j2'\n"


def test_an_error_in_an_included_template_names_that_file(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    write(".journal/templates/part.j2", "fine\n{{ review.nope }}\n")
    stderr = broken_review(invoke, write, vault, '# ok\n{% include "part.j2" %}\n')
    assert stderr.startswith(".journal/templates/part.j2:2: template error:"), stderr
    assert "nope" in stderr


@pytest.mark.parametrize(
    ("template", "words"),
    [
        ('# ok\n\n{% filter section("Bad Name") %}\nx\n{% endfilter %}\n', "'Bad Name'"),
        (
            '{% filter section("a") %}x{% endfilter %}\n\n'
            '{% filter section("a") %}y{% endfilter %}\n',
            "section 'a' appears twice",
        ),
        ("# ok\n<!-- journal:begin Bad 00000000 -->\nx\n<!-- journal:end Bad -->\n", "Bad"),
        ('# ok\n\nintro {{ "x" | section("a") }}\n', "not a valid section marker"),
    ],
)
def test_bad_section_names_and_markers_are_refused_before_anything_is_written(
    invoke: Invoke, write: Write, vault: Path, template: str, words: str
) -> None:
    stderr = broken_review(invoke, write, vault, template)
    assert stderr.startswith(OVERRIDE + ":"), stderr
    assert words in stderr


def test_a_section_named_twice_names_the_template_line_of_the_second(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Reported: `review.md.j2: renders broken section markers (line 15 of the note):
    section 'scoreboard' appears twice` named no template line."""
    template = (
        '# ok\n\n{% filter section("scoreboard") %}\nx\n{% endfilter %}\n\n'
        "{# a comment renders no line #}\n{{ 'y' | section('scoreboard') }}\n"
    )
    stderr = broken_review(invoke, write, vault, template)
    assert stderr == (
        f"{OVERRIDE}:8: renders broken section markers (line 7 of the text it renders, "
        "under the note's properties): section 'scoreboard' appears twice\n"
    )


def test_a_symlinked_include_names_the_include_and_its_line(
    invoke: Invoke, write: Write, vault: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "outside.j2"
    outside.write_text("from outside\n")
    (vault / ".journal/templates").mkdir(parents=True)
    (vault / ".journal/templates/part.j2").symlink_to(outside)
    stderr = broken_review(invoke, write, vault, '# ok\n\n{% include "part.j2" %}\n')
    assert stderr == (f"{OVERRIDE}:3: .journal/templates/part.j2: templates may not be symlinks\n")


@pytest.mark.parametrize(
    ("template", "message"),
    [
        (
            '# ok\n\n{{ review.week | plural("day") }}\n',
            "plural needs a number before it ({{ 3 | plural(\"day\") }}), not the text '2026-W47'",
        ),
        (
            '# ok\n\n{{ review.goals | amount("days") }}\n',
            "amount needs a number or a text before it ({{ g.target | amount(g.unit) }}), "
            "not a list",
        ),
        (
            "# ok\n\n{% filter section() %}\nx\n{% endfilter %}\n",
            'a section needs a name: {% filter section("scoreboard") %}...{% endfilter %}',
        ),
        (
            '# ok\n\n{% filter section("a") %}\n{% filter section("b") %}\ny\n{% endfilter %}\n'
            "{% endfilter %}\n",
            "section 'b' is inside section 'a': sections can't be nested; end 'a' (its "
            "{% endfilter %}) before 'b' begins",
        ),
    ],
)
def test_a_filter_used_wrongly_says_how_to_use_it(
    invoke: Invoke, write: Write, vault: Path, template: str, message: str
) -> None:
    """Reported: `plural` given a text said `ValueError: could not convert string to
    float`, `section()` without a name a raw TypeError, and a section inside another
    "section 'a' has no matching end marker"."""
    stderr = broken_review(invoke, write, vault, template)
    assert stderr == f"{OVERRIDE}:3: template error: {message}\n"


@pytest.mark.parametrize("kind", ["goal", "review"])
def test_a_template_can_not_set_properties(
    invoke: Invoke, write: Write, vault: Path, kind: str
) -> None:
    """Reported: a template that starts with a `---` block of its own was written into
    the note as a second block of properties (under those the tool writes)."""
    write("goals/a.md", goal_text("Alpha"))
    write(f".journal/templates/{kind}.md.j2", "---\nstatus: paused\n---\n# {{ 'x' }}\n")
    command = ("new", "goal", "Learn SQL", "--due", "2026-12-31") if kind == "goal" else ("review",)
    result = invoke(*command)
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(
        f".journal/templates/{kind}.md.j2:1: template error: starts with a '---' line, as "
        "properties do, but templates can't set properties: journal writes them"
    ), result.stderr
    assert not (vault / "goals/Learn SQL.md").exists() and not (vault / "reviews").exists()


@pytest.mark.parametrize(
    ("template", "where"),
    [
        ("{# a comment\n   of three\n   lines -#}\n---\nstatus: paused\n---\n# x\n", ":4: "),
        ("{{ '---' }}\n# x\n", ": "),  # no line of the template is the `---`
    ],
)
def test_a_properties_block_is_refused_at_the_templates_line(
    invoke: Invoke, write: Write, vault: Path, template: str, where: str
) -> None:
    """Reported: the `---` was said to be on line 1 of the template (the rendered
    text's), where a comment was."""
    stderr = broken_review(invoke, write, vault, template)
    assert stderr.startswith(f"{OVERRIDE}{where}template error: starts with a '---' line"), stderr


def test_a_broken_override_never_touches_an_existing_note(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    write("goals/a.md", goal_text("Alpha"))
    assert invoke("review").exit_code == 0
    before = (vault / "reviews/2026-W47.md").read_bytes()
    write(OVERRIDE, '{% filter section("scoreboard") %}x{% endfilter %}{{ 1/0 }}\n')
    assert invoke("review").exit_code == 1
    assert (vault / "reviews/2026-W47.md").read_bytes() == before


OUTSIDE_SECTIONS = '{% filter section("period") %}\nweek {{ review.week }}\n{% endfilter %}\n'
CONFLICTED = (
    '# {{ review.week }}\n\n{% filter section("period") %}\n<<<<<<< mine\nA\n=======\nB\n'
    ">>>>>>> theirs\n{% endfilter %}\n"
)


@pytest.mark.parametrize("existing", [False, True])
def test_an_override_with_git_conflict_markers_writes_no_note(
    invoke: Invoke, write: Write, vault: Path, existing: bool
) -> None:
    """A note made with them would be one the tool refuses to edit (H013): refused
    before writing, whether the note is new or regenerated."""
    write("goals/a.md", goal_text("Alpha"))
    note = vault / "reviews/2026-W47.md"
    if existing:
        assert invoke("review").exit_code == 0
    before = note.read_bytes() if existing else None
    write(OVERRIDE, CONFLICTED)
    result = invoke("review")
    assert result.exit_code == 1, result.output
    assert "would not read back as intended" in result.stderr
    assert "git left a merge conflict" in result.stderr
    assert (note.read_bytes() if note.exists() else None) == before


def test_conflict_markers_outside_the_sections_refuse_only_a_new_note(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Regenerating writes only the template's sections into the note: markers outside
    them are never written, so they refuse nothing; a new note would hold them."""
    write("goals/a.md", goal_text("Alpha"))
    assert invoke("review").exit_code == 0
    write(OVERRIDE, "<<<<<<< mine\nA\n=======\nB\n>>>>>>> theirs\n" + OUTSIDE_SECTIONS)
    result = invoke("review")
    assert result.exit_code == 0, result.output
    assert "<<<<<<<" not in (vault / "reviews/2026-W47.md").read_text()
    (vault / "reviews/2026-W47.md").unlink()
    result = invoke("review")
    assert result.exit_code == 1 and "git left a merge conflict" in result.stderr


# --- the loader ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["../config.toml", "a/../../x.j2", "/etc/passwd", "a\\b.j2", ""])
def test_the_loader_refuses_names_outside_the_template_folders(vault: Path, name: str) -> None:
    (vault / ".journal/config.toml").write_text("")
    with pytest.raises(TemplateProblem, match="is not allowed"):
        Renderer(vault).render(name, {})


def test_an_include_cannot_leave_the_template_folders(write: Write, vault: Path) -> None:
    write("secret.md", "my private note\n")
    write(".journal/templates/x.j2", '{% include "../../secret.md" %}\n')
    with pytest.raises(TemplateProblem) as info:
        Renderer(vault).render("x.j2", {})
    assert "is not allowed" in info.value.message
    assert (info.value.path, info.value.line) == (".journal/templates/x.j2", 1)


@pytest.mark.parametrize(
    ("linked", "name", "message"),
    [
        ("x.j2", "x.j2", "templates may not be symlinks"),
        ("sub", "sub/x.j2", "template folders may not be symlinks"),
        ("", "x.j2", "template folders may not be symlinks"),
    ],
)
def test_the_loader_refuses_symlinked_templates(
    vault: Path, tmp_path: Path, linked: str, name: str, message: str
) -> None:
    """Reported: a symlinked `.journal/templates` folder was blamed on the template in
    it (`.journal/templates/review.md.j2: templates may not be symlinks`)."""
    outside = tmp_path / "outside"
    (outside / "sub").mkdir(parents=True)
    (outside / "x.j2").write_text("from outside\n")
    (outside / "sub/x.j2").write_text("from outside\n")
    templates = vault / ".journal/templates"
    (templates if linked else templates.parent).mkdir(parents=True, exist_ok=True)
    (templates / linked if linked else templates).symlink_to(outside / linked)
    with pytest.raises(TemplateProblem) as info:
        Renderer(vault).render(name, {})
    shown = f".journal/templates/{linked}" if linked else ".journal/templates"
    assert (info.value.path, info.value.message.split(" (")[0]) == (shown, message)


# --- the sandbox and the context -----------------------------------------------------------


@pytest.mark.parametrize(
    "expression",
    [
        "x.__class__",
        "x.__class__.__mro__",
        "range.__globals__",
        "x.__class__.mro()",
        "(x | attr('__class__')).mro()",
        "x.format.__self__",
    ],
)
def test_the_sandbox_blocks_reaching_python_internals(
    write: Write, vault: Path, expression: str
) -> None:
    write(".journal/templates/x.j2", f"{{{{ {expression} }}}}\n")
    with pytest.raises(TemplateProblem) as info:
        Renderer(vault).render("x.j2", {"x": "text"})
    assert info.value.path == ".journal/templates/x.j2" and info.value.line == 1
    assert "unsafe" in info.value.message or "has no attribute" in info.value.message


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("{{ 'a' * 10**10 }}", "a value of over 1,000,000 items or digits"),
        ("{{ 10**10 * ['a'] }}", "a value of over 1,000,000 items or digits"),
        ("{{ 7 ** (10**7) }}", "a value of over 1,000,000 items or digits"),
        ("{{ (10**600000 * 10**600000) > 1 }}", "a value of over 1,000,000 items or digits"),
        ("{{ ('a' | center(900000000)) | length }}", "a value of over 1,000,000 items or digits"),
        ("{{ lipsum(n=300000) | length }}", "'lipsum' is undefined"),
        (
            "{% for i in range(100000) %}{{ 'x' * 60 }}{% endfor %}",
            "a note of over 5,000,000 characters",
        ),
    ],
)
def test_a_template_can_not_fill_the_memory(
    write: Write, vault: Path, template: str, message: str
) -> None:
    """Reported: `{{ 'a' * 10**10 }}` in a vault's template grew past 2 GB (the sandbox
    bounds `range` alone), in a vault shared with others too."""
    write(".journal/templates/x.j2", f"line one\n{template}\n")
    with pytest.raises(TemplateProblem) as info:
        Renderer(vault).render("x.j2", {})
    assert info.value.message == f"template error: {message}"
    assert (info.value.path, info.value.line) == (".journal/templates/x.j2", 2)
    assert Renderer(vault).render("goal.md.j2", {"title": "T" * 9, "outcome": None, "why": "w"})


BIG = "{% for i in range(6000) %}{{ 'x' * 1000 }}{% endfor %}"  # 6,000,000 characters
X3 = (".journal/templates/x.j2", 3)
SECTION = '{% filter section("a") %}\n'
#: a macro calling itself, each call holding 900,000 characters, its own line 3
RECURSIVE = "{% if n < 99 %}{{ 'x' * 900000 }}{% endif %}{% if n < 99 %}{{ m(n + 1) }}{% endif %}"


@pytest.mark.parametrize(
    ("template", "where"),
    [
        (f"{SECTION}{BIG}\n{{% endfilter %}}", X3),
        (f"{SECTION}{{% filter upper %}}{BIG}{{% endfilter %}}\n{{% endfilter %}}", X3),
        (f"{{% set unused %}}\n{BIG}\n{{% endset %}}", X3),
        (f"{{% macro m() %}}\n{BIG}\n{{% endmacro %}}{{% set unused = m() %}}", X3),
        (
            f"{{% macro m() %}}{{{{ caller() }}}}{{% endmacro %}}{{% call m() %}}\n{BIG}\n"
            "{% endcall %}",
            X3,
        ),
        (f"{{% macro m(n) %}}\n{RECURSIVE}\n{{% endmacro %}}{{{{ m(0) }}}}", X3),
        (
            f"{{% if false %}}{{% block b %}}\n{BIG}\n{{% endblock %}}{{% endif %}}"
            "{{ self.b() | length }}",
            X3,
        ),
        (f'{SECTION}{{% include "big.j2" %}}\n{{% endfilter %}}', X3),
        (
            f'{SECTION}{{% import "big.j2" as big %}}\n{{% endfilter %}}',
            (".journal/templates/big.j2", 1),
        ),
    ],
)
def test_what_a_block_builds_up_is_held_to_the_note_limit(
    write: Write, vault: Path, template: str, where: tuple[str, int]
) -> None:
    """Reported: the limit of 5,000,000 characters did not hold inside a `{% filter
    section(...) %}` (every section is one): Jinja builds a filter block's text up whole
    before the filter runs, and a review grew to 5.7 GB; so do nested, macro, call and
    set blocks (an import too), and `self.b()` joins a block's text whole."""
    write(".journal/templates/big.j2", f"{BIG}\n")
    write(".journal/templates/x.j2", f"line one\n{template}\n")
    with pytest.raises(TemplateProblem) as info:
        Renderer(vault).render("x.j2", {})
    assert info.value.message == "template error: a note of over 5,000,000 characters"
    assert (info.value.path, info.value.line) == where


@pytest.mark.skipif(sys.platform != "linux", reason="limits memory with RLIMIT_AS")
def test_a_section_of_ten_billion_characters_stops_at_the_limit(write: Write, vault: Path) -> None:
    """Reported: this review ran out of memory (5.7 GB in 61 s) rather than stop at the
    note limit, as the same loop outside a section did (in 1.7 s, 68 MB)."""
    import resource
    import subprocess

    write("goals/a.md", goal_text("Alpha"))
    write(
        OVERRIDE,
        '# x\n\n{% filter section("big") %}{% for i in range(100000) %}'
        "{% for j in range(100000) %}x{% endfor %}{% endfor %}{% endfilter %}\n",
    )

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30))

    done = subprocess.run(
        [sys.executable, "-m", "journal", "--vault", str(vault), "review", "--stdout"],
        capture_output=True,
        text=True,
        preexec_fn=limit,
        timeout=120,
    )
    assert (done.returncode, done.stderr) == (
        1,
        f"{OVERRIDE}:3: template error: a note of over 5,000,000 characters\n",
    )


def test_templates_compiled_without_the_limit_are_not_read_from_the_cache(
    write: Write, vault: Path
) -> None:
    """A template compiled before the limit held inside blocks, kept in the user cache,
    would build a section up whole before counting it: those compiled files are not
    read."""
    import jinja2

    from journal.adapters.cachedir import cache_folder

    folder = vault / ".journal/templates"
    write(".journal/templates/x.j2", f'{{% filter section("big") %}}\n{BIG}\n{{% endfilter %}}\n')
    cached = jinja2.FileSystemBytecodeCache(str(cache_folder() / "templates"))
    cache_folder().joinpath("templates").mkdir(parents=True)
    plain = jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)), bytecode_cache=cached)
    plain.filters["section"] = lambda text, name: text
    plain.get_template("x.j2")
    assert list(cache_folder().joinpath("templates").iterdir())  # the old compiled one
    with pytest.raises(TemplateProblem) as info:
        Renderer(vault).render("x.j2", {})
    assert info.value.message == "template error: a note of over 5,000,000 characters"
    assert info.value.line == 2  # as the section grew, not once it was whole (line 1)


@pytest.mark.parametrize(
    ("context", "where"),
    [
        ({"a": Path("x")}, "context.a"),
        ({"a": [1, {"b": print}]}, "context.a[1].b"),
        ({"a": {"b": object()}}, "context.a.b"),
        ({"a": {1, 2}}, "context.a"),
        # a record is a (named) tuple, yet no plain data
        ({"a": [CheckIn(date(2026, 11, 20), "+", 1.0, "", 3)]}, "context.a[0]"),
        ({"a": plain([CheckIn(date(2026, 11, 20), "+", 1.0, "", 3)])}, "context.a[0]"),
    ],
)
def test_the_context_must_be_plain_data(
    vault: Path, context: dict[str, object], where: str
) -> None:
    with pytest.raises(TypeError) as info:
        Renderer(vault).render("goal.md.j2", context)
    assert str(info.value).endswith(f" at {where}")


def test_plain_data_renders(vault: Path) -> None:
    text = Renderer(vault).render("goal.md.j2", {"title": "T", "outcome": None, "why": "w"})
    assert text.startswith("# T\n\n## Why it matters\n\nw\n")


def test_only_a_block_tag_alone_on_its_line_takes_its_line_break(vault: Path) -> None:
    """Reported: `- Goal {{ r.number }}{% if r.due %} (due ...){% endif %}` in a loop
    put every item on one line: the line break after a tag that ends a line of text was
    taken too (`trim_blocks`)."""
    template = (
        "{# a comment alone #}\n"
        "{% for r in rows %}\n"
        "- Goal {{ r.n }}{% if r.due %} (due {{ r.due }}){% endif %}\n"
        "  {% if r.due %}\n"
        "  due{# note #}\n"
        "{% endif %}\n"
        "{% endfor %}\n"
        "{% raw %}{{ x }}{% endraw %}\n"
        "{{ 'a' }} {% set x = 1 %}\n"
        "{% set y = [\n  1] %}\n"
        "end {% if true -%}\n"
        "{% endif %}\n"
        "{% if true +%}\n"
        "{% endif %}\n"
    )
    (vault / ".journal/templates").mkdir()
    (vault / ".journal/templates/t.j2").write_text(template)
    rows = [{"n": 1, "due": "2026-12-31"}, {"n": 2, "due": None}]
    assert Renderer(vault).render("t.j2", {"rows": rows}) == (
        "- Goal 1 (due 2026-12-31)\n  due\n- Goal 2\n{{ x }}\na \nend \n"
    )


def test_a_method_written_as_a_value_is_an_error_at_its_line(vault: Path) -> None:
    """Reported: `{{ month.items }}` wrote `<built-in method items of dict object at
    0x...>`, a text that changed on every run."""
    (vault / ".journal/templates").mkdir()
    (vault / ".journal/templates/t.j2").write_text("# x\n\n{{ month.items }}\n")
    with pytest.raises(TemplateProblem) as info:
        Renderer(vault).render("t.j2", {"month": {"items": [1]}})
    assert (info.value.path, info.value.line) == (".journal/templates/t.j2", 3)
    assert info.value.message.startswith("template error: a method, not a value:")
    assert 'month["items"]' in info.value.message


def test_numbers_are_written_as_the_tool_writes_them(vault: Path) -> None:
    (vault / ".journal/templates").mkdir()
    template = "{{ a }} {{ b }} {{ b * 3 }} {{ c }}{{ c if false }}\n"  # (that is undefined)
    (vault / ".journal/templates/t.j2").write_text(template)
    text = Renderer(vault).render("t.j2", {"a": 0.00001, "b": 0.1 + 0.2, "c": 2})
    assert text == "0.00001 0.3 0.9 2\n"


def render(vault: Path, template: str, context: dict[str, object]) -> str:
    """``template`` rendered as a vault override, with ``context``."""
    (vault / ".journal/templates").mkdir(exist_ok=True)
    (vault / ".journal/templates/t.j2").write_text(template)
    return Renderer(vault).render("t.j2", context)


@pytest.mark.parametrize(
    "use",
    [
        "{% if month.items %}due{% endif %}",
        "{% for i in month.items %}{{ i }}{% endfor %}",
        "{{ month.items | length }}",
        "{{ month.items | default([]) }}",
        "{% if month.items is iterable %}x{% endif %}",
        "{{ month.items == [] }}",
        "{{ [month.items] }}",
        "{{ month.get | amount('kg') }}",
        "{{ month.keys | plural('day') }}",
        "{{ month.values | tojson }}",
        "{{ month.items.x }}",
    ],
)
def test_a_mappings_method_read_as_a_value_is_an_error_wherever_it_is_used(
    vault: Path, use: str
) -> None:
    """Reported: `{% if month.items %}` in a plan override was always true (a mapping's
    method), and `{% for item in month.items %}` said `TypeError: 'builtin_function_or_method'
    object is not iterable`, without the hint `{{ month.items }}` gets."""
    with pytest.raises(TemplateProblem) as info:
        render(vault, f"# x\n\n{use}\n", {"month": {"items": [1]}})
    assert (info.value.path, info.value.line) == (".journal/templates/t.j2", 3)
    assert info.value.message.startswith("template error: a method, not a value:")
    assert 'month["items"]' in info.value.message


def test_a_mappings_method_called_still_works(vault: Path) -> None:
    template = (
        "{% for k, v in m.items() %}{{ k }}={{ v }} {% endfor %}{{ m.get('b', 2) }} "
        '{{ m["items"] | join(",") }} {{ m.items | default(1) if false else "ok" }}\n'
    )
    assert (
        render(vault, template, {"m": {"a": 1, "items": [3, 4]}}) == "a=1 items=[3, 4] 2 3,4 ok\n"
    )


def test_the_plans_focus_items_read_as_an_attribute_is_an_error_at_its_line(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """The report's repro: the shipped plan template with `month.items` in its `if`."""
    from journal.adapters.templates import shipped_folder

    write("goals/a.md", goal_text("Alpha"))
    shipped = (shipped_folder() / "plan.md.j2").read_text()
    assert '{% if month["items"] %}' in shipped
    write(
        ".journal/templates/plan.md.j2", shipped.replace('month["items"] %}', "month.items %}", 1)
    )
    line = shipped.split('{% if month["items"] %}')[0].count("\n") + 1
    result = invoke("plan")
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(
        f".journal/templates/plan.md.j2:{line}: template error: a method, not a value:"
    ), result.stderr
    assert not (vault / "plans").exists()


@pytest.mark.parametrize(
    ("use", "told"),
    [
        ("{{ g.traget | amount(g.unit) }}", "'dict object' has no attribute 'traget'"),
        ('{{ g.dayz | plural("day") }}', "'dict object' has no attribute 'dayz'"),
        ("{{ nope | tojson }}", "'nope' is undefined"),
        ("{{ [1, nope] | tojson }}", "'nope' is undefined"),
        # jinja2's own filters
        ("{{ nope | round }}", "'nope' is undefined"),
        ("{{ nope | abs }}", "'nope' is undefined"),
        ("{{ nope | items | list }}", "'nope' is undefined"),
        ("{{ nope | pprint }}", "'nope' is undefined"),
        ('{{ nope | map("upper") }}', "'nope' is undefined"),  # (given the context first)
        ("{{ g.days | round(1) }}", "'dict object' has no attribute 'days'"),
        ("{{ g.items | round }}", "a method, not a value: call it"),
        ("{{ g.items | batch(2) | list }}", "a method, not a value: call it"),
    ],
)
def test_an_undefined_name_piped_into_a_filter_is_named(vault: Path, use: str, told: str) -> None:
    """Reported: `amount needs a number or a text before it (...), not a StrictUndefined`,
    and `Object of type StrictUndefined is not JSON serializable`; then, of jinja2's own
    filters, `TypeError: type StrictUndefined doesn't define __round__ method`."""
    with pytest.raises(TemplateProblem) as info:
        render(vault, f"# x\n{use}\n", {"g": {"target": 3, "unit": "kg"}})
    assert (info.value.line, info.value.message.split(" (`")[0]) == (2, f"template error: {told}")


def test_default_is_the_filter_an_undefined_name_may_be_given(vault: Path) -> None:
    assert render(vault, '{{ nope | default("a") }} {{ nope | d("b") }}\n', {}) == "a b\n"


def test_numbers_joined_and_made_text_are_written_as_the_tool_writes_them(vault: Path) -> None:
    """Reported: `{{ (0.1 + 0.2) ~ " x" }}` wrote `0.30000000000000004 x`: only a bare
    `{{ number }}` was written as journal writes numbers."""
    template = (
        '{{ (0.1 + 0.2) ~ " x" }}|{{ b ~ " y" }}|{{ "z " ~ c ~ 1 }}|{{ (0.1 + 0.2) | string }}|'
        "{{ b | string }}|{{ [c ~ '', b | string] | join(',') }}|{{ 1e300 * 1e10 }}|"
        "{{ (1e300 * 1e10) ~ '' }}|{{ 2.0 ~ '' }}\n"
    )
    text = render(vault, template, {"b": 0.1 + 0.2, "c": 1e-7})
    assert text == "0.3 x|0.3 y|z 0.00000011|0.3|0.3|0.0000001,0.3|inf|inf|2\n"


def test_an_unknown_template_is_an_error_without_a_file(vault: Path) -> None:
    with pytest.raises(JournalError) as info:
        Renderer(vault).render("nothing.md.j2", {})
    assert (info.value.path, info.value.message) == (None, "no template named 'nothing.md.j2'")


# --- overrides -----------------------------------------------------------------------------


def test_vault_overrides_of_the_note_templates_are_used(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    for kind in ("goal", "contact", "meeting"):
        write(f".journal/templates/{kind}.md.j2", f"# {{{{ title }}}}\n\nmy {kind} template\n")
    assert invoke("new", "goal", "Learn SQL", "--due", "2026-12-31").exit_code == 0
    assert invoke("new", "contact", "Dana Ortiz").exit_code == 0
    result = invoke("new", "meeting", "--with", "Dana Ortiz", "--kind", "coffee")
    assert result.exit_code == 0, result.stderr
    bodies = {
        path.parent.name: path.read_text().split("---\n", 2)[2]
        for path in vault.glob("*/*.md")
        if path.parent.name in ("goals", "people", "meetings")
    }
    assert bodies == {
        "goals": "# Learn SQL\n\nmy goal template\n",
        "people": "# Dana Ortiz\n\nmy contact template\n",
        "meetings": "# Coffee with Dana Ortiz\n\nmy meeting template\n",
    }


def test_every_property_of_a_note_is_in_its_templates_context(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Reported: a property the command was not given (`feeds`, `tags`...) was
    undefined in a note template, not null as documented: `'feeds' is undefined`."""
    for kind, fields in (("goal", GOAL_FIELDS), ("contact", CONTACT_FIELDS)):
        write(f".journal/templates/{kind}.md.j2", "{{ " + " }}|{{ ".join(fields) + " }}\n")
    write(".journal/templates/meeting.md.j2", "{{ tags }}\n")
    result = invoke("new", "goal", "Run a lunch and learn", "--target", "1", "--due", "2026-12-31")
    assert result.exit_code == 0, result.stderr
    assert invoke("new", "contact", "Dana Ortiz").exit_code == 0
    result = invoke("new", "meeting", "--with", "Dana Ortiz", "--kind", "coffee")
    assert result.exit_code == 0, result.stderr
    bodies = {p.parent.name: p.read_text().split("---\n", 2)[2] for p in vault.glob("*/*.md")}
    goal = dict(zip(GOAL_FIELDS, bodies["goals"].rstrip().split("|"), strict=True))
    missing = ("tags", "aliases", "completed", "metric_source", "metric_kind", "confidence")
    assert [goal[key] for key in (*missing, "milestones", "feeds", "check_ignore")] == ["None"] * 9
    contact = dict(zip(CONTACT_FIELDS, bodies["people"].rstrip().split("|"), strict=True))
    assert (contact["tags"], contact["aliases"], contact["title"]) == ("None", "None", "Dana Ortiz")
    assert bodies["meetings"] == "None\n"


def test_a_vault_override_of_the_plan_template_is_used(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    write("goals/a.md", goal_text("Alpha"))
    write(
        ".journal/templates/plan.md.j2",
        '# My plan from {{ plan.start }}\n\n{% filter section("goals") %}\n'
        "{% for g in plan.goals %}- {{ g }}\n{% endfor %}{% endfilter %}\n",
    )
    assert invoke("plan").exit_code == 0
    body = (vault / "plans/2026-11-23-90-day-plan.md").read_text().split("---\n", 2)[2]
    assert body.startswith("# My plan from 2026-11-23\n\n<!-- journal:begin goals ")
    assert body.endswith("\n- [[a]]\n<!-- journal:end goals -->\n<!-- journal:sections goals -->\n")


def test_numbers_in_the_review_and_plan_contexts_are_numbers(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Reported: `g.needed > 1` said `'>' not supported between instances of 'str' and
    'int'`: the weekly rate needed and the plan's hours came as text."""
    write(".journal/config.toml", "[goals]\nhours_per_week = 3.5\n")
    write("goals/a.md", goal_text("Alpha", effort=2.5, start="2026-11-01"))
    write("goals/b.md", goal_text("Beta", effort=1.5, start="2026-11-01", current=5))
    write(
        ".journal/templates/review.md.j2",
        "{{ review.scoreboard | map(attribute='needed') | list }}\n",
    )
    capacity = (
        "{% set c = plan.capacity %}{{ [c.hours, c.peak] }} {{ c.runs[0].effort }} "
        "{{ c.runs[0].pause }}\n"
    )
    write(".journal/templates/plan.md.j2", capacity)
    assert invoke("review", "--stdout").stdout.endswith("\n[0.54, 0]\n")
    assert invoke("plan", "--stdout").stdout.endswith(
        "\n[3.5, 4] 4 [{'goal': '[[a]]', 'effort': 2.5}]\n"
    )


def test_a_stale_goal_never_checked_in_has_no_last_check_in(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Reported: `review.attention.stale[].last` was the day a goal never checked in was
    created, so "last check-in {{ s.last }}" stated one that never happened."""
    never = goal_text("Alpha", created="2026-10-01", start="2026-10-01", current=0)
    write("goals/a.md", never.split("## Log")[0])
    write("goals/b.md", goal_text("Beta", start="2026-10-01"))  # checked in 2026-11-20
    write("goals/c.md", goal_text("Gamma", start="2026-10-01").replace("2026-11-20", "2026-11-02"))
    write(
        OVERRIDE,
        "{% for s in review.attention.stale %}{{ s.goal }} {{ s.last }} {{ s.days }}\n{% endfor %}",
    )
    stdout = invoke("review", "--stdout").stdout
    assert stdout.endswith("---\n[[a]] None 52\n[[c]] 2026-11-02 20\n"), stdout


def test_the_weeks_activity_counts_a_check_in_in_a_meeting_once(
    invoke: Invoke, example_vault: Path
) -> None:
    """As docs/templates.md says (it said "as many as `checkins` lists"): a check-in
    recorded in a meeting of the week counts as that meeting, not as a check-in too."""
    (example_vault / "reviews/2026-W47.md").unlink()
    (example_vault / OVERRIDE).parent.mkdir(parents=True)
    (example_vault / OVERRIDE).write_text(
        '{% set listed = review.checkins | sum(attribute="checkins", start=[]) %}'
        '{% set held = review.networking.meetings | map(attribute="meeting") | list %}'
        '{{ listed | length }} {{ listed | selectattr("source", "in", held) | list | length }} '
        "{{ review.wins.activity.checkins }}\n"
    )
    assert invoke("review", "--stdout", root=example_vault).stdout.endswith("---\n12 2 10\n")


def test_every_template_has_the_documented_filters(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Reported: `journal new goal` with `{{ target | amount(unit) }}` in the vault's
    goal template said `template error: No filter named 'amount'.`: only the review and
    the plan had `amount` and `plural`."""
    write(
        ".journal/templates/goal.md.j2",
        '# {{ title }}\n\ntarget {{ target | amount(unit) }}, {{ 2 | plural("week") }}\n',
    )
    result = invoke(
        "new", "goal", "Cut onboarding time", "--metric", "days to first PR", "--unit", "days",
        "--baseline", "10", "--target", "3", "--due", "2027-02-28", "--why", "x",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    text = (vault / "goals/Cut onboarding time.md").read_text()
    assert text.endswith("---\n# Cut onboarding time\n\ntarget 3 days, 2 weeks\n")


def test_a_template_saved_with_a_bom_puts_none_in_the_note(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Reported: a template saved by Windows Notepad (UTF-8 with a byte order mark) put
    U+FEFF into the middle of the note, after its properties, before `# x`."""
    write("goals/a.md", goal_text("Alpha"))
    write(OVERRIDE, "\ufeff# x\n\n{{ review.week }}\n".encode())
    write(".journal/templates/goal.md.j2", "\ufeff# {{ title }}\n".encode())
    assert invoke("review").exit_code == 0
    assert invoke("new", "goal", "Learn SQL", "--due", "2026-12-31").exit_code == 0
    review = (vault / "reviews/2026-W47.md").read_text()
    assert review.endswith("---\n# x\n\n2026-W47\n") and "\ufeff" not in review
    assert (vault / "goals/Learn SQL.md").read_text().endswith("---\n# Learn SQL\n")


def _docs_example() -> str:
    """The shorter review template of docs/templates.md."""
    docs = (Path(__file__).parent.parent / "docs/templates.md").read_text()
    after = docs.split("For example, a shorter review", 1)[1]
    return after.split("```jinja\n", 1)[1].split("\n```\n", 1)[0] + "\n"


@pytest.mark.parametrize(
    ("template", "ending"),
    [
        (
            _docs_example(),
            "<!-- journal:end scoreboard -->\n<!-- journal:sections scoreboard -->\n\n"
            "## One thing to change next week\n\n",
        ),
        (
            '# x\n\n{% filter section("a") %}\nhello\n{% endfilter %}\n',
            "hello\n<!-- journal:end a -->\n<!-- journal:sections a -->\n",
        ),
        (
            '# x\n{% filter section("a") %}a{% endfilter %}\n'
            '{% filter section("b") %}b{% endfilter %}',
            # the line break after a tag that ends a line of text is kept
            f"a\n<!-- journal:end a -->\n\n{section('b', 'b')}\n<!-- journal:sections a b -->\n",
        ),
    ],
)
def test_a_section_leaves_the_lines_around_it_as_written(
    invoke: Invoke, write: Write, vault: Path, template: str, ending: str
) -> None:
    """Reported: a note whose template ends with a section had no final newline, and
    the shorter review of docs/templates.md lost its blank line before `## One thing to
    change next week`: `{% endfilter %}` took the line break after it (`trim_blocks`),
    as the end marker had none of its own (so sections on consecutive lines were an
    error too)."""
    write("goals/a.md", goal_text("Alpha"))
    write(OVERRIDE, template)
    result = invoke("review")
    assert result.exit_code == 0, result.output
    assert (vault / "reviews/2026-W47.md").read_text().endswith(ending)


def test_sections_a_new_template_no_longer_makes_are_said_each_run(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Reported: after switching to a review template of one's own without the chart,
    the note's old chart stayed, frozen and out of date, and nothing said so."""
    write("goals/a.md", goal_text("Alpha"))
    assert invoke("review").exit_code == 0
    write(
        ".journal/templates/review.md.j2",
        '# Week {{ review.week }}\n\n{% filter section("scoreboard") %}\n'
        "{% for g in review.scoreboard %}\n- {{ g.goal }}: {{ g.current }}\n{% endfor %}\n"
        "{% endfilter %}\n",
    )
    result = invoke("review", "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert "chart" in data["orphaned"] and "scoreboard" not in data["orphaned"]
    assert (
        "reviews/2026-W47.md: the 'chart' section is no longer made by the review template; "
        "left as it was, no longer updated (delete it, markers too, if you don't want it)\n"
    ) in result.stderr


@pytest.mark.skipif(sys.platform != "linux", reason="limits memory with RLIMIT_AS")
def test_a_template_that_runs_out_of_memory_names_its_file_and_line(
    write: Write, vault: Path
) -> None:
    """Reported: `{{ "x" * 10**9 }}` under `ulimit -v` said `review.md.j2: template error:
    MemoryError: `, with no vault path, no line and an empty reason."""
    import resource
    import subprocess

    write("goals/a.md", goal_text("Alpha"))
    write(  # doubled by `~`, which no sandbox bounds (`*` is: see the test above)
        OVERRIDE,
        "# ok\n\n{% set ns = namespace(s='x') %}"
        "{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}\n",
    )

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2 * 2**30, 2 * 2**30))

    done = subprocess.run(
        [sys.executable, "-m", "journal", "--vault", str(vault), "review", "--stdout"],
        capture_output=True,
        text=True,
        preexec_fn=limit,
    )
    assert (done.returncode, done.stderr) == (1, f"{OVERRIDE}:3: template error: MemoryError\n")


def test_spaces_between_tags_on_a_line_of_tags_are_left_out(vault: Path) -> None:
    """Reported: `{% set a = 1 %}    {% set b = 2 %}` put its four spaces before the
    next line (an indented code block), though a line of tags is left out whole."""
    template = (
        "# T\n"
        "{% set a = 1 %}    {% set b = 2 %}\n"
        "after two sets\n"
        "{# note #}\t {% set c = 3 %}\n"
        "after a comment\n"
        "{% if true %}  {# why #}\n"
        "after an if\n"
        "{% endif %}\n"
        "  {% set d = 4 %}  {% set e = 5 %}  {% set f = 6 %}\n"
        "a {% if true %}  {% endif %}\n"
        "{% if true %}  {% endif %} b\n"
        "{% if true %}  {{ 'c' }}{% endif %}\n"
    )
    (vault / ".journal/templates").mkdir()
    (vault / ".journal/templates/t.j2").write_text(template)
    assert Renderer(vault).render("t.j2", {}) == (
        "# T\nafter two sets\nafter a comment\nafter an if\na   \n   b\n  c\n"
    )


def test_spaces_after_the_tags_of_a_line_of_tags_are_left_out(vault: Path) -> None:
    """Reported: `{% set a = 1 %}  {% set b = 1 %} ` (a space after the last tag, which
    no editor shows) left a line of spaces, which split the paragraph around it."""
    template = (
        "P1\n"
        "{% set a = 1 %}  {% set b = 1 %} \n"
        "P2\n"
        "{% set c = 1 %}  \n"
        "{# note #}\t\n"
        "  {% if true %} \n"
        "P3\n"
        "{% endif %}\t \n"
        "{% set g = 1 %}\n"
        "\n"
        "P4\n"
        "{% set d = 1 %} x\n"
        "{% set e = 1 +%} \n"
        "{% set f = 1 %} "
    )
    (vault / ".journal/templates").mkdir()
    (vault / ".journal/templates/t.j2").write_text(template)
    assert Renderer(vault).render("t.j2", {}) == "P1\nP2\nP3\n\nP4\n x\n \n"


@pytest.mark.parametrize(
    ("cached", "template"),
    [
        ("lines-%s.cache", "{% set a = 1 %}  {% set b = 2 %}\nline\n"),
        ("spaced-%s.cache", "{% set a = 1 %}  {% set b = 2 %} \nline\n"),
    ],
)
def test_templates_compiled_before_spaces_on_a_line_of_tags_were_left_out_are_not_read(
    write: Write, vault: Path, cached: str, template: str
) -> None:
    """Compiled with the spaces between tags (``lines-*``), or after them (``spaced-*``)."""
    import jinja2

    from journal.adapters.cachedir import cache_folder

    folder = cache_folder() / "templates"
    folder.mkdir(parents=True)
    write(".journal/templates/x.j2", template)
    old = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(vault / ".journal/templates")),
        bytecode_cache=jinja2.FileSystemBytecodeCache(str(folder), cached),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    old.get_template("x.j2")
    assert list(folder.iterdir())  # compiled by the lexer of before, which kept the spaces
    assert Renderer(vault).render("x.j2", {}) == "line\n"


def test_a_pipes_mark_cut_off_its_pipe_is_dropped(vault: Path) -> None:
    """Reported: after `replace("|", "and")` the mark before the pipe became a stray
    `\\`, and one a slice kept at its end escaped the template's own `|`, merging cells."""
    from journal.core.formatting import one_line

    template = (
        '| {{ org | replace("|", "and") }} |\n'
        "| {{ org[:4] }}| {{ org }} |\n"
        '- {{ org | replace("|", "and") }} {{ org[:4] }}|\n'
        '{% filter section("s") %}\n| {{ org[:4] }}| x |\n{% endfilter %}\n'
    )
    (vault / ".journal/templates").mkdir()
    (vault / ".journal/templates/t.j2").write_text(template)
    text = Renderer(vault).render("t.j2", {"org": one_line("Org|Pipe")})
    assert text.startswith(
        "| OrgandPipe |\n| Org| Org\\|Pipe |\n- OrgandPipe Org|\n<!-- journal:begin s "
    )
    assert "\n| Org| x |\n<!-- journal:end s -->\n" in text
    assert "\x1f" not in text


def test_an_override_extending_its_own_name_says_it_shadows_the_shipped_one(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Reported: `{% extends "review.md.j2" %}` in the override ended in `RecursionError:
    maximum recursion depth exceeded`."""
    stderr = broken_review(invoke, write, vault, '{% extends "review.md.j2" %}\n')
    assert "reads this override again, which shadows the shipped template" in stderr


def test_a_macro_calling_itself_without_end_is_told_as_such(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Reported (tryout): a macro that calls itself was told as "a template that extends,
    includes or imports itself", which the override does not; an include of the
    override through another override is still told as that."""
    endless = "{% macro f(n) %}{{ f(n) }}{% endmacro %}\nhello {{ f(1) }}\n"
    stderr = broken_review(invoke, write, vault, endless)
    assert "a macro that calls itself without end" in stderr and "itself:" not in stderr
    write(".journal/templates/part.md.j2", '{% include "review.md.j2" %}\n')
    stderr = broken_review(invoke, write, vault, '{% include "part.md.j2" %}\n')
    assert "reads this override again, which shadows the shipped template" in stderr
