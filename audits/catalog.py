"""The check catalog (../shared/design/CHECKS.md): ids, titles and severities.

Check ids are a public contract: reports, history, checklists and PDFs key on them.
A platform's audit reports every check listed here for it, exactly once.
"""

from __future__ import annotations

from dataclasses import dataclass

from audits.model import Severity

H, M, L = Severity.HIGH, Severity.MEDIUM, Severity.LOW


@dataclass(frozen=True)
class CheckSpec:
    id: str
    title: str
    severity: Severity

    @property
    def platform(self) -> str:
        return self.id.split(".", 1)[0]


_CHECKS = [
    # Facebook
    ("facebook.future_posts", "Who can see your future posts", H),
    ("facebook.past_posts", "Posts you have already shared beyond your friends", H),
    ("facebook.public_post_content", "Public posts that mention work, places or family", H),
    ("facebook.friends_list", "Who can see your friends list", H),
    ("facebook.profile.work", "Who can see where you work", H),
    ("facebook.profile.education", "Who can see where you studied", M),
    ("facebook.profile.current_city", "Who can see the town you live in", M),
    ("facebook.profile.hometown", "Who can see your hometown", M),
    ("facebook.profile.relationship", "Who can see your relationship", M),
    ("facebook.profile.family", "Who can see your family members", H),
    ("facebook.profile.birthday", "Who can see your birthday", M),
    ("facebook.profile.contact", "Who can see your phone, email and address", H),
    ("facebook.lookup_email", "Who can find you by your email address", M),
    ("facebook.lookup_phone", "Who can find you by your phone number", H),
    ("facebook.search_engines", "Whether search engines link to your profile", M),
    ("facebook.tag_review", "Reviewing tags friends add to your posts", M),
    ("facebook.timeline_review", "Reviewing posts you are tagged in", M),
    ("facebook.tagged_posts_audience", "Who can see posts you are tagged in", M),
    ("facebook.friend_requests", "Who can send you friend requests", L),
    ("facebook.connections_watchlist", "Friends whose names are on your private watch list", H),
    # X
    ("x.protected_posts", "Whether your posts are protected", H),
    ("x.public_post_content", "Public posts that mention work or places", H),
    ("x.followers_lists", "Who can see your followers and who you follow", M),
    ("x.profile.location", "The location on your profile", M),
    ("x.profile.bio_work", "Your bio or website naming your work", H),
    ("x.profile.birth_date", "Your birth date on your profile", M),
    ("x.discover_email", "Who can find you by your email address", M),
    ("x.discover_phone", "Who can find you by your phone number", H),
    ("x.photo_tagging", "Who can tag you in photos", M),
    ("x.post_location", "Location added to your posts", M),
    ("x.dm_requests", "Who can send you message requests", M),
    ("x.connections_watchlist", "Followers whose names are on your private watch list", H),
    # Instagram
    ("instagram.private_account", "Whether your account is private", H),
    ("instagram.public_post_content", "Public posts that mention work or places", H),
    ("instagram.followers_lists", "Who can see your followers and who you follow", M),
    ("instagram.profile.bio_work", "Your bio or link naming your work", H),
    ("instagram.contact_info", "Contact details shown on your profile", H),
    ("instagram.tags", "Who can tag you", M),
    ("instagram.mentions", "Who can mention you", L),
    ("instagram.activity_status", "Showing when you are online", L),
    ("instagram.story_sharing", "Others sharing your stories and posts", L),
    ("instagram.search_engines", "Whether search engines show your photos", M),
    ("instagram.connections_watchlist", "Followers whose names are on your private watch list", H),
    # LinkedIn
    ("linkedin.public_profile", "What your public LinkedIn profile shows", M),
    ("linkedin.connections_visibility", "Who can see your connections", M),
    ("linkedin.email_visibility", "Who can see your email address", H),
    ("linkedin.discover_email", "Who can find you by your email address", M),
    ("linkedin.discover_phone", "Who can find you by your phone number", H),
    ("linkedin.last_name", "How your last name is shown", L),
    ("linkedin.active_status", "Who can see when you are online", L),
    ("linkedin.connections_watchlist", "Connections whose names are on your private watch list", H),
    # TikTok
    ("tiktok.private_account", "Whether your account is private", H),
    ("tiktok.suggest_account", "Suggesting your account to people who know you", H),
    ("tiktok.following_list", "Who can see who you follow", M),
    ("tiktok.liked_videos", "Who can see the videos you liked", L),
    ("tiktok.direct_messages", "Who can send you direct messages", M),
    ("tiktok.duet_stitch", "Who can Duet or Stitch your videos", L),
    ("tiktok.public_post_content", "Public videos that mention work or places", H),
]

CHECKS: dict[str, CheckSpec] = {cid: CheckSpec(cid, title, sev) for cid, title, sev in _CHECKS}

PLATFORM_NAMES = {
    "facebook": "Facebook",
    "x": "X",
    "instagram": "Instagram",
    "linkedin": "LinkedIn",
    "tiktok": "TikTok",
}


def checks_for(platform: str) -> list[CheckSpec]:
    return [c for c in CHECKS.values() if c.platform == platform]
