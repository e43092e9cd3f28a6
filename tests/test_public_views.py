"""A stranger's view is evidence only when it is provably this account's own page, and a
public page that shows people, posts or details is exposure even when they can't be
matched to the owner's view. Each case here gave a false "ok" before (issue: reading
real pages)."""

from __future__ import annotations

import pytest

from tests.support import audit, statuses

pytestmark = pytest.mark.browser

PEOPLE = ('<div role="list"><div role="listitem"><a href="/jordan.l"><span dir="auto">Jordan L.</span></a></div>'
          '<div role="listitem"><a href="/priya.s"><span dir="auto">Priya S.</span></a></div></div>')


def test_a_public_friends_page_listing_people_is_exposure_even_when_nothing_matches(replicas):
    """The 2014 case: the setting reads "Only me", the owner's own list can't be read (so
    there is nothing to match), and the public preview lists people. Comparing with an empty
    owner's list gave "The public view didn't show your friends" and an "ok"."""
    running = replicas("locked_down", platforms=["facebook"])
    sessions = running.sessions()
    app = running.apps["facebook"]
    app.faults.add(r"/friends", "replace", regex=True, mapping={r'<span[^>]*>No friends to show</span>': PEOPLE})
    app.faults.add(r"/friends", "status", times=1, status=500)  # the owner's own friends page
    report, _ = audit(running, sessions=sessions)
    finding = next(f for f in report.findings() if f.check == "facebook.friends_list")
    assert finding.status == "at_risk", finding
    assert any("showed your friends" in e.detail for e in finding.evidence)
    assert not any(running.writes().values())


def test_a_public_profile_that_is_someone_elses_page_proves_nothing(replicas):
    """A logged-out visit that lands on another Page's post (a real capture did) must not lend
    that Page's public posts to this account, nor count as this account's public profile."""
    running = replicas("locked_down", platforms=["facebook"])
    app = running.apps["facebook"]
    username = app.me["username"]
    other = ('<!DOCTYPE html><html lang="en"><head><title>Northshire Bakery | Facebook</title></head><body>'
             '<div role="main"><h1>Northshire Bakery</h1><div role="feed"><div role="article">'
             '<a href="/northshire.bakery/posts/77">12 May 2022</a>'
             '<svg role="img" aria-label="Shared with Public"></svg>'
             '<div dir="auto">Fresh bread at Northshire Family Court cafe today</div></div></div></div></body></html>')
    from replicas.web import Response

    route = app._route

    def stranger_gets_another_page(req, view):
        if not view.signed_in and req.path.rstrip("/") == f"/{username}":
            return Response(other)
        return route(req, view)

    app._route = stranger_gets_another_page
    report, _ = audit(running)
    got = statuses(report)
    assert got["facebook.past_posts"] != "at_risk"
    assert got["facebook.public_post_content"] != "at_risk"
    page = next(p for p in report.platforms if p.platform == "facebook")
    assert "Northshire Bakery" not in str(page.findings)
    assert not any(running.writes().values())
