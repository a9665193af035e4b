import messagesFr from './messages.fr.json';
import type { refusalsEn } from './refusals.en';

/**
 * Phrases françaises des refus envoyés par le backend ; mêmes clés que `refusals.en.ts`. Les phrases
 * sont dans messages.fr.json car la ligne de commande les lit aussi ; ce type fait d’une clé
 * `refusal.<clé>` absente une erreur de type.
 */
export const refusalsFr: { readonly [K in keyof typeof refusalsEn]: string } = messagesFr;
