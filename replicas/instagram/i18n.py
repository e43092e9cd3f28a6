"""The Instagram replica's French UI: enough to test the audit's language detection.

Keys are the English strings used by the app and its templates; a string missing here
stays English.
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

PUBLIC_TEXT = ("When your account is public, your profile and posts can be seen by anyone, on "
               "or off Instagram, even if they don't have an Instagram account.")
PRIVATE_TEXT = ("When your account is private, only the followers you approve can see what you "
                "share, including your photos or videos on hashtag and location pages, and your "
                "followers and following lists. Certain info on your profile, like your profile "
                "picture and username, is visible to everyone on and off Instagram.")

# Seeded layouts (README "Seeded layouts"): wording the facts document in more than one form
# (platform-facts.md 2.1, 2.2 and platform-facts-2026-12.md B.3). The first of each is the
# replica's own; a seed picks one for the whole site, as one deploy of the real site would.
WORDING = {
    # the tags and mentions questions: the web page's, or the app's
    "tag_labels": (("Allow tags from", "Allow mentions from"),
                   ("Who can tag you", "Who can @mention you")),
    # a private account's profile, seen by someone else
    "private_notice": ("This account is private", "This Account is Private"),
    # the search-engine switch's description
    "search_engines_help": ("When this is on, search engines like Google can show your public "
                            "photos and videos in their results.",
                            "When this is on, search engines such as Google can show your "
                            "public photos and videos in search results outside of Instagram. "
                            "When this is off, links to your publicly shared content can still "
                            "appear in search results."),
}
# The accessible name of a button that stands for a question's value (value form "icon").
ICON_NAMES = ("{value}", "{label}: {value}")
# Help text under a switch (value form "described"): it names other things on purpose.
# "private" is described by the page's own two texts (PUBLIC_TEXT, PRIVATE_TEXT) instead.
SWITCH_HELP = {
    "search_engines": "When this is off, links to your publicly shared content can still appear "
                      "in search results.",
    "manual_tag_approval": "Tagged posts won't appear on your profile until you approve them. "
                           "Public posts you're tagged in stay on the profile of the person who "
                           "shared them.",
    "activity_status": "Your activity status is never public: only accounts you follow and "
                       "anyone you message can see it.",
    "story_sharing": "Other people can share photos and videos from your story in a message. "
                     "When your account is public, anyone can share them.",
    "post_resharing": "Other people can add your posts and reels to their stories. When your "
                      "account is public, anyone can do this.",
    "reposts": "Other people can repost your posts and reels to their followers, which can "
               "make them public.",
    "feature_requests": "Other accounts can ask to feature your photos and videos publicly.",
    "display_contact_info": "Show your public email, phone number and address on your profile. "
                            "People who have your email address can always contact you.",
    "display_category": "Show your category on your public profile.",
}

FR = {
    # navigation
    "Home": "Accueil",
    "Search": "Recherche",
    "Explore": "Découvrir",
    "Reels": "Reels",
    "Messages": "Messages",
    "Notifications": "Notifications",
    "Create": "Créer",
    "Profile": "Profil",
    "Settings": "Paramètres",
    "Log out": "Se déconnecter",
    "Switch": "Changer",
    "Suggested for you": "Suggestions pour vous",
    "You're all caught up": "Vous êtes à jour",
    "You've seen all new posts from the past 3 days.":
        "Vous avez vu toutes les nouvelles publications des 3 derniers jours.",
    # profile
    "{}'s profile picture": "Photo de profil de {}",
    "Edit profile": "Modifier le profil",
    "View archive": "Voir l'archive",
    "Follow": "Suivre",
    "Message": "Envoyer un message",
    "posts": "publications",
    "followers": "abonnés",
    "following": "abonnements",
    "Posts": "Publications",
    "Saved": "Enregistrements",
    "Tagged": "Identifications",
    "No posts yet": "Aucune publication",
    "Share photos": "Partager des photos",
    "When you share photos, they will appear on your profile.":
        "Lorsque vous partagez des photos, elles apparaissent sur votre profil.",
    "This account is private": "Ce compte est privé",
    "Follow to see their photos and videos.": "Suivez ce compte pour voir ses photos et vidéos.",
    "Photos of you": "Photos de vous",
    "When people tag you in photos, they'll appear here.":
        "Lorsque des personnes vous identifient sur des photos, celles-ci apparaissent ici.",
    "Followers": "Abonnés",
    "Following": "Abonnements",
    "Remove": "Supprimer",
    "Close": "Fermer",
    "Photo by {} on {}.": "Photo de {} le {}.",
    "Photo by {} in {} on {}.": "Photo de {} à {} le {}.",
    "Like": "J'aime",
    "Comment": "Commenter",
    "Share Post": "Partager la publication",
    "Save": "Enregistrer",
    "Loading…": "Chargement…",
    "Email": "E-mail",
    "Call": "Appeler",
    "Address": "Adresse",
    "Sorry, this page isn't available.": "Désolé, cette page n'est pas disponible.",
    "The link you followed may be broken, or the page may have been removed.":
        "Le lien que vous avez suivi est peut-être rompu, ou la page a peut-être été supprimée.",
    "Go back to Instagram.": "Revenir sur Instagram.",
    # settings
    "How you use Instagram": "Comment vous utilisez Instagram",
    "Who can see your content": "Qui peut voir votre contenu",
    "How others can interact with you": "Comment les autres peuvent interagir avec vous",
    "For professionals": "Pour les professionnels",
    "Account privacy": "Confidentialité du compte",
    "Private account": "Compte privé",
    PUBLIC_TEXT: "Lorsque votre compte est public, votre profil et vos publications peuvent être "
                 "vus par tout le monde, sur Instagram ou en dehors, même par des personnes qui "
                 "n'ont pas de compte Instagram.",
    PRIVATE_TEXT: "Lorsque votre compte est privé, seuls les abonnés que vous approuvez peuvent voir "
                  "ce que vous partagez, y compris vos photos ou vidéos sur les pages de hashtags et "
                  "de lieux, ainsi que vos listes d'abonnés et d'abonnements. Certaines informations "
                  "de votre profil, comme votre photo de profil et votre nom d'utilisateur, sont "
                  "visibles par tout le monde, sur Instagram et en dehors.",
    "Switch to private account?": "Passer à un compte privé ?",
    "Only your followers will be able to see your photos and videos.":
        "Seuls vos abonnés pourront voir vos photos et vidéos.",
    "Switch to private": "Passer au privé",
    "Switch to public account?": "Passer à un compte public ?",
    "Anyone will be able to see your photos and videos on Instagram.":
        "Tout le monde pourra voir vos photos et vidéos sur Instagram.",
    "Switch to public": "Passer au public",
    "Cancel": "Annuler",
    "Allow public photos and videos to appear in search engine results":
        "Autoriser vos photos et vidéos publiques à apparaître dans les résultats des moteurs de recherche",
    "When this is on, search engines like Google can show your public photos and videos in their results.":
        "Lorsque cette option est activée, les moteurs de recherche comme Google peuvent afficher vos photos et vidéos publiques dans leurs résultats.",
    "Tags and mentions": "Identifications et mentions",
    "Tags": "Identifications",
    "Mentions": "Mentions",
    "Allow tags from": "Autoriser les identifications de",
    "Choose who can tag you in their photos and videos.":
        "Choisissez qui peut vous identifier sur ses photos et vidéos.",
    "Manually approve tags": "Approuver manuellement les identifications",
    "Tagged posts won't appear on your profile until you approve them.":
        "Les publications où vous êtes identifié(e) n'apparaîtront pas sur votre profil tant que vous ne les aurez pas approuvées.",
    "Allow mentions from": "Autoriser les mentions de",
    "Choose who can @mention you to link your account in their stories, notes, comments, live videos and captions.":
        "Choisissez qui peut vous @mentionner pour associer votre compte à ses stories, notes, commentaires, vidéos en direct et légendes.",
    "Everyone": "Tout le monde",
    "People you follow": "Personnes que vous suivez",
    "Don't allow": "Ne pas autoriser",
    "Activity status": "Statut en ligne",
    "Show activity status": "Afficher le statut en ligne",
    "Allow accounts you follow and anyone you message to see when you were last active or are currently active on Instagram apps. When this is turned off, you won't be able to see the activity status of other accounts.":
        "Autorisez les comptes que vous suivez et les personnes à qui vous envoyez des messages à voir quand vous avez été actif(ve) pour la dernière fois ou si vous êtes actuellement actif(ve) sur les apps Instagram. Lorsque cette option est désactivée, vous ne pouvez pas voir le statut en ligne des autres comptes.",
    "Sharing and reuse": "Partage et réutilisation",
    "Allow people to share your stories": "Autoriser les autres à partager vos stories",
    "Other people can share photos and videos from your story in a message.":
        "D'autres personnes peuvent partager les photos et vidéos de votre story dans un message.",
    "Allow people to share your posts and reels to stories":
        "Autoriser les autres à partager vos publications et reels dans leurs stories",
    "Other people can add your posts and reels to their stories.":
        "D'autres personnes peuvent ajouter vos publications et reels à leurs stories.",
    "Allow reposts": "Autoriser les republications",
    "Other people can repost your posts and reels to their followers.":
        "D'autres personnes peuvent republier vos publications et reels pour leurs abonnés.",
    "Allow requests to feature your content": "Autoriser les demandes de mise en avant de votre contenu",
    "Other accounts can ask to feature your photos and videos.":
        "D'autres comptes peuvent demander à mettre en avant vos photos et vidéos.",
    "Professional account": "Compte professionnel",
    "Contact options": "Options de contact",
    "Public business email": "Adresse e-mail professionnelle publique",
    "Public business phone number": "Numéro de téléphone professionnel public",
    "Business address": "Adresse de l'entreprise",
    "Display contact info": "Afficher les coordonnées",
    "Show your public email, phone number and address on your profile.":
        "Affichez votre adresse e-mail publique, votre numéro de téléphone et votre adresse sur votre profil.",
    "Profile display": "Affichage du profil",
    "Display category label": "Afficher le libellé de catégorie",
    "Show your category on your profile.": "Affichez votre catégorie sur votre profil.",
    "Switch to professional account": "Passer à un compte professionnel",
    "Get tools to help you grow, and let people contact you from your profile.":
        "Obtenez des outils pour développer votre audience et permettre aux autres de vous contacter depuis votre profil.",
    "Not set": "Non renseigné",
    # seeded layouts (WORDING, ICON_NAMES, SWITCH_HELP)
    "Who can tag you": "Qui peut vous identifier",
    "Who can @mention you": "Qui peut vous @mentionner",
    "When this is on, search engines such as Google can show your public photos and videos in search results outside of Instagram. When this is off, links to your publicly shared content can still appear in search results.":
        "Lorsque cette option est activée, les moteurs de recherche comme Google peuvent afficher vos photos et vidéos publiques dans les résultats de recherche en dehors d'Instagram. Lorsqu'elle est désactivée, des liens vers votre contenu partagé publiquement peuvent toujours apparaître dans les résultats de recherche.",
    "When this is off, links to your publicly shared content can still appear in search results.":
        "Lorsque cette option est désactivée, des liens vers votre contenu partagé publiquement peuvent toujours apparaître dans les résultats de recherche.",
    "Tagged posts won't appear on your profile until you approve them. Public posts you're tagged in stay on the profile of the person who shared them.":
        "Les publications où vous êtes identifié(e) n'apparaîtront pas sur votre profil tant que vous ne les aurez pas approuvées. Les publications publiques où vous êtes identifié(e) restent sur le profil de la personne qui les a partagées.",
    "Your activity status is never public: only accounts you follow and anyone you message can see it.":
        "Votre statut en ligne n'est jamais public : seuls les comptes que vous suivez et les personnes à qui vous écrivez peuvent le voir.",
    "Other people can share photos and videos from your story in a message. When your account is public, anyone can share them.":
        "D'autres personnes peuvent partager les photos et vidéos de votre story dans un message. Lorsque votre compte est public, tout le monde peut les partager.",
    "Other people can add your posts and reels to their stories. When your account is public, anyone can do this.":
        "D'autres personnes peuvent ajouter vos publications et reels à leurs stories. Lorsque votre compte est public, tout le monde peut le faire.",
    "Other people can repost your posts and reels to their followers, which can make them public.":
        "D'autres personnes peuvent republier vos publications et reels pour leurs abonnés, ce qui peut les rendre publics.",
    "Other accounts can ask to feature your photos and videos publicly.":
        "D'autres comptes peuvent demander à mettre en avant publiquement vos photos et vidéos.",
    "Show your public email, phone number and address on your profile. People who have your email address can always contact you.":
        "Affichez votre adresse e-mail publique, votre numéro de téléphone et votre adresse sur votre profil. Les personnes qui ont votre adresse e-mail peuvent toujours vous contacter.",
    "Show your category on your public profile.": "Affichez votre catégorie sur votre profil public.",
}

TABLES = {"fr": FR}
translator = make_translator(TABLES)


def long_date(iso: str, lang: str) -> str:
    """2024-03-14 -> "March 14, 2024" (or "14 mars 2024")."""
    day = dt.date.fromisoformat(iso)
    if lang == "fr":
        return f"{day.day} {MONTHS['fr'][day.month - 1]} {day.year}"
    return f"{MONTHS['en'][day.month - 1]} {day.day}, {day.year}"


def short_date(iso: str) -> str:
    """2024-03-14 -> "Mar 14, 2024" (the time element's title)."""
    day = dt.date.fromisoformat(iso)
    return f"{MONTHS['en'][day.month - 1][:3]} {day.day}, {day.year}"
