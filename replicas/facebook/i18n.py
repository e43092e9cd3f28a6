"""The replica's French UI: enough to test the audit's language detection on real pages.

Keys are the English strings used in the templates; a string missing here stays English.
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

FR = {
    # navigation and profile
    "Home": "Accueil",
    "Settings & privacy": "Paramètres et confidentialité",
    "Settings": "Paramètres",
    "Log out": "Se déconnecter",
    "Edit profile": "Modifier le profil",
    "Profile settings see more options": "Paramètres du profil, voir plus d'options",
    "View As": "Voir en tant que",
    "Posts": "Publications",
    "About": "À propos",
    "Friends": "Amis",
    "Photos": "Photos",
    "Intro": "Intro",
    "No photos to show": "Aucune photo à afficher",
    "{} friends": "{} amis",
    "No friends to show": "Aucun ami à afficher",
    "Loading more posts": "Chargement d'autres publications",
    "This is what your profile looks like to:": "Voici comment votre profil apparaît pour :",
    "Exit View As": "Quitter l'aperçu",
    "What's on your mind, {}?": "Exprimez-vous, {} ?",
    "This content isn't available right now": "Ce contenu n'est pas disponible pour le moment",
    "When this happens, it's usually because the owner only shared it with a small group of "
    "people, changed who can see it or it's been deleted.":
        "Cela se produit généralement lorsque le propriétaire l'a partagé avec un petit groupe "
        "de personnes, a modifié les personnes autorisées à le voir ou l'a supprimé.",
    "Go to News Feed": "Aller au fil d'actualité",
    # posts
    "Like": "J'aime",
    "Comment": "Commenter",
    "Share": "Partager",
    "Shared with {}": "Partagé avec {}",
    "{} is at {}.": "{} est à {}.",
    "with": "avec",
    # audiences and values
    "Public": "Public",
    "Friends of friends": "Amis de leurs amis",
    "Only me": "Moi uniquement",
    "Custom": "Personnalisé",
    "Everyone": "Tout le monde",
    "Friends except…": "Amis sauf…",
    "Specific friends": "Amis spécifiques",
    "On": "Activé",
    "Off": "Désactivé",
    # settings
    "Audience and visibility": "Audience et visibilité",
    "How people find and contact you": "Comment les autres peuvent vous trouver et vous contacter",
    "Profile and tagging": "Profil et identification",
    "Edit": "Modifier",
    "Save": "Enregistrer",
    "Cancel": "Annuler",
    "Who can see your future posts?": "Qui peut voir vos futures publications ?",
    "Limit who can see past posts": "Limiter l'audience des anciennes publications",
    "Limit Past Posts": "Limiter les anciennes publications",
    "Limit the audience for old posts on your profile?":
        "Limiter l'audience des anciennes publications sur votre profil ?",
    "If you use this tool, content on your profile that you've shared with Public or Friends "
    "of friends will change to Friends.":
        "Si vous utilisez cet outil, le contenu de votre profil partagé avec Public ou Amis de "
        "leurs amis sera partagé avec Amis.",
    "Who can send you friend requests?": "Qui peut vous envoyer des invitations ?",
    "Who can see your friends list?": "Qui peut voir votre liste d'amis ?",
    "Who can look you up using the email address you provided?":
        "Qui peut vous trouver à l'aide de l'adresse e-mail que vous avez fournie ?",
    "Who can look you up using the phone number you provided?":
        "Qui peut vous trouver à l'aide du numéro de téléphone que vous avez fourni ?",
    "Do you want search engines outside of Facebook to link to your profile?":
        "Voulez-vous que les moteurs de recherche en dehors de Facebook renvoient vers votre profil ?",
    "Allow search engines outside of Facebook to link to your profile":
        "Autoriser les moteurs de recherche en dehors de Facebook à renvoyer vers votre profil",
    "Who can post on your profile?": "Qui peut publier sur votre profil ?",
    "Who can see posts that you're tagged in on your profile?":
        "Qui peut voir sur votre profil les publications dans lesquelles vous êtes identifié(e) ?",
    "Review tags that friends add to your posts before the tags appear on Facebook?":
        "Examiner les identifications que vos amis ajoutent à vos publications avant qu'elles "
        "n'apparaissent sur Facebook ?",
    "Review posts that you're tagged in before the post appears on your profile?":
        "Examiner les publications dans lesquelles vous êtes identifié(e) avant qu'elles "
        "n'apparaissent sur votre profil ?",
    # About sections, groups, items
    "Overview": "Vue d'ensemble",
    "Work and education": "Emploi et scolarité",
    "Places lived": "Lieux de résidence",
    "Contact and basic info": "Coordonnées et informations générales",
    "Family and relationships": "Famille et relations",
    "Details about you": "Informations vous concernant",
    "Work": "Emploi",
    "College": "Université",
    "High school": "Lycée",
    "Contact info": "Coordonnées",
    "Basic info": "Informations générales",
    "Relationship": "Situation amoureuse",
    "Family members": "Membres de la famille",
    "About you": "À propos de vous",
    "Other names": "Autres noms",
    "Favourite quotes": "Citations favorites",
    "Works at {}": "Travaille chez {}",
    "Studied at {}": "A étudié à {}",
    "Lives in {}": "Habite à {}",
    "From {}": "De {}",
    "Current city": "Ville actuelle",
    "Hometown": "Ville d'origine",
    "Birth date": "Date de naissance",
    "Mobile": "Mobile",
    "Email": "E-mail",
    "Address": "Adresse",
    "No workplaces to show": "Aucun emploi à afficher",
    "No schools to show": "Aucun établissement scolaire à afficher",
    "No places to show": "Aucun lieu à afficher",
    "No contact info to show": "Aucune coordonnée à afficher",
    "No basic info to show": "Aucune information générale à afficher",
    "No relationship info to show": "Aucune situation amoureuse à afficher",
    "No family members to show": "Aucun membre de la famille à afficher",
    "No details to show": "Aucune information à afficher",
    "No other names to show": "Aucun autre nom à afficher",
    "No favourite quotes to show": "Aucune citation à afficher",
    "Edit privacy. Sharing with {}.": "Modifier la confidentialité. Partagé avec {}.",
    "Add a workplace": "Ajouter un emploi",
    "Add a college": "Ajouter une université",
    "Add a high school": "Ajouter un lycée",
    "Add current city": "Ajouter la ville actuelle",
    "Add hometown": "Ajouter la ville d'origine",
    "Add a phone number": "Ajouter un numéro de téléphone",
    "Add an email address": "Ajouter une adresse e-mail",
    "Add your address": "Ajouter votre adresse",
    "Add your birthday": "Ajouter votre date de naissance",
    "Add a relationship status": "Ajouter une situation amoureuse",
    "Add a family member": "Ajouter un membre de la famille",
    "Write some details about yourself": "Écrivez quelques mots sur vous",
    "Add a nickname or a birth name": "Ajouter un surnom ou un nom de naissance",
    "Add your favourite quotations": "Ajouter vos citations favorites",
    "Edit Workplace": "Modifier l'emploi",
    "Edit college": "Modifier l'université",
    "Edit current city": "Modifier la ville actuelle",
    "Edit hometown": "Modifier la ville d'origine",
    "Edit phone number": "Modifier le numéro de téléphone",
    "Edit email address": "Modifier l'adresse e-mail",
    "Edit address": "Modifier l'adresse",
    "Edit birth date": "Modifier la date de naissance",
    "Edit relationship status": "Modifier la situation amoureuse",
    "Edit family member": "Modifier le membre de la famille",
    "Sister": "Sœur",
    "Brother": "Frère",
    "Mother": "Mère",
    "Father": "Père",
    "Husband": "Mari",
    "Wife": "Épouse",
    "Partner": "Partenaire",
    "Cousin": "Cousin(e)",
    "Aunt": "Tante",
    "Uncle": "Oncle",
    "Daughter": "Fille",
    "Son": "Fils",
    "Single": "Célibataire",
    "In a relationship": "En couple",
    "Married": "Marié(e)",
    # seeded layouts (WORDING, LOOKUP_ROWS, ICON_NAMES, SWITCH_HELP)
    "Shared with: {}": "Partagé avec : {}",
    "Who can Facebook suggest your profile to based on your phone number or email address?":
        "À qui Facebook peut-il suggérer votre profil en fonction de votre numéro de téléphone "
        "ou de votre adresse e-mail ?",
    "People with your email address": "Personnes ayant votre adresse e-mail",
    "People with your phone number": "Personnes ayant votre numéro de téléphone",
    "Edit audience, currently {}": "Modifier l'audience, actuellement {}",
    "Your friends of friends": "Vos amis de leurs amis",
    "When this is on, search engines can show a link to your public profile, and people who "
    "have your email address or phone number can find it there.":
        "Lorsque cette option est activée, les moteurs de recherche peuvent afficher un lien "
        "vers votre profil public, et les personnes qui ont votre adresse e-mail ou votre "
        "numéro de téléphone peuvent l'y trouver.",
    "Tags that friends add to your posts, including public posts, won't appear until you "
    "approve them.":
        "Les identifications que vos amis ajoutent à vos publications, y compris publiques, "
        "n'apparaîtront qu'après votre approbation.",
    "Posts that you're tagged in won't appear on your profile, where they could be public, "
    "until you approve them.":
        "Les publications dans lesquelles vous êtes identifié(e) n'apparaîtront sur votre "
        "profil, où elles pourraient être publiques, qu'après votre approbation.",
}

# Seeded layouts (README "Seeded layouts"): wording the facts document in more than one form
# (platform-facts.md 1.1, 1.3 and 10). The first of each is the replica's own; a seed picks
# one for the whole site, as one deploy of the real site would.
WORDING = {
    # the audience icon after a post's date
    "marker": ("Shared with {}", "Shared with: {}"),
    # the logged-out overlay's heading ({} is the profile's name)
    "wall": ("See more on Facebook", "See more of {} on Facebook"),
    # the look-up settings: the older questions, or the 2024 rows under one question
    "lookup": ("questions", "rows"),
}
LOOKUP_ROWS = {
    "group": "Who can Facebook suggest your profile to based on your phone number or email "
             "address?",
    "lookup_email": "People with your email address",
    "lookup_phone": "People with your phone number",
}
# The accessible name of an audience button that shows no text ({} is the value).
ICON_NAMES = ("{}", "Edit privacy. Sharing with {}.", "Edit audience, currently {}")
# Inside "Edit privacy. Sharing with {}." the facts also show this audience as:
SHARING_WITH = {"Friends of friends": "Your friends of friends"}
# Help text under a switch (value form "described"): it names other things on purpose.
SWITCH_HELP = {
    "search_engines": "When this is on, search engines can show a link to your public "
                      "profile, and people who have your email address or phone number can "
                      "find it there.",
    "tag_review": "Tags that friends add to your posts, including public posts, won't appear "
                  "until you approve them.",
    "timeline_review": "Posts that you're tagged in won't appear on your profile, where they "
                       "could be public, until you approve them.",
}

TABLES = {"fr": FR}
translator = make_translator(TABLES)


def long_date(iso: str, lang: str) -> str:
    """2024-03-14 -> "14 March 2024" (or "14 mars 2024")."""
    day = dt.date.fromisoformat(iso)
    return f"{day.day} {MONTHS.get(lang, MONTHS['en'])[day.month - 1]} {day.year}"
