import type { RowDetailKey } from '../../api/bindings/messageKeys';
import messagesEn from './messages.en.json';

/**
 * English sentences for the details of a rejected import row (`RowDetailDto.key`), one per key of
 * `ROW_DETAIL_KEYS`. The sentences live in messages.en.json because the command line reads them
 * too; this typed view of that file makes a missing `import.detail.<key>` a type error. `field_rule`
 * gets the field's label and the rule's sentence as `{field}` and `{rule}` (see
 * `lib/importMapping.ts`).
 */
export const importDetailsEn: { readonly [K in `import.detail.${RowDetailKey}`]: string } = messagesEn;
