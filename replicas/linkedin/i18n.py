"""The LinkedIn replica's French UI: enough to test the audit's language detection on real pages.

Keys are the English strings used by the app and its templates; a string missing here
stays English. Setting values are translated where they are shown (labels, row values);
the values a form posts stay the persona's English words.
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
    # navigation
    "Primary Navigation": "Navigation principale",
    "Home": "Accueil",
    "My Network": "Réseau",
    "Jobs": "Emplois",
    "Messaging": "Messagerie",
    "Notifications": "Notifications",
    "Me": "Vous",
    "View Profile": "Voir le profil",
    "Settings & Privacy": "Préférences et confidentialité",
    "Sign Out": "Déconnexion",
    # feed, network, simple pages
    "Feed": "Fil d’actualité",
    "Main Feed": "Fil d’actualité principal",
    "Start a post": "Commencer un post",
    "Welcome to your feed": "Bienvenue sur votre fil d’actualité",
    "Posts from your network will show up here.":
        "Les posts de votre réseau s’afficheront ici.",
    "No messages yet": "Aucun message pour l’instant",
    "Reach out and start a conversation to advance your career.":
        "Contactez quelqu’un et lancez une conversation pour faire avancer votre carrière.",
    "Recommended for you": "Recommandations pour vous",
    "Based on your profile and search history.":
        "En fonction de votre profil et de votre historique de recherche.",
    "You’re all caught up": "Vous êtes à jour",
    "Check back later for new notifications.":
        "Revenez plus tard pour voir les nouvelles notifications.",
    "Manage my network": "Gérer mon réseau",
    "Connections": "Relations",
    "No pending invitations": "Aucune invitation en attente",
    "{} Connections": "{} relations",
    "Loading": "Chargement",
    "Show more results": "Afficher plus de résultats",
    "Message": "Message",
    # profile
    "Contact info": "Coordonnées",
    "Public profile & URL": "Profil public et URL",
    "About": "Infos",
    "Activity": "Activité",
    "Experience": "Expérience",
    "Education": "Formation",
    "Volunteering": "Bénévolat",
    "Volunteer Experience": "Expérience de bénévolat",
    "Skills": "Compétences",
    "Websites": "Sites web",
    "Causes": "Causes",
    "Groups": "Groupes",
    "Interests": "Centres d’intérêt",
    "Present": "aujourd’hui",
    "Show all": "Tout afficher",
    "Back to profile": "Retour au profil",
    "Nothing to see for now": "Rien à afficher pour l’instant",
    "on LinkedIn": "sur LinkedIn",
    "{}’s Profile": "Profil de {}",
    "Email": "E-mail",
    "Phone": "Téléphone",
    "Birthday": "Date de naissance",
    "Dismiss": "Fermer",
    "Page not found": "Page introuvable",
    "This page doesn’t exist": "Cette page n’existe pas",
    "Please check your URL or return to LinkedIn home.":
        "Vérifiez l’URL ou revenez à l’accueil de LinkedIn.",
    "Go to your feed": "Accéder à votre fil d’actualité",
    # public profile settings
    "Public profile settings": "Paramètres du profil public",
    "Preview": "Aperçu",
    "Your profile isn’t visible to people who aren’t signed in to LinkedIn.":
        "Votre profil n’est pas visible pour les personnes qui ne sont pas connectées à LinkedIn.",
    "Edit your custom URL": "Modifier votre URL personnalisée",
    "Personalize the URL for your profile.": "Personnalisez l’URL de votre profil.",
    "Edit visibility": "Modifier la visibilité",
    "You control your profile’s appearance for people who are not signed in to LinkedIn.":
        "Vous contrôlez l’apparence de votre profil pour les personnes qui ne sont pas "
        "connectées à LinkedIn.",
    "Your profile's public visibility": "Visibilité publique de votre profil",
    "Off: your profile won’t be visible to people who aren’t signed in to LinkedIn, or to "
    "search engines.":
        "Désactivé : votre profil ne sera pas visible pour les personnes qui ne sont pas "
        "connectées à LinkedIn, ni pour les moteurs de recherche.",
    "Customize your public profile": "Personnaliser votre profil public",
    "Your public profile is off, so these sections are hidden from everyone who isn’t "
    "signed in.":
        "Votre profil public est désactivé : ces sections sont donc masquées pour toutes les "
        "personnes qui ne sont pas connectées.",
    "Profile photo": "Photo de profil",
    "Public": "Public",
    "All LinkedIn members": "Tous les membres LinkedIn",
    "Your network": "Votre réseau",
    "Your connections": "Vos relations",
    "Headline": "Titre",
    "Summary": "Résumé",
    "Articles & activity": "Articles et activité",
    "Current experiences": "Expériences actuelles",
    "Past experiences": "Expériences passées",
    "Volunteer experience": "Expérience de bénévolat",
    "On": "Activé",
    "Off": "Désactivé",
    # settings
    "Settings": "Préférences",
    "Back": "Retour",
    "Account preferences": "Préférences du compte",
    "Sign in & security": "Connexion et sécurité",
    "Visibility": "Visibilité",
    "Data privacy": "Confidentialité des données",
    "Advertising data": "Données publicitaires",
    "Profile information": "Informations du profil",
    "Name, location, and industry": "Nom, lieu et secteur",
    "Personal demographic information": "Informations démographiques personnelles",
    "General preferences": "Préférences générales",
    "Language": "Langue",
    "Sync calendar": "Synchroniser le calendrier",
    "Partners and services": "Partenaires et services",
    "Account access": "Accès au compte",
    "Email addresses": "Adresses e-mail",
    "Phone numbers": "Numéros de téléphone",
    "Change password": "Modifier le mot de passe",
    "Where you’re signed in": "Où vous êtes connecté(e)",
    "Two-step verification": "Validation en deux étapes",
    "How LinkedIn uses your data": "Utilisation de vos données par LinkedIn",
    "Get a copy of your data": "Obtenir une copie de vos données",
    "Search history": "Historique de recherche",
    "Who can reach you": "Qui peut vous contacter",
    "Invitations to connect": "Invitations à se connecter",
    "Messages": "Messages",
    "Profile data": "Données du profil",
    "Companies you follow": "Entreprises que vous suivez",
    "Third-party data": "Données de tiers",
    "Ads beyond LinkedIn": "Publicités en dehors de LinkedIn",
    "Notifications you receive": "Notifications que vous recevez",
    "Searching for a job": "Recherche d’emploi",
    "Connecting with others": "Échanges avec d’autres personnes",
    "Posting and commenting": "Publications et commentaires",
    "Visibility of your profile & network": "Visibilité de votre profil et de votre réseau",
    "Visibility of your LinkedIn activity": "Visibilité de votre activité LinkedIn",
    "Edit your public profile": "Modifier votre profil public",
    "Profile viewing options": "Options d’affichage du profil",
    "Choose how you appear when you view other members’ profiles.":
        "Choisissez comment vous apparaissez lorsque vous consultez le profil d’autres membres.",
    "Page visit visibility": "Visibilité des visites de pages",
    "Choose whether Page admins can see that you visited their Page.":
        "Choisissez si les administrateurs d’une page peuvent voir que vous l’avez visitée.",
    "Who can see or download your email address":
        "Qui peut voir ou télécharger votre adresse e-mail",
    "Choose who can see your email address on your profile and in contact info.":
        "Choisissez qui peut voir votre adresse e-mail sur votre profil et dans vos coordonnées.",
    "Allow your connections to export your email address":
        "Autoriser vos relations à exporter votre adresse e-mail",
    "Who can see your connections": "Qui peut voir vos relations",
    "Choose whether your connections can see your list of connections. Members will still "
    "see connections they share with you.":
        "Choisissez si vos relations peuvent voir votre liste de relations. Les membres "
        "verront toujours les relations que vous avez en commun.",
    "Allow your connections to see your connections list":
        "Autoriser vos relations à voir votre liste de relations",
    "Who can see members you follow": "Qui peut voir les membres que vous suivez",
    "Choose who can see the members and Pages you follow.":
        "Choisissez qui peut voir les membres et les pages que vous suivez.",
    "Who can see your last name": "Qui peut voir votre nom de famille",
    "Choose how your last name appears to members who aren’t your connections and to people "
    "who aren’t signed in.":
        "Choisissez comment votre nom de famille apparaît aux membres qui ne font pas partie "
        "de vos relations et aux personnes qui ne sont pas connectées.",
    "Profile discovery using email address": "Découverte du profil grâce à l’adresse e-mail",
    "Choose who can find your profile using your email address.":
        "Choisissez qui peut trouver votre profil grâce à votre adresse e-mail.",
    "Profile discovery using phone number": "Découverte du profil grâce au numéro de téléphone",
    "Choose who can find your profile using your phone number.":
        "Choisissez qui peut trouver votre profil grâce à votre numéro de téléphone.",
    "Manage active status": "Gérer le statut En ligne",
    "Choose who can see that you are currently active on LinkedIn.":
        "Choisissez qui peut voir que vous êtes actuellement en ligne sur LinkedIn.",
    "Share profile updates with your network":
        "Partager les mises à jour de votre profil avec votre réseau",
    "Choose whether your network is told about changes to your profile, such as a new job or "
    "a work anniversary.":
        "Choisissez si votre réseau est informé des modifications de votre profil, comme un "
        "nouveau poste ou un anniversaire professionnel.",
    # setting values
    "Your name and headline": "Votre nom et votre titre",
    "Private profile characteristics": "Caractéristiques de profil privé",
    "Private mode": "Mode privé",
    "Only visible to me": "Visible uniquement par moi",
    "1st-degree connections": "Relations de 1er niveau",
    "1st and 2nd degree connections": "Relations de 1er et 2e niveaux",
    "Anyone on LinkedIn": "Tout le monde sur LinkedIn",
    "Full last name": "Nom de famille complet",
    "Last initial": "Initiale du nom de famille",
    "Anyone": "Tout le monde",
    "Everyone": "Tout le monde",
    "2nd-degree connections": "Relations de 2e niveau",
    "Nobody": "Personne",
    "Your connections only": "Vos relations uniquement",
    "No one": "Personne",
    # seeded layouts (layout.py): label variants, accessible names, help text
    "Connection visibility": "Visibilité des relations",
    "Follow visibility": "Visibilité des abonnements",
    "Allow connections to export emails": "Autoriser les relations à exporter les e-mails",
    "Who can see that you are currently active": "Qui peut voir que vous êtes actuellement en ligne",
    "Change {}, currently {}": "Modifier {}, actuellement {}",
    "Done": "Terminé",
    "Choose whether this is public, shown to everyone, or kept private.":
        "Choisissez si ce paramètre est public, visible par tout le monde, ou privé.",
    "Public to everyone or private: this switch decides.":
        "Public pour tout le monde ou privé : ce bouton en décide.",
}

TABLES = {"fr": FR}
translator = make_translator(TABLES)


def long_date(iso: str, lang: str) -> str:
    """2025-06-02 -> "June 2, 2025" (or "2 juin 2025"): a post's date."""
    day = dt.date.fromisoformat(iso)
    if lang == "fr":
        return f"{day.day} {MONTHS['fr'][day.month - 1]} {day.year}"
    return f"{MONTHS['en'][day.month - 1]} {day.day}, {day.year}"


def month_day(md: str, lang: str) -> str:
    """06-21 -> "June 21" (or "21 juin"): the birthday in the contact info."""
    month, day = (int(part) for part in md.split("-"))
    if lang == "fr":
        return f"{day} {MONTHS['fr'][month - 1]}"
    return f"{MONTHS['en'][month - 1]} {day}"


def number(n: int, lang: str) -> str:
    """1234 -> "1,234" (or "1 234" with a narrow no-break space)."""
    return f"{n:,}".replace(",", "\u202f" if lang == "fr" else ",")


def connections_count(n: int, lang: str) -> str:
    """The profile's count: "136 connections", "500+ connections" above 500."""
    if lang == "fr":
        return "+ de 500 relations" if n > 500 else f"{n} relation" + ("s" if n > 1 else "")
    return "500+ connections" if n > 500 else f"{n} connection" + ("s" if n != 1 else "")
