import type { RefusalKey } from '../../api/bindings/messageKeys';
import messagesEn from './messages.en.json';

/**
 * English sentences for the refusals the backend sends (`ErrorDto.key`), one per key of
 * `REFUSAL_KEYS`. The sentences live in messages.en.json because the command line reads them too;
 * this typed view of that file makes a missing `refusal.<key>` a type error. Placeholders are the
 * error's params; `{when}` is built from `starts_at`, `ends_at` and `timezone` (see
 * `lib/errorText.ts`).
 */
export const refusalsEn: { readonly [K in `refusal.${RefusalKey}`]: string } = messagesEn;
