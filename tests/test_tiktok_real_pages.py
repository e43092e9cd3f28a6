"""The TikTok audit on pages as real ones come, built from the replica with test-side tools
only (its faults, or a rewrite of what it answers here): the account found elsewhere when
the settings page fails, "Suggest your account to others" shown inline, a setting's word in
another setting's help text, a stranger's view that isn't the account's own, puzzles, and
empty views that prove nothing. Every audit here writes nothing."""

from __future__ import annotations

import contextlib
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from audits.platforms.tiktok.audit import _user_state, suggest_choices
from audits.registry import declaration
from audits.watchwords import WordMatcher, default_watch_words
from replicas.personas import load_persona
from replicas.web import Response, json_script
from tests.support import audit, expected, statuses

PERSONAS = Path(__file__).parent.parent / "replicas/personas"
UNIVERSAL = re.compile(r'(<script[^>]*id="__UNIVERSAL_DATA_FOR_REHYDRATION__"[^>]*>)(.*?)(</script>)', re.S)
PUBLIC_CHECKS = ("tiktok.private_account", "tiktok.following_list", "tiktok.liked_videos",
                 "tiktok.public_post_content")
SETTINGS_ONLY = ("tiktok.suggest_account", "tiktok.direct_messages")
# The settings' wordings, as declared (audits/platforms/tiktok/platform.toml).
TIKTOK = declaration("tiktok")
PRIVATE = TIKTOK.settings["tiktok.private_account"].labels.get()
SUGGEST = TIKTOK.words["suggest"]
CHOICES = {"direct_messages": TIKTOK.settings["tiktok.direct_messages"].labels.get(),
           "duet": TIKTOK.words["duet"], "stitch": TIKTOK.words["stitch"],
           "following_list": TIKTOK.settings["tiktok.following_list"].labels.get(),
           "liked_videos": TIKTOK.settings["tiktok.liked_videos"].labels.get()}
SUGGEST_CHOICES = tuple(suggest_choices(TIKTOK).values())


# -- test-side tools ------------------------------------------------------------------------
def rewrite(app, path_rx: str, fn, who: str = "stranger") -> None:
    """Answer requests whose path matches with fn(req, render): `render()` is what the replica
    itself would answer. `who`: "owner" (signed in), "stranger", or "any"."""
    dispatch = app._dispatch

    def patched(req):
        signed_in = app._view(req).signed_in
        if re.search(path_rx, req.path) and (who == "any" or signed_in == (who == "owner")):
            return fn(req, lambda: dispatch(req))
        return dispatch(req)

    app._dispatch = patched


def edit_body(fn):
    """A rewrite that changes the rendered page's HTML."""
    return lambda req, render: (lambda resp: replace(resp, body=fn(resp.body)))(render())


def edit_data(html: str, edit) -> str:
    """Change the page's own JSON (`__DEFAULT_SCOPE__`) as `edit(scope)` says."""
    m = UNIVERSAL.search(html)
    data = json.loads(m.group(2))
    edit(data["__DEFAULT_SCOPE__"])
    return html[:m.start(2)] + json_script(data) + html[m.end(2):]


@contextlib.contextmanager
def changed(table: dict, **values):
    saved = {k: table[k] for k in values}
    table.update(values)
    try:
        yield
    finally:
        table.update(saved)


def persona_with(tmp_path, base: str, settings: dict | None = None, videos: list[dict] | None = None) -> str:
    """A copy of a persona file with TikTok settings changed and/or its videos replaced."""
    text = (PERSONAS / f"{base}.toml").read_text()
    head, tail = text.split("[tiktok]\n", 1)
    for key, value in (settings or {}).items():
        tail, n = re.subn(rf"(?m)^{key} = .*$", f"{key} = {json.dumps(value)}", tail, count=1)
        assert n == 1, key
    if videos is not None:
        tail = re.sub(r"\[\[tiktok\.videos\]\]\n(?:[^\[\n].*\n|\n)*", "", tail)
        blocks = "".join("[[tiktok.videos]]\n" + "".join(f"{k} = {json.dumps(v)}\n" for k, v in video.items()) + "\n"
                         for video in videos)
        tail = tail.replace("[tiktok.followers]", blocks + "[tiktok.followers]", 1)
    path = tmp_path / f"{base}_changed.toml"
    path.write_text(head + "[tiktok]\n" + tail)
    return str(path)


def run(running, **kw):
    report, _ = audit(running, platforms=["tiktok"], sessions=running.sessions(), page_timeout=3.0, **kw)
    assert not any(running.writes().values())
    findings = {f.check: f for f in report.findings()}
    return report, statuses(report, "tiktok"), findings


def no_wrong_answer(got: dict, truth: dict) -> dict:
    return {k: (v, truth[k]) for k, v in got.items() if v not in (truth[k], "unknown")}


def uid_of(running) -> str:
    return running.apps["tiktok"].me["unique_id"]


def label_unreadable(app) -> None:
    """The settings page words "Private account" otherwise: only the public view can decide."""
    app.faults.add(r"^/setting", "replace", mapping={"Private account": "Account mode"})



def fast_first(values: list) -> list:
    """The first case in `make test`, every case in `make faults`."""
    return values[:1] + [pytest.param(v, marks=pytest.mark.slow) for v in values[1:]]

# -- 1. the account from more than one place ------------------------------------------------
@pytest.mark.parametrize("persona", ["wide_open", pytest.param("locked_down", marks=pytest.mark.slow)])
@pytest.mark.parametrize("fault", [("status", {"status": 500}), pytest.param(("checkpoint", {}), marks=pytest.mark.slow),
                                   pytest.param(("hang", {}), marks=pytest.mark.slow)],
                         ids=["500", "checkpoint", "hang"])
def test_when_settings_fail_the_account_comes_from_the_home_page_and_the_public_view_decides(
        replicas, persona, fault):
    running = replicas(persona, platforms=["tiktok"])
    kind, params = fault
    running.apps["tiktok"].faults.add(r"^/setting", kind, **params)
    report, got, findings = run(running)
    truth = expected("tiktok", persona, [])
    tt = load_persona(persona)["tiktok"]
    account = report.platforms[0].account
    assert account.profile_url.endswith(f"/@{tt['unique_id']}") and account.display_name == tt["nickname"]
    # Decided from the stranger's view: what it shows, whatever the settings page did.
    assert {c: got[c] for c in PUBLIC_CHECKS} == {c: truth[c] for c in PUBLIC_CHECKS}
    assert all(got[c] == "unknown" and findings[c].reason for c in SETTINGS_ONLY)
    assert no_wrong_answer(got, truth) == {}
    assert any(e.source == "public_view" for e in findings["tiktok.private_account"].evidence)


@pytest.mark.slow  # make faults: the fast suite keeps one case per issue item
def test_the_account_from_the_navigation_profile_link_when_no_page_data_names_it(replicas):
    running = replicas("wide_open", platforms=["tiktok"])
    app = running.apps["tiktok"]
    app.faults.add(r"^/setting", "status", status=500)

    def anonymous(scope):
        scope["webapp.app-context"].pop("user", None)

    rewrite(app, r"^/(foryou)?$", edit_body(lambda html: edit_data(html, anonymous)), who="owner")
    report, got, _ = run(running)
    assert report.platforms[0].account.profile_url.endswith(f"/@{uid_of(running)}")
    assert got["tiktok.private_account"] == "at_risk"
    assert got["tiktok.public_post_content"] == "at_risk"


# -- a private-looking view, or an empty one, is evidence only where the facts say so -------------
@pytest.mark.slow  # make faults: the fast suite keeps one case per issue item
def test_a_private_status_code_and_message_alone_prove_nothing(replicas):
    # The account is public; the stranger gets TikTok's "private" code (10222) and message,
    # without the account's own description.
    running = replicas("wide_open", platforms=["tiktok"])
    app = running.apps["tiktok"]
    label_unreadable(app)

    def private_looking(req, render):
        with changed(app.me["settings"], private_account=True):
            resp = render()

        def edit(scope):
            scope["webapp.user-detail"] = {"statusCode": 10222, "statusMsg": "", "needFix": False}

        return replace(resp, body=edit_data(resp.body, edit))

    rewrite(app, r"^/@[^/]+/?$", private_looking)
    _, got, findings = run(running)
    assert got["tiktok.private_account"] == "unknown"
    assert "10222" not in findings["tiktok.private_account"].reason  # plain words
    assert no_wrong_answer(got, expected("tiktok", "wide_open", [])) == {}
    assert not [c for c, s in got.items() if s == "ok"]


@pytest.mark.slow  # make faults: the fast suite keeps one case per issue item
def test_a_guests_video_count_of_zero_is_not_an_empty_profile(replicas):
    # Strangers are shown no videos and no "no videos" state; videoCount says 0.
    running = replicas("wide_open", platforms=["tiktok"])
    app = running.apps["tiktok"]

    def hidden(req, render):
        videos = app.me["videos"]
        with changed(app.me, videos=[{**v, "audience": "Friends"} for v in videos]):
            resp = render()
        body = resp.body.replace("This user has not published any videos.", "").replace("No content", "")
        body = edit_data(body, lambda s: s["webapp.user-detail"]["userInfo"]["stats"].update(videoCount=0))
        return replace(resp, body=body)

    rewrite(app, r"^/@[^/]+/?$", hidden)
    _, got, findings = run(running)
    assert got["tiktok.public_post_content"] == "unknown"
    assert findings["tiktok.public_post_content"].reason


@pytest.mark.slow  # make faults: the fast suite keeps one case per issue item
def test_the_pages_own_no_videos_state_is_an_empty_public_profile(replicas, tmp_path):
    # Every video is friends-only: a stranger gets "This user has not published any videos."
    persona = load_persona("wide_open")["tiktok"]
    videos = [{"id": v["id"], "date": v["date"], "caption": v["caption"], "audience": "Friends"}
              for v in persona["videos"]]
    running = replicas(persona_with(tmp_path, "wide_open", videos=videos), platforms=["tiktok"])
    _, got, findings = run(running, only_checks={"tiktok.public_post_content"})
    assert got["tiktok.public_post_content"] == "ok"
    assert "no videos" in findings["tiktok.public_post_content"].summary


# -- 2. "Suggest your account to others", wherever its switches are ----------------------------
OPENER = re.compile(r'<div[^>]*><button[^>]*data-opens="suggest-dialog"[^>]*>.*?</button></div>', re.S)
TEMPLATE = re.compile(r'<template id="suggest-dialog">(.*?)</template>', re.S)
NAMED = 'role="dialog" aria-modal="true" aria-labelledby="suggest-title" aria-describedby="suggest-desc"'


def suggest_inline(form: str, unreadable: str | None = None):
    """The dialog's four switches shown on the page itself: in a group named by its heading
    ("group"), or as rows under the heading in no named group ("rows")."""
    def edit(html: str) -> str:
        inner = TEMPLATE.search(html).group(1)
        assert NAMED in inner
        inner = re.sub(r"<button[^>]*data-close[^>]*>[^<]*</button>", "", inner)
        inner = inner.replace(NAMED, 'role="group" aria-labelledby="suggest-title"' if form == "group" else "")
        inner = inner.replace("<h2", "<h4").replace("</h2>", "</h4>")
        if unreadable:
            inner, n = re.subn(rf'(name="{unreadable}") aria-checked="(true|false)"', r"\1", inner)
            assert n == 1
        html, n = OPENER.subn(lambda m: inner, TEMPLATE.sub("", html), count=1)
        assert n == 1
        return html
    return edit_body(edit)


@pytest.mark.parametrize("persona,form", [("locked_down", "group"), pytest.param("demo", "group", marks=pytest.mark.slow),
                                          pytest.param("demo", "rows", marks=pytest.mark.slow), pytest.param("locked_down", "rows", marks=pytest.mark.slow)])
def test_suggest_switches_shown_inline_are_each_read(replicas, persona, form):
    running = replicas(persona, platforms=["tiktok"])
    rewrite(running.apps["tiktok"], r"^/setting/privacy", suggest_inline(form), who="owner")
    _, got, findings = run(running, only_checks={"tiktok.suggest_account"})
    assert got["tiktok.suggest_account"] == expected("tiktok", persona, [])["tiktok.suggest_account"]
    detail = findings["tiktok.suggest_account"].evidence[0].detail
    assert all(names[0] in detail for names in SUGGEST_CHOICES)  # all four, by their own names


@pytest.mark.slow  # make faults: the fast suite keeps one case per issue item
def test_one_unreadable_inline_suggest_switch_is_never_ok(replicas):
    running = replicas("locked_down", platforms=["tiktok"])  # every choice off
    rewrite(running.apps["tiktok"], r"^/setting/privacy", suggest_inline("group", unreadable="suggest_mutual"),
            who="owner")
    _, got, findings = run(running, only_checks={"tiktok.suggest_account"})
    assert got["tiktok.suggest_account"] == "unknown"
    assert "People with mutual connections" in findings["tiktok.suggest_account"].reason


@pytest.mark.slow  # make faults: the fast suite keeps one case per issue item
def test_a_suggest_dialog_missing_a_choice_is_never_ok(replicas, tmp_path):
    # "Facebook friends" is on, but the dialog doesn't show it; the three it shows are off.
    path = persona_with(tmp_path, "locked_down", settings={"suggest_facebook_friends": True})
    running = replicas(path, platforms=["tiktok"])
    row = re.compile(r'<div[^>]*><div[^>]*><div[^>]*>\s*<span[^>]*id="label-suggest_facebook_friends"[^>]*>.*?'
                     r"</button>\s*</div></div>", re.S)

    def without_facebook(html: str) -> str:
        html, n = row.subn("", html)
        assert n == 1
        return html

    rewrite(running.apps["tiktok"], r"^/setting/privacy", edit_body(without_facebook), who="owner")
    _, got, findings = run(running, only_checks={"tiktok.suggest_account"})
    assert got["tiktok.suggest_account"] == "unknown"
    assert "Facebook friends" in findings["tiktok.suggest_account"].reason


# -- 3. a label matches its own row, never help text elsewhere -----------------------------------
TIKTOK_PRIVATE_HELP = ("Only approved followers can see your profile and posts. No one will be able to Duet or "
                       "Stitch your posts.")


def private_help_mentions_duet(html: str) -> str:
    """TikTok's own help under "Private account" (it names Duet and Stitch), the switch's state
    also in words beside it, and Duet's and Stitch's values as the text of a button that opens
    their choices (no control named after them)."""
    html, n = re.subn(r'(<p[^>]*id="desc-private_account"[^>]*>)[^<]*(</p>)', rf"\g<1>{TIKTOK_PRIVATE_HELP}\g<2>", html)
    assert n == 1
    html, n = re.subn(r'(<button[^>]*name="private_account"[^>]*aria-checked="(true|false)"[^>]*></button>)',
                      lambda m: m.group(1) + f"<span>{'On' if m.group(2) == 'true' else 'Off'}</span>", html)
    assert n == 1

    def as_button(m):
        chosen = re.search(r"<option[^>]*selected[^>]*>([^<]*)</option>", m.group(3)).group(1)
        return f'<span>{m.group(2)}</span><button type="button" aria-haspopup="dialog">{chosen}</button>'

    html, n = re.subn(r'<label[^>]*for="select-(duet|stitch)"[^>]*>([^<]*)</label>\s*<select[^>]*>(.*?)</select>',
                      as_button, html, flags=re.S)
    assert n == 2
    return html


@pytest.mark.parametrize("persona", ["wide_open", pytest.param("demo", marks=pytest.mark.slow)])
def test_duet_in_the_private_account_help_is_not_the_duet_setting(replicas, persona):
    running = replicas(persona, platforms=["tiktok"])
    rewrite(running.apps["tiktok"], r"^/setting/privacy", edit_body(private_help_mentions_duet), who="owner")
    _, got, findings = run(running)
    truth = expected("tiktok", persona, [])
    assert got == truth
    settings = [e.detail for e in findings["tiktok.duet_stitch"].evidence if e.source == "setting"]
    s = load_persona(persona)["tiktok"]["settings"]
    assert f"'Duet' is set to '{s['duet']}'." in settings and f"'Stitch' is set to '{s['stitch']}'." in settings


def test_labels_are_data_from_the_facts_current_wording_first():
    for labels in (PRIVATE, SUGGEST, *CHOICES.values(), *SUGGEST_CHOICES):
        assert isinstance(labels, tuple) and labels and all(isinstance(x, str) and x for x in labels)
    # Words the facts give for these settings, not sentences about them.
    assert CHOICES["duet"][0] == "Duet" and CHOICES["direct_messages"][0] == "Direct messages"
    assert PRIVATE[0] == "Private account" and SUGGEST[0] == "Suggest your account to others"


# -- 4. a stranger's view counts only as the account's own ---------------------------------------
def to_home(app, uid):
    """The stranger is sent to the For You page, which shows the account's name and TikTok's
    private-account wording (e.g. in a suggestion), but is not the profile."""
    def profile(req, render):
        return Response("", 302, [("Location", "/foryou")])

    def home(html: str) -> str:
        return html.replace("</h1>", f"</h1><p>{uid}</p><p>This account is private</p>", 1)

    rewrite(app, r"^/@[^/]+/?$", profile)
    rewrite(app, r"^/foryou$", edit_body(home))


def puzzle(app, uid):
    """An HTTP 200 carrying a bdturing-verify header and `data: null`, not an HTML page."""
    def profile(req, render):
        return Response(json.dumps({"data": None}), 200, [("bdturing-verify", '{"type":"verify","subtype":"slide"}')],
                        content_type="application/json")

    rewrite(app, r"^/@[^/]+/?$", profile)


STRANGER_OUTCOMES = {
    "sent to the home page": (to_home, "different page"),
    "puzzle with HTTP 200": (puzzle, "puzzle"),
    "sent to /login": (lambda app, uid: app.faults.add(r"^/@", "login_wall"), "login"),
    "sent to /verify": (lambda app, uid: app.faults.add(r"^/@", "checkpoint"), "confirm it's you"),
}


@pytest.mark.parametrize("outcome", fast_first(list(STRANGER_OUTCOMES)))
def test_a_stranger_view_that_is_not_the_profile_proves_nothing(replicas, outcome):
    running = replicas("wide_open", platforms=["tiktok"])
    app = running.apps["tiktok"]
    label_unreadable(app)
    make, words = STRANGER_OUTCOMES[outcome]
    make(app, uid_of(running))
    _, got, findings = run(running)
    assert got["tiktok.private_account"] == "unknown"
    assert got["tiktok.public_post_content"] == "unknown"
    assert words in findings["tiktok.public_post_content"].reason.lower()
    assert no_wrong_answer(got, expected("tiktok", "wide_open", [])) == {}
    assert not [c for c in PUBLIC_CHECKS if got[c] == "ok"]


def test_the_page_data_of_another_account_describes_nobody():
    def page(unique_id: str, private: bool, code: int = 0) -> str:
        return json.dumps({"__DEFAULT_SCOPE__": {"webapp.user-detail": {
            "statusCode": code, "userInfo": {"user": {"uniqueId": unique_id, "privateAccount": private}}}}})

    assert _user_state([page("someone.else", True)], "jamie.runs.77") is None
    assert _user_state([page("jamie.runs.77", True, code=10222)], "jamie.runs.77") is None
    assert _user_state([page("Jamie.Runs.77", False)], "jamie.runs.77")["privateAccount"] is False


# -- 5. an empty match is never "ok" -------------------------------------------------------------
CLEAN = [f"Sunday bake number {n}" for n in range(1, 13)]


def videos(captions: list[str], places: dict[int, str] | None = None) -> list[dict]:
    out = []
    for n, caption in enumerate(captions):
        video = {"id": str(7460000000000000000 - n * 1000), "date": f"2025-{10 - n // 28:02d}-{28 - n % 28:02d}",
                 "caption": caption, "views": 100 + n}
        if places and n in places:
            video["location"] = places[n]
        out.append(video)
    return out


@pytest.mark.slow  # make faults: the fast suite keeps one case per issue item
def test_a_grid_that_stops_on_a_puzzle_is_not_read_to_its_end(replicas, tmp_path):
    # The first 12 videos are harmless; the 13th, only reached by scrolling, mentions court.
    captions = [*CLEAN, "Court again tomorrow for care proceedings"]
    words = WordMatcher(default_watch_words())
    assert not any(words.find(c) for c in CLEAN) and words.find(captions[-1])
    running = replicas(persona_with(tmp_path, "wide_open", videos=videos(captions)), platforms=["tiktok"])
    app = running.apps["tiktok"]

    def grid(req, render):
        return Response(json.dumps({"data": None}), 200, [("bdturing-verify", '{"type":"verify"}')],
                        content_type="application/json")

    rewrite(app, app.ITEM_LIST_PATTERN, grid)
    _, got, findings = run(running, only_checks={"tiktok.public_post_content"})
    assert got["tiktok.public_post_content"] == "unknown"
    assert "puzzle" in findings["tiktok.public_post_content"].reason


VIDEO_PAGE_OUTCOMES = {
    "puzzle with HTTP 200": lambda other: lambda req, render: Response(
        json.dumps({"data": None}), 200, [("bdturing-verify", '{"type":"verify"}')], content_type="application/json"),
    "unavailable (HTTP 200)": lambda other: lambda req, render: replace(render(), body=(
        '<html lang="en"><head><title>Video currently unavailable | TikTok</title></head><body><main>'
        "<p>Video currently unavailable</p><p>Visit TikTok to discover more trending videos.</p></main></body></html>")),
    "another video's page": lambda other: lambda req, render: Response("", 302, [("Location", other)]),
}


@pytest.mark.parametrize("outcome", fast_first(list(VIDEO_PAGE_OUTCOMES)))
def test_a_video_page_that_shows_nothing_hides_no_place(replicas, tmp_path, outcome):
    # Harmless captions; the first video's place shows only on its own page.
    captions = ["Sunday walk", "Sunday bake", "Sunday run"]
    running = replicas(persona_with(tmp_path, "wide_open", videos=videos(captions, {0: "Eastbrook Park"})),
                       platforms=["tiktok"])
    app = running.apps["tiktok"]
    first, second = (v["id"] for v in app.me["videos"][:2])
    rewrite(app, rf"/video/{first}/?$", VIDEO_PAGE_OUTCOMES[outcome](f"/@{uid_of(running)}/video/{second}"))
    _, got, findings = run(running, only_checks={"tiktok.public_post_content"})
    assert got["tiktok.public_post_content"] == "unknown"
    assert findings["tiktok.public_post_content"].reason
