"""Bad input gets one clear line, the contract's exit status, and nothing written."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*args, env=None, cwd=None):
    import os

    full_env = {**os.environ, **(env or {})}
    full_env.pop("BOUNDARY_SITE_FACEBOOK", None)
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          env=full_env, timeout=120, cwd=cwd or ROOT)


@pytest.fixture
def good_session(tmp_path):
    path = tmp_path / "fb.json"
    path.write_text(json.dumps({"cookies": [
        {"name": "c_user", "value": "1", "domain": ".facebook.com", "path": "/"},
        {"name": "xs", "value": "2", "domain": ".facebook.com", "path": "/"}], "origins": []}))
    return path


@pytest.mark.parametrize(
    "args,message",
    [
        (["audit", "--platform", "myspace"], "unknown platform 'myspace'"),
        (["audit", "--site", "facebook"], "--site takes PLATFORM=VALUE"),
        (["audit", "--site", "facebook=localhost:8701"], "not an origin"),
        (["audit", "--site", "bebo=http://127.0.0.1:1"], "unknown platform 'bebo'"),
        (["audit", "--session", "facebook=/nonexistent/state.json"], "session file not found"),
        (["audit", "--watch-words", "/nonexistent/words.txt"], "--watch-words: file not found"),
        (["audit", "--timeout", "0"], "--timeout must be more than 0"),
        (["audit", "--frobnicate"], "unrecognized arguments"),
    ],
)
def test_bad_arguments_exit_2_with_one_clear_line(args, message, tmp_path):
    result = run(*args, "--json", str(tmp_path / "r.json"))
    assert result.returncode == 2, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "r.json").exists()


@pytest.mark.parametrize(
    "content,message",
    [
        ("not json at all", "is not JSON"),
        ('{"cookies": "nope"}', "not a browser session file"),
        ('{"cookies": [{"name": "c_user", "value": "1", "domain": ".facebook.com"}]}', "xs missing"),
        ('{"cookies": [{"name": "c_user", "value": "1", "domain": ".example.com"}, {"name": "xs", "value": "1", "domain": ".example.com"}]}', "no facebook sign-in cookie"),
    ],
)
def test_session_files_that_are_not_storage_state(content, message, tmp_path):
    bad = tmp_path / "state.json"
    bad.write_text(content)
    result = run("audit", "--session", f"facebook={bad}", "--json", str(tmp_path / "r.json"))
    assert result.returncode == 2 and message in result.stderr
    assert not (tmp_path / "r.json").exists()


def test_json_into_a_missing_folder_is_refused(good_session, tmp_path):
    result = run("audit", "--session", f"facebook={good_session}", "--json", str(tmp_path / "nope" / "r.json"))
    assert result.returncode == 2 and "doesn't exist" in result.stderr


def test_no_session_at_all_cannot_run(tmp_path):
    result = run("audit", "--json", str(tmp_path / "r.json"))
    assert result.returncode == 4 and "no signed-in accounts" in result.stderr


@pytest.mark.browser
def test_no_browser_cannot_run(good_session, tmp_path):
    result = run("audit", "--session", f"facebook={good_session}", "--json", str(tmp_path / "r.json"),
                 env={"BOUNDARY_BROWSER": "/nonexistent/chrome"})
    assert result.returncode == 4 and "No browser could be started" in result.stderr
    assert not (tmp_path / "r.json").exists()


def test_unreachable_origin_cannot_run(good_session, tmp_path):
    result = run("audit", "--session", f"facebook={good_session}", "--site", "facebook=http://127.0.0.1:9",
                 "--json", str(tmp_path / "r.json"))
    assert result.returncode == 4 and "can't reach http://127.0.0.1:9" in result.stderr
    assert not (tmp_path / "r.json").exists()
