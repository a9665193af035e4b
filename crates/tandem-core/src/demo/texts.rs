//! The words of the demo program: practice tasks per topic, summary phrases, cancellation
//! reasons and private notes, in French (most pairs) and English (pairs with someone abroad).
//! Add a topic to the default catalog, add its task here; `task` falls back to a generic one.

/// A text in both languages.
pub(super) struct Text {
    pub fr: &'static str,
    pub en: &'static str,
}

impl Text {
    pub fn get(&self, english: bool) -> &'static str {
        if english {
            self.en
        } else {
            self.fr
        }
    }
}

const fn t(fr: &'static str, en: &'static str) -> Text {
    Text { fr, en }
}

/// The practice task that follows a session on `topic`.
pub(super) fn task(topic: &str) -> Text {
    match topic {
        "linkedin.profile" => t(
            "Mettre à jour sa photo, son titre et son résumé LinkedIn, puis demander un avis à deux collègues",
            "Update your LinkedIn photo, headline and summary, then ask two colleagues for feedback",
        ),
        "linkedin.post" => t(
            "Publier un premier post LinkedIn sur un projet de l'équipe, avec une image",
            "Publish a first LinkedIn post about a team project, with a picture",
        ),
        "linkedin.network" => t(
            "Envoyer dix invitations personnalisées à des contacts du secteur",
            "Send ten personalised invitations to people in the industry",
        ),
        "linkedin.analytics" => t(
            "Relever les statistiques de ses trois derniers posts et noter ce qui a le mieux marché",
            "Note the figures of your last three posts and what worked best",
        ),
        "linkedin.recruiting" => t(
            "Relayer une offre d'emploi du groupe avec un mot personnel",
            "Share one of the group's job offers with a personal note",
        ),
        "linkedin.privacy" => t(
            "Revoir ses paramètres de visibilité et masquer sa liste de relations",
            "Review your visibility settings and hide your connections list",
        ),
        "tiktok.account" => t(
            "Créer son compte TikTok et suivre cinq comptes du secteur",
            "Create a TikTok account and follow five accounts from the industry",
        ),
        "tiktok.video" => t(
            "Filmer et monter une vidéo de 30 secondes sur son métier",
            "Film and edit a 30-second video about your job",
        ),
        "tiktok.trends" => t(
            "Repérer trois tendances ou sons utilisables pour la marque",
            "Spot three trends or sounds the brand could use",
        ),
        "tiktok.hashtags" => t(
            "Choisir cinq hashtags pertinents et les tester sur une vidéo",
            "Pick five relevant hashtags and try them on one video",
        ),
        "tiktok.analytics" => t(
            "Comparer la durée de visionnage de deux vidéos",
            "Compare the watch time of two videos",
        ),
        "tiktok.privacy" => t(
            "Paramétrer qui peut commenter et dupliquer ses vidéos",
            "Set who may comment on and duet your videos",
        ),
        "x.profile" => t(
            "Compléter sa bio X avec son rôle et un lien vers le site du groupe",
            "Complete your X bio with your role and a link to the group's site",
        ),
        "x.post" => t(
            "Rédiger un thread de trois posts sur une actualité du secteur",
            "Write a three-post thread about industry news",
        ),
        "x.hashtags" => t(
            "Suivre un événement en direct et publier deux posts avec son hashtag",
            "Follow a live event and publish two posts with its hashtag",
        ),
        "x.lists" => t(
            "Créer une liste de veille de vingt comptes experts",
            "Build a monitoring list of twenty expert accounts",
        ),
        "x.bad_buzz" => t(
            "Rédiger une réponse type à un commentaire négatif, relue avec la communication",
            "Draft a reply to a negative comment and have it checked by communications",
        ),
        "x.privacy" => t(
            "Activer la double authentification et revoir les comptes bloqués",
            "Turn on two-factor authentication and review blocked accounts",
        ),
        "instagram.profile" => t(
            "Passer son compte Instagram en profil professionnel et soigner la bio",
            "Switch your Instagram account to a professional profile and polish the bio",
        ),
        "instagram.photo" => t(
            "Prendre et retoucher trois photos d'un événement d'équipe",
            "Take and edit three photos of a team event",
        ),
        "instagram.stories" => t(
            "Publier une story avec un sondage",
            "Post a story with a poll",
        ),
        "instagram.reels" => t(
            "Monter un reel de 15 secondes avec une musique tendance",
            "Edit a 15-second reel with a trending track",
        ),
        "instagram.hashtags" => t(
            "Constituer une liste de dix hashtags de niche",
            "Put together ten niche hashtags",
        ),
        "instagram.analytics" => t(
            "Relever la portée de ses cinq dernières publications",
            "Note the reach of your last five posts",
        ),
        "youtube.channel" => t(
            "Créer la chaîne, sa bannière et sa description",
            "Create the channel, its banner and its description",
        ),
        "youtube.video" => t(
            "Tourner une vidéo tutoriel de deux minutes",
            "Shoot a two-minute tutorial video",
        ),
        "youtube.thumbnails" => t(
            "Créer deux miniatures et choisir la plus lisible",
            "Make two thumbnails and keep the clearer one",
        ),
        "youtube.live" => t(
            "Faire un direct test de cinq minutes en privé",
            "Run a private five-minute test live stream",
        ),
        "youtube.analytics" => t(
            "Identifier le moment où les spectateurs décrochent",
            "Find the moment viewers drop off",
        ),
        "youtube.comments" => t(
            "Répondre à cinq commentaires et filtrer les mots injurieux",
            "Reply to five comments and filter abusive words",
        ),
        _ => t(
            "Mettre en pratique ce qui a été vu et noter ses questions",
            "Practise what we covered and note your questions",
        ),
    }
}

/// How the session went, by depth: shown, practised, done alone.
pub(super) const DEPTH_PHRASES: [Text; 3] = [
    t(
        "démonstration pas à pas, beaucoup de questions",
        "step-by-step demo, lots of questions",
    ),
    t(
        "exercice fait ensemble sur son propre compte",
        "practised together on their own account",
    ),
    t(
        "réalisé en autonomie, je n'ai fait que relire",
        "done alone, I only reviewed it",
    ),
];

/// How the previous task went: done, partly, not done.
pub(super) const OUTCOME_PHRASES: [Text; 3] = [
    t(
        "L'exercice précédent est fait.",
        "The previous task is done.",
    ),
    t(
        "L'exercice précédent est à moitié fait, faute de temps.",
        "The previous task is half done, for lack of time.",
    ),
    t(
        "L'exercice précédent n'a pas été fait : on l'a repris ensemble.",
        "The previous task was not done: we went through it together.",
    ),
];

pub(super) const CANCEL_REASONS: [Text; 6] = [
    t("Comité de direction déplacé", "Board meeting moved"),
    t("Déplacement client à Lyon", "Client visit out of town"),
    t("Séminaire des managers", "Managers' seminar"),
    t("Clôture trimestrielle", "Quarterly closing"),
    t("Réunion budgétaire imprévue", "Unplanned budget meeting"),
    t("Absent (congés)", "Away on leave"),
];

pub(super) const PRIVATE_NOTES: [Text; 5] = [
    t(
        "Encore une appréhension à publier sous son nom : avancer doucement.",
        "Still uneasy about posting under their own name: go slowly.",
    ),
    t(
        "Très à l'aise, on peut accélérer la prochaine fois.",
        "Very comfortable, we can speed up next time.",
    ),
    t(
        "Prévoir un ordinateur portable, le téléphone est trop petit pour les réglages.",
        "Bring a laptop: the phone is too small for the settings.",
    ),
    t(
        "Parler de la charte avant de publier sur les sujets clients.",
        "Go over the charter before posting about customers.",
    ),
    t(
        "Séance écourtée de dix minutes, à rattraper.",
        "Session cut short by ten minutes, to make up.",
    ),
];

pub(super) const ROOMS: [&str; 5] = [
    "Salle Seine, 3e étage",
    "Salle Loire, 2e étage",
    "Espace café du 5e",
    "Salle Garonne, rez-de-chaussée",
    "Bureau du mentor",
];

pub(super) const CHARTER: &str = "Charte de bon usage des réseaux sociaux du Groupe Lanvoie

1. Je parle en mon nom : je précise que mes opinions n'engagent que moi.
2. Je ne publie aucune information confidentielle, ni sur nos clients, ni sur nos résultats avant leur annonce.
3. Je demande l'accord d'un collègue avant de le photographier, de le filmer ou de le citer.
4. Je reste courtois, même face à une critique, et je signale tout bad buzz à la communication.
5. Je protège mes comptes : double authentification et paramètres de confidentialité revus.
6. En cas de doute, je ne publie pas et j'en parle à mon mentor ou à la communication.";
