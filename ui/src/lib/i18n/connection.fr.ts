import type { connectionEn } from './connection.en';

/**
 * French messages of the start screen, the move to the team server and the connection banner. Its
 * `error.*` sentence lives in messages.fr.json because the command line reads it too.
 */
export const connectionFr: { readonly [K in keyof typeof connectionEn]: string } = {
  'nav.database': 'Base de données',
  'database.solo.badge': 'Sur cet ordinateur',
  'database.team.badge': 'Serveur d’équipe',

  'start.title': 'Où se trouve votre Tandem ?',
  'start.intro': 'Travaillez seul sur cet ordinateur, ou avec vos collègues sur le serveur de votre entreprise.',
  'start.solo.title': 'Sur cet ordinateur',
  'start.solo.body': 'Un fichier sur cet ordinateur. Idéal pour essayer Tandem ou pour les RH qui travaillent seuls. Un nouveau fichier démarre avec une entreprise de démonstration.',
  'start.solo.file': 'Fichier',
  'start.solo.open': 'Ouvrir ce fichier',
  'start.solo.other': 'Utiliser un autre fichier…',
  'start.solo.current': 'Ouvert',
  'start.team.title': 'Avec mon équipe',
  'start.team.body': 'La base PostgreSQL de votre entreprise : chacun se connecte depuis son ordinateur. L’informatique vous donne l’adresse du serveur.',
  'start.team.current': 'Connecté',
  'start.team.host': 'Serveur',
  'start.team.port': 'Port',
  'start.team.database': 'Base',
  'start.team.user': 'Identifiant',
  'start.team.password': 'Mot de passe',
  'start.team.password.remembered': 'Mémorisé dans le trousseau de cet ordinateur : laissez vide pour l’utiliser.',
  'start.team.tls': 'Sécurité',
  'start.team.tls.verify-full': 'Chiffrée, serveur vérifié (recommandé)',
  'start.team.tls.require': 'Chiffrée, serveur non vérifié',
  'start.team.tls.disable': 'Non chiffrée (cet ordinateur uniquement)',
  'start.team.ca': 'Certificat d’autorité (CA)',
  'start.team.ca.none': 'Les certificats du système',
  'start.team.ca.pick': 'Choisir un fichier…',
  'start.team.remember': 'Mémoriser mon mot de passe sur cet ordinateur',
  'start.team.connect': 'Se connecter',
  'start.team.connecting': 'Connexion à {server}…',
  'start.startup_error': 'Tandem n’a pas pu ouvrir la base.',
  'start.back': 'Revenir à Tandem',

  'move.title': 'Transférer les données de cet ordinateur vers le serveur d’équipe',
  'move.body': 'Chaque collaborateur, programme, binôme et séance du fichier de cet ordinateur est copié dans la base d’équipe, qui doit être vide. Le fichier lui-même reste tel quel.',
  'move.start': 'Transférer vers le serveur d’équipe',
  'move.moving': 'Copie de chaque table vers {server}…',
  'move.done': 'Transfert terminé : {rows} lignes dans {tables} tables. Vous travaillez maintenant sur le serveur d’équipe.',
  'move.confirm.title': 'Transférer les données vers {server} ?',
  'move.confirm.body': 'Tandem copie tout dans la base vide {database}, vérifie chaque table, puis l’ouvre. Rien n’est copié si quoi que ce soit échoue.',

  'connection.lost': 'Tandem a perdu la connexion au serveur d’équipe.',
  'connection.retry': 'Se reconnecter',
  'connection.retrying': 'Reconnexion…',
  'connection.back': 'La connexion est rétablie.',
};
