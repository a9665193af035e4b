import messagesFr from './messages.fr.json';
import type { importDetailsEn } from './importDetails.en';

/**
 * Phrases françaises du détail des lignes refusées à l’import ; mêmes clés que `importDetails.en.ts`.
 * Les phrases sont dans messages.fr.json car la ligne de commande les lit aussi ; ce type fait d’une
 * clé `import.detail.<clé>` absente une erreur de type.
 */
export const importDetailsFr: { readonly [K in keyof typeof importDetailsEn]: string } = messagesFr;
