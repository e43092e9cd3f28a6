"""'Check again' re-runs one check alone: it must give the same answer as the full check-up."""

from __future__ import annotations

import pytest

from audits.catalog import checks_for
from tests.support import audit, statuses

pytestmark = pytest.mark.browser


# make test: one setting, one profile detail and the watch list per platform; make faults: all.
SAMPLE = {"facebook.future_posts", "facebook.profile.work", "facebook.connections_watchlist", "x.dm_requests",
          "x.profile.location", "x.connections_watchlist", "instagram.tags", "instagram.contact_info",
          "instagram.connections_watchlist", "linkedin.public_profile", "tiktok.suggest_account"}


@pytest.mark.parametrize("platform", ["facebook", "x", "instagram", "linkedin", "tiktok"])
def test_each_check_alone_agrees_with_the_full_check_up(request, replicas, platform):
    running = replicas("demo", platforms=[platform])
    full, _ = audit(running, platforms=[platform], watch_list=["Casey Morgan"])
    expected = statuses(full, platform)
    everything = request.config.getoption("--full-faults")
    for spec in (c for c in checks_for(platform) if everything or c.id in SAMPLE):
        report, _ = audit(running, platforms=[platform], watch_list=["Casey Morgan"], only_checks={spec.id})
        assert statuses(report, platform) == {spec.id: expected[spec.id]}, spec.id
    assert not any(running.writes().values())
