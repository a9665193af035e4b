import type { RefusalKey } from '../../api/bindings/messageKeys';

/**
 * English sentences for the refusals the backend sends (`ErrorDto.key`), one per key of
 * `REFUSAL_KEYS`: the type makes a missing key a type error. Placeholders are the error's params;
 * `{when}` is built from `starts_at`, `ends_at` and `timezone` (see `lib/errorText.ts`).
 */
export const refusalsEn: { readonly [K in `refusal.${RefusalKey}`]: string } = {
  'refusal.email_taken': 'The email {email} is already used by {who}. Use another address, or edit that employee.',
  'refusal.external_id_taken': 'The HR id {external_id} is already used by {who}. Use another id, or edit that employee.',
  'refusal.reporting_cycle': 'The reporting lines form a loop (employee {employee}). Fix the managers in the directory, then try again.',
  'refusal.import_broken_reference': 'The import would leave a broken link in the data ({table}). Nothing was imported.',
  'refusal.file_empty': 'The file is empty.',
  'refusal.file_is_workbook': 'This is a spreadsheet workbook (.xlsx), not a CSV file: save it as “CSV UTF-8” first.',
  'refusal.file_is_pdf': 'This is a PDF document, not a CSV file.',
  'refusal.file_bad_bytes': 'The file starts as {encoding} text but contains bytes that are not valid in it.',
  'refusal.file_not_text': 'The file does not contain text.',
  'refusal.file_not_csv': 'The file could not be read as CSV ({detail}).',
  'refusal.file_no_header': 'The file has no header line.',
  'refusal.file_not_received': 'The file’s content did not arrive: choose the file again.',
  'refusal.no_import_in_progress': 'No import is in progress: choose a file first.',
  'refusal.program_has_approved_pairs': 'The program “{name}” cannot be deleted: its approved pairs ({count}) are already published.',
  'refusal.pair_has_sessions': 'This pair already has sessions ({count}): its mentor can no longer be changed.',
  'refusal.pair_approved': 'This pair is approved: it can no longer be changed or excluded.',
  'refusal.participant_has_sessions': 'This person’s pair already has sessions ({count}): they can no longer leave the program.',
  'refusal.participant_in_approved_pair': 'This person is in an approved pair and can no longer leave the program.',
  'refusal.pair_not_approved': 'The pair {mentor} – {mentee} is not approved yet: approve it in the program’s Pairs tab before planning sessions.',
  'refusal.double_booking': '{person} already has a session with {partner} on {when}. Pick another time.',
  'refusal.session_already_held': 'This session was already held: it can no longer be changed.',
  'refusal.session_cancelled': 'This session is cancelled: it can no longer be changed.',
  'refusal.session_no_show': 'This session is marked as a no-show: it can no longer be changed.',
  'refusal.session_still_planned': 'This session is still planned: say first whether it was held.',
  'refusal.session_has_log': 'This session has a learning log: it was held and cannot become a no-show.',
  'refusal.log_needs_held_session': 'Only a held session has a learning log: mark the session held first.',
  'refusal.export_failed': 'The export could not be written ({detail}). Try again.',
  'refusal.date_not_exportable': 'The date {date} cannot be written to Excel.',
  'refusal.save_failed': 'The file could not be saved in {path} ({detail}). Choose another place.',
  'refusal.save_dialog_failed': 'The save window closed unexpectedly. Try again.',
  'refusal.save_location_invalid': 'This place cannot hold a file: choose a folder on this computer.',
  'refusal.print_failed': 'The print window could not open ({detail}). Try again.',
  'refusal.app_fault': 'Tandem hit an internal error: restart the app. Your data is safe.',
  'refusal.demo_needs_empty_database': 'The database already has employees ({count}): the demo company loads only into an empty database.',
  'refusal.demo_program_exists': 'The database already has the program “{name}”.',
  'refusal.demo_data_invalid': 'The demo data is damaged ({detail}).',
};
