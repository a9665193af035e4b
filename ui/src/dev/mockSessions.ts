/**
 * The session commands for `npm run dev:mock` (see mockBackend.ts): sessions, logs and charter
 * acknowledgements kept in memory for the approved pairs of the mock programs. Free slots are
 * made up (weekdays at 10:00 and 15:00 in the mentor's zone, skipping the pair's own sessions);
 * the real scheduling from both agendas is in tandem-core.
 */
import type { CatalogDto, EmployeeDetailDto, ErrorDto, FieldErrorDto } from '../api';
import type { PairDto, ProgramDto, ProgramPersonDto } from '../api/programs';
import type {
  AgendaEntryDto,
  CancelledByDto,
  LogInputDto,
  MyPairDto,
  PairOverviewDto,
  PairPageDto,
  SessionDto,
  SessionLogDto,
  SlotDto,
  TimelineEntryDto,
} from '../api/sessions';

type Employee = Omit<EmployeeDetailDto, 'manager' | 'direct_reports' | 'version'> & { manager_id: string | null };
type Programs = (cmd: string, args: Record<string, unknown>) => unknown;

const DAY = 86_400_000;

function fail(code: string, message: string, fields: FieldErrorDto[] = []): never {
  const error: ErrorDto = { code, key: null, params: {}, message, fields };
  throw error;
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function wallClock(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(ms));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/**
 * `acting` is the person the app acts for (the one HR views as), or null for HR at the keyboard:
 * `my_pairs` and the week are theirs.
 */
export function createSessionsMock(employees: Map<string, Employee>, programs: Programs, catalog: () => CatalogDto, acting: () => string | null) {
  const sessions = new Map<string, SessionDto>();
  const logs = new Map<string, SessionLogDto>();
  const acks = new Map<string, string>();
  let reminder = 15;
  let next = 1;

  function person(id: string): ProgramPersonDto {
    const e = employees.get(id);
    if (!e) fail('not_found', 'No such employee.');
    return { id, first_name: e.first_name, last_name: e.last_name, full_name: `${e.first_name} ${e.last_name}`, email: e.email, department: e.department, title: e.title, active: e.active };
  }
  const zone = (id: string) => employees.get(id)?.timezone || 'Europe/Paris';

  function approved(): { program: ProgramDto; pair: PairDto }[] {
    return (programs('list_programs', {}) as ProgramDto[]).flatMap((program) =>
      (programs('list_pairs', { programId: program.id }) as PairDto[]).filter((p) => p.status === 'approved').map((pair) => ({ program, pair })),
    );
  }
  function pairOf(id: unknown): { program: ProgramDto; pair: PairDto } {
    const found = approved().find((x) => x.pair.id === String(id));
    if (!found) fail('not_found', `No approved pair ${String(id)}.`);
    return found;
  }
  function session(id: unknown): SessionDto {
    const s = sessions.get(String(id));
    if (!s) fail('not_found', `No session ${String(id)}.`);
    return s;
  }
  const ofPair = (pairId: string) => [...sessions.values()].filter((s) => s.pair_id === pairId).sort((a, b) => a.starts_at.localeCompare(b.starts_at));
  const touch = (s: SessionDto) => sessions.set(s.id, { ...s, sequence: s.sequence + 1 });

  function create(pairId: string, start: number, minutes: number, location: string, seriesId: string | null): SessionDto {
    const { program, pair } = pairOf(pairId);
    const busy = [...sessions.values()].find(
      (s) => s.status !== 'cancelled' && (s.mentor_id === pair.mentor_id || s.mentee_id === pair.mentee_id) && Date.parse(s.starts_at) < start + minutes * 60000 && start < Date.parse(s.ends_at),
    );
    if (busy) fail('conflict', `This person already has a session at ${busy.starts_at}: choose another time.`);
    const s: SessionDto = {
      id: `sess-${next++}`, pair_id: pair.id, program_id: program.id, mentor_id: pair.mentor_id, mentee_id: pair.mentee_id,
      starts_at: iso(start), ends_at: iso(start + minutes * 60000), timezone: zone(pair.mentor_id), minutes, location: location.trim(),
      status: 'planned', cancelled_by: null, cancel_reason: '', series_id: seriesId, sequence: 0,
    };
    sessions.set(s.id, s);
    return s;
  }

  function slots(pairId: string, from: number, to: number): SlotDto[] {
    const { program, pair } = pairOf(pairId);
    const out: SlotDto[] = [];
    const taken = ofPair(pairId).filter((s) => s.status !== 'cancelled');
    for (let day = Math.floor(Math.max(from, Date.now()) / DAY) * DAY; day < to && out.length < 40; day += DAY) {
      const weekday = new Date(day).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      for (const hour of [9, 14]) {
        const start = day + hour * 3_600_000;
        const end = start + program.session_minutes * 60000;
        if (start < Math.max(from, Date.now()) || start >= to) continue;
        if (taken.some((s) => Date.parse(s.starts_at) < end && start < Date.parse(s.ends_at))) continue;
        out.push({ starts_at: iso(start), ends_at: iso(end), mentor_local: wallClock(start, zone(pair.mentor_id)), mentee_local: wallClock(start, zone(pair.mentee_id)) });
      }
    }
    return out;
  }

  function page(pairId: string): PairPageDto {
    const { program, pair } = pairOf(pairId);
    const list = ofPair(pairId);
    const now = Date.now();
    const timeline: TimelineEntryDto[] = list.map((s) => ({ session: s, log: logs.get(s.id) ?? null }));
    const counts = counts_(list);
    const nextSession = list.find((s) => s.status === 'planned' && Date.parse(s.starts_at) > now) ?? null;
    const lastLog = [...timeline].reverse().find((e) => e.log);
    const charter = [pair.mentor_id, pair.mentee_id].map((id, i) => ({ person: person(id), side: i === 0 ? ('mentor' as const) : ('mentee' as const), acknowledged_at: acks.get(`${program.id}/${id}`) ?? null }));
    return {
      pair: {
        id: pair.id,
        program: { id: program.id, name: program.name, start_date: program.start_date, end_date: program.end_date, cadence_weeks: program.cadence_weeks, session_minutes: program.session_minutes, charter: program.charter },
        mentor: { person: person(pair.mentor_id), timezone: zone(pair.mentor_id) },
        mentee: { person: person(pair.mentee_id), timezone: zone(pair.mentee_id) },
        status: pair.status,
        approved_at: null,
      },
      risks: risks(list),
      charter,
      charter_complete: !program.charter.trim() || charter.every((c) => c.acknowledged_at),
      timeline,
      next_session: nextSession,
      open_task: lastLog?.log?.task_set ? { task: lastLog.log.task_set, set_at: lastLog.session.starts_at } : null,
      goals: [],
      cover_next: [],
      counts,
    };
  }

  function overview(pairId: string): PairOverviewDto {
    const p = page(pairId);
    const held = ofPair(pairId).filter((s) => s.status === 'held');
    return { pair_id: pairId, mentor: p.pair.mentor.person, mentee: p.pair.mentee.person, next_session: p.next_session, last_held: held.at(-1)?.starts_at ?? null, counts: p.counts, risks: p.risks };
  }

  function counts_(list: SessionDto[]) {
    const now = Date.now();
    const held = list.filter((s) => s.status === 'held');
    return {
      held: held.length,
      upcoming: list.filter((s) => s.status === 'planned' && Date.parse(s.starts_at) > now).length,
      to_mark: list.filter((s) => s.status === 'planned' && Date.parse(s.starts_at) <= now).length,
      cancelled: list.filter((s) => s.status === 'cancelled').length,
      no_show: list.filter((s) => s.status === 'no_show').length,
      unlogged: held.filter((s) => !logs.has(s.id)).length,
      minutes_held: held.reduce((a, s) => a + s.minutes, 0),
    };
  }

  function risks(list: SessionDto[]): PairPageDto['risks'] {
    const past = list.filter((s) => s.status === 'cancelled' || Date.parse(s.starts_at) <= Date.now()).reverse();
    let run = 0;
    while (run < past.length && past[run].status === 'cancelled') run++;
    return run >= 2 ? [{ kind: 'consecutive_cancellations', count: run }] : [];
  }

  function agenda(s: SessionDto): AgendaEntryDto {
    const program = (programs('list_programs', {}) as ProgramDto[]).find((p) => p.id === s.program_id);
    return { session: s, program_name: program?.name ?? '', mentor: person(s.mentor_id), mentee: person(s.mentee_id) };
  }

  function topicName(id: string) {
    const topic = catalog().platforms.flatMap((p) => p.topics).find((t) => t.id === id);
    if (!topic) fail('validation', 'Unknown topic.', [{ field: 'topics', key: 'topic_unknown', message: `Unknown topic ${id}.`, params: {} }]);
    return { id: topic.id, platform_id: topic.platform_id, name_en: topic.name_en, name_fr: topic.name_fr };
  }

  /** Answers a session command, or returns `undefined` when `cmd` is not one. */
  return function handle(cmd: string, args: Record<string, unknown>): unknown {
    switch (cmd) {
      case 'get_pair_page':
        return page(String(args.pairId));
      case 'list_pairs_with_sessions':
        return approved()
          .filter((x) => x.program.id === String(args.programId))
          .map(({ pair }) => overview(pair.id));
      case 'my_pairs': {
        const me = acting();
        if (!me) return [];
        return approved()
          .filter(({ pair }) => pair.mentee_id === me || pair.mentor_id === me)
          .map(({ program, pair }): MyPairDto => {
            const side = pair.mentee_id === me ? 'mentee' : 'mentor';
            const unconfirmed = ofPair(pair.id).reduce((n, s) => n + (logs.get(s.id)?.self_assessments.filter((a) => a.confirmed_at === null).length ?? 0), 0);
            return {
              program_id: program.id,
              program_name: program.name,
              side,
              overview: overview(pair.id),
              charter_acknowledged: !program.charter.trim() || acks.has(`${program.id}/${me}`),
              levels_to_confirm: side === 'mentor' ? unconfirmed : 0,
            };
          });
      }
      case 'propose_slots':
        return slots(String(args.pairId), Date.parse(String(args.from)), Date.parse(String(args.to)));
      case 'propose_series': {
        const { program } = pairOf(args.pairId);
        const first = Date.parse(String(args.firstStart));
        const end = Date.parse(`${program.end_date}T23:59:59Z`);
        const occurrences = [];
        for (let at = first, i = 0; at < end; at += program.cadence_weeks * 7 * DAY, i++) {
          const free = slots(String(args.pairId), at, at + 1).find((s) => Date.parse(s.starts_at) === at) ?? null;
          occurrences.push({ index: i, wanted_start: iso(at), slot: free, shifted: false });
        }
        const planned = occurrences.filter((o) => o.slot).length;
        return { pair_id: String(args.pairId), cadence_weeks: program.cadence_weeks, session_minutes: program.session_minutes, timezone: 'Europe/Paris', occurrences, planned_count: planned, missing_count: occurrences.length - planned };
      }
      case 'plan_series': {
        const { program } = pairOf(args.pairId);
        const series = `series-${next++}`;
        return (args.starts as string[]).map((s) => create(String(args.pairId), Date.parse(s), program.session_minutes, String(args.location ?? ''), series));
      }
      case 'create_session': {
        const start = Date.parse(String(args.startsAt));
        return create(String(args.pairId), start, Math.round((Date.parse(String(args.endsAt)) - start) / 60000), String(args.location ?? ''), null);
      }
      case 'move_session': {
        const s = session(args.sessionId);
        if (s.status !== 'planned') fail('conflict', 'Only a planned session can be moved.');
        sessions.delete(s.id);
        try {
          const moved = create(s.pair_id, Date.parse(String(args.startsAt)), s.minutes, s.location, s.series_id);
          sessions.delete(moved.id);
          sessions.set(s.id, { ...moved, id: s.id, sequence: s.sequence + 1 });
        } catch (e) {
          sessions.set(s.id, s);
          throw e;
        }
        return session(s.id);
      }
      case 'cancel_session': {
        const s = session(args.sessionId);
        const reason = String(args.reason ?? '').trim();
        if (!reason) fail('validation', 'Give a reason.', [{ field: 'reason', key: 'required', message: 'give the reason for the cancellation', params: {} }]);
        touch({ ...s, status: 'cancelled', cancelled_by: args.cancelledBy as CancelledByDto, cancel_reason: reason });
        return session(s.id);
      }
      case 'mark_held':
        touch({ ...session(args.sessionId), status: 'held' });
        return session(args.sessionId);
      case 'mark_no_show':
        touch({ ...session(args.sessionId), status: 'no_show' });
        return session(args.sessionId);
      case 'set_session_location':
        touch({ ...session(args.sessionId), location: String(args.location ?? '') });
        return session(args.sessionId);
      case 'save_session_log': {
        const s = session(args.sessionId);
        const input = args.input as LogInputDto;
        if (input.topics.length === 0) fail('validation', 'Choose a topic.', [{ field: 'topics', key: 'required', message: 'choose at least one topic', params: {} }]);
        const now = iso(Date.now());
        const log: SessionLogDto = {
          session_id: s.id,
          topics: input.topics.map((t) => ({ topic: topicName(t.topic_id), depth: t.depth })),
          task_set: input.task_set, previous_task_outcome: input.previous_task_outcome, previous_task: null,
          summary: input.summary, private_notes: input.private_notes, mentee_rating: input.mentee_rating, mentor_rating: input.mentor_rating,
          self_assessments: input.self_assessment.map((a) => ({ topic: topicName(a.topic_id), level: a.level, confirmed_at: null })),
          created_at: logs.get(s.id)?.created_at ?? now, updated_at: now,
        };
        logs.set(s.id, log);
        return log;
      }
      case 'confirm_self_assessment': {
        const log = logs.get(String(args.sessionId));
        if (!log) fail('not_found', 'No log.');
        const now = iso(Date.now());
        logs.set(log.session_id, { ...log, self_assessments: log.self_assessments.map((a) => ({ ...a, confirmed_at: a.confirmed_at ?? now })) });
        return logs.get(log.session_id);
      }
      case 'acknowledge_charter': {
        const key = `${String(args.programId)}/${String(args.employeeId)}`;
        if (!acks.has(key)) acks.set(key, iso(Date.now()));
        return { person: person(String(args.employeeId)), side: 'mentor', acknowledged_at: acks.get(key) };
      }
      case 'charter_status': {
        const program = (programs('get_program', { programId: args.programId }) as ProgramDto);
        return { program_id: program.id, charter: program.charter, entries: [], acknowledged: 0, pending: 0 };
      }
      case 'upcoming_sessions': {
        const from = Date.parse(String(args.from));
        const to = Date.parse(String(args.to));
        return [...sessions.values()]
          .filter((s) => Date.parse(s.starts_at) >= from && Date.parse(s.starts_at) < to)
          .filter((s) => {
            // Someone signed in (here: the person HR views as) sees their own sessions only.
            const who = acting() ?? args.employeeId;
            return !who || s.mentor_id === who || s.mentee_id === who;
          })
          .sort((a, b) => a.starts_at.localeCompare(b.starts_at))
          .map(agenda);
      }
      case 'get_reminder_minutes':
        return reminder;
      case 'set_reminder_minutes': {
        const minutes = Number(args.minutes);
        if (!(minutes >= 0 && minutes <= 1440)) fail('validation', 'Out of range.', [{ field: 'reminder_minutes', key: 'out_of_range', message: '0 to 1440 minutes', params: {} }]);
        reminder = minutes;
        return reminder;
      }
      case 'export_session_ics':
        return `~/Documents/tandem-${session(args.sessionId).starts_at.slice(0, 10)}.ics`;
      case 'export_pair_ics':
        return `~/Documents/tandem-${String(args.pairId)}.ics`;
      default:
        return undefined;
    }
  };
}
