"""The TikTok replica's French UI: enough to test the audit's language detection on real pages.

Keys are the English strings used by the app and its templates; a string missing here
stays English. Counts read as on the real site ("5.4K", "5,4K" in French); a video's date
is the same in every language ("2025-9-20").
"""

from __future__ import annotations

import datetime as dt

from ..web import make_translator

FR = {
    # navigation
    "Main": "Principal",
    "For You": "Pour toi",
    "Explore": "Explorer",
    "Following": "Abonnements",
    "Messages": "Messages",
    "Profile": "Profil",
    "Settings": "Paramètres",
    "Log in": "Se connecter",
    "Log out": "Se déconnecter",
    "Go to TikTok For You feed": "Aller au fil Pour toi de TikTok",
    "No videos yet": "Aucune vidéo pour l'instant",
    "No messages yet": "Aucun message pour l'instant",
    # profile
    "Followers": "Followers",
    "Likes": "J'aime",
    "Edit profile": "Modifier le profil",
    "Follow": "Suivre",
    "Follow {}": "Suivre {}",
    "Message": "Message",
    "No bio yet.": "Pas encore de bio.",
    "Videos": "Vidéos",
    "Reposts": "Republications",
    "Liked": "Vidéos aimées",
    "Private": "Privé",
    "This account is private": "Ce compte est privé",
    "Follow this account to see their contents and likes":
        "Suis ce compte pour voir son contenu et ses J'aime",
    "Upload your first video": "Publie ta première vidéo",
    "Your videos will appear here": "Tes vidéos apparaîtront ici",
    "No content": "Aucun contenu",
    "This user has not published any videos.": "Cet utilisateur n'a publié aucune vidéo.",
    "No reposts yet": "Aucune republication pour l'instant",
    "Reposted videos will appear here": "Les vidéos republiées apparaîtront ici",
    "No liked videos yet": "Aucune vidéo aimée pour l'instant",
    "Videos you liked will appear here": "Les vidéos que tu as aimées apparaîtront ici",
    "Videos liked by {} will appear here": "Les vidéos aimées par {} apparaîtront ici",
    "This user's liked videos are private": "Les vidéos aimées de cet utilisateur sont privées",
    "Videos liked by {} are currently hidden":
        "Les vidéos aimées par {} sont actuellement masquées",
    "This account’s following list is private": "La liste des abonnements de ce compte est privée",
    "This account’s followers list is private": "La liste des followers de ce compte est privée",
    "{caption} created by {nickname} with {nickname}’s original sound":
        "{caption} créé par {nickname} avec le son original de {nickname}",
    "Loading": "Chargement",
    "Close": "Fermer",
    "Only you": "Toi uniquement",
    "Friends": "Amis",
    "Everyone": "Tout le monde",
    # videos
    "Who can watch this video": "Qui peut regarder cette vidéo",
    "Video currently unavailable": "Vidéo actuellement indisponible",
    "Visit TikTok to discover more trending videos.":
        "Va sur TikTok pour découvrir d'autres vidéos tendance.",
    # errors
    "Couldn't find this page": "Impossible de trouver cette page",
    "Couldn't find this account": "Impossible de trouver ce compte",
    "Visit TikTok to discover more trending creators, hashtags, and sounds.":
        "Va sur TikTok pour découvrir d'autres créateurs, hashtags et sons tendance.",
    "Looking for videos? Try browsing our trending creators, hashtags, and sounds.":
        "Tu cherches des vidéos ? Parcours nos créateurs, hashtags et sons tendance.",
    "Watch now": "Regarder",
    # settings
    "Manage account": "Gérer le compte",
    "Privacy": "Confidentialité",
    "Push notifications": "Notifications push",
    "Business account": "Compte professionnel",
    "Security and permissions": "Sécurité et autorisations",
    "Download your data": "Télécharger tes données",
    "Account control": "Contrôle du compte",
    "Delete account": "Supprimer le compte",
    "Discoverability": "Découvrabilité",
    "Private account": "Compte privé",
    "With a private account, only users you approve can follow you and watch your videos. "
    "Your existing followers won’t be affected.":
        "Avec un compte privé, seuls les utilisateurs que tu approuves peuvent te suivre et "
        "regarder tes vidéos. Tes followers actuels ne seront pas affectés.",
    "Suggest your account to others": "Suggérer ton compte à d'autres personnes",
    "Choose who we can suggest your account to":
        "Choisis à qui nous pouvons suggérer ton compte",
    "Contacts": "Contacts",
    "Facebook friends": "Amis Facebook",
    "People with mutual connections": "Personnes avec des relations en commun",
    "People who open or send links to you": "Personnes qui ouvrent ou t'envoient des liens",
    "Done": "OK",
    "Safety": "Sécurité",
    "Comments": "Commentaires",
    "Direct messages": "Messages directs",
    "Duet": "Duo",
    "Stitch": "Collage",
    "Following list": "Liste des abonnements",
    "Liked videos": "Vidéos aimées",
    "Activity status": "Statut d'activité",
    "Allow accounts you follow and anyone you message to see when you were last active or are "
    "currently active. When this is turned off, you won’t be able to see the activity status of "
    "other accounts.":
        "Autorise les comptes que tu suis et les personnes à qui tu envoies des messages à voir "
        "quand tu as été actif pour la dernière fois ou si tu es actif. Si cette option est "
        "désactivée, tu ne pourras pas voir le statut d'activité des autres comptes.",
    "No one": "Personne",
    "Suggested friends": "Amis suggérés",
    "Only me": "Moi uniquement",
    "Switch to private account?": "Passer à un compte privé ?",
    "Only approved followers can see your profile and posts. No one will be able to Duet or "
    "Stitch your posts.":
        "Seuls les followers approuvés peuvent voir ton profil et tes publications. Personne ne "
        "pourra faire de Duo ou de Collage avec tes publications.",
    "Switch to private": "Passer en privé",
    "Switch to public account?": "Passer à un compte public ?",
    "Anyone on or off TikTok can see your profile and posts. You can customize your Duet, "
    "Stitch, or other interaction settings individually.":
        "Tout le monde, sur TikTok ou en dehors, peut voir ton profil et tes publications. Tu "
        "peux personnaliser tes paramètres de Duo, de Collage et d'autres interactions.",
    "Switch to public": "Passer en public",
    "Cancel": "Annuler",
    "Couldn’t save changes. Try again.": "Impossible d'enregistrer les modifications. Réessaie.",
    "Stay on top of notifications for likes, comments, the latest videos, and more on desktop. "
    "You can turn them off anytime.":
        "Reste informé des J'aime, des commentaires, des dernières vidéos et plus encore sur "
        "ordinateur. Tu peux les désactiver à tout moment.",
    "Business accounts get access to tools like TikTok Promote and analytics.":
        "Les comptes professionnels ont accès à des outils comme TikTok Promote et les "
        "statistiques.",
    "Manage your login methods, devices and 2-step verification.":
        "Gère tes méthodes de connexion, tes appareils et la vérification en deux étapes.",
    "Get a copy of your TikTok data.": "Obtiens une copie de tes données TikTok.",
    # seeded layouts (layout.py): accessible names, help text, wording variants
    "Change {}, currently {}": "Modifier {}, actuellement {}",
    "On": "Activé",
    "Off": "Désactivé",
    "Choose whether this is public, shown to everyone, or kept private.":
        "Choisis si ce paramètre est public, visible par tout le monde, ou privé.",
    "Public to everyone or private: this switch decides.":
        "Public pour tout le monde ou privé : ce bouton en décide.",
    "This account is private. Follow this account to see their videos or visit TikTok to "
    "discover new creators.":
        "Ce compte est privé. Suis ce compte pour voir ses vidéos ou va sur TikTok pour "
        "découvrir de nouveaux créateurs.",
}

TABLES = {"fr": FR}
translator = make_translator(TABLES)

# The page's own i18n table (webapp.i18n-translation), as the real pages embed it on every
# page: the profile wording a visitor may see, whether or not this page shows it.
WEBAPP_STRINGS = {
    "This account is private": "This account is private",
    "profile_others_private_body": "Follow this account to see their contents and likes",
    "profile_others_like_private_title": "This user's liked videos are private",
    "profile_page_followingList_private_header": "This account’s following list is private",
    "profile_page_followerList_private_header": "This account’s followers list is private",
    "Couldn't find this account": "Couldn't find this account",
    "private_acc": "Private account",
    "private_acc_desc": "With a private account, only users you approve can follow you and "
                        "watch your videos. Your existing followers won’t be affected.",
}


def webapp_strings(lang: str) -> dict:
    t = translator(lang)
    return {"Webapp": {key: t(text) for key, text in WEBAPP_STRINGS.items()}}


def short_count(n: int, lang: str) -> str:
    """5400 -> "5.4K", 783427 -> "783.4K" (cut, not rounded), 43 -> "43"; a comma in French."""
    for size, unit in ((10**9, "B"), (10**6, "M"), (10**3, "K")):
        if n >= size:
            tenths = n * 10 // size
            text = f"{tenths // 10}.{tenths % 10}".removesuffix(".0")
            return (text.replace(".", ",") if lang == "fr" else text) + unit
    return str(n)


def video_date(iso: str) -> str:
    """2025-09-20 -> "2025-9-20", as a video page shows its date."""
    day = dt.date.fromisoformat(iso)
    return f"{day.year}-{day.month}-{day.day}"
