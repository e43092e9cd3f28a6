"""Seeded layouts of the TikTok replica: how a page shows what it shows, drawn from a seed.

Real pages expose a setting's value in many accessible ways and change their wording; a
replica built with `layout_seed=<int>` draws one of those ways per control and page
(`random.Random(f"{seed}:{page}:{what}")`, so a choice never depends on the order of
requests). `layout_seed=None` keeps the replica's one default layout: every page as before.
Only presentation varies; the persona's values, and what each page reveals, stay the same.
"""

from __future__ import annotations

import random

# How a choice setting's current value reaches a screen reader (one per control):
#   today        the page's own form: a native <select> with <label for>
#   button       no visible value: an icon button whose accessible name carries it, opening
#                a dialog of radios
#   link         the same, as a link to the page with that one control to edit (?edit=<key>)
#   radiogroup   a visible role=radiogroup (aria-labelledby the label) of role=radio
#   dialog       that radiogroup inside an open, visible role=dialog
#   radios_for   native radios with <label for>, the current one checked
#   radios_wrap  native radios inside their <label>s, in a fieldset with a legend
CHOICE_FORMS = ("today", "button", "link", "radiogroup", "dialog", "radios_for", "radios_wrap")
# How a switch's state reaches a screen reader:
#   today          the page's own <button role=switch aria-labelledby aria-describedby>
#   labelledby     a non-native role=switch (no aria-label), named by aria-labelledby
#   checkbox       a plain <input type=checkbox> with <label for>
#   aria_checkbox  a non-native role=checkbox with aria-checked
#   described      a role=switch described (aria-describedby) by help text full of value words
SWITCH_FORMS = ("today", "labelledby", "checkbox", "aria_checkbox", "described")
# "Suggest your account to others": the row opening its dialog (today), or its four switches
# inline on the page.
SUGGEST_FORMS = ("dialog", "inline")
# Headings: the page's own level, the neighbouring level, or role=heading with aria-level.
HEADING_FORMS = ("today", "other", "role")
# Blocks named by their heading: <section aria-labelledby>, role=region, or a plain <div>.
REGION_FORMS = ("section", "region", "plain")
# Row structure: label and value as sibling columns, or the value nested in the label's box.
ARRANGEMENTS = ("columns", "nested")
# An icon button's or link's accessible name: with the question, or the value alone.
NAME_FORMS = ("change", "value")

# The replica's own wording table: variants the facts document, English; [0] is the default.
# Values as a page may word them (platform-facts.md 5.1: "Duet and Stitch (Friends or No one)").
# Duet and Stitch share one wording on a page.
VALUE_WORDS = {("reuse", "Only me"): ("Only me", "No one")}
REUSE_KEYS = ("duet", "stitch")
PRIVATE_DESCRIPTION = ("With a private account, only users you approve can follow you and watch "
                       "your videos. Your existing followers won’t be affected.")
# "Private account" descriptions: today's, and the app's wording that names Duet and Stitch
# (captures/README.md, TikTok's own i18n table).
DESCRIPTIONS = {
    "private_account": (PRIVATE_DESCRIPTION,
                        "Only approved followers can see your profile and posts. No one will be "
                        "able to Duet or Stitch your posts."),
}
# What a visitor of a private account reads (the page's own i18n table): today's two lines,
# or err_user_private in one.
# (title, text); no title: the text alone.
PRIVATE_NOTICES = (("This account is private", "Follow this account to see their contents and likes"),
                   ("", "This account is private. Follow this account to see their videos or "
                        "visit TikTok to discover new creators."))
# Help text for the "described" switches: value words that say nothing about the value.
TRAP_HELP = ("Choose whether this is public, shown to everyone, or kept private.",
             "Public to everyone or private: this switch decides.")


class Layout:
    """The choices a seed makes for one page. Every draw has its own Random, seeded by the
    seed, the page and what is drawn, so pages look the same whatever was asked before."""

    def __init__(self, seed: int, page: str):
        self.seed, self.page = seed, page

    def _rng(self, what: str) -> random.Random:
        return random.Random(f"{self.seed}:{self.page}:{what}")

    def pick(self, what: str, options):
        return self._rng(what).choice(list(options))

    def depth(self, what: str, most: int = 4) -> int:
        """Extra wrapper <div>s around a row: 0 to `most`."""
        return self._rng(f"depth:{what}").randint(0, most)

    def order(self, what: str, items) -> list:
        items = list(items)
        self._rng(f"order:{what}").shuffle(items)
        return items


def wording(seed: int | None, table: dict, key, default):
    """The seed's wording for `key` in `table` (the same on every page), else `default`."""
    variants = table.get(key)
    if seed is None or not variants:
        return default
    return Layout(seed, "wording").pick(repr(key), variants)


def value_word(seed: int | None, key: str, value: str) -> str:
    """How the page words a setting's value (English; the template translates it)."""
    return wording(seed, VALUE_WORDS, ("reuse" if key in REUSE_KEYS else key, value), value)


def lower_first(text: str) -> str:
    """"Comments" -> "comments", to follow "Change" in an accessible name."""
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def control(look: Layout, t, *, kind: str, key: str, label_text: str, value, options=(),
            description: str = "", edit: str = "", attrs: dict | None = None) -> dict:
    """One control as the seeded templates draw it; every text already translated by `t`.
    kind: "choice" (one of `options`) or "switch" (value True/False). `edit` is the key the
    page was asked to edit (?edit=): that control comes in the page's own form."""
    forms = CHOICE_FORMS if kind == "choice" else SWITCH_FORMS
    form = "today" if edit == key else look.pick(f"form:{key}", forms)
    seed = look.seed
    shown = t(label_text)
    text = t(value_word(seed, key, value)) if kind == "choice" else t("On" if value else "Off")
    if look.pick(f"name:{key}", NAME_FORMS) == "change":
        aria_name = t("Change {}, currently {}").format(lower_first(shown), text)
    else:
        aria_name = text
    if description:
        description = wording(seed, DESCRIPTIONS, key, description)
    return {
        "kind": kind, "key": key, "id": f"lt-{key.replace('_', '-')}", "form": form,
        "label": shown, "value": value, "on": bool(value) if kind == "switch" else None,
        "text": text, "options": [(option, t(value_word(seed, key, option))) for option in options],
        "aria_name": aria_name, "description": t(description) if description else "",
        "help": t(look.pick(f"help:{key}", TRAP_HELP)), "disabled": False,
        "depth": look.depth(key), "arrangement": look.pick(f"arrange:{key}", ARRANGEMENTS),
        "edit_href": f"?edit={key}", "done": t("Done"), "attrs": dict(attrs or {}),
    }
