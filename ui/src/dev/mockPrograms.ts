/**
 * The programs and matching commands for `npm run dev:mock` (see mockBackend.ts): an in-memory
 * stand-in good enough to work on the program screens in a browser. Scores are made up from the
 * employees' skills and interests and the "matching" is greedy; the real, optimal matching is in
 * tandem-core.
 */
import type { EmployeeDetailDto, ErrorDto, FieldErrorDto, ProfileGapDto } from '../api';
import type {
  AlternativeMentorDto,
  ConstraintDto,
  MatchingSettingsDto,
  PairExplanationDto,
  PairDto,
  PartsDto,
  ProgramDto,
  ProgramInputDto,
  ProgramPersonDto,
  ReviewPairDto,
  SettingsChangeDto,
  SideDto,
  WeightsDto,
  WhyNotDto,
} from '../api/programs';

type Employee = Omit<EmployeeDetailDto, 'manager' | 'direct_reports' | 'version'> & { manager_id: string | null };

interface Program {
  dto: Omit<ProgramDto, 'mentor_count' | 'mentee_count' | 'proposed_count' | 'approved_count'>;
  participants: Map<string, { side: SideDto; capacity: number | null }>;
  pairs: Map<string, PairDto>;
  exclusions: Set<string>;
}

function fail(code: string, message: string, fields: FieldErrorDto[] = []): never {
  const error: ErrorDto = { code, key: null, params: {}, message, fields };
  throw error;
}

const PARTS = ['skill', 'interests', 'availability', 'adoption', 'comfort'] as const;

/**
 * What a profile lacks for the sides read (a learning goal for a mentee, a skill for a mentor,
 * availability for everyone): the mock's copy of tandem-core's `domain/profile.rs`, which owns it.
 */
export function mockProfileGaps(e: Pick<Employee, 'skills' | 'availability'>, sides: { mentee: boolean; mentor: boolean }): ProfileGapDto[] {
  const gaps: ProfileGapDto[] = [];
  if (sides.mentee && !e.skills.some((s) => s.target !== null)) gaps.push('goals');
  if (sides.mentor && e.skills.length === 0) gaps.push('skills');
  if (e.availability.length === 0) gaps.push('availability');
  return gaps;
}

export function createProgramsMock(employees: Map<string, Employee>, catalogTopics: () => { id: string; platform_id: string; name_en: string; name_fr: string }[]) {
  const programs = new Map<string, Program>();
  let next = 1;

  const person = (id: string): ProgramPersonDto => {
    const e = employees.get(id);
    if (!e) fail('not_found', `No employee ${id}.`);
    return { id, first_name: e.first_name, last_name: e.last_name, full_name: `${e.first_name} ${e.last_name}`, email: e.email, department: e.department, title: e.title, active: e.active };
  };

  function get(id: unknown): Program {
    const p = programs.get(String(id));
    if (!p) fail('not_found', `No program ${String(id)}.`);
    return p;
  }

  function dto(p: Program): ProgramDto {
    const sides = [...p.participants.values()];
    const pairs = [...p.pairs.values()];
    return {
      ...p.dto,
      mentor_count: sides.filter((s) => s.side === 'mentor').length,
      mentee_count: sides.filter((s) => s.side === 'mentee').length,
      proposed_count: pairs.filter((x) => x.status === 'proposed').length,
      approved_count: pairs.filter((x) => x.status === 'approved').length,
    };
  }

  function validate(input: ProgramInputDto): void {
    const fields: FieldErrorDto[] = [];
    if (!input.name.trim()) fields.push({ field: 'name', key: 'required', message: 'give the program a name', params: {} });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.start_date)) fields.push({ field: 'start_date', key: 'date_invalid', message: 'not a date', params: {} });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.end_date)) fields.push({ field: 'end_date', key: 'date_invalid', message: 'not a date', params: {} });
    else if (input.end_date <= input.start_date) fields.push({ field: 'end_date', key: 'end_before_start', message: 'the program must end after it starts', params: {} });
    if (input.cadence_weeks < 1 || input.cadence_weeks > 12) fields.push({ field: 'cadence_weeks', key: 'cadence_invalid', message: '1 to 12 weeks', params: {} });
    if (input.session_minutes < 30 || input.session_minutes > 180) fields.push({ field: 'session_minutes', key: 'session_length_invalid', message: '30 to 180 minutes', params: {} });
    if (PARTS.every((k) => input.matching.weights[k] <= 0)) fields.push({ field: 'weights', key: 'weights_all_zero', message: 'all weights are 0', params: {} });
    if (fields.length) fail('validation', 'Some fields are invalid.', fields);
  }

  function parts(menteeId: string, mentorId: string): PartsDto {
    const a = employees.get(menteeId);
    const b = employees.get(mentorId);
    if (!a || !b) return { skill: 0, interests: 0, availability: 0, adoption: 0, comfort: 0 };
    const goals = a.skills.filter((s) => s.target !== null);
    const covered = goals.filter((g) => b.skills.some((s) => s.topic_id === g.topic_id && s.level >= (g.target ?? 0))).length;
    const shared = a.interests.filter((i) => b.interests.includes(i)).length;
    return {
      skill: goals.length ? covered / goals.length : 0.2,
      interests: Math.min(1, shared / 2),
      availability: a.availability.length && b.availability.length ? 0.5 : 0,
      adoption: ((a.id.length * 7 + b.id.length * 3 + Number(a.id.slice(1)) + Number(b.id.slice(1))) % 5) / 4,
      comfort: (a.site === b.site ? 0.5 : 0) + (a.languages.some((l) => b.languages.includes(l)) ? 0.5 : 0),
    };
  }

  function score(w: WeightsDto, p: PartsDto): number {
    const total = PARTS.reduce((s, k) => s + w[k], 0) || 1;
    return PARTS.reduce((s, k) => s + (w[k] * p[k]) / total, 0);
  }

  const blocked = (p: Program, mentee: string, mentor: string) =>
    p.exclusions.has(`${mentee}|${mentor}`) || employees.get(mentee)?.manager_id === mentor || employees.get(mentor)?.manager_id === mentee;

  /** Greedy stand-in for the engine: best scores first, locked and approved pairs kept. */
  function solve(p: Program, settings: MatchingSettingsDto): Map<string, PairDto> {
    const out = new Map<string, PairDto>();
    const load = new Map<string, number>();
    for (const pair of p.pairs.values()) {
      if (pair.locked || pair.status === 'approved') {
        out.set(pair.mentee_id, pair);
        load.set(pair.mentor_id, (load.get(pair.mentor_id) ?? 0) + 1);
      }
    }
    const mentees = [...p.participants].filter(([id, s]) => s.side === 'mentee' && !out.has(id)).map(([id]) => id);
    const mentors = [...p.participants].filter(([, s]) => s.side === 'mentor');
    const options: { mentee: string; mentor: string; score: number; parts: PartsDto }[] = [];
    for (const mentee of mentees) {
      for (const [mentor] of mentors) {
        if (blocked(p, mentee, mentor)) continue;
        const pp = parts(mentee, mentor);
        options.push({ mentee, mentor, parts: pp, score: score(settings.weights, pp) });
      }
    }
    options.sort((a, b) => b.score - a.score);
    for (const o of options) {
      const cap = p.participants.get(o.mentor)?.capacity ?? settings.default_capacity;
      if (out.has(o.mentee) || (load.get(o.mentor) ?? 0) >= cap) continue;
      out.set(o.mentee, { id: `pair-${next++}`, mentee_id: o.mentee, mentor_id: o.mentor, status: 'proposed', locked: false, manual: false, score: o.score, parts: o.parts, version: 0 });
      load.set(o.mentor, (load.get(o.mentor) ?? 0) + 1);
    }
    return out;
  }

  function alternatives(p: Program, mentee: string, except: string | null): AlternativeMentorDto[] {
    const load = new Map<string, number>();
    for (const x of p.pairs.values()) load.set(x.mentor_id, (load.get(x.mentor_id) ?? 0) + 1);
    return [...p.participants]
      .filter(([id, s]) => s.side === 'mentor' && id !== except && !blocked(p, mentee, id))
      .map(([id, s]) => ({ mentor: person(id), score: score(p.dto.matching.weights, parts(mentee, id)), full: (load.get(id) ?? 0) >= (s.capacity ?? p.dto.matching.default_capacity) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, 3);
  }

  function explain(menteeId: string, mentorId: string, pp: PartsDto, total: number, blockedBy: ConstraintDto | null): PairExplanationDto {
    const a = employees.get(menteeId);
    const b = employees.get(mentorId);
    const topics = catalogTopics();
    const goals = (a?.skills ?? []).filter((s) => s.target !== null);
    return {
      score: total,
      parts: pp,
      contributions: pp,
      covered_goals: goals.flatMap((g) => {
        const m = b?.skills.find((s) => s.topic_id === g.topic_id && s.level > g.level);
        const topic = topics.find((t) => t.id === g.topic_id);
        return m && topic ? [{ topic, mentee_level: g.level, mentee_target: g.target ?? g.level, mentor_level: m.level, covered: Math.max(0, Math.min(m.level, g.target ?? 0) - g.level) }] : [];
      }),
      shared_interests: (a?.interests ?? []).filter((i) => b?.interests.includes(i)),
      overlap_minutes: pp.availability > 0 ? 90 : 0,
      same_site: a?.site === b?.site,
      shared_languages: (a?.languages ?? []).filter((l) => b?.languages.includes(l)),
      adoption_rule: 'mock',
      blocked_by: blockedBy,
    };
  }

  function review(p: Program, pair: PairDto): ReviewPairDto {
    return {
      pair,
      mentee: person(pair.mentee_id),
      mentor: person(pair.mentor_id),
      explanation: explain(pair.mentee_id, pair.mentor_id, pair.parts, pair.score, null),
      alternatives: alternatives(p, pair.mentee_id, pair.mentor_id),
      removed: [],
    };
  }

  /** Every hard constraint that rules the pair out, in the order the engine checks them. */
  function constraints(p: Program, menteeId: string, mentorId: string): ConstraintDto[] {
    const a = employees.get(menteeId);
    const b = employees.get(mentorId);
    const out: ConstraintDto[] = [];
    if (menteeId === mentorId) out.push('same_person');
    if (p.exclusions.has(`${menteeId}|${mentorId}`)) out.push('excluded');
    if (a?.manager_id === mentorId || b?.manager_id === menteeId) out.push('reporting_chain');
    if (a && b && a.manager_id !== null && a.manager_id === b.manager_id) out.push('same_team');
    if (a && b && !a.languages.some((l) => b.languages.includes(l))) out.push('no_shared_language');
    if (p.dto.matching.require_different_department && a && b && a.department === b.department) out.push('same_department');
    return out;
  }

  function settingsOf(p: Program, change: SettingsChangeDto): MatchingSettingsDto {
    return {
      weights: change.weights ?? p.dto.matching.weights,
      default_capacity: change.default_capacity ?? p.dto.matching.default_capacity,
      require_different_department: change.require_different_department ?? p.dto.matching.require_different_department,
    };
  }

  function run(p: Program, settings: MatchingSettingsDto) {
    const kept = [...p.pairs.values()].filter((x) => x.locked || x.status === 'approved').length;
    p.pairs = solve(p, settings);
    const mentees = [...p.participants.values()].filter((s) => s.side === 'mentee').length;
    const total = [...p.pairs.values()].reduce((s, x) => s + x.score, 0);
    return { pairs: p.pairs.size, kept, unmatched: mentees - p.pairs.size, total_score: total, elapsed_ms: 3 };
  }

  /** Answers a programs command, or returns `undefined` when `cmd` is not one. */
  return function handle(cmd: string, args: Record<string, unknown>): unknown {
    switch (cmd) {
      case 'list_programs':
        return [...programs.values()].map(dto);
      case 'get_program':
        return dto(get(args.programId));
      case 'create_program': {
        const input = args.input as ProgramInputDto;
        validate(input);
        const id = `prog-${next++}`;
        const now = new Date().toISOString();
        programs.set(id, { dto: { id, ...input, name: input.name.trim(), created_at: now, updated_at: now }, participants: new Map(), pairs: new Map(), exclusions: new Set() });
        return dto(get(id));
      }
      case 'update_program': {
        const p = get(args.programId);
        const input = args.input as ProgramInputDto;
        validate(input);
        p.dto = { ...p.dto, ...input, updated_at: new Date().toISOString() };
        return dto(p);
      }
      case 'delete_program': {
        const p = get(args.programId);
        if (dto(p).approved_count > 0) fail('conflict', 'Approved pairs cannot be deleted.');
        programs.delete(p.dto.id);
        return null;
      }
      case 'list_participants': {
        const p = get(args.programId);
        return [...p.participants]
          .map(([id, s]) => ({
            person: person(id),
            side: s.side,
            capacity_override: s.capacity,
            capacity: s.side === 'mentee' ? 1 : (s.capacity ?? p.dto.matching.default_capacity),
            profile_gaps: mockProfileGaps(employees.get(id)!, { mentee: s.side === 'mentee', mentor: s.side === 'mentor' }),
          }))
          .sort((a, b) => a.person.last_name.localeCompare(b.person.last_name));
      }
      case 'add_participants': {
        const p = get(args.programId);
        for (const id of args.employeeIds as string[]) {
          if (p.participants.has(id)) fail('validation', 'Already in.', [{ field: 'employee_ids', key: 'already_participant', message: `${person(id).full_name} is already in this program`, params: {} }]);
          p.participants.set(id, { side: args.side as SideDto, capacity: null });
        }
        return handle('list_participants', args);
      }
      case 'add_all_eligible': {
        const p = get(args.programId);
        const side = args.side as SideDto;
        let added = 0;
        for (const e of employees.values()) {
          const fits = e.role === 'both' || e.role === side;
          if (!e.active || !fits || p.participants.has(e.id) || (args.department && e.department !== args.department)) continue;
          if (added >= 60) break;
          p.participants.set(e.id, { side, capacity: null });
          added++;
        }
        return added;
      }
      case 'remove_participant': {
        const p = get(args.programId);
        p.participants.delete(String(args.employeeId));
        for (const [k, x] of p.pairs) if (x.mentee_id === args.employeeId || x.mentor_id === args.employeeId) p.pairs.delete(k);
        return null;
      }
      case 'set_mentor_capacity': {
        const s = get(args.programId).participants.get(String(args.mentorId));
        if (s) s.capacity = args.capacity as number | null;
        return null;
      }
      case 'run_matching': {
        const p = get(args.programId);
        return run(p, p.dto.matching);
      }
      case 'list_pairs':
        return [...get(args.programId).pairs.values()];
      case 'get_proposal': {
        const p = get(args.programId);
        const pairs = [...p.pairs.values()].map((x) => review(p, x)).sort((a, b) => a.mentee.last_name.localeCompare(b.mentee.last_name));
        const unmatched = [...p.participants]
          .filter(([id, s]) => s.side === 'mentee' && !p.pairs.has(id))
          .map(([id]) => ({ mentee: person(id), reason: 'allowed_mentors_full' as const, alternatives: alternatives(p, id, null), removed: [] }));
        const d = dto(p);
        return { pairs, unmatched, total_score: pairs.reduce((s, x) => s + x.pair.score, 0), mentor_count: d.mentor_count, mentee_count: d.mentee_count };
      }
      case 'why_not': {
        const p = get(args.programId);
        const mentee = String(args.menteeId);
        const mentor = String(args.mentorId);
        const ruledOut = constraints(p, mentee, mentor);
        const pp = parts(mentee, mentor);
        const load = [...p.pairs.values()].filter((x) => x.mentor_id === mentor && x.mentee_id !== mentee).length;
        const why: WhyNotDto = {
          mentee: person(mentee),
          mentor: person(mentor),
          constraints: ruledOut,
          mentor_capacity: p.participants.get(mentor)?.capacity ?? p.dto.matching.default_capacity,
          mentor_load: load,
          explanation: explain(mentee, mentor, pp, score(p.dto.matching.weights, pp), ruledOut[0] ?? null),
        };
        return why;
      }
      case 'set_pair_locked': {
        const pair = get(args.programId).pairs.get(String(args.menteeId));
        if (!pair) fail('not_found', 'No such pair.');
        pair.locked = args.locked as boolean;
        return null;
      }
      case 'exclude_pair': {
        const p = get(args.programId);
        p.exclusions.add(`${args.menteeId}|${args.mentorId}`);
        if (p.pairs.get(String(args.menteeId))?.mentor_id === args.mentorId) p.pairs.delete(String(args.menteeId));
        return null;
      }
      case 'include_pair':
        get(args.programId).exclusions.delete(`${args.menteeId}|${args.mentorId}`);
        return null;
      case 'list_exclusions':
        return [...get(args.programId).exclusions].map((k) => {
          const [mentee, mentor] = k.split('|');
          return { mentee: person(mentee), mentor: person(mentor) };
        });
      case 'assign_mentor': {
        const p = get(args.programId);
        const mentee = String(args.menteeId);
        const mentor = String(args.mentorId);
        const load = [...p.pairs.values()].filter((x) => x.mentor_id === mentor && x.mentee_id !== mentee).length;
        const cap = p.participants.get(mentor)?.capacity ?? p.dto.matching.default_capacity;
        const warnings = load >= cap ? [{ kind: 'mentor_full' as const, capacity: cap, load }] : [];
        if (warnings.length && !args.force) return { applied: false, warnings };
        const pp = parts(mentee, mentor);
        p.pairs.set(mentee, { id: `pair-${next++}`, mentee_id: mentee, mentor_id: mentor, status: 'proposed', locked: true, manual: true, score: score(p.dto.matching.weights, pp), parts: pp, version: 0 });
        return { applied: true, warnings };
      }
      case 'approve_pair': {
        const pair = get(args.programId).pairs.get(String(args.menteeId));
        if (!pair) fail('not_found', 'No such pair.');
        pair.status = 'approved';
        return null;
      }
      case 'approve_all': {
        let n = 0;
        for (const x of get(args.programId).pairs.values()) if (x.status === 'proposed') (x.status = 'approved'), n++;
        return n;
      }
      case 'what_if': {
        const p = get(args.programId);
        const after = solve(p, settingsOf(p, args.change as SettingsChangeDto));
        const key = (x: PairDto) => `${x.mentee_id}|${x.mentor_id}`;
        const before = new Map([...p.pairs.values()].map((x) => [key(x), x]));
        const now = new Map([...after.values()].map((x) => [key(x), x]));
        const diff = (x: PairDto) => ({ mentee: person(x.mentee_id), mentor: person(x.mentor_id), score: x.score });
        return {
          added: [...now].filter(([k]) => !before.has(k)).map(([, x]) => diff(x)),
          removed: [...before].filter(([k]) => !now.has(k)).map(([, x]) => diff(x)),
          total_before: [...p.pairs.values()].reduce((s, x) => s + x.score, 0),
          total_after: [...after.values()].reduce((s, x) => s + x.score, 0),
          matched_before: p.pairs.size,
          matched_after: after.size,
          elapsed_ms: 2,
        };
      }
      case 'apply_settings': {
        const p = get(args.programId);
        p.dto = { ...p.dto, matching: settingsOf(p, args.change as SettingsChangeDto), updated_at: new Date().toISOString() };
        return run(p, p.dto.matching);
      }
      case 'export_pairs_csv':
        return `~/Documents/${get(args.programId).dto.name}-pairs.csv`;
      case 'export_score_matrix_csv':
        return `~/Documents/${get(args.programId).dto.name}-scores.csv`;
      default:
        return undefined;
    }
  };
}
