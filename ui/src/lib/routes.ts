/** The screens of the app and their addresses (in the URL hash, so reloads keep the screen). */
export type Route =
  | { name: 'directory' }
  /** The home of a mentee, a mentor or a manager: their pairs, their to-do, their people. */
  | { name: 'home' }
  | { name: 'employee'; id: string }
  | { name: 'employee-new' }
  | { name: 'employee-edit'; id: string }
  | { name: 'import' }
  | { name: 'catalog' }
  | { name: 'programs' }
  | { name: 'program-new' }
  /** A program's page; `atRisk` shows only the pairs at risk on the follow-up tab. */
  | { name: 'program'; id: string; tab: ProgramTab; atRisk?: boolean }
  | { name: 'program-edit'; id: string }
  /** A pair's page; `session` scrolls to one of its sessions. */
  | { name: 'pair'; id: string; session?: string }
  /** The printable report of a program's dashboard. */
  | { name: 'program-report'; id: string }
  /** The manager view: a manager's or a department's people. */
  | { name: 'progress' }
  | { name: 'mentee-progress'; id: string }
  | { name: 'mentor-recognition'; id: string }
  /** The sessions of the coming days across every pair. */
  | { name: 'week' }
  /** Which database Tandem works on: the file on this computer or the team server. */
  | { name: 'database' };

/** The tabs of a program's page. */
export type ProgramTab = 'review' | 'participants' | 'dashboard' | 'pairs';

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'employees') {
    if (parts[1] === 'new' && parts.length === 2) return { name: 'employee-new' };
    if (parts[1] && parts[2] === 'edit' && parts.length === 3) return { name: 'employee-edit', id: parts[1] };
    if (parts[1] && parts.length === 2) return { name: 'employee', id: parts[1] };
  }
  if (parts[0] === 'pairs' && parts[1]) {
    if (parts.length === 2) return { name: 'pair', id: parts[1] };
    if (parts[2] === 'sessions' && parts[3] && parts.length === 4) return { name: 'pair', id: parts[1], session: parts[3] };
  }
  if (parts[0] === 'progress') {
    if (parts.length === 1) return { name: 'progress' };
    if (parts[1] === 'mentees' && parts[2] && parts.length === 3) return { name: 'mentee-progress', id: parts[2] };
    if (parts[1] === 'mentors' && parts[2] && parts.length === 3) return { name: 'mentor-recognition', id: parts[2] };
  }
  if (parts[0] === 'home' && parts.length === 1) return { name: 'home' };
  if (parts[0] === 'week' && parts.length === 1) return { name: 'week' };
  if (parts[0] === 'database' && parts.length === 1) return { name: 'database' };
  if (parts[0] === 'import' && parts.length === 1) return { name: 'import' };
  if (parts[0] === 'catalog' && parts.length === 1) return { name: 'catalog' };
  if (parts[0] === 'programs') {
    if (parts.length === 1) return { name: 'programs' };
    if (parts[1] === 'new' && parts.length === 2) return { name: 'program-new' };
    if (parts[2] === 'edit' && parts.length === 3) return { name: 'program-edit', id: parts[1] };
    if (parts.length === 2) return { name: 'program', id: parts[1], tab: 'review' };
    if (parts[2] === 'participants' && parts.length === 3) return { name: 'program', id: parts[1], tab: 'participants' };
    if (parts[2] === 'review' && parts.length === 3) return { name: 'program', id: parts[1], tab: 'review' };
    if (parts[2] === 'dashboard' && parts.length === 3) return { name: 'program', id: parts[1], tab: 'dashboard' };
    if (parts[2] === 'pairs' && parts.length === 3) return { name: 'program', id: parts[1], tab: 'pairs' };
    if (parts[2] === 'pairs' && parts[3] === 'at-risk' && parts.length === 4) return { name: 'program', id: parts[1], tab: 'pairs', atRisk: true };
    if (parts[2] === 'report' && parts.length === 3) return { name: 'program-report', id: parts[1] };
  }
  return { name: 'directory' };
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'directory':
      return '#/';
    case 'home':
      return '#/home';
    case 'employee':
      return `#/employees/${encodeURIComponent(route.id)}`;
    case 'employee-new':
      return '#/employees/new';
    case 'employee-edit':
      return `#/employees/${encodeURIComponent(route.id)}/edit`;
    case 'import':
      return '#/import';
    case 'catalog':
      return '#/catalog';
    case 'programs':
      return '#/programs';
    case 'program-new':
      return '#/programs/new';
    case 'program':
      return route.tab === 'pairs' && route.atRisk
        ? `#/programs/${encodeURIComponent(route.id)}/pairs/at-risk`
        : `#/programs/${encodeURIComponent(route.id)}/${route.tab}`;
    case 'program-edit':
      return `#/programs/${encodeURIComponent(route.id)}/edit`;
    case 'pair':
      return route.session
        ? `#/pairs/${encodeURIComponent(route.id)}/sessions/${encodeURIComponent(route.session)}`
        : `#/pairs/${encodeURIComponent(route.id)}`;
    case 'program-report':
      return `#/programs/${encodeURIComponent(route.id)}/report`;
    case 'progress':
      return '#/progress';
    case 'mentee-progress':
      return `#/progress/mentees/${encodeURIComponent(route.id)}`;
    case 'mentor-recognition':
      return `#/progress/mentors/${encodeURIComponent(route.id)}`;
    case 'week':
      return '#/week';
    case 'database':
      return '#/database';
  }
}

/** The sidebar areas. */
export type Area = 'home' | 'directory' | 'programs' | 'progress' | 'week' | 'import' | 'catalog' | 'database';

/** The sidebar area a route belongs to. */
export function areaOf(route: Route): Area {
  if (route.name === 'home') return 'home';
  if (route.name === 'database') return 'database';
  if (route.name === 'programs' || route.name === 'program-new' || route.name === 'program' || route.name === 'program-edit' || route.name === 'pair') return 'programs';
  if (route.name === 'program-report') return 'programs';
  if (route.name === 'progress' || route.name === 'mentee-progress' || route.name === 'mentor-recognition') return 'progress';
  if (route.name === 'week') return 'week';
  if (route.name === 'import') return 'import';
  if (route.name === 'catalog') return 'catalog';
  return 'directory';
}
