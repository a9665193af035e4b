/**
 * Who is signed in, for `npm run dev:mock` (see mockBackend.ts). The mock is a file on this
 * computer, so the person at the keyboard is HR; HR may view the app as someone, whose roles are
 * read from the mock's approved pairs and reporting lines, and every change is then refused like
 * the core does (`forbidden_viewing_as`). The logins of a team database are kept in memory.
 */
import type { EmployeeDetailDto, ErrorDto, FieldErrorDto, LoginLinkDto, MeDto } from '../api';
import type { PairDto, ParticipantDto, ProgramDto, ProgramPersonDto } from '../api/programs';
import { mockProfileGaps } from './mockPrograms';

type Employee = Omit<EmployeeDetailDto, 'manager' | 'direct_reports' | 'version'> & { manager_id: string | null };
type Programs = (cmd: string, args: Record<string, unknown>) => unknown;

/** The commands that change data: refused while HR views the app as someone. */
export const WRITE_COMMANDS: ReadonlySet<string> = new Set([
  'move_to_team',
  'link_login',
  'unlink_login',
  'create_employee',
  'update_employee',
  'set_employee_active',
  'save_platform',
  'save_topic',
  'import_commit',
  'create_program',
  'update_program',
  'delete_program',
  'add_participants',
  'add_all_eligible',
  'remove_participant',
  'set_mentor_capacity',
  'run_matching',
  'set_pair_locked',
  'exclude_pair',
  'include_pair',
  'assign_mentor',
  'approve_pair',
  'approve_all',
  'apply_settings',
  'plan_series',
  'create_session',
  'move_session',
  'cancel_session',
  'mark_held',
  'mark_no_show',
  'set_session_location',
  'save_session_log',
  'confirm_self_assessment',
  'acknowledge_charter',
  'set_employee_audience',
]);

const MAX_LOGIN = 63;

function refuse(code: string, key: string | null, message: string, params: Record<string, string> = {}, fields: FieldErrorDto[] = []): never {
  const error: ErrorDto = { code, key, params, message, fields };
  throw error;
}

export function createAccessMock(employees: Map<string, Employee>, programs: Programs) {
  let viewingAs: string | null = null;
  let logins: { login: string; employee: string | null; hr_admin: boolean; created_at: string }[] = [
    { login: 'tandem_hr', employee: null, hr_admin: true, created_at: new Date().toISOString() },
  ];

  function person(id: string): ProgramPersonDto {
    const e = employees.get(id);
    if (!e) refuse('not_found', null, `No employee ${id}.`);
    return { id, first_name: e.first_name, last_name: e.last_name, full_name: `${e.first_name} ${e.last_name}`, email: e.email, department: e.department, title: e.title, active: e.active };
  }

  /** The sides `id` takes in approved pairs, and whether someone reports to them. */
  function rolesOf(id: string): { mentee: boolean; mentor: boolean; manager: boolean } {
    const pairs = (programs('list_programs', {}) as ProgramDto[]).flatMap((p) =>
      (programs('list_pairs', { programId: p.id }) as PairDto[]).filter((x) => x.status === 'approved'),
    );
    let manager = false;
    for (const e of employees.values()) {
      if (e.manager_id === id) {
        manager = true;
        break;
      }
    }
    return { mentee: pairs.some((x) => x.mentee_id === id), mentor: pairs.some((x) => x.mentor_id === id), manager };
  }

  /**
   * What `id`'s profile lacks for the sides they take: in an approved pair, as a participant of a
   * program, or by their directory role (like the core's `whoami`).
   */
  function gapsOf(id: string, roles: { mentee: boolean; mentor: boolean }): MeDto['profile_gaps'] {
    const e = employees.get(id);
    if (!e) return [];
    const sides = (programs('list_programs', {}) as ProgramDto[]).flatMap((p) =>
      ((programs('list_participants', { programId: p.id }) as ParticipantDto[] | undefined) ?? []).filter((x) => x.person.id === id).map((x) => x.side),
    );
    return mockProfileGaps(e, {
      mentee: roles.mentee || sides.includes('mentee') || e.role === 'mentee' || e.role === 'both',
      mentor: roles.mentor || sides.includes('mentor') || e.role === 'mentor' || e.role === 'both',
    });
  }

  function me(): MeDto {
    if (!viewingAs) return { login: null, person: null, hr: true, mentee: false, mentor: false, manager: false, viewing_as: null, profile_gaps: [] };
    const roles = rolesOf(viewingAs);
    return { login: null, person: null, hr: false, ...roles, viewing_as: person(viewingAs), profile_gaps: gapsOf(viewingAs, roles) };
  }

  function list(): LoginLinkDto[] {
    return [...logins]
      .sort((a, b) => a.login.localeCompare(b.login))
      .map((l) => ({ login: l.login, person: l.employee ? person(l.employee) : null, hr_admin: l.hr_admin, created_at: l.created_at }));
  }

  const lastHrAdmin = () =>
    refuse('conflict', 'last_hr_admin', 'this is the last HR administrator: grant HR rights to someone else first');

  return {
    /** The person HR views the app as, or null. */
    viewingAs: () => viewingAs,
    /** Refuses `cmd` when it changes data while HR views the app as someone. */
    guard(cmd: string): void {
      if (viewingAs && WRITE_COMMANDS.has(cmd)) {
        refuse('forbidden', 'forbidden_viewing_as', 'you are viewing Tandem as someone else: nothing can be changed until you stop');
      }
    },
    /** Answers an access command, or returns `undefined` when `cmd` is not one. */
    handle(cmd: string, args: Record<string, unknown>): unknown {
      switch (cmd) {
        case 'whoami':
          return me();
        case 'view_as': {
          const id = (args.employeeId as string | null) ?? null;
          if (id && viewingAs) refuse('forbidden', 'forbidden_viewing_as', 'you are already viewing Tandem as someone else: stop first');
          if (id) person(id);
          viewingAs = id;
          return me();
        }
        case 'list_logins':
          if (viewingAs) refuse('forbidden', 'forbidden_hr_only', 'only HR administrators may do this');
          return list();
        case 'link_login': {
          const login = String(args.login ?? '').trim();
          if (!login) refuse('validation', null, 'give the login', {}, [{ field: 'login', key: 'required', message: 'give the login the person signs in with', params: {} }]);
          if ([...login].length > MAX_LOGIN) {
            refuse('validation', null, 'too long', {}, [{ field: 'login', key: 'too_long', message: `a login has at most ${MAX_LOGIN} characters`, params: { max: String(MAX_LOGIN) } }]);
          }
          const employee = (args.employeeId as string | null) ?? null;
          if (employee) person(employee);
          const hrAdmin = Boolean(args.hrAdmin);
          const existing = logins.find((l) => l.login === login);
          if (existing?.hr_admin && !hrAdmin && logins.filter((l) => l.hr_admin).length <= 1) lastHrAdmin();
          if (existing) Object.assign(existing, { employee, hr_admin: hrAdmin });
          else logins.push({ login, employee, hr_admin: hrAdmin, created_at: new Date().toISOString() });
          return list();
        }
        case 'unlink_login': {
          const row = logins.find((l) => l.login === args.login);
          if (!row) refuse('not_found', null, `No login ${String(args.login)}.`);
          if (row.hr_admin && logins.filter((l) => l.hr_admin).length <= 1) lastHrAdmin();
          logins = logins.filter((l) => l !== row);
          return list();
        }
        case 'sign_out':
          viewingAs = null;
          return { open: null, file: 'in-memory', team: null, last_mode: 'solo', startup_error: null };
        default:
          return undefined;
      }
    },
  };
}
