/**
 * Who the app acts for, as the whole interface sees it: loaded with `whoami` once a database is
 * open, again after another one is opened and after HR starts or stops viewing as someone. The
 * sidebar, the home screen and every link read it to show only what the role may use.
 */
import { accessApi, type MeDto, type ProfileGapDto } from '../api';
import { sessionsApi, type MyPairDto } from '../api/sessions';
import { canOpen, isParticipant, rolesOf, type Roles } from './access';
import type { Route } from './routes';

let current = $state<MeDto | null>(null);
let pairs = $state<MyPairDto[]>([]);
let failure = $state<unknown>(null);

/** Before `whoami` answers: no rights at all, so nothing is offered that could be refused. */
const NOBODY: Roles = { hr: false, mentee: false, mentor: false, manager: false, personId: null };

async function loadPairs(roles: Roles): Promise<MyPairDto[]> {
  // HR at the keyboard of a file is nobody in particular: no pair of their own.
  if (!roles.personId || !isParticipant(roles)) return [];
  try {
    return await sessionsApi.myPairs();
  } catch {
    // The home screen asks again and shows the error; links to pairs are then not offered.
    return [];
  }
}

async function apply(next: MeDto): Promise<void> {
  const roles = rolesOf(next);
  const own = await loadPairs(roles);
  current = next;
  pairs = own;
  failure = null;
}

export const me = {
  /** The last `whoami` answer; `null` until it came. */
  get current(): MeDto | null {
    return current;
  },
  get loaded(): boolean {
    return current !== null;
  },
  /** Why `whoami` failed, if it did. */
  get failure(): unknown {
    return failure;
  },
  get roles(): Roles {
    return current ? rolesOf(current) : NOBODY;
  },
  get isHr(): boolean {
    return current?.hr ?? false;
  },
  get isParticipant(): boolean {
    return current ? current.mentee || current.mentor : false;
  },
  get isManager(): boolean {
    return current?.manager ?? false;
  },
  /** The person HR views the app as (read-only), or null. */
  get viewingAs(): MeDto['viewing_as'] {
    return current?.viewing_as ?? null;
  },
  /** Nothing can be changed: HR is viewing the app as someone. */
  get readOnly(): boolean {
    return current?.viewing_as != null;
  },
  /** The person "my" pages are about (see `Roles.personId`). */
  get personId(): string | null {
    return this.roles.personId;
  },
  /** The person "my" pages are about, with their name. */
  get person(): MeDto['person'] {
    return current?.viewing_as ?? current?.person ?? null;
  },
  /** The login on a team database; null on this computer's file. */
  get login(): string | null {
    return current?.login ?? null;
  },
  /** What the person's own profile lacks (the core's rule); empty when complete or nobody is linked. */
  get profileGaps(): ProfileGapDto[] {
    return current?.profile_gaps ?? [];
  },
  /** The person's own approved pairs, as last loaded. */
  get pairs(): MyPairDto[] {
    return pairs;
  },
  get pairIds(): ReadonlySet<string> {
    return new Set(pairs.map((p) => p.overview.pair_id));
  },
  /** Whether a link to `route` may be shown to the role. */
  canOpen(route: Route): boolean {
    return canOpen(route, this.roles, this.pairIds);
  },

  async load(): Promise<void> {
    try {
      await apply(await accessApi.whoami());
    } catch (e) {
      failure = e;
    }
  },
  /** Loads the person's pairs again (the home screen does on each visit); throws on failure. */
  async refreshPairs(): Promise<MyPairDto[]> {
    pairs = await sessionsApi.myPairs();
    return pairs;
  },
  /**
   * Asks `whoami` again for what the person's profile lacks (the home screen does on each visit,
   * so a profile just completed leaves its "To do"); throws on failure, keeping the last answer.
   */
  async refreshProfileGaps(): Promise<ProfileGapDto[]> {
    const before = current;
    const next = await accessApi.whoami();
    // Someone else changed who the app acts for meanwhile (viewing as): that answer stands.
    if (before !== null && current === before) current = { ...before, profile_gaps: next.profile_gaps };
    return this.profileGaps;
  },
  /** HR only: views the app as `employeeId` (read-only), or stops with `null`. */
  async viewAs(employeeId: string | null): Promise<void> {
    await apply(await accessApi.viewAs(employeeId));
  },
  /** Forgets who was signed in (after signing out). */
  reset(): void {
    current = null;
    pairs = [];
    failure = null;
  },
};
