-- The default catalog: five platforms with six topics each. HR edits it in the app.
--
-- PostgreSQL form of ../002_default_catalog.sql: the same rows, byte for byte (no difference).

INSERT INTO platform (id, name, position) VALUES
    ('linkedin', 'LinkedIn', 0),
    ('tiktok', 'TikTok', 1),
    ('x', 'X (Twitter)', 2),
    ('instagram', 'Instagram', 3),
    ('youtube', 'YouTube', 4);

INSERT INTO topic (id, platform_id, name_en, name_fr, position) VALUES
    ('linkedin.profile', 'linkedin', 'Optimise your profile', 'Optimiser son profil', 0),
    ('linkedin.post', 'linkedin', 'Write and publish a post', 'Rédiger et publier un post', 1),
    ('linkedin.network', 'linkedin', 'Grow your network', 'Développer son réseau', 2),
    ('linkedin.analytics', 'linkedin', 'Read your analytics', 'Lire ses statistiques', 3),
    ('linkedin.recruiting', 'linkedin', 'Recruit and share job offers', 'Recruter et relayer des offres', 4),
    ('linkedin.privacy', 'linkedin', 'Privacy and visibility settings', 'Confidentialité et visibilité', 5),
    ('tiktok.account', 'tiktok', 'Set up an account', 'Créer et paramétrer un compte', 0),
    ('tiktok.video', 'tiktok', 'Film and edit a short video', 'Filmer et monter une vidéo courte', 1),
    ('tiktok.trends', 'tiktok', 'Follow trends and sounds', 'Suivre les tendances et les sons', 2),
    ('tiktok.hashtags', 'tiktok', 'Hashtags and discovery', 'Hashtags et découverte', 3),
    ('tiktok.analytics', 'tiktok', 'Read your analytics', 'Lire ses statistiques', 4),
    ('tiktok.privacy', 'tiktok', 'Privacy and safety', 'Confidentialité et sécurité', 5),
    ('x.profile', 'x', 'Set up your profile', 'Configurer son profil', 0),
    ('x.post', 'x', 'Write posts and threads', 'Rédiger des posts et des threads', 1),
    ('x.hashtags', 'x', 'Hashtags and live events', 'Hashtags et live-tweet', 2),
    ('x.lists', 'x', 'Lists and monitoring', 'Listes et veille', 3),
    ('x.bad_buzz', 'x', 'Handle a bad buzz', 'Gérer un bad buzz', 4),
    ('x.privacy', 'x', 'Privacy and blocking', 'Confidentialité et blocage', 5),
    ('instagram.profile', 'instagram', 'Optimise your profile', 'Optimiser son profil', 0),
    ('instagram.photo', 'instagram', 'Shoot and edit photos', 'Photographier et retoucher', 1),
    ('instagram.stories', 'instagram', 'Post stories', 'Publier des stories', 2),
    ('instagram.reels', 'instagram', 'Make reels', 'Réaliser des reels', 3),
    ('instagram.hashtags', 'instagram', 'Hashtags and discovery', 'Hashtags et découverte', 4),
    ('instagram.analytics', 'instagram', 'Read your analytics', 'Lire ses statistiques', 5),
    ('youtube.channel', 'youtube', 'Create a channel', 'Créer une chaîne', 0),
    ('youtube.video', 'youtube', 'Film and edit a video', 'Tourner et monter une vidéo', 1),
    ('youtube.thumbnails', 'youtube', 'Titles and thumbnails', 'Titres et miniatures', 2),
    ('youtube.live', 'youtube', 'Go live', 'Diffuser en direct', 3),
    ('youtube.analytics', 'youtube', 'Read your analytics', 'Lire ses statistiques', 4),
    ('youtube.comments', 'youtube', 'Moderate comments', 'Modérer les commentaires', 5);
