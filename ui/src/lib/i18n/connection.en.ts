/**
 * English messages of the start screen (solo file or team server), the move of a solo file into
 * the team database, and the connection banner. Merged into `en` in en.ts; `connection.fr.ts` is
 * typed against this block. Its `error.*` sentence lives in messages.en.json because the command
 * line reads it too.
 */
export const connectionEn = {
  'nav.database': 'Database',
  'database.solo.badge': 'On this computer',
  'database.team.badge': 'Team server',

  'start.title': 'Where is your Tandem?',
  'start.intro': 'Work alone on this computer, or with your colleagues on your company’s server.',
  'start.solo.title': 'On this computer',
  'start.solo.body': 'One file on this computer. Ideal to try Tandem or for HR working alone. A new file starts with a demo company.',
  'start.solo.file': 'File',
  'start.solo.open': 'Open this file',
  'start.solo.other': 'Use another file…',
  'start.solo.current': 'Open now',
  'start.team.title': 'With my team',
  'start.team.body': 'Your company’s PostgreSQL database: everyone signs in from their own computer. IT gives you the server’s address.',
  'start.team.current': 'Connected',
  'start.team.host': 'Server',
  'start.team.port': 'Port',
  'start.team.database': 'Database',
  'start.team.user': 'User name',
  'start.team.password': 'Password',
  'start.team.password.remembered': 'Remembered in this computer’s keyring: leave empty to use it.',
  'start.team.tls': 'Security',
  'start.team.tls.verify-full': 'Encrypted, server verified (recommended)',
  'start.team.tls.require': 'Encrypted, server not checked',
  'start.team.tls.disable': 'Not encrypted (this computer only)',
  'start.team.ca': 'CA certificate',
  'start.team.ca.none': 'The system’s certificates',
  'start.team.ca.pick': 'Choose a file…',
  'start.team.remember': 'Remember my password on this computer',
  'start.team.connect': 'Connect',
  'start.team.connecting': 'Connecting to {server}…',
  'start.startup_error': 'Tandem could not open the database.',
  'start.back': 'Back to Tandem',

  'move.title': 'Move this computer’s data to the team server',
  'move.body': 'Every employee, program, pair and session of the file on this computer is copied into the team database, which must be empty. The file itself stays as it is.',
  'move.start': 'Move to the team server',
  'move.moving': 'Copying every table to {server}…',
  'move.done': 'Moved: {rows} rows in {tables} tables. You now work on the team server.',
  'move.confirm.title': 'Move the data to {server}?',
  'move.confirm.body': 'Tandem copies everything into the empty database {database}, checks every table, then opens it. Nothing is copied if anything goes wrong.',

  'connection.lost': 'Tandem lost its connection to the team server.',
  'connection.retry': 'Reconnect',
  'connection.retrying': 'Reconnecting…',
  'connection.back': 'The connection is back.',
} as const;
