"""What a Facebook persona may hold: audiences, settings and their values, About fields.

Shared by the persona loader (validation) and the replica (pages, edit dialogs).
"""

AUDIENCES = ("Public", "Friends of friends", "Friends", "Only me", "Custom")
LOOKUP = ("Everyone", "Friends of friends", "Friends", "Only me")

# setting -> (allowed values, or bool for a switch; default when the persona leaves it out).
# Defaults are those of a new account, as far as they are known.
SETTINGS = {
    "future_posts": (("Public", "Friends", "Friends except…", "Specific friends", "Only me",
                      "Custom"), "Friends"),
    "friend_requests": (("Everyone", "Friends of friends"), "Everyone"),
    "friends_list": (("Public", "Friends", "Only me", "Custom"), "Public"),
    "lookup_email": (LOOKUP, "Everyone"),
    "lookup_phone": (LOOKUP, "Everyone"),
    "search_engines": (bool, True),
    "profile_posts": (("Friends", "Only me"), "Friends"),
    "tagged_posts_audience": (("Everyone", "Friends of friends", "Friends", "Only me", "Custom"),
                              "Friends of friends"),
    "tag_review": (bool, False),
    "timeline_review": (bool, False),
}

ABOUT_FIELDS = ("work", "education", "current_city", "hometown", "relationship", "family",
                "birthday", "phone", "email", "address")

# The everyday audience every other audience is compared with.
PUBLIC = "Public"
