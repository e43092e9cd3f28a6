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
