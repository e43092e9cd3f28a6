"""Seeded layouts of the LinkedIn replica: how a page shows what it shows, drawn from a seed.

Real pages expose a setting's value in many accessible ways and change their wording; a
replica built with `layout_seed=<int>` draws one of those ways per control and page
(`random.Random(f"{seed}:{page}:{what}")`, so a choice never depends on the order of
requests). `layout_seed=None` keeps the replica's one default layout: every page as before.
Only presentation varies; the persona's values, and what each page reveals, stay the same.
"""

from __future__ import annotations

import random

# How a choice setting's current value reaches a screen reader (one per control):
#   today        the page's own form (the item page: a fieldset of native radios)
#   button       no visible value: an icon button whose accessible name carries it, opening
#                a dialog of radios
#   link         the same, as a link to the page with that one control to edit (?edit=<key>)
#   radiogroup   a visible role=radiogroup (aria-labelledby the label) of role=radio
#   dialog       that radiogroup inside an open, visible role=dialog
#   select       a native <select> with <label for>
#   radios_wrap  native radios inside their <label>s, in a fieldset with a legend
CHOICE_FORMS = ("today", "button", "link", "radiogroup", "dialog", "select", "radios_wrap")
# How a switch's state reaches a screen reader:
#   today          the page's own switch (item pages: <input type=checkbox role=switch> with
#                  <label for>; public profile settings: <button role=switch aria-labelledby>)
#   labelledby     a non-native role=switch with no aria-label, named by aria-labelledby
#   checkbox       a plain <input type=checkbox> with <label for>
#   aria_checkbox  a non-native role=checkbox with aria-checked
#   described      a role=switch described (aria-describedby) by help text full of value words
SWITCH_FORMS = ("today", "labelledby", "checkbox", "aria_checkbox", "described")
# Headings: the page's own level, the neighbouring level, or role=heading with aria-level.
HEADING_FORMS = ("today", "other", "role")
# Profile sections: <section> with its heading, or role=region aria-labelledby its heading.
SECTION_FORMS = ("section", "region")
# Row structure: label and value as sibling columns, or the value nested in the label's box.
ARRANGEMENTS = ("columns", "nested")

# Label variants the facts document (platform-facts.md 4.1), English; the first is the default.
# The replica's own table: [0] is what the page says without a seed.
LABELS = {
    "Who can see your connections": ("Who can see your connections", "Connection visibility"),
    "Who can see members you follow": ("Who can see members you follow", "Follow visibility"),
    "Allow your connections to export your email address": (
        "Allow your connections to export your email address",
        "Allow connections to export emails"),
    "Manage active status": ("Manage active status",
                             "Who can see that you are currently active"),
    "Summary": ("Summary", "About"),  # the public profile's section switch ("Summary/About")
}
# Item pages also answer at the other address the facts give for them.
SLUG_ALIASES = {"name-visibility": "last-name-visibility"}
# Help text for the "described" switches: value words that say nothing about the value.
TRAP_HELP = ("Choose whether this is public, shown to everyone, or kept private.",
             "Public to everyone or private: this switch decides.")
# An icon button's or link's accessible name: with the question, or the value alone.
NAME_FORMS = ("change", "value")


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

    def flag(self, what: str) -> bool:
        return self._rng(what).random() < 0.5

    def order(self, what: str, items) -> list:
        items = list(items)
        self._rng(f"order:{what}").shuffle(items)
        return items


def label(seed: int | None, text: str) -> str:
    """The seed's wording of a label (the same on every page); the default without a seed."""
    variants = LABELS.get(text)
    if seed is None or not variants:
        return text
    return Layout(seed, "wording").pick(text, variants)


def lower_first(text: str) -> str:
    """"Who can see…" -> "who can see…", to follow "Change" in an accessible name."""
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def control(look: Layout, t, *, kind: str, key: str, label_text: str, value, options=(),
            description: str = "", disabled: bool = False, edit: str = "",
            edit_href: str = "") -> dict:
    """One control as the seeded templates draw it; every text already translated by `t`.
    kind: "choice" (one of `options`) or "switch" (value True/False). `edit` is the key the
    page was asked to edit (?edit=): that control comes in the page's own form."""
    forms = CHOICE_FORMS if kind == "choice" else SWITCH_FORMS
    form = "today" if edit == key else look.pick(f"form:{key}", forms)
    shown = t(label_text)
    text = t(value) if kind == "choice" else t("On" if value else "Off")
    if look.pick(f"name:{key}", NAME_FORMS) == "change":
        aria_name = t("Change {}, currently {}").format(lower_first(shown), text)
    else:
        aria_name = text
    return {
        "kind": kind, "key": key, "id": f"lt-{key.replace('_', '-')}", "form": form,
        "label": shown, "value": value, "on": bool(value) if kind == "switch" else None,
        "text": text, "options": [(option, t(option)) for option in options],
        "aria_name": aria_name, "description": t(description) if description else "",
        "help": t(look.pick(f"help:{key}", TRAP_HELP)), "disabled": disabled,
        "depth": look.depth(key), "arrangement": look.pick(f"arrange:{key}", ARRANGEMENTS),
        "edit_href": edit_href or f"?edit={key}", "done": t("Done"), "attrs": {},
    }
