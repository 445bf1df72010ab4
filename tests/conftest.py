"""Shared fixtures: temporary vaults, the CLI runner, the hostile-note folder."""

from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
import signal
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pygit2
import pytest
from click.testing import CliRunner, Result
from hypothesis import settings
from pygit2.enums import ConfigLevel

from journal.cli import cli

# CI runs the property tests on the same examples every time (a run that fails there
# fails again, and never for an example no earlier run met); locally they explore anew.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).parent.parent
EXAMPLE_VAULT = REPO / "example-vault"
TODAY = "2026-11-22"


@pytest.fixture(autouse=True)
def _fixed_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Every test sees the same 'today' and no ``JOURNAL_`` variable from the developer's
    shell (``JOURNAL_INDEX`` would have it write their real index, ``JOURNAL_PLAIN``
    change every view, ``JOURNAL_VAULT`` name a vault), nor the repository git names to
    a hook or ``git rebase --exec`` that runs the tests."""
    for name in [name for name in os.environ if name.startswith("JOURNAL_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("JOURNAL_TODAY", TODAY)
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


@pytest.fixture(autouse=True)
def _signal_handlers_restored() -> Iterator[None]:
    """A test that runs ``journal.cli.main`` in the test's process gets the signal
    handlers (and ``sys.unraisablehook``) back: main leaves Ctrl-C and the other stops
    ignored once its command is over (its process then ends), which would make a later
    test's Ctrl-C do nothing."""
    handled = [
        signal.SIGINT,
        signal.SIGTERM,
        *(getattr(signal, n) for n in ("SIGHUP", "SIGPIPE") if hasattr(signal, n)),
    ]
    saved = {sig: signal.getsignal(sig) for sig in handled}
    hook = sys.unraisablehook  # main() sets its own (found in review)
    yield
    for sig, handler in saved.items():
        signal.signal(sig, handler)
    sys.unraisablehook = hook


#: The git config files outside a repository, which journal's in-process git reads.
GIT_CONFIG_LEVELS = (ConfigLevel.SYSTEM, ConfigLevel.XDG, ConfigLevel.GLOBAL)


@pytest.fixture(scope="session")
def _empty_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("no-git-config")


@pytest.fixture(autouse=True)
def _no_git_config_of_the_developer(_empty_folder: Path) -> Iterator[None]:
    """journal's git (pygit2, in the test's own process) reads no system, XDG or global
    config: a developer's ``commit.gpgsign`` or ``core.autocrlf`` changes no test.  The
    git program the tests run, and journal run as a process, get the same from
    :func:`tests.gitutil.git_env`."""
    paths = pygit2.settings.search_path
    saved = {level: paths[level] for level in GIT_CONFIG_LEVELS}
    for level in GIT_CONFIG_LEVELS:
        paths[level] = str(_empty_folder)
    yield
    for level, path in saved.items():
        paths[level] = path


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    """An empty vault (a folder with .journal/)."""
    root = tmp_path / "vault"
    (root / ".journal").mkdir(parents=True)
    return root


@pytest.fixture
def example_vault(tmp_path: Path) -> Path:
    """A private copy of example-vault/."""
    target = tmp_path / "example-vault"
    shutil.copytree(EXAMPLE_VAULT, target)
    return target


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """The notes a test just wrote count as saved long ago (a ctime can't be aged): the
    index trusts them at once, and tells an empty one as empty, not as being saved."""
    from journal.adapters import index_reading

    monkeypatch.setattr(index_reading, "RACY_NS", 0)


Write = Callable[[str, str | bytes], Path]


@pytest.fixture
def write(vault: Path) -> Write:
    """Write a note (text or raw bytes) at a vault-relative path."""

    def _write(rel: str, content: str | bytes) -> Path:
        path = vault / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path

    return _write


Invoke = Callable[..., Result]


@pytest.fixture
def invoke(vault: Path) -> Invoke:
    """Run the CLI against ``vault`` (stderr kept apart from stdout)."""

    def _invoke(*args: str, root: Path | None = None) -> Result:
        runner = CliRunner()
        return runner.invoke(cli, ["--vault", str(root or vault), *args], catch_exceptions=False)

    return _invoke


def goal_text(title: str = "Connect with five HR leaders", **props: object) -> str:
    """A small valid goal note; ``props`` add or override properties."""
    base: dict[str, object] = {
        "type": "goal",
        "id": title.lower().replace(" ", "-"),
        "title": title,
        "status": "active",
        "metric": "HR leaders met",
        "unit": "conversations",
        "baseline": 0,
        "target": 5,
        "current": 2,
        "due": "2026-12-31",
    }
    base.update(props)
    lines = "".join(f"{key}: {value}\n" for key, value in base.items())
    return f"---\n{lines}---\n# {title}\n\n## Log\n\n- 2026-11-20: +1 Coffee with [[Dana Ortiz]]\n"


class _CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [(name, ctypes.c_uint32) for name in ("effective", "permitted", "inheritable")]


_READ_OVERRIDE = 1 << 1 | 1 << 2  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH


@contextlib.contextmanager
def permissions_checked() -> Iterator[None]:
    """Inside, file permissions are checked for this thread (and the threads and processes
    it starts meanwhile, which keep it) as for any user, also when the tests run as root:
    root's override (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH) is out of the thread's
    effective capabilities, and back after.  So a ``chmod 000`` folder can't be listed
    by what runs there, and the test (its own thread) still writes in it.  Skipped where
    that can't be done (root on a system other than Linux)."""
    if os.geteuid() != 0:
        yield
        return
    if not sys.platform.startswith("linux"):
        pytest.skip("root reads every folder, and its override can't be set aside here")
    libc = ctypes.CDLL(None, use_errno=True)
    header = _CapHeader(0x20080522, 0)  # _LINUX_CAPABILITY_VERSION_3, this thread
    caps = (_CapData * 2)()
    assert libc.capget(ctypes.byref(header), caps) == 0, os.strerror(ctypes.get_errno())
    before = caps[0].effective
    caps[0].effective &= ~_READ_OVERRIDE
    assert libc.capset(ctypes.byref(header), caps) == 0, os.strerror(ctypes.get_errno())
    try:
        yield
    finally:
        caps[0].effective = before
        assert libc.capset(ctypes.byref(header), caps) == 0, os.strerror(ctypes.get_errno())


@contextlib.contextmanager
def chmodded(path: Path, mode: int) -> Iterator[None]:
    """Inside, ``path`` has ``mode`` and permissions are checked (:func:`permissions_checked`);
    after, it is ``0o755`` again, so that the test's folder can be cleaned up."""
    path.chmod(mode)
    try:
        with permissions_checked():
            yield
    finally:
        path.chmod(0o755)


def unlistable_folder(vault: Path, under: str) -> str:
    """Make, inside the folder ``under`` of ``vault``, a folder whose path is too long for
    the system to list (past 4,096 bytes on Linux; made step by step, relative to the
    last), with a note in it: a folder that can't be listed even as root (tests run as
    root, who lists a ``chmod 000`` folder).  Returns its vault path."""
    (vault / under).mkdir(parents=True, exist_ok=True)
    names = [f"Archive level {i:02d} ".ljust(250, "x") for i in range(17)]
    here = os.open(vault / under, os.O_RDONLY)
    try:
        for name in names:
            os.mkdir(name, dir_fd=here)
            inner = os.open(name, os.O_RDONLY, dir_fd=here)
            os.close(here)
            here = inner
        os.close(os.open("old.md", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=here))
    finally:
        os.close(here)
    for depth in range(1, len(names) + 1):
        rel = "/".join([under, *names[:depth]])
        try:
            os.scandir(vault / rel).close()
        except OSError:
            return rel
    raise AssertionError("every folder could be listed")
