/**
 * The export buttons' shared behaviour (progress screens, the import's rejected rows): one export
 * at a time, then a toast with the path written (nothing when the save dialog was closed) or the
 * error.
 */
import { toErrorDto } from '../api/errors';
import { t } from './i18n/index.svelte';
import { errorText } from './errorText';

export function createExporter() {
  let busy = $state<string | null>(null);
  let toast = $state<{ text: string; error: boolean } | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;

  function show(text: string, error: boolean) {
    toast = { text, error };
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => (toast = null), error ? 8000 : 6000);
  }

  return {
    /** The export under way (its name), or null. */
    get busy() {
      return busy;
    },
    get toast() {
      return toast;
    },
    /** `saved` words the toast for the path written; "Saved to {path}" by default. */
    async run(name: string, save: () => Promise<string | null>, saved?: (path: string) => string) {
      if (busy) return;
      busy = name;
      try {
        const path = await save();
        if (path) show(saved ? saved(path) : t('progress.exported', { path }), false);
      } catch (e) {
        const dto = toErrorDto(e);
        show(errorText(dto), true);
      } finally {
        busy = null;
      }
    },
  };
}
