/**
 * An in-memory stand-in for the Rust commands, used only by `npm run dev:mock` to work on the UI in a
 * plain browser. It is loaded behind `import.meta.env.MODE === 'mock'`, so production builds never
 * include it. It follows docs/ipc.md closely enough to exercise every screen, with 20,000 employees.
 */
import { mockIPC } from '@tauri-apps/api/mocks';
import { emit } from '@tauri-apps/api/event';
import { createProgramsMock } from './mockPrograms';
import { createSessionsMock } from './mockSessions';
import { createProgressMock } from './mockProgress';
import { createAccessMock } from './mockAccess';
import type {
  CatalogDto,
  ColumnMappingDto,
  DirectoryQueryDto,
  EmployeeDetailDto,
  EmployeeInputDto,
  ErrorDto,
  FieldChangeDto,
  FieldErrorDto,
  ImportFieldDto,
  ImportPreviewDto,
  LanguageDto,
  PersonRefDto,
  PlatformInputDto,
  RejectedReasonDto,
  TopicInputDto,
} from '../api';

type Stored = Omit<EmployeeDetailDto, 'manager' | 'direct_reports' | 'version'> & { manager_id: string | null; version?: number };

let seed = 42;
/** mulberry32: small, deterministic and well spread. */
function rand(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
  return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
}
function pick<T>(items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)];
}

const FIRST = ['Camille', 'Léa', 'Hugo', 'Lucas', 'Chloé', 'Emma', 'Louis', 'Jules', 'Inès', 'Nathan', 'Sarah', 'Thomas', 'Manon', 'Paul', 'Zoé', 'Arthur', 'Alice', 'Gabriel', 'Jeanne', 'Mathis', 'Anne', 'Philippe', 'Isabelle', 'Bernard', 'Catherine', 'Michel', 'Sylvie', 'Olivier'];
const LAST = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard', 'André', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François'];
const DEPTS = ['Finance', 'Marketing', 'Sales', 'Human Resources', 'IT', 'Legal', 'Operations', 'Communication', 'Purchasing', 'R&D'];
const TITLES = ['Analyst', 'Manager', 'Director', 'Engineer', 'Consultant', 'Assistant', 'Head of unit', 'Project lead', 'Officer', 'Vice president'];
const SITES = ['Paris', 'Lyon', 'Nantes', 'Lille', 'Bordeaux', 'Toulouse'];
const INTERESTS = ['video', 'recruiting', 'personal branding', 'sport', 'photography', 'cooking', 'travel', 'music'];
const ROLES = ['mentor', 'mentee', 'both', 'none'] as const;
const PROFILES = ['categorical', 'allergic', 'curious', 'anxious', 'enthusiast', 'good_student', 'overwhelmed'] as const;

let language: LanguageDto | null = null;

const catalog: CatalogDto = {
  platforms: [
    ['LinkedIn', ['Optimise your profile|Optimiser son profil', 'Write a post|Rédiger un post', 'Grow your network|Développer son réseau', 'Analytics|Statistiques']],
    ['TikTok', ['Film and edit a short video|Filmer et monter une vidéo courte', 'Trends and sounds|Tendances et sons', 'Privacy settings|Paramètres de confidentialité']],
    ['X/Twitter', ['Hashtags|Hashtags', 'Handle a bad buzz|Gérer un bad buzz', 'Threads|Fils de discussion']],
    ['Instagram', ['Stories|Stories', 'Reels|Reels', 'Grid and visuals|Grille et visuels']],
    ['YouTube', ['Set up a channel|Créer une chaîne', 'Thumbnails and titles|Miniatures et titres']],
  ].map(([name, topics], pi) => {
    const pid = `p${pi + 1}`;
    return {
      id: pid,
      name: name as string,
      position: pi,
      active: true,
      topics: (topics as string[]).map((pair, ti) => {
        const [en, fr] = pair.split('|');
        return { id: `${pid}t${ti + 1}`, platform_id: pid, name_en: en, name_fr: fr, position: ti, active: true };
      }),
    };
  }),
};
const allTopics = () => catalog.platforms.flatMap((p) => p.topics);

const employees = new Map<string, Stored>();
const order: string[] = [];
const programsMock = createProgramsMock(employees, allTopics);
const accessMock = createAccessMock(employees, programsMock);
// Created once the employees exist (see installMockBackend), so it can seed follower figures.
let progressMock: ReturnType<typeof createProgressMock> | null = null;
let sessionsMock: ReturnType<typeof createSessionsMock> | null = null;

function generate(count: number): void {
  for (let i = 0; i < count; i++) {
    const id = `e${i + 1}`;
    const first = pick(FIRST);
    const last = pick(LAST);
    const role = pick(ROLES);
    const topics = allTopics();
    const skills = Array.from({ length: Math.floor(rand() * 5) }, () => pick(topics)).filter(
      (tp, k, arr) => arr.findIndex((x) => x.id === tp.id) === k,
    );
    const mentee = role === 'mentee' || role === 'both';
    const e: Stored = {
      id,
      external_id: `HR${String(100000 + i)}`,
      first_name: first,
      last_name: last,
      email: `${first}.${last}.${i}@example.com`.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, ''),
      department: pick(DEPTS),
      title: pick(TITLES),
      grade: 1 + Math.floor(rand() * 10),
      manager_id: i > 0 ? `e${1 + Math.floor(rand() * Math.min(i, 200))}` : null,
      site: pick(SITES),
      timezone: 'Europe/Paris',
      languages: rand() > 0.4 ? ['fr', 'en'] : ['fr'],
      hire_date: `20${String(10 + Math.floor(rand() * 15))}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`,
      role,
      adoption_profile: rand() > 0.3 ? pick(PROFILES) : null,
      availability: rand() > 0.3 ? [{ weekday: Math.floor(rand() * 5), start_minute: 540, end_minute: 630 }, { weekday: 3, start_minute: 840, end_minute: 960 }] : [],
      interests: Array.from(new Set(Array.from({ length: Math.floor(rand() * 4) }, () => pick(INTERESTS)))),
      skills: skills.map((tp) => {
        const level = Math.floor(rand() * 5);
        return { topic_id: tp.id, level, target: mentee ? Math.min(4, level + 1 + Math.floor(rand() * 2)) : null };
      }),
      active: rand() > 0.05,
    };
    employees.set(id, e);
    order.push(id);
  }
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

function ref(e: Stored): PersonRefDto {
  return { id: e.id, full_name: `${e.first_name} ${e.last_name}`, title: e.title, department: e.department, active: e.active };
}

function detail(e: Stored): EmployeeDetailDto {
  const { manager_id, ...rest } = e;
  const manager = manager_id ? employees.get(manager_id) : undefined;
  const reports = order.map((id) => employees.get(id)!).filter((x) => x.manager_id === e.id);
  return { ...rest, version: e.version ?? 0, manager: manager ? ref(manager) : null, direct_reports: reports.map(ref) };
}

function fail(code: string, message: string, fields: FieldErrorDto[] = []): never {
  const error: ErrorDto = { code, key: null, params: {}, message, fields };
  throw error;
}

function listEmployees(q: DirectoryQueryDto) {
  const search = fold(q.search.trim());
  let rows = order.map((id) => employees.get(id)!);
  rows = rows.filter(
    (e) =>
      (q.include_inactive || e.active) &&
      (!q.department || e.department === q.department) &&
      (!q.role || e.role === q.role) &&
      (!q.adoption_profile || e.adoption_profile === q.adoption_profile) &&
      (!search || fold(`${e.first_name} ${e.last_name} ${e.email} ${e.department} ${e.title}`).includes(search)),
  );
  if (q.platform_id) {
    const topicIds = new Set(catalog.platforms.find((p) => p.id === q.platform_id)?.topics.map((tp) => tp.id) ?? []);
    rows = rows.filter((e) => e.skills.some((s) => topicIds.has(s.topic_id) && s.level >= (q.min_level ?? 0)));
  }
  const key = (e: Stored): string | number =>
    q.sort === 'grade' ? e.grade : q.sort === 'name' ? fold(`${e.last_name} ${e.first_name}`) : fold(e[q.sort]);
  rows.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    const c = ka < kb ? -1 : ka > kb ? 1 : 0;
    return q.descending ? -c : c;
  });
  const page = rows.slice(q.offset, q.offset + q.limit).map((e) => ({
    id: e.id,
    external_id: e.external_id,
    first_name: e.first_name,
    last_name: e.last_name,
    email: e.email,
    department: e.department,
    title: e.title,
    grade: e.grade,
    role: e.role,
    adoption_profile: e.adoption_profile,
    active: e.active,
  }));
  return { total: rows.length, offset: q.offset, rows: page };
}

function validate(input: EmployeeInputDto, selfId: string | null): void {
  const fields: FieldErrorDto[] = [];
  for (const f of ['external_id', 'first_name', 'last_name', 'email'] as const) {
    if (!input[f].trim()) fields.push({ field: f, key: 'required', message: 'This field is required.', params: {} });
  }
  if (input.email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(input.email)) {
    fields.push({ field: 'email', key: 'email_invalid', message: `"${input.email}" is not an email address.`, params: {} });
  }
  if (!(input.grade >= 1 && input.grade <= 10)) fields.push({ field: 'grade', key: 'grade_invalid', message: 'Grade must be 1 to 10.', params: {} });
  if (selfId && input.manager_id === selfId) fields.push({ field: 'manager_id', key: 'manager_self', message: 'Own manager.', params: {} });
  if (fields.length) fail('validation', 'Some fields are invalid.', fields);
  for (const e of employees.values()) {
    if (e.id === selfId) continue;
    if (e.email.toLowerCase() === input.email.toLowerCase()) fail('conflict', `Another employee already uses the email ${input.email}.`);
    if (e.external_id === input.external_id) fail('conflict', `Another employee already has the HR id ${input.external_id}.`);
  }
}

function fromInput(id: string, input: EmployeeInputDto, active: boolean): Stored {
  return { id, ...input, active };
}

// ---- import ----

interface Staged {
  name: string;
  headers: string[];
  rows: string[][];
  mapping: (ImportFieldDto | null)[];
  /** Columns whose field was proposed from their values (cleared once HR changes the mapping). */
  proposed: number[];
  /** True while the mapping is the one committed last time for the same header line. */
  remembered: boolean;
}
let staged: Staged | null = null;
/** The mapping committed last, per header line. */
const rememberedMappings = new Map<string, (ImportFieldDto | null)[]>();

const GUESS: Record<string, ImportFieldDto> = {
  id: 'external_id', matricule: 'external_id', external_id: 'external_id', hr_id: 'external_id', employee_id: 'external_id',
  first_name: 'first_name', prenom: 'first_name', firstname: 'first_name',
  last_name: 'last_name', nom: 'last_name', lastname: 'last_name',
  email: 'email', mail: 'email', e_mail: 'email', department: 'department', service: 'department',
  title: 'title', job_title: 'title', poste: 'title', grade: 'grade', level: 'grade', manager_id: 'manager_external_id', manager: 'manager_external_id',
  site: 'site', location: 'site', timezone: 'timezone', languages: 'languages', hire_date: 'hire_date', role: 'role',
  adoption_profile: 'adoption_profile', interests: 'interests',
};

/** The fields an HR export usually gives: the preview names those no column feeds. */
const USUAL_FIELDS: ImportFieldDto[] = ['department', 'title', 'grade', 'manager_external_id', 'site', 'timezone', 'languages', 'hire_date'];

/** The fields the mock compares to say what an update changes. */
const COMPARED: ('first_name' | 'last_name' | 'email' | 'department' | 'title' | 'site')[] = ['first_name', 'last_name', 'email', 'department', 'title', 'site'];

async function progress(phase: string, total: number): Promise<void> {
  const steps = 8;
  for (let k = 1; k <= steps; k++) {
    await emit('import-progress', { phase, done: Math.round((total * k) / steps), total });
    await new Promise((r) => setTimeout(r, 60));
  }
}

function ignoredOf(s: Staged): ImportPreviewDto['ignored'] {
  return s.headers.flatMap((header, index) => {
    if (s.mapping[index]) return [];
    const values = s.rows.map((r) => (r[index] ?? '').trim()).filter(Boolean);
    return [{ index, header, samples: [...new Set(values)].slice(0, 3), has_values: values.length > 0 }];
  });
}

function previewOf(s: Staged): ImportPreviewDto {
  const col = (f: ImportFieldDto) => s.mapping.indexOf(f);
  const get = (r: string[], f: ImportFieldDto) => (col(f) >= 0 ? (r[col(f)] ?? '').trim() : '');
  const missingRequired = (['external_id', 'email'] as ImportFieldDto[]).filter((f) => col(f) < 0);
  const rejected: ImportPreviewDto['rejected'] = [];
  const changes: ImportPreviewDto['changes'] = [];
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  const seen = new Set<string>();
  const byExternalId = new Map([...employees.values()].map((e) => [e.external_id, e]));
  s.rows.forEach((r, i) => {
    const ext = get(r, 'external_id');
    const email = get(r, 'email');
    const where = { row: i + 2, line: i + 2, name: `${get(r, 'first_name')} ${get(r, 'last_name')}`.trim() };
    if (r.length !== s.headers.length) rejected.push({ ...where, external_id: ext || null, value: null, reason: 'column_count', message: `Row ${i + 2} has ${r.length} columns, expected ${s.headers.length}.`, details: [{ key: 'column_count', params: { found: String(r.length), expected: String(s.headers.length) } }] });
    else if (!ext) rejected.push({ ...where, external_id: null, value: null, reason: 'id_missing', message: 'The HR id is empty.', details: [{ key: 'field_rule', params: { field: 'external_id', rule: 'required' } }] });
    else if (!email || !email.includes('@')) rejected.push({ ...where, external_id: ext, value: email || null, reason: email ? 'email_invalid' : 'email_missing', message: `"${email}" is not an email address.`, details: [{ key: 'field_rule', params: { field: 'email', rule: email ? 'email_invalid' : 'required' } }] });
    else {
      seen.add(ext);
      const existing = byExternalId.get(ext);
      if (!existing) {
        created++;
        return;
      }
      const fieldChanges: FieldChangeDto[] = COMPARED.filter((f) => col(f) >= 0 && get(r, f) !== existing[f]).map((f) => ({ field: f, before: existing[f], after: get(r, f) }));
      if (!existing.active) fieldChanges.push({ field: 'active', before: 'false', after: 'true' });
      if (fieldChanges.length === 0) {
        unchanged++;
        return;
      }
      updated++;
      if (changes.length < 500) changes.push({ external_id: ext, full_name: `${existing.first_name} ${existing.last_name}`, changes: fieldChanges });
    }
  });
  const missing = [...employees.values()].filter((e) => e.active && !seen.has(e.external_id));
  const fed = (f: ImportFieldDto) => col(f) >= 0 || (f === 'manager_external_id' && col('manager_email') >= 0);
  return {
    file_name: s.name,
    encoding: 'UTF-8',
    delimiter: ';',
    headers: s.headers,
    mapping: { columns: s.mapping },
    missing_required: missingRequired,
    total_rows: s.rows.length,
    counts: { new: created, updated, unchanged, rejected: rejected.length, missing_from_file: missing.length },
    rejected,
    sample: s.rows.slice(0, 5),
    missing: missing.slice(0, 200).map(ref),
    ignored: ignoredOf(s),
    unfed: USUAL_FIELDS.filter((f) => !fed(f)),
    proposed_from_values: s.proposed,
    remembered: s.remembered,
    changes,
  };
}

/** Maps columns no header names whose cells are e-mail addresses, as the core proposes from values. */
function proposeFromValues(s: Staged): void {
  s.mapping.forEach((field, column) => {
    if (field) return;
    const cells = s.rows.map((r) => (r[column] ?? '').trim()).filter(Boolean);
    if (cells.length < 3 || cells.filter((c) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(c)).length < cells.length * 0.9) return;
    const free = (['email', 'manager_email'] as ImportFieldDto[]).find((f) => !s.mapping.includes(f));
    if (!free) return;
    s.mapping[column] = free;
    s.proposed.push(column);
  });
}

async function importLoad(bytes: Uint8Array): Promise<ImportPreviewDto> {
  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/).filter((l) => l.trim());
  if (lines.length === 0) fail('invalid_file', 'The file is empty.');
  const delim = lines[0].includes(';') ? ';' : lines[0].includes('\t') ? '\t' : ',';
  if (lines[0].split(delim).length < 2) fail('invalid_file', 'This does not look like a CSV file: no separator found on the first line.');
  const headers = lines[0].split(delim).map((h) => h.trim());
  await progress('reading', lines.length);
  const remembered = rememberedMappings.get(headers.join('\u0001'));
  staged = {
    name: 'staff.csv',
    headers,
    rows: lines.slice(1).map((l) => l.split(delim)),
    mapping: remembered ? [...remembered] : headers.map((h) => GUESS[fold(h).replace(/[\s-]+/g, '_')] ?? null),
    proposed: [],
    remembered: !!remembered,
  };
  if (!remembered) proposeFromValues(staged);
  await progress('checking', staged.rows.length);
  return previewOf(staged);
}

async function importCommit(confirmed: number[]) {
  if (!staged) fail('not_found', 'No import is waiting: choose a file again.');
  const unconfirmed = ignoredOf(staged).filter((c) => c.has_values && !confirmed.includes(c.index));
  if (unconfirmed.length) {
    fail(
      'validation',
      'Some columns with values are not imported.',
      unconfirmed.map((c) => ({
        field: 'mapping',
        key: 'ignored_unconfirmed',
        message: `column '${c.header}' is not imported: choose its field, or confirm that it is ignored`,
        params: { column: c.header },
      })),
    );
  }
  const p = previewOf(staged);
  if (p.missing_required.length) {
    fail('validation', 'A required field has no column.', p.missing_required.map((f) => ({ field: f, key: 'required', message: `no column is mapped to ${f}`, params: {} })));
  }
  await progress('writing', staged.rows.length);
  const col = (f: ImportFieldDto) => staged!.mapping.indexOf(f);
  const get = (r: string[], f: ImportFieldDto) => (col(f) >= 0 ? (r[col(f)] ?? '').trim() : '');
  const rejectedLines = new Set(p.rejected.map((r) => r.line));
  const byExternalId = new Map([...employees.values()].map((e) => [e.external_id, e]));
  staged.rows.forEach((r, i) => {
    if (rejectedLines.has(i + 2)) return;
    const ext = get(r, 'external_id');
    const existing = byExternalId.get(ext);
    const id = existing?.id ?? `e${order.length + 1}`;
    const base: Stored = existing ?? {
      id, external_id: ext, first_name: '', last_name: '', email: '', department: '', title: '', grade: 1, manager_id: null,
      site: '', timezone: 'Europe/Paris', languages: ['fr'], hire_date: null, role: 'none', adoption_profile: null,
      availability: [], interests: [], skills: [], active: true,
    };
    const next: Stored = {
      ...base,
      first_name: get(r, 'first_name') || base.first_name,
      last_name: get(r, 'last_name') || base.last_name,
      email: get(r, 'email'),
      department: get(r, 'department') || base.department,
      title: get(r, 'title') || base.title,
      site: get(r, 'site') || base.site,
      active: true,
    };
    employees.set(id, next);
    if (!existing) order.push(id);
  });
  rememberedMappings.set(staged.headers.join('\u0001'), [...staged.mapping]);
  staged = null;
  return { created: p.counts.new, updated: p.counts.updated, unchanged: p.counts.unchanged, rejected: p.counts.rejected, missing_from_file: p.counts.missing_from_file };
}

async function handle(cmd: string, args: Record<string, unknown>): Promise<unknown> {
  await new Promise((r) => setTimeout(r, 15));
  accessMock.guard(cmd);
  switch (cmd) {
    case 'connection_status':
    case 'reconnect':
    case 'open_solo':
      return { open: 'solo', file: 'in-memory', team: null, last_mode: 'solo', startup_error: null };
    case 'pick_ca_file':
      return null;
    case 'connect_team':
    case 'move_to_team':
      throw {
        code: 'connection',
        key: 'server_unreachable',
        params: { server: 'the mock backend' },
        message: 'the mock backend has no team server',
        fields: [],
      };
    case 'get_settings':
      return { language, database_path: 'in-memory' };
    case 'set_language':
      language = args.language as LanguageDto;
      return { language, database_path: 'in-memory' };
    case 'list_employees':
      return listEmployees(args.query as DirectoryQueryDto);
    case 'directory_facets': {
      const all = [...employees.values()];
      return {
        departments: [...new Set(all.map((e) => e.department))].sort(),
        sites: [...new Set(all.map((e) => e.site))].sort(),
        active_count: all.filter((e) => e.active).length,
        inactive_count: all.filter((e) => !e.active).length,
      };
    }
    case 'get_employee': {
      const e = employees.get(args.id as string);
      if (!e) fail('not_found', 'No such employee.');
      return detail(e);
    }
    case 'create_employee': {
      const input = args.input as EmployeeInputDto;
      validate(input, null);
      const id = `e${order.length + 1}`;
      employees.set(id, fromInput(id, input, true));
      order.push(id);
      return detail(employees.get(id)!);
    }
    case 'update_employee': {
      const id = args.id as string;
      const existing = employees.get(id);
      if (!existing) fail('not_found', 'No such employee.');
      const input = args.input as EmployeeInputDto;
      validate(input, id);
      employees.set(id, fromInput(id, input, existing.active));
      return detail(employees.get(id)!);
    }
    case 'set_employee_active': {
      const e = employees.get(args.id as string);
      if (!e) fail('not_found', 'No such employee.');
      e.active = args.active as boolean;
      return detail(e);
    }
    case 'get_catalog':
      return structuredClone(catalog);
    case 'save_platform': {
      const input = args.input as PlatformInputDto;
      if (!input.name.trim()) fail('validation', 'Name required.', [{ field: 'name', key: 'required', message: 'Give a name.', params: {} }]);
      if (input.id) {
        const p = catalog.platforms.find((x) => x.id === input.id);
        if (!p) fail('not_found', 'No such platform.');
        p.name = input.name;
        p.active = input.active;
      } else {
        const id = `p${catalog.platforms.length + 1}`;
        catalog.platforms.push({ id, name: input.name, position: catalog.platforms.length, active: true, topics: [] });
      }
      return structuredClone(catalog);
    }
    case 'save_topic': {
      const input = args.input as TopicInputDto;
      if (!input.name_en.trim() && !input.name_fr.trim()) {
        fail('validation', 'A name is required.', [
          { field: 'name_en', key: 'required', message: 'Give at least one name.', params: {} },
          { field: 'name_fr', key: 'required', message: 'Give at least one name.', params: {} },
        ]);
      }
      const p = catalog.platforms.find((x) => x.id === input.platform_id);
      if (!p) fail('not_found', 'No such platform.');
      const existing = p.topics.find((x) => x.id === input.id);
      if (existing) Object.assign(existing, { name_en: input.name_en, name_fr: input.name_fr, active: input.active });
      else p.topics.push({ id: `${p.id}t${p.topics.length + 1}`, platform_id: p.id, name_en: input.name_en, name_fr: input.name_fr, position: p.topics.length, active: true });
      return structuredClone(catalog);
    }
    case 'import_load':
      return importLoad(args as unknown as Uint8Array);
    case 'import_remap': {
      if (!staged) fail('not_found', 'No import is waiting.');
      const columns = (args.mapping as ColumnMappingDto).columns;
      if (columns.some((f, i) => f !== staged!.mapping[i])) {
        // HR chose: the mapping is neither a proposal nor the remembered one any more.
        staged.proposed = [];
        staged.remembered = false;
      }
      staged.mapping = columns;
      await progress('checking', staged.rows.length);
      return previewOf(staged);
    }
    case 'import_commit':
      return importCommit((args.confirmedIgnored as number[] | undefined) ?? []);
    case 'export_rejected_rows_csv': {
      if (!staged) fail('not_found', 'No import is waiting.');
      const reasons = (args.reasons as RejectedReasonDto[] | undefined) ?? [];
      if (reasons.length === 0) return null;
      return `/home/hr/Documents/${staged.name.replace(/\.[^.]+$/, '')}-rejected.csv`;
    }
    case 'import_cancel':
      staged = null;
      return null;
    default: {
      const answer = accessMock.handle(cmd, args) ?? programsMock(cmd, args) ?? progressMock?.(cmd, args) ?? sessionsMock?.(cmd, args);
      if (answer !== undefined) return answer;
      fail('internal', `Unknown command ${cmd}`);
    }
  }
}

export function installMockBackend(): void {
  const params = new URLSearchParams(location.search);
  generate(Number(params.get('employees') ?? 20000));
  progressMock = createProgressMock(employees, programsMock, () => catalog);
  sessionsMock = createSessionsMock(employees, programsMock, () => catalog, accessMock.viewingAs);
  if (params.get('lang') === 'fr' || params.get('lang') === 'en') language = params.get('lang') as LanguageDto;
  mockIPC((cmd, payload) => handle(cmd, (payload ?? {}) as Record<string, unknown>), { shouldMockEvents: true });
}
