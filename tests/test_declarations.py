"""Platform declarations: validated with file-and-line errors, the one place site knowledge
lives (a label edit there is enough for the audit to follow), and one folder per platform
(removing a folder removes the platform everywhere, nothing else breaking)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from audits import registry
from audits.declaration import DeclarationError, load_declaration
from audits.model import Audience
from tests.support import audit, statuses

ROOT = Path(__file__).resolve().parent.parent


def test_every_platform_folder_is_declared_once_and_everything_reads_the_registry():
    from audits.catalog import CHECKS, PLATFORM_NAMES
    from audits.routing import platform_hosts
    from checklists.content import content

    ids = registry.ids()
    assert ids == ("facebook", "x", "instagram", "linkedin", "tiktok")
    assert list(PLATFORM_NAMES) == list(ids)
    assert {c.platform for c in CHECKS.values()} == set(ids)
    assert {item.platform for item in content().items.values()} == set(ids)
    for pid in ids:
        d = registry.declaration(pid)
        assert registry.audit_class(pid).platform == pid
        assert platform_hosts(pid) == d.hosts and d.session_cookies


def write(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "demo"
    folder.mkdir(exist_ok=True)
    (folder / "platform.toml").write_text(text, encoding="utf-8")
    return folder / "platform.toml"


GOOD = (ROOT / "audits/platforms/x/platform.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize(("change", "message"), [
    (('labels = ["Photo tagging"]', 'labels = "Photo tagging"'), "'labels' must be a list of texts"),
    (('values = "tagging"', 'values = "tagged"'), "'values' names 'tagged'"),
    (('"off" = "only_me"', '"off" = "nobody"'), "'nobody' must be one of"),
    (('page = "settings:dm"', 'page = "settings:dms"'), "'page' names 'settings:dms'"),
    (('hosts = ["x.com", "twitter.com", "twimg.com"]', 'hosts = ["x.com"]\nsurprise = 1'), "unknown key 'surprise'"),
    (('sign_in_url = "https://x.com/i/flow/login"', 'sign_in_url = "http://evil.example/login"'), "'sign_in_url' must be an https address"),
])
def test_a_bad_declaration_names_its_file_and_line(tmp_path, change, message):
    old, new = change
    assert old in GOOD
    path = write(tmp_path, GOOD.replace(old, new, 1))
    with pytest.raises(DeclarationError) as err:
        load_declaration(path, "x")
    text = str(err.value)
    assert message in text
    line = int(text.split(", line ")[1].split(":")[0])
    assert new.split("\n")[-1].split(" =")[0].strip('"') in path.read_text().splitlines()[line - 1]


def test_wording_may_be_given_per_language(tmp_path):
    text = GOOD.replace('labels = ["Photo tagging"]', 'labels = { en = ["Photo tagging"], es = ["Etiquetado de fotos"] }')
    text = text.replace('"off" = "only_me"\n', '"off" = "only_me"\n\n[values.tagging.es]\n"cualquiera" = "public"\n', 1)
    d = load_declaration(write(tmp_path, text), "x")
    assert d.settings["x.photo_tagging"].labels.get("es") == ("Etiquetado de fotos",)
    assert d.settings["x.photo_tagging"].values.get("es") == {"cualquiera": Audience.PUBLIC}
    assert d.languages == ("en", "es") and d.walls.languages == ("en", "es")
    assert d.settings["x.dm_requests"].labels.get("es") == ()  # no Spanish wording: unknown, never guessed


# The site renames its settings; the replica (which never reads the declaration) follows.
RENAMED = {"Protect your posts": "Lock your account", "Photo tagging": "Tag permissions",
           "Allow message requests from": "Who may message you",
           "Let people who have your phone number find you on X": "Phone discoverability",
           "Let people who have your email address find you on X": "Email discoverability",
           "Add location information to your posts": "Geotag posts"}
SETTINGS = ["x.discover_email", "x.discover_phone", "x.photo_tagging", "x.post_location", "x.dm_requests"]


@pytest.fixture
def declaration_copy(tmp_path, monkeypatch):
    """A copy of X's folder whose platform.toml a test edits; the registry reads it instead."""
    folder = tmp_path / "x"
    shutil.copytree(ROOT / "audits/platforms/x", folder)
    monkeypatch.setenv(f"{registry.OVERRIDE_ENV}_X", str(folder))
    registry.declarations.cache_clear()
    yield folder / "platform.toml"
    monkeypatch.delenv(f"{registry.OVERRIDE_ENV}_X")
    registry.declarations.cache_clear()


@pytest.mark.browser
def test_changing_a_label_in_the_declaration_alone_is_enough(replicas, declaration_copy):
    running = replicas("wide_open", platforms=["x"])
    running.apps["x"].faults.add(r"^/settings", "replace", mapping=RENAMED)
    before = statuses(audit(running, platforms=["x"])[0], "x")
    assert {c: before[c] for c in SETTINGS} == dict.fromkeys(SETTINGS, "unknown")  # renamed: never a guess

    text = declaration_copy.read_text(encoding="utf-8")
    for old, new in RENAMED.items():
        assert f'"{old}"' in text
        text = text.replace(f'["{old}"', f'["{new}", "{old}"', 1)
    declaration_copy.write_text(text, encoding="utf-8")
    registry.declarations.cache_clear()
    after = statuses(audit(running, platforms=["x"])[0], "x")
    assert {c: after[c] for c in SETTINGS} == dict.fromkeys(SETTINGS, "at_risk")  # wide open: every one a risk
    assert not any(running.writes().values())


REMOVAL_CHECK = """
import sys
from audits.catalog import CHECKS, PLATFORM_NAMES
from audits.registry import ids
from checklists.content import content
from checkup.state import CheckupState
from cli import main
assert "tiktok" not in ids() and "tiktok" not in PLATFORM_NAMES, ids()
assert not any(c.startswith("tiktok.") for c in CHECKS)
assert not any(i.startswith("tiktok.") for i in content().items)
assert all("tiktok" not in q.platforms for q in content().self_checks.values())
assert "tiktok" not in CheckupState().accounts
assert main(["audit", "--platform", "tiktok", "--demo", "--no-save"]) == 2
print("ok")
"""


def test_removing_a_platform_folder_removes_it_everywhere(tmp_path):
    """A copy of the project without TikTok's folder: the catalog, checklists, wizard state
    and command line all go on without it, and the fast part of the suite still passes."""
    files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT, capture_output=True,
                           text=True, check=True).stdout.split()
    copy = tmp_path / "boundary"
    for name in files:
        if name.startswith("audits/platforms/tiktok/") or not (ROOT / name).is_file():
            continue
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, copy / name)
    env = {**os.environ, "PYTHONPATH": str(copy), "QT_QPA_PLATFORM": "offscreen"}
    env.pop(f"{registry.OVERRIDE_ENV}_X", None)
    done = subprocess.run([sys.executable, "-c", REMOVAL_CHECK], cwd=copy, env=env, capture_output=True, text=True)
    assert done.stdout.strip().endswith("ok"), done.stderr[-2000:]
    assert "unknown platform 'tiktok'" in done.stderr
    suite = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "not browser and not slow",
                            "tests/test_model.py", "tests/test_checklists.py", "tests/test_import_rules.py",
                            "tests/test_wizard_flow.py"],
                           cwd=copy, env=env, capture_output=True, text=True)
    assert suite.returncode == 0, suite.stdout[-3000:]
