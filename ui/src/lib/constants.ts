import type { AdoptionProfileDto, ImportFieldDto, ProgramRoleDto } from '../api';

export const ROLES: readonly ProgramRoleDto[] = ['mentor', 'mentee', 'both', 'none'];

export const PROFILES: readonly AdoptionProfileDto[] = [
  'categorical',
  'allergic',
  'curious',
  'anxious',
  'enthusiast',
  'good_student',
  'overwhelmed',
];

export const LEVELS = [0, 1, 2, 3, 4] as const;
export type Level = (typeof LEVELS)[number];

export const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;

/** Languages offered in the form, as ISO 639-1 codes. */
export const LANGUAGES = ['fr', 'en', 'es', 'de', 'it', 'pt', 'nl', 'ar', 'zh', 'ja', 'pl', 'ru'] as const;

export const DEFAULT_TIMEZONE = 'Europe/Paris';

/** Common IANA zones for a European company with offices abroad. */
export const TIMEZONES = [
  'Europe/Paris',
  'Europe/London',
  'Europe/Dublin',
  'Europe/Lisbon',
  'Europe/Madrid',
  'Europe/Brussels',
  'Europe/Amsterdam',
  'Europe/Luxembourg',
  'Europe/Berlin',
  'Europe/Zurich',
  'Europe/Rome',
  'Europe/Vienna',
  'Europe/Stockholm',
  'Europe/Warsaw',
  'Europe/Prague',
  'Europe/Athens',
  'Europe/Bucharest',
  'Europe/Helsinki',
  'Europe/Istanbul',
  'Africa/Casablanca',
  'Africa/Algiers',
  'Africa/Tunis',
  'Africa/Dakar',
  'Africa/Abidjan',
  'Africa/Johannesburg',
  'Indian/Reunion',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Tokyo',
  'Australia/Sydney',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/Toronto',
  'America/Montreal',
  'America/Mexico_City',
  'America/Sao_Paulo',
  'America/Martinique',
  'America/Guadeloupe',
  'Pacific/Noumea',
  'Pacific/Tahiti',
  'UTC',
] as const;

export const IMPORT_FIELDS: readonly ImportFieldDto[] = [
  'external_id',
  'first_name',
  'last_name',
  'full_name',
  'email',
  'department',
  'title',
  'grade',
  'manager_external_id',
  'manager_email',
  'site',
  'timezone',
  'languages',
  'hire_date',
  'role',
  'adoption_profile',
  'interests',
];
