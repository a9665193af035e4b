import type { importDetailsEn } from './importDetails.en';

/** Phrases françaises du détail des lignes refusées à l’import ; mêmes clés que `importDetails.en.ts`. */
export const importDetailsFr: { readonly [K in keyof typeof importDetailsEn]: string } = {
  'import.detail.column_count': 'Cette ligne compte {found} champs alors que l’en-tête en compte {expected} : un séparateur manque ou est en trop.',
  'import.detail.grade_unreadable': 'L’échelon « {value} » n’est pas un nombre de 1 à 10.',
  'import.detail.date_unreadable': '« {value} » n’est pas une date : utilisez AAAA-MM-JJ, JJ/MM/AAAA ou JJ.MM.AAAA.',
  'import.detail.role_unknown': 'Le rôle « {value} » n’est pas reconnu : indiquez mentor, mentoré, les deux ou aucun.',
  'import.detail.profile_unknown': 'Le profil d’adoption « {value} » n’est pas reconnu par Tandem.',
  'import.detail.field_rule': '{field} : {rule}',
  'import.detail.duplicate_id_in_file': 'Le matricule « {id} » figure déjà à la ligne {line}.',
  'import.detail.duplicate_email_in_file': 'L’adresse e-mail {email} figure déjà à la ligne {line}.',
  'import.detail.email_owned': 'L’adresse e-mail {email} appartient déjà à {owner} (matricule {owner_id}) dans Tandem.',
  'import.detail.self_manager': 'Cette personne est indiquée comme son propre responsable ({manager}).',
  'import.detail.manager_unknown': 'Le responsable {manager} n’est ni dans ce fichier ni dans Tandem.',
  'import.detail.manager_rejected': 'Le responsable {manager}, à la ligne {line}, est rejeté : cette ligne l’est donc aussi.',
  'import.detail.reporting_cycle': 'Boucle hiérarchique : {chain} (chacun rend compte au suivant).',
};
