/**
 * What the interface offers each role (the rule table itself is enforced in Rust, in
 * `tandem_core::access`): the sidebar's entries, the home a role lands on, which addresses a role
 * may open, and how the person's roles read in words. The UI only shows what the role may use, so
 * a click never leads to a refusal; an address typed by hand gets a calm notice instead.
 */
import type { MeDto } from '../api';
import type { MessageKey } from './i18n/en';
import { areaOf, type Route } from './routes';

/** What the interface needs to know of the person it acts for. */
export interface Roles {
  /** HR rights (false while HR views the app as someone). */
  hr: boolean;
  mentee: boolean;
  mentor: boolean;
  /** Someone reports to them. */
  manager: boolean;
  /**
   * The person "my" pages are about: the one HR views as, else the signed-in person; `null` for
   * HR at the keyboard of a file on this computer, who is nobody in particular.
   */
  personId: string | null;
}

/** The roles of `me`: those of the person viewed as, while HR views as someone. */
export function rolesOf(me: MeDto): Roles {
  return {
    hr: me.hr,
    mentee: me.mentee,
    mentor: me.mentor,
    manager: me.manager,
    personId: (me.viewing_as ?? me.person)?.id ?? null,
  };
}

/** In an approved pair, on either side. */
export function isParticipant(roles: Roles): boolean {
  return roles.mentee || roles.mentor;
}

/** The sidebar's entries (the database entry sits apart, at the bottom, for everyone). */
export type NavEntry = 'home' | 'directory' | 'programs' | 'week' | 'progress' | 'profile' | 'import' | 'catalog';

/** The sidebar's entries for `roles`, in display order; whoever has several roles gets the union. */
export function navEntries(roles: Roles): NavEntry[] {
  const participant = isParticipant(roles);
  const out: NavEntry[] = [];
  if (roles.hr) {
    // HR's manager view already shows anyone's people: their home is for their own pairs.
    out.push('directory');
    if (participant) out.push('home');
    out.push('programs', 'week', 'progress', 'import', 'catalog');
    if (roles.personId) out.push('profile');
    return out;
  }
  if (participant || roles.manager) out.push('home');
  if (participant) out.push('week');
  // A manager who is not in a pair sees their people on their home already.
  if (participant && roles.manager) out.push('progress');
  if (roles.personId) out.push('profile');
  out.push('catalog');
  return out;
}

/** The catalog key of an entry's label: the manager view is "My people" for a manager. */
export function navLabel(entry: NavEntry, roles: Roles): MessageKey {
  if (entry === 'progress') return roles.hr ? 'nav.progress' : 'nav.myPeople';
  if (entry === 'profile') return 'nav.profile';
  if (entry === 'home') return 'nav.home';
  return `nav.${entry}`;
}

/** Where the role lands (`#/`): HR on the directory, a participant or manager on their home. */
export function homeRoute(roles: Roles): Route {
  if (roles.hr) return { name: 'directory' };
  if (isParticipant(roles) || roles.manager) return { name: 'home' };
  if (roles.personId) return { name: 'employee', id: roles.personId };
  return { name: 'catalog' };
}

/** The address of an entry. */
export function navRoute(entry: NavEntry, roles: Roles): Route {
  switch (entry) {
    case 'profile':
      return roles.personId ? { name: 'employee', id: roles.personId } : homeRoute(roles);
    case 'directory':
      return { name: 'directory' };
    default:
      return { name: entry };
  }
}

/**
 * The screen to show for `route`: the default address (`#/`, or one Tandem does not know) is the
 * directory for HR and the role's home for everyone else; `#/home` of HR in no pair is the
 * directory.
 */
export function resolveRoute(route: Route, roles: Roles): Route {
  if (route.name === 'directory' && !roles.hr) return homeRoute(roles);
  if (route.name === 'home' && roles.hr && !isParticipant(roles)) return homeRoute(roles);
  return route;
}

/**
 * Whether the role may open a screen: `open`, or who it is for (`hr`: HR administrators; `people`:
 * managers and HR). Some screens also depend on the record (a pair, someone under a manager): the
 * screen itself then shows the same notice when the backend refuses.
 */
export type Gate = 'open' | 'hr' | 'people';

export function routeGate(route: Route, roles: Roles): Gate {
  if (roles.hr) return 'open';
  switch (route.name) {
    case 'home':
    case 'week':
    case 'catalog':
    case 'database':
    case 'pair':
      return 'open';
    case 'employee':
    case 'employee-edit':
    case 'mentor-recognition':
      return route.id === roles.personId ? 'open' : 'hr';
    case 'progress':
      return roles.manager ? 'open' : 'people';
    case 'mentee-progress':
      return route.id === roles.personId || roles.manager ? 'open' : 'people';
    default:
      return 'hr';
  }
}

/**
 * Whether a link to `route` may be shown: only where the role is sure to be let in. `pairIds` are
 * the person's own approved pairs. A manager's people are linked by the manager view itself.
 */
export function canOpen(route: Route, roles: Roles, pairIds: ReadonlySet<string>): boolean {
  if (roles.hr) return true;
  if (routeGate(route, roles) !== 'open') return false;
  if (route.name === 'pair') return pairIds.has(route.id);
  if (route.name === 'mentee-progress') return route.id === roles.personId;
  return true;
}

/** The entry to highlight for `route` (already resolved), or null when none matches. */
export function activeEntry(route: Route, roles: Roles): NavEntry | 'database' | null {
  if (route.name === 'database') return 'database';
  const entries = navEntries(roles);
  const own = (route.name === 'employee' || route.name === 'employee-edit') && route.id === roles.personId;
  let entry: NavEntry;
  if (own && entries.includes('profile')) entry = 'profile';
  else if (!roles.hr && (route.name === 'pair' || route.name === 'mentee-progress' || route.name === 'mentor-recognition')) entry = 'home';
  else entry = areaOf(route) as NavEntry;
  if (entries.includes(entry)) return entry;
  return entries.includes('home') && !roles.hr ? 'home' : null;
}

/** The person's roles in words (catalog keys), for the top of the sidebar: "Mentee, Manager". */
export function roleWords(me: MeDto): MessageKey[] {
  const out: MessageKey[] = [];
  if (me.hr) out.push(me.login === null ? 'me.role.hrHere' : 'me.role.hr');
  if (me.mentee) out.push('me.role.mentee');
  if (me.mentor) out.push('me.role.mentor');
  if (me.manager) out.push('me.role.manager');
  if (out.length === 0) out.push('me.role.employee');
  return out;
}

/** The name shown at the top of the sidebar: the person viewed as, the signed-in person, or the login. */
export function displayName(me: MeDto): string | null {
  return me.viewing_as?.full_name ?? me.person?.full_name ?? me.login ?? null;
}
