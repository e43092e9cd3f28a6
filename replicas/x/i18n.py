"""The X replica's French UI: enough to test the audit's language detection on real pages.

Keys are the English strings used by the app and its templates; a string missing here
stays English. Dates follow each language's own order ("Mar 14, 2024" / "14 mars 2024").
"""

from __future__ import annotations

import datetime as dt

from ..web import make_translator

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"],
}
SHORT_MONTHS_FR = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.",
                   "oct.", "nov.", "déc."]

FR = {
    # navigation
    "Primary": "Principal",
    "Home": "Accueil",
    "Explore": "Explorer",
    "Notifications": "Notifications",
    "Messages": "Messages",
    "Profile": "Profil",
    "More": "Plus",
    "More menu items": "Plus d'éléments de menu",
    "Account menu": "Menu du compte",
    "Log out": "Se déconnecter",
    "Settings": "Paramètres",
    "Settings and privacy": "Paramètres et confidentialité",
    "For you": "Pour vous",
    "Following": "Abonnements",
    "What is happening?!": "Quoi de neuf ?!",
    "Post": "Poster",
    "Welcome to X!": "Bienvenue sur X !",
    "This is the best place to see what’s happening in your world.":
        "C'est le meilleur endroit pour voir ce qui se passe dans votre monde.",
    "Search": "Rechercher",
    "Back": "Retour",
    # profile
    "Edit profile": "Éditer le profil",
    "{} posts": "{} posts",
    "{} Following": "{} abonnements",
    "{} Followers": "{} abonnés",
    "Followers": "Abonnés",
    "Verified Followers": "Abonnés certifiés",
    "Posts": "Posts",
    "Replies": "Réponses",
    "Media": "Médias",
    "Profile timelines": "Fils du profil",
    "Timeline: {}’s posts": "Fil d'actualités : posts de {}",
    "{}’s posts": "Posts de {}",
    "Joined {}": "A rejoint X en {}",
    "Born {}": "Date de naissance : {}",
    "Protected account": "Compte protégé",
    "These posts are protected": "Ces posts sont protégés",
    "@{} hasn’t posted": "@{} n'a rien posté",
    "When they do, their posts will show up here.": "Quand ce sera le cas, ses posts s'afficheront ici.",
    "Lights, camera … attachments!": "Lumière, caméra… pièces jointes !",
    "When you post photos or videos, they will show up here.":
        "Lorsque vous postez des photos ou des vidéos, elles s'affichent ici.",
    "Timeline: Followers": "Fil d'actualités : abonnés",
    "Timeline: Following": "Fil d'actualités : abonnements",
    "Timeline: Verified Followers": "Fil d'actualités : abonnés certifiés",
    "Timeline: Search timeline": "Fil d'actualités : résultats de recherche",
    "Follows you": "Vous suit",
    "Follow": "Suivre",
    "Follow @{}": "Suivre @{}",
    "You don’t have any followers yet": "Vous n'avez pas encore d'abonnés",
    "You aren’t following anyone yet": "Vous ne suivez personne pour le moment",
    "You don’t have any verified followers yet": "Vous n'avez pas encore d'abonnés certifiés",
    "Reply": "Répondre",
    "Repost": "Reposter",
    "Like": "J'aime",
    "Bookmark": "Signets",
    "Share post": "Partager le post",
    "Loading": "Chargement",
    "About this account": "À propos de ce compte",
    "Date joined": "Date d'inscription",
    "Places": "Lieux",
    "No results for “{}”": "Aucun résultat pour « {} »",
    # settings
    "Your account": "Votre compte",
    "Privacy and safety": "Confidentialité et sécurité",
    "Section navigation": "Navigation de section",
    "Your X activity": "Votre activité sur X",
    "Data sharing and personalization": "Partage de données et personnalisation",
    "Audience, media and tagging": "Audience, médias et identification",
    "Manage what information you allow other people on X to see.":
        "Gérez les informations que vous autorisez les autres personnes sur X à voir.",
    "Protect your posts": "Protéger vos posts",
    "When selected, your posts and other account information are only visible to people who follow you.":
        "Lorsque cette option est sélectionnée, vos posts et les autres informations de votre compte ne sont visibles que par les personnes qui vous suivent.",
    "Protect your videos": "Protéger vos vidéos",
    "If selected, videos in your posts will not be downloadable by default.":
        "Si cette option est sélectionnée, les vidéos de vos posts ne pourront pas être téléchargées par défaut.",
    "Protect your posts?": "Protéger vos posts ?",
    "This will make them visible only to your X followers.":
        "Ils ne seront visibles que par vos abonnés sur X.",
    "Protect": "Protéger",
    "Cancel": "Annuler",
    "Photo tagging": "Identification sur les photos",
    "Anyone can tag you": "Tout le monde peut vous identifier",
    "Only people you follow can tag you": "Seules les personnes que vous suivez peuvent vous identifier",
    "Off": "Désactivé",
    "Allow people to tag you in their photos and receive notifications when they do.":
        "Autorisez d'autres personnes à vous identifier sur leurs photos et recevez des notifications lorsqu'elles le font.",
    "Who can tag you": "Qui peut vous identifier",
    "Discoverability and contacts": "Découvrabilité et contacts",
    "Control your discoverability settings and manage contacts you’ve imported.":
        "Contrôlez vos paramètres de découvrabilité et gérez les contacts que vous avez importés.",
    "Discoverability": "Découvrabilité",
    "Let people who have your email address find you on X":
        "Permettre aux personnes qui ont votre adresse e-mail de vous trouver sur X",
    "Let people who have your phone number find you on X":
        "Permettre aux personnes qui ont votre numéro de téléphone de vous trouver sur X",
    "Let people who have your email address find and connect with you on X.":
        "Permettez aux personnes qui ont votre adresse e-mail de vous trouver et d'entrer en contact avec vous sur X.",
    "Let people who have your phone number find and connect with you on X.":
        "Permettez aux personnes qui ont votre numéro de téléphone de vous trouver et d'entrer en contact avec vous sur X.",
    "Location information": "Informations de localisation",
    "Manage the location information X uses to personalize your experience.":
        "Gérez les informations de localisation que X utilise pour personnaliser votre expérience.",
    "Personalize based on places you've been": "Personnaliser en fonction des lieux où vous êtes allé",
    "X always uses some information, like where you signed up and your current location, to help show you more relevant content.":
        "X utilise toujours certaines informations, comme l'endroit où vous vous êtes inscrit et votre position actuelle, pour vous montrer du contenu plus pertinent.",
    "Add location information to your posts": "Ajouter des informations de localisation à vos posts",
    "If enabled, you will be able to attach location information to your posts.":
        "Si cette option est activée, vous pourrez joindre des informations de localisation à vos posts.",
    "Remove all location information attached to your posts":
        "Supprimer toutes les informations de localisation jointes à vos posts",
    "Remove location information?": "Supprimer les informations de localisation ?",
    "Location labels you’ve added to your posts will no longer be visible on X.":
        "Les lieux que vous avez ajoutés à vos posts ne seront plus visibles sur X.",
    "Remove": "Supprimer",
    "Direct Messages": "Messages privés",
    "Manage who can message you directly.": "Gérez qui peut vous envoyer des messages privés.",
    "Allow message requests from:": "Autoriser les demandes de message de :",
    "No one": "Personne",
    "Verified users": "Utilisateurs certifiés",
    "Everyone": "Tout le monde",
    "People you follow will always be able to message you.":
        "Les personnes que vous suivez pourront toujours vous envoyer des messages.",
    "Filter low-quality messages": "Filtrer les messages de faible qualité",
    "Hide message requests that have been detected as being potentially spam or low-quality.":
        "Masquez les demandes de message détectées comme potentiellement indésirables ou de faible qualité.",
    "Show read receipts": "Afficher les confirmations de lecture",
    "Let people you’re messaging with know when you’ve seen their messages.":
        "Indiquez aux personnes avec qui vous échangez que vous avez vu leurs messages.",
    # errors
    "Hmm...this page doesn’t exist. Try searching for something else.":
        "Hmm... cette page n'existe pas. Essayez de rechercher autre chose.",
    "This account doesn’t exist": "Ce compte n'existe pas",
    "Try searching for another.": "Essayez d'en rechercher un autre.",
    "You’re unable to view this Post because this account owner limits who can view their Posts.":
        "Vous ne pouvez pas voir ce post, car le propriétaire de ce compte limite qui peut voir ses posts.",
    # seeded layouts (WORDING, ICON_NAMES, SWITCH_HELP)
    "Let people who have your email find you on X":
        "Permettre aux personnes qui ont votre adresse e-mail de vous trouver sur X",
    "You're unable to view these posts because this account owner limits who can view their posts":
        "Vous ne pouvez pas voir ces posts, car le propriétaire de ce compte limite qui peut voir ses posts",
    "If you don’t select this, your posts are public and anyone can see them, even without an X account.":
        "Si vous ne sélectionnez pas cette option, vos posts sont publics et tout le monde peut les voir, même sans compte X.",
    "If selected, videos in your posts will not be downloadable by default. This applies to videos in public posts too.":
        "Si cette option est sélectionnée, les vidéos de vos posts ne pourront pas être téléchargées par défaut. Cela vaut aussi pour les vidéos des posts publics.",
    "Allow people to tag you in their photos and receive notifications when they do. Photos you’re tagged in may be public.":
        "Autorisez d'autres personnes à vous identifier sur leurs photos et recevez des notifications lorsqu'elles le font. Les photos où vous êtes identifié peuvent être publiques.",
    "Decide whether people who have your email address or phone number can find and connect with you on X.":
        "Décidez si les personnes qui ont votre adresse e-mail ou votre numéro de téléphone peuvent vous trouver et entrer en contact avec vous sur X.",
    "X always uses some information, like where you signed up and your current location, to help show you more relevant public content.":
        "X utilise toujours certaines informations, comme l'endroit où vous vous êtes inscrit et votre position actuelle, pour vous montrer du contenu public plus pertinent.",
    "If enabled, you will be able to attach location information to your posts, which anyone can see on your public posts.":
        "Si cette option est activée, vous pourrez joindre des informations de localisation à vos posts, visibles par tous sur vos posts publics.",
    "Hide message requests from the public that have been detected as being potentially spam or low-quality.":
        "Masquez les demandes de message du public détectées comme potentiellement indésirables ou de faible qualité.",
    "Let people you’re messaging with know when you’ve seen their messages. Read receipts are never public.":
        "Indiquez aux personnes avec qui vous échangez que vous avez vu leurs messages. Les confirmations de lecture ne sont jamais publiques.",
}

# Seeded layouts (README "Seeded layouts"): wording the facts document in more than one form
# (platform-facts.md 3.1, 3.2 and 10). The first of each is the replica's own; a seed picks
# one for the whole site, as one deploy of the real site would.
WORDING = {
    # the discoverability switch for the email address (X's 2025 string table / older guides)
    "discover_email": ("Let people who have your email address find you on X",
                       "Let people who have your email find you on X"),
    # a protected profile's empty state, under "These posts are protected" ({} is the handle)
    "protected_body": ("Only approved followers can see @{}’s posts. To request access, click "
                       "Follow.",
                       "Only approved followers can see @{}'s posts. To request access, click "
                       "Follow.",
                       "This account has its posts protected. Only their followers can read "
                       "them."),
    # a protected account's post, seen by someone else
    "unable": ("You’re unable to view this Post because this account owner limits who can "
               "view their Posts.",
               "You're unable to view these posts because this account owner limits who can "
               "view their posts"),
}
# The accessible name of the chevron link that stands for a link row's value (value form
# "icon"): {value}, or {label} then the value.
ICON_NAMES = ("{value}", "{label}, {value}")
# Help text under a control (value form "described"): it names other things on purpose.
SWITCH_HELP = {
    "protected": "If you don’t select this, your posts are public and anyone can see them, "
                 "even without an X account.",
    "protect_videos": "If selected, videos in your posts will not be downloadable by default. "
                      "This applies to videos in public posts too.",
    "photo_tagging": "Allow people to tag you in their photos and receive notifications when "
                     "they do. Photos you’re tagged in may be public.",
    "discover_email": "Decide whether people who have your email address or phone number can "
                      "find and connect with you on X.",
    "discover_phone": "Decide whether people who have your email address or phone number can "
                      "find and connect with you on X.",
    "personalize_location": "X always uses some information, like where you signed up and your "
                            "current location, to help show you more relevant public content.",
    "post_location": "If enabled, you will be able to attach location information to your "
                     "posts, which anyone can see on your public posts.",
    "dm_filter": "Hide message requests from the public that have been detected as being "
                 "potentially spam or low-quality.",
    "read_receipts": "Let people you’re messaging with know when you’ve seen their messages. "
                     "Read receipts are never public.",
}

TABLES = {"fr": FR}
translator = make_translator(TABLES)


def short_date(iso: str, lang: str) -> str:
    """2024-03-14 -> "Mar 14, 2024" (or "14 mars 2024"): a post's date."""
    day = dt.date.fromisoformat(iso)
    if lang == "fr":
        return f"{day.day} {SHORT_MONTHS_FR[day.month - 1]} {day.year}"
    return f"{MONTHS['en'][day.month - 1][:3]} {day.day}, {day.year}"


def long_date(iso: str, lang: str, year: bool = True) -> str:
    """1987-03-14 -> "March 14, 1987" (or "14 mars 1987"); without the year if asked."""
    day = dt.date.fromisoformat(iso)
    if lang == "fr":
        return f"{day.day} {MONTHS['fr'][day.month - 1]}" + (f" {day.year}" if year else "")
    return f"{MONTHS['en'][day.month - 1]} {day.day}" + (f", {day.year}" if year else "")


def month_year(iso: str, lang: str) -> str:
    """2012-03-02 -> "March 2012" (or "mars 2012")."""
    day = dt.date.fromisoformat(iso)
    return f"{MONTHS.get(lang, MONTHS['en'])[day.month - 1]} {day.year}"
