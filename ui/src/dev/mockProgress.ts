/**
 * The progress commands for `npm run dev:mock` (see mockBackend.ts): made-up but consistent
 * figures for the program dashboard, mentee progress, manager view, mentor recognition and
 * audience, drawn from the mock's approved pairs with a seeded generator. The real computations
 * are in tandem-core's `progress` module.
 */
import type { CatalogDto, EmployeeDetailDto, ErrorDto, ProgramRoleDto } from '../api';
import type { PairDto, ProgramDto, ProgramPersonDto } from '../api/programs';
import type {
  AudienceChangeDto,
  AudienceFigureDto,
  ManagedPersonDto,
  ManagerScopeDto,
  ManagerViewDto,
  MenteeProgressDto,
  MentorRecognitionDto,
  PairProgressDto,
  ProgramDashboardDto,
  SessionRefDto,
} from '../api/progress';

type Employee = Omit<EmployeeDetailDto, 'manager' | 'direct_reports' | 'version'> & { manager_id: string | null };
type Programs = (cmd: string, args: Record<string, unknown>) => unknown;

function fail(code: string, message: string): never {
  const error: ErrorDto = { code, key: null, params: {}, message, fields: [] };
  throw error;
}

/** A small seeded generator, so the same pair always tells the same story. */
function rng(seedText: string) {
  let seed = [...seedText].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), 2166136261);
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const SUMMARIES = [
  'Profile headline and photo reviewed; first post drafted together.',
  'Looked at analytics: which posts reached beyond the first circle.',
  'Filmed and edited a 30-second video with captions.',
  'Privacy settings checked on every account.',
];

export function createProgressMock(employees: Map<string, Employee>, programs: Programs, catalog: () => CatalogDto) {
  const audience = new Map<string, Map<string, number>>();

  function person(id: string): ProgramPersonDto {
    const e = employees.get(id);
    if (!e) fail('not_found', 'No such employee.');
    return { id, first_name: e.first_name, last_name: e.last_name, full_name: `${e.first_name} ${e.last_name}`, email: e.email, department: e.department, title: e.title, active: e.active };
  }

  function approvedPairs(): { program: ProgramDto; pair: PairDto }[] {
    return (programs('list_programs', {}) as ProgramDto[]).flatMap((program) =>
      (programs('list_pairs', { programId: program.id }) as PairDto[]).filter((p) => p.status === 'approved').map((pair) => ({ program, pair })),
    );
  }

  /** Monthly sessions from the program start: past ones mostly held, future ones planned. */
  function sessionsOf(program: ProgramDto, pair: PairDto): SessionRefDto[] {
    const random = rng(pair.id);
    const start = Date.parse(`${program.start_date}T09:00:00Z`);
    const end = Date.parse(`${program.end_date}T18:00:00Z`);
    const out: SessionRefDto[] = [];
    for (let at = start + 3 * DAY, i = 0; at < end; at += program.cadence_weeks * 7 * DAY, i++) {
      const past = at < Date.now();
      const roll = random();
      const status = !past ? 'planned' : roll < 0.1 ? 'cancelled' : roll < 0.14 ? 'no_show' : 'held';
      out.push({
        session_id: `${pair.id}-s${i}`,
        pair_id: pair.id,
        program_id: program.id,
        starts_at: new Date(at).toISOString(),
        ends_at: new Date(at + program.session_minutes * 60_000).toISOString(),
        status,
        hours: program.session_minutes / 60,
        summary: status === 'held' ? SUMMARIES[i % SUMMARIES.length] : '',
        mentee_rating: status === 'held' ? 4 + Math.round(random()) : null,
        mentor_rating: status === 'held' ? 3 + Math.round(random() * 2) : null,
      });
    }
    return out;
  }

  function counts(sessions: SessionRefDto[]) {
    const c = { scheduled: 0, held: 0, planned: 0, upcoming: 0, cancelled: 0, no_show: 0 };
    for (const s of sessions) {
      if (s.status !== 'cancelled') c.scheduled++;
      if (s.status === 'held') c.held++;
      if (s.status === 'cancelled') c.cancelled++;
      if (s.status === 'no_show') c.no_show++;
      if (s.status === 'planned') {
        c.planned++;
        if (Date.parse(s.starts_at) > Date.now()) c.upcoming++;
      }
    }
    return c;
  }

  const rating = (values: (number | null)[]) => {
    const given = values.filter((v): v is number => v !== null);
    return { average: given.length ? given.reduce((a, b) => a + b, 0) / given.length : null, count: given.length };
  };

  function dashboard(programId: string): ProgramDashboardDto {
    const program = programs('get_program', { programId }) as ProgramDto;
    const pairs = approvedPairs().filter((x) => x.program.id === programId);
    const all: SessionRefDto[] = [];
    const rows: PairProgressDto[] = pairs.map(({ pair }) => {
      const sessions = sessionsOf(program, pair);
      all.push(...sessions);
      const held = sessions.filter((s) => s.status === 'held');
      const atRisk = sessions.slice(0, 4).filter((s) => s.status === 'cancelled').length >= 2;
      return {
        pair_id: pair.id,
        mentee: person(pair.mentee_id),
        mentor: person(pair.mentor_id),
        state: held.length ? 'active' : 'not_started',
        risks: atRisk ? [{ kind: 'consecutive_cancellations', count: 2 }] : [],
        sessions: counts(sessions),
        hours_held: held.reduce((h, s) => h + s.hours, 0),
        last_held: held.at(-1)?.starts_at ?? null,
        next_planned: sessions.find((s) => s.status === 'planned')?.starts_at ?? null,
        topics_covered: Math.min(6, held.length),
        mentee_rating: rating(held.map((s) => s.mentee_rating)),
        mentor_rating: rating(held.map((s) => s.mentor_rating)),
      };
    });
    const held = all.filter((s) => s.status === 'held');
    const months = new Map<string, { year: number; month: number; held: number; scheduled: number; cancelled: number }>();
    for (let d = new Date(`${program.start_date}T00:00:00Z`); d <= new Date(`${program.end_date}T00:00:00Z`); d.setUTCMonth(d.getUTCMonth() + 1, 1)) {
      months.set(`${d.getUTCFullYear()}-${d.getUTCMonth()}`, { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, held: 0, scheduled: 0, cancelled: 0 });
    }
    for (const s of all) {
      const d = new Date(s.starts_at);
      const m = months.get(`${d.getUTCFullYear()}-${d.getUTCMonth()}`);
      if (!m) continue;
      if (s.status === 'held') m.held++;
      if (s.status === 'cancelled') m.cancelled++;
      else m.scheduled++;
    }
    const platforms = catalog().platforms.filter((p) => p.active);
    const random = rng(programId);
    const depth = () => Math.round(random() * held.length * 0.4);
    const activeMentees = new Set(rows.filter((r) => r.sessions.held > 0).map((r) => r.mentee.id));
    const audiencePlatforms = platforms.map((p) => {
      const figures = [...activeMentees].map((id) => audience.get(id)?.get(p.id)).filter((v): v is number => v !== undefined);
      return { platform_id: p.id, platform_name: p.name, followers: figures.reduce((a, b) => a + b, 0), known: figures.length };
    });
    const profiles = ['categorical', 'allergic', 'curious', 'anxious', 'enthusiast', 'good_student', 'overwhelmed'] as const;
    return {
      program: { id: program.id, name: program.name, start_date: program.start_date, end_date: program.end_date },
      cadence_weeks: program.cadence_weeks,
      session_minutes: program.session_minutes,
      phase: Date.now() < Date.parse(program.start_date) ? 'not_started' : Date.now() > Date.parse(program.end_date) ? 'ended' : 'running',
      as_of: new Date().toISOString(),
      pairs: { approved: rows.length, active: rows.filter((r) => r.state === 'active').length, at_risk: rows.filter((r) => r.risks.length).length, completed: 0, not_started: rows.filter((r) => r.state === 'not_started').length },
      sessions: counts(all),
      hours_held: held.reduce((h, s) => h + s.hours, 0),
      topics: held.length
        ? platforms.map((p) => ({ platform_id: p.id, platform_name: p.name, topics_taught: p.topics.length, depths: { shown: depth(), practised: depth(), done_alone: depth() }, topics: [] }))
        : [],
      mentee_rating: rating(held.map((s) => s.mentee_rating)),
      mentor_rating: rating(held.map((s) => s.mentor_rating)),
      charter: { acknowledged: Math.round(rows.length * 1.6), participants: rows.length * 2, mentees_acknowledged: rows.length, mentees: rows.length, mentors_acknowledged: Math.round(rows.length * 0.6), mentors: rows.length },
      adoption: {
        profiles: profiles.map((profile, i) => ({ profile, at_start: (rows.length + i) % 4, now: i >= 4 ? (rows.length + i) % 5 : 0 })),
        moves: [],
      },
      audience: { active_mentees: activeMentees.size, platforms: audiencePlatforms, total_followers: audiencePlatforms.reduce((a, p) => a + p.followers, 0) },
      months: [...months.values()],
      pair_rows: rows,
    };
  }

  function menteeProgress(menteeId: string): MenteeProgressDto {
    const mentee = person(menteeId);
    const mine = approvedPairs().filter((x) => x.pair.mentee_id === menteeId);
    const sessions = mine.flatMap(({ program, pair }) => sessionsOf(program, pair));
    const held = sessions.filter((s) => s.status === 'held');
    const e = employees.get(menteeId)!;
    const topics = catalog().platforms.flatMap((p) => p.topics);
    const goals = e.skills
      .filter((s) => s.target !== null)
      .map((s) => ({ ...s, platform_id: topics.find((x) => x.id === s.topic_id)?.platform_id ?? '' }));
    const platformIds = [...new Set(goals.map((g) => g.platform_id))];
    const platforms = catalog().platforms.filter((p) => platformIds.includes(p.id));
    return {
      mentee,
      program_id: null,
      as_of: new Date().toISOString(),
      pairs: mine.map(({ program, pair }) => ({ pair_id: pair.id, program: { id: program.id, name: program.name, start_date: program.start_date, end_date: program.end_date }, mentor: person(pair.mentor_id) })),
      platforms: platforms.map((p) => {
        const tracked = goals.filter((g) => g.platform_id === p.id);
        const start = tracked.reduce((a, g) => a + g.level, 0) / tracked.length;
        const target = tracked.reduce((a, g) => a + (g.target ?? 0), 0) / tracked.length;
        const points = held.map((s, i) => ({ session_id: s.session_id, at: s.starts_at, level: Math.min(target, start + ((i + 1) * (target - start)) / (held.length + 1)) }));
        return { platform_id: p.id, platform_name: p.name, topic_ids: tracked.map((g) => g.topic_id), start, now: points.at(-1)?.level ?? start, target, points };
      }),
      topics: goals.map((g) => {
        const topic = topics.find((x) => x.id === g.topic_id)!;
        return { topic_id: g.topic_id, platform_id: g.platform_id, name_en: topic.name_en, name_fr: topic.name_fr, start: g.level, now: Math.min(g.target ?? 4, g.level + 1), now_session_id: held.at(-1)?.session_id ?? null, target: g.target, goal: true, history: [] };
      }),
      covered: goals.slice(0, held.length).map((g, i) => {
        const topic = topics.find((x) => x.id === g.topic_id)!;
        return { topic_id: g.topic_id, platform_id: g.platform_id, name_en: topic.name_en, name_fr: topic.name_fr, best_depth: i % 2 ? 'practised' : 'shown', sessions: [{ session_id: held[i].session_id, at: held[i].starts_at, depth: 'shown' }] };
      }),
      tasks: held.map((s, i) => ({ set_in: s.session_id, set_at: s.starts_at, task: 'Publish one post and note the reactions.', outcome: i < held.length - 1 ? 'done' : null, outcome_session_id: held[i + 1]?.session_id ?? null })),
      task_counts: { set: held.length, done: Math.max(0, held.length - 1), partly: 0, not_done: 0, open: held.length ? 1 : 0 },
      sessions: counts(sessions),
      hours_held: held.reduce((h, s) => h + s.hours, 0),
      session_list: sessions,
    };
  }

  function inScope(scope: ManagerScopeDto): Employee[] {
    if (scope.kind === 'department') {
      const all = [...employees.values()].filter((e) => e.department.toLowerCase() === scope.value.trim().toLowerCase());
      if (!all.length) fail('not_found', 'Nobody is in this department.');
      return all;
    }
    if (!employees.has(scope.value)) fail('not_found', 'No such employee.');
    const out: Employee[] = [];
    const queue = [scope.value];
    while (queue.length) {
      const boss = queue.shift()!;
      for (const e of employees.values()) if (e.manager_id === boss) (out.push(e), queue.push(e.id));
    }
    return out;
  }

  function managerView(scope: ManagerScopeDto, offset: number, limit: number): ManagerViewDto {
    if (!(limit >= 1 && limit <= 200)) fail('validation', 'A page holds 1 to 200 people.');
    const people = inScope(scope);
    const pairs = approvedPairs();
    const managed: ManagedPersonDto[] = people.flatMap((e): ManagedPersonDto[] => {
      const mine = pairs.filter((x) => x.pair.mentee_id === e.id || x.pair.mentor_id === e.id);
      if (!mine.length) return [];
      const sessions = mine.flatMap(({ program, pair }) => sessionsOf(program, pair));
      const held = sessions.filter((s) => s.status === 'held');
      const asMentee = mine.some((x) => x.pair.mentee_id === e.id);
      const progress = asMentee ? menteeProgress(e.id) : null;
      const summaries = held.filter((s) => s.summary).reverse();
      return [{
        person: person(e.id),
        sides: [...(asMentee ? (['mentee'] as const) : []), ...(mine.some((x) => x.pair.mentor_id === e.id) ? (['mentor'] as const) : [])],
        programs: [...new Map(mine.map(({ program }) => [program.id, { id: program.id, name: program.name, start_date: program.start_date, end_date: program.end_date }])).values()],
        platforms: (progress?.platforms ?? []).map((p) => ({ platform_id: p.platform_id, platform_name: p.platform_name, start: p.start, now: p.now, target: p.target })),
        sessions_held: held.length,
        hours_held: held.reduce((h, s) => h + s.hours, 0),
        last_session: held.at(-1)?.starts_at ?? null,
        next_session: sessions.find((s) => s.status === 'planned')?.starts_at ?? null,
        summaries: summaries.slice(0, 12).map((s) => {
          const pair = mine.find((x) => x.pair.id === s.pair_id)!.pair;
          return { session_id: s.session_id, pair_id: s.pair_id, program_id: s.program_id, at: s.starts_at, side: pair.mentee_id === e.id ? 'mentee' : 'mentor', with: person(pair.mentee_id === e.id ? pair.mentor_id : pair.mentee_id), summary: s.summary };
        }),
        summaries_total: summaries.length,
      }];
    });
    const label = scope.kind === 'department' ? scope.value : person(scope.value).full_name;
    managed.sort((a, b) => a.person.last_name.localeCompare(b.person.last_name) || a.person.first_name.localeCompare(b.person.first_name));
    return {
      scope,
      scope_label: label,
      as_of: new Date().toISOString(),
      people_in_scope: people.length,
      people_taking_part: managed.length,
      offset: Math.min(offset, managed.length),
      people: managed.slice(offset, offset + limit),
    };
  }

  function mentorRecognition(mentorId: string): MentorRecognitionDto {
    const mentor = person(mentorId);
    const mine = approvedPairs().filter((x) => x.pair.mentor_id === mentorId);
    const sessions = mine.flatMap(({ program, pair }) => sessionsOf(program, pair).filter((s) => s.status === 'held'));
    const hours = sessions.reduce((h, s) => h + s.hours, 0);
    const platforms = catalog().platforms.filter((p) => p.active).slice(0, 3);
    return {
      mentor,
      as_of: new Date().toISOString(),
      sessions_held: sessions.length,
      hours_held: hours,
      first_session: sessions[0]?.starts_at ?? null,
      last_session: sessions.at(-1)?.starts_at ?? null,
      rating: rating(sessions.map((s) => s.mentee_rating)),
      mentees: mine.map(({ pair }) => {
        const own = sessions.filter((s) => s.pair_id === pair.id);
        return { mentee: person(pair.mentee_id), program_id: pair.id, pair_id: pair.id, sessions_held: own.length, hours_held: own.reduce((h, s) => h + s.hours, 0) };
      }),
      platforms: sessions.length ? platforms.map((p, i) => ({ platform_id: p.id, platform_name: p.name, sessions: Math.max(1, sessions.length - i * 2), hours: Math.max(1, sessions.length - i * 2) })) : [],
      topics: sessions.length ? platforms.flatMap((p) => p.topics.slice(0, 2)).map((tp, i) => ({ topic_id: tp.id, platform_id: tp.platform_id, name_en: tp.name_en, name_fr: tp.name_fr, sessions: Math.max(1, 4 - i), hours: Math.max(1, 4 - i), depths: { shown: 1, practised: i % 3, done_alone: i % 2 } })) : [],
      programs: [...new Map(mine.map(({ program }) => [program.id, program])).values()].map((program) => ({ program: { id: program.id, name: program.name, start_date: program.start_date, end_date: program.end_date }, mentees: mine.filter((x) => x.program.id === program.id).length, sessions_held: sessions.filter((s) => s.program_id === program.id).length, hours_held: sessions.filter((s) => s.program_id === program.id).reduce((h, s) => h + s.hours, 0) })),
      session_ids: sessions.map((s) => s.session_id),
    };
  }

  function audienceOf(employeeId: string): AudienceFigureDto[] {
    if (!employees.has(employeeId)) fail('not_found', 'No such employee.');
    const own = audience.get(employeeId) ?? new Map<string, number>();
    return catalog().platforms.filter((p) => p.active).map((p) => ({ platform_id: p.id, platform_name: p.name, platform_active: true, followers: own.get(p.id) ?? null, updated_at: null }));
  }

  /** Seeds plausible follower figures for the participants, as the demo company has. */
  function seedAudience(role: (e: Employee) => ProgramRoleDto) {
    for (const e of employees.values()) {
      if (role(e) === 'none') continue;
      const random = rng(e.id);
      const figures = new Map<string, number>();
      for (const p of catalog().platforms) if (random() < 0.5) figures.set(p.id, Math.round(50 + random() * 1500));
      audience.set(e.id, figures);
    }
  }
  seedAudience((e) => e.role);

  /** Answers a progress command, or returns `undefined` when `cmd` is not one. */
  return function handle(cmd: string, args: Record<string, unknown>): unknown {
    switch (cmd) {
      case 'program_dashboard':
        return dashboard(args.programId as string);
      case 'mentee_progress':
        return menteeProgress(args.menteeId as string);
      case 'manager_view':
        return managerView(args.scope as ManagerScopeDto, args.offset as number, args.limit as number);
      case 'mentor_recognition':
        return mentorRecognition(args.mentorId as string);
      case 'employee_audience':
        return audienceOf(args.employeeId as string);
      case 'set_employee_audience': {
        const id = args.employeeId as string;
        audienceOf(id);
        const own = audience.get(id) ?? new Map<string, number>();
        for (const c of args.changes as AudienceChangeDto[]) {
          if (c.followers === null) own.delete(c.platform_id);
          else own.set(c.platform_id, c.followers);
        }
        audience.set(id, own);
        return audienceOf(id);
      }
      case 'export_dashboard_csv':
      case 'export_dashboard_xlsx':
      case 'export_manager_view_csv':
      case 'export_manager_view_xlsx':
      case 'export_mentor_summary':
        return `~/Downloads/${cmd.replace('export_', '')}`;
      case 'print_page':
        window.print();
        return null;
      default:
        return undefined;
    }
  };
}
