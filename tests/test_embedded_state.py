"""The account descriptions pages embed for search engines and their own scripts: TikTok's
rehydration data (2025-26) and its older SIGI_STATE, LinkedIn's JSON-LD Person."""

from __future__ import annotations

import json

from audits.platforms.linkedin.audit import _graph
from audits.platforms.tiktok.audit import _signed_in_user, _user_state


def universal(user: dict, app_user: dict | None = None) -> str:
    context = {"region": "GB", **({"user": app_user} if app_user else {})}
    return json.dumps({"__DEFAULT_SCOPE__": {
        "webapp.app-context": context,
        "webapp.user-detail": {"statusCode": 0, "userInfo": {"user": user, "stats": {"videoCount": 3}}}}})


def test_tiktok_state_from_the_rehydration_data():
    blob = universal({"uniqueId": "sam.allotment", "privateAccount": False, "followingVisibility": 1,
                      "openFavorite": False})
    state = _user_state(["not json", blob], "sam.allotment")
    assert state["privateAccount"] is False and state["followingVisibility"] == 1
    assert state["_stats"] == {"videoCount": 3}
    assert _signed_in_user([blob]) is None  # logged out: the app context has no user


def test_tiktok_state_from_the_older_sigi_state_without_following_visibility():
    blob = json.dumps({"AppContext": {"appContext": {"region": "US"}},
                       "UserModule": {"users": {"Sam.Allotment": {"privateAccount": True, "openFavorite": False}}}})
    state = _user_state([blob], "sam.allotment")
    assert state["privateAccount"] is True and "followingVisibility" not in state


def test_tiktok_state_absent_or_for_someone_else_proves_nothing():
    other = json.dumps({"UserModule": {"users": {"someone.else": {"privateAccount": True}}}})
    assert _user_state([other], "sam.allotment") is None
    assert _user_state([json.dumps({"__DEFAULT_SCOPE__": {}})], "sam.allotment") is None


def test_tiktok_signed_in_user_from_the_app_context():
    blob = universal({"uniqueId": "x", "privateAccount": False}, app_user={"uniqueId": "sam.allotment", "nickName": "Sam"})
    assert _signed_in_user([blob])["nickName"] == "Sam"


def test_linkedin_person_from_json_ld_graph_or_single_node():
    person = {"@type": "Person", "name": "Sam Taylor", "address": {"addressLocality": "Northshire"}}
    graph = json.dumps({"@context": "http://schema.org", "@graph": [{"@type": "WebPage"}, person]})
    person_in = lambda blobs: next((n for n in _graph(blobs) if n.get("@type") == "Person"), None)  # noqa: E731
    assert person_in([graph])["name"] == "Sam Taylor"
    assert person_in([json.dumps(person)])["name"] == "Sam Taylor"
    assert person_in([json.dumps({"@type": "Organization"}), "{broken"]) is None
