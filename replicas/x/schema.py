"""What an X persona may hold: settings and their values, profile fields, visibilities.

Shared by the persona loader (validation) and the replica (pages, settings controls).
"""

# Photo tagging: the persona value -> what the settings pages say.
PHOTO_TAGGING = {
    "Anyone": "Anyone can tag you",
    "Only people you follow": "Only people you follow can tag you",
    "Off": "Off",
}
DM_REQUESTS = ("No one", "Verified users", "Everyone")

# setting -> (allowed values, or bool for a switch/checkbox; default when the persona
# leaves it out). Defaults are those of a new account, as far as they are known.
SETTINGS = {
    "protected": (bool, False),
    "protect_videos": (bool, False),
    "photo_tagging": (tuple(PHOTO_TAGGING), "Anyone"),
    "discover_email": (bool, True),
    "discover_phone": (bool, True),
    "post_location": (bool, False),
    "personalize_location": (bool, True),
    "dm_requests": (DM_REQUESTS, "Verified users"),
    "dm_filter": (bool, True),
    "read_receipts": (bool, True),
}

# Who may see the birth date's month and day, and its year (two pickers on the real site).
BIRTH_VISIBILITY = ("Public", "Your followers", "People you follow", "You follow each other",
                    "Only you")
PROFILE_FIELDS = ("bio", "location", "website", "joined", "birth_date", "birth_date_visibility",
                  "birth_year_visibility")
PROFILE_DEFAULTS = {"bio": "", "location": "", "website": "", "joined": "2015-01-01",
                    "birth_date": None, "birth_date_visibility": "You follow each other",
                    "birth_year_visibility": "Only you"}
