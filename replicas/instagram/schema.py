"""What an Instagram persona may hold: settings and their values, profile fields.

Shared by the persona loader (validation) and the replica (pages, settings controls).
"""

# "Allow tags from" / "Allow mentions from"
AUDIENCES = ("Everyone", "People you follow", "Don't allow")

# setting -> (allowed values, or bool for a switch/checkbox; default when the persona
# leaves it out). Defaults are those of a new adult account, as far as they are known.
SETTINGS = {
    "private": (bool, False),
    "tags_from": (AUDIENCES, "Everyone"),
    "manual_tag_approval": (bool, False),
    "mentions_from": (AUDIENCES, "Everyone"),
    "activity_status": (bool, True),
    "story_sharing": (bool, True),
    "post_resharing": (bool, True),
    "reposts": (bool, True),
    "feature_requests": (bool, True),
    "display_contact_info": (bool, True),
    "display_category": (bool, True),
    "search_engines": (bool, True),
}

PROFILE_FIELDS = ("bio", "website", "professional", "category")
CONTACT_FIELDS = ("email", "phone", "address")

# The web app id every Instagram page carries (and web_profile_info requires).
APP_ID = "936619743392459"
