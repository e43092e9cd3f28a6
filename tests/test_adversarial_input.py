"""Hostile and broken input to the command line: a clear message and exit 2, never a
traceback, never a session cookie sent off this computer, nothing lost.

Each reproduction from the hardening review is replayed by name; Hypothesis then throws
generated input at the same doors (session files, origins, timeouts, CLI arguments)."""

from __future__ import annotations

import contextlib
import io
import json
import math
import os
import stat

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audits.routing import parse_origin
from audits.sessions import SessionError, load_session_file, validate_storage_state
from cli import main
from tests.support import adversary

GOOD_COOKIES = [{"name": "c_user", "value": "1", "domain": ".facebook.com", "path": "/"},
                {"name": "xs", "value": "2", "domain": ".facebook.com", "path": "/"}]


def run_cli(args: list[str], env: dict | None = None) -> tuple[int, str]:
    """The command line in this process: exit status and what it printed on stderr."""
    err = io.StringIO()
    old = {k: os.environ.get(k) for k in (env or {})}
    os.environ.update(env or {})
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            code = main(args)
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    text = err.getvalue()
    adversary("command line", clear=code in (2, 4) and text.startswith("boundary: "), traceback="Traceback" in text)
    return code, text


def session_file(tmp_path, content) -> str:
    path = tmp_path / "session.json"
    path.write_text(content if isinstance(content, str) else json.dumps(content))
    return str(path)


def with_cookie(**changes) -> dict:
    return {"cookies": [{**GOOD_COOKIES[0], **changes}, GOOD_COOKIES[1]], "origins": []}


# -- the reproductions ------------------------------------------------------------------------------
SESSION_CASES = {
    "cookie domain a number": (with_cookie(domain=12), "name, value and domain"),
    "cookie name a list": (with_cookie(name=["c_user"]), "name, value and domain"),
    "cookie value a number": (with_cookie(value=5), "name, value and domain"),
    "expires a text": (with_cookie(expires="soon"), "expiry"),
    "expires nan": ('{"cookies": [{"name": "c_user", "value": "1", "domain": ".facebook.com", "expires": NaN}], "origins": []}',
                    "expiry"),
    "origins a text": ({"cookies": GOOD_COOKIES, "origins": "x"}, "'origins'"),
    "origins' storage wrong": ({"cookies": GOOD_COOKIES, "origins": [{"origin": "https://x", "localStorage": [1]}]},
                               "'origins'"),
    "sameSite unknown": (with_cookie(sameSite="Sometimes"), "sameSite"),
    "nested 200,000 deep": ("[" * 200_000 + "]" * 200_000, "nested too deeply"),
    "not JSON": ("cookies: yes", "not JSON"),
    "no sign-in cookie": ({"cookies": [GOOD_COOKIES[0]], "origins": []}, "xs missing"),
}


@pytest.mark.parametrize("case", SESSION_CASES)
def test_a_session_file_of_the_wrong_shape_is_a_clear_error(tmp_path, case):
    content, message = SESSION_CASES[case]
    code, err = run_cli(["audit", "--session", f"facebook={session_file(tmp_path, content)}", "--no-save"])
    assert code == 2, err
    assert message in err and "Traceback" not in err


def test_a_binary_or_huge_session_file_is_a_clear_error(tmp_path):
    path = tmp_path / "s.json"
    path.write_bytes(b"\xff\xfe\x00binary")
    code, err = run_cli(["audit", "--session", f"facebook={path}", "--no-save"])
    assert code == 2 and "can't read session file" in err
    path.write_text(" " * 5_000_001)
    code, err = run_cli(["audit", "--session", f"facebook={path}", "--no-save"])
    assert code == 2 and "too large" in err


@pytest.mark.parametrize("origin", [
    "https://evil.example.com", "http://192.168.1.10:8701", "http://10.0.0.1", "http://0.0.0.0:8701",
    "http://user:pass@127.0.0.1:8701", "http://[2001:db8::1]:80", "http://127.0.0.1.evil.example:80",
    "http://localhost.evil.example",
])
def test_a_replica_origin_off_this_computer_is_refused(origin):
    # Session cookies are sent to the origin: only loopback addresses may take them.
    for args, env in ((["audit", "--site", f"facebook={origin}", "--no-save"], {}),
                      (["audit", "--no-save"], {"BOUNDARY_SITE_FACEBOOK": origin})):
        code, err = run_cli(args, env)
        assert code == 2, (origin, err)
        assert "Traceback" not in err


def test_loopback_origins_are_accepted():
    assert parse_origin("http://127.0.0.1:8701/") == "http://127.0.0.1:8701"
    assert parse_origin("http://127.0.0.2:1") == "http://127.0.0.2:1"
    assert parse_origin("http://localhost:8701") == "http://localhost:8701"
    assert parse_origin("http://[::1]:8701") == "http://[::1]:8701"


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "1e308", "0", "-3", "601"])
def test_a_timeout_that_isnt_a_sensible_number_of_seconds_is_refused(value):
    code, err = run_cli(["audit", "--demo", "--no-save", "--timeout", value])
    assert code == 2 and "--timeout" in err


def test_output_files_are_checked_before_any_work(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    cases = [("--json", a_file / "r.json"), ("--pdf", a_file / "r.pdf")]
    if os.geteuid() != 0:  # root may write anywhere; the check then rightly lets it
        cases += [("--json", locked / "r.json"), ("--pdf", locked / "r.pdf")]
    try:
        for flag, target in cases:
            code, err = run_cli(["audit", "--demo", "--no-save", "--platform", "x", flag, str(target)])
            assert code == 2 and flag in err, (flag, target, err)
    finally:
        locked.chmod(stat.S_IRWXU)


def test_reminder_calendar_into_a_missing_folder(tmp_path):
    code, err = run_cli(["remind", "--ics", str(tmp_path / "missing" / "r.ics")])
    assert code == 2 and "doesn't exist" in err


@pytest.mark.parametrize(("args", "message"), [
    (["replica", "--port", "99999"], "--port"),
    (["replica", "--port", "-5"], "--port"),
    (["replica", "--persona", "no-such-persona"], "persona"),
])
def test_replica_bad_input(args, message):
    code, err = run_cli(args)
    assert code == 2 and message in err


def test_replica_persona_that_isnt_one(tmp_path):
    binary = tmp_path / "b.toml"
    binary.write_bytes(b"\x00\xff\xfe")
    other = tmp_path / "o.toml"
    other.write_text('[tool]\nname = "not a persona"\n')
    for path in (binary, other):
        code, err = run_cli(["replica", "--persona", str(path)])
        assert code == 2 and "Traceback" not in err, err


# -- generated input ------------------------------------------------------------------------------------
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20)
cookie_like = st.fixed_dictionaries(
    {"name": st.sampled_from(["c_user", "xs"]) | json_values, "value": json_values,
     "domain": st.sampled_from([".facebook.com", "facebook.com"]) | json_values},
    optional={"path": json_values, "expires": json_values, "httpOnly": json_values, "secure": json_values,
              "sameSite": json_values})
states = json_values | st.fixed_dictionaries({"cookies": st.lists(cookie_like, max_size=4)},
                                             optional={"origins": json_values})


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(states)
def test_any_session_document_is_accepted_cleanly_or_refused_clearly(state):
    try:
        clean = validate_storage_state("facebook", state)
    except SessionError as exc:
        adversary("session documents", clear=bool(str(exc)))
        assert str(exc)
        return
    adversary("session documents")
    # What is accepted is exactly what the browser takes.
    for cookie in clean["cookies"]:
        assert all(isinstance(cookie[k], str) for k in ("name", "value", "domain", "path"))
        assert cookie["expires"] == -1 or (math.isfinite(cookie["expires"]) and cookie["expires"] >= 0)
        assert isinstance(cookie["httpOnly"], bool) and isinstance(cookie["secure"], bool)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_any_file_is_a_session_or_a_clear_error(tmp_path_factory, content):
    path = tmp_path_factory.mktemp("s") / "s.json"
    path.write_bytes(content)
    with contextlib.suppress(SessionError):
        load_session_file("facebook", path)
    adversary("session files")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60) | st.from_regex(r"https?://[a-z0-9.:@\[\]-]{0,30}(:\d{0,6})?/?", fullmatch=True))
def test_any_origin_is_loopback_or_refused(text):
    adversary("replica origins")
    try:
        origin = parse_origin(text)
    except ValueError as exc:
        assert str(exc)
        return
    from urllib.parse import urlsplit

    from audits.routing import is_loopback

    assert is_loopback(urlsplit(origin).hostname)


FLAGS = ["--platform", "--session", "--site", "--timeout", "--watch-words", "--watch-list", "--regulator",
         "--json", "--pdf", "--browser"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(FLAGS), st.text(max_size=20)), min_size=1, max_size=3))
def test_any_bad_argument_is_one_clear_line(tmp_path, pairs):
    # No sessions and no --demo: whatever the arguments, nothing can run, so each ends in a
    # usage error (2) or "no signed-in accounts" (4) — never a traceback or a check-up.
    args = ["audit", "--no-save"] + [x for flag, value in pairs for x in (flag, value)]
    code, err = run_cli(args)
    assert code in (2, 4), (args, err)
    assert err.startswith("boundary: ") and "Traceback" not in err


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_any_watch_list_file_is_read_or_refused_clearly(tmp_path, content):
    path = tmp_path / "list.txt"
    path.write_bytes(content)
    code, err = run_cli(["audit", "--no-save", "--watch-list", str(path), "--watch-words", str(path)])
    assert code in (2, 4), err  # refused, or read (then: no accounts to check)
    assert err.startswith("boundary: ") and "Traceback" not in err


def test_a_watch_list_that_isnt_one_is_refused(tmp_path):
    long_line = tmp_path / "long.txt"
    long_line.write_text("x" * 5000)
    many = tmp_path / "many.txt"
    many.write_text("\n".join(f"Name {i}" for i in range(20_000)))
    for path in (long_line, many):
        code, err = run_cli(["audit", "--no-save", "--watch-list", str(path)])
        assert code == 2 and "isn't a list of words or names" in err


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(st.sampled_from(["person", "facebook", "x", "instagram", "linkedin", "tiktok", "other"]),
                       st.dictionaries(st.text(max_size=10), json_values, max_size=4), max_size=4))
def test_any_persona_is_loaded_or_refused_clearly(tmp_path, data):
    from replicas.personas import PersonaError, load_persona

    def toml_value(v):
        return json.dumps(v) if isinstance(v, str) else json.dumps(str(v))

    path = tmp_path / "p.toml"
    path.write_text("\n".join(f"[{table}]\n" + "\n".join(f"{json.dumps(k)} = {toml_value(v)}" for k, v in rows.items())
                              for table, rows in data.items()))
    adversary("personas")
    try:
        load_persona(path)
    except PersonaError as exc:
        assert str(exc)
