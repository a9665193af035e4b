import { beforeEach, describe, expect, it, vi } from 'vitest';

const invoke = vi.fn();
const listen = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));
vi.mock('@tauri-apps/api/event', () => ({ listen: (...args: unknown[]) => listen(...args) }));

const { api, accessApi, connectionApi, sessionsApi, onCommandFailure } = await import('./index');

beforeEach(() => {
  invoke.mockReset();
  listen.mockReset();
});

describe('api', () => {
  it('calls commands with the argument names of docs/ipc.md', async () => {
    invoke.mockResolvedValue({});
    await api.getEmployee('e1');
    await api.updateEmployee('e1', {} as never, 4);
    await api.setEmployeeActive('e1', false);
    await api.setLanguage('fr');
    await api.importRemap({ columns: ['email', null] });
    await api.importCommit([4]);
    await api.exportRejectedRowsCsv([{ line: 8, reason: 'Invalid email address: “paul.blanc@”' }]);
    expect(invoke.mock.calls).toEqual([
      ['get_employee', { id: 'e1' }],
      ['update_employee', { id: 'e1', input: {}, version: 4 }],
      ['set_employee_active', { id: 'e1', active: false }],
      ['set_language', { language: 'fr' }],
      ['import_remap', { mapping: { columns: ['email', null] } }],
      ['import_commit', { confirmedIgnored: [4] }],
      ['export_rejected_rows_csv', { reasons: [{ line: 8, reason: 'Invalid email address: “paul.blanc@”' }] }],
    ]);
  });

  it('hands the import file over as raw bytes with its URI-encoded name, never a path', async () => {
    invoke.mockResolvedValue({ file_name: 'équipe 2024.csv' });
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x61]);
    await api.importLoad('équipe 2024.csv', bytes);
    expect(invoke).toHaveBeenCalledWith('import_load', bytes, {
      headers: { 'x-file-name': '%C3%A9quipe%202024.csv' },
    });
  });

  it('throws every failure as an ErrorDto', async () => {
    const taken = { code: 'conflict', key: 'email_taken', params: { email: 'a@b.fr' }, message: 'Email already used', fields: [] };
    invoke.mockRejectedValueOnce(taken);
    await expect(api.createEmployee({} as never)).rejects.toEqual(taken);
    invoke.mockRejectedValueOnce('command import_commit not allowed');
    await expect(api.importCommit([])).rejects.toEqual({ code: 'internal', key: null, params: {}, message: 'command import_commit not allowed', fields: [] });
    invoke.mockRejectedValueOnce({ code: 'invalid_file', message: 'The file is empty.', fields: [] });
    await expect(api.importLoad('a.csv', new Uint8Array())).rejects.toMatchObject({ code: 'invalid_file' });
  });

  it('passes import progress payloads to the handler', async () => {
    const unlisten = vi.fn();
    listen.mockImplementation(async (_event: string, cb: (e: { payload: unknown }) => void) => {
      cb({ payload: { phase: 'writing', done: 10, total: 40 } });
      return unlisten;
    });
    const seen: unknown[] = [];
    const off = await api.onImportProgress((p) => seen.push(p));
    expect(listen.mock.calls[0][0]).toBe('import-progress');
    expect(seen).toEqual([{ phase: 'writing', done: 10, total: 40 }]);
    off();
    expect(unlisten).toHaveBeenCalled();
  });

  it('tells failure listeners of every failed command, until they stop listening', async () => {
    const heard: [string, string][] = [];
    const stop = onCommandFailure((error, cmd) => heard.push([cmd, error.code]));
    const lost = { code: 'connection', key: 'connection_lost', params: {}, message: 'lost', fields: [] };
    invoke.mockRejectedValueOnce(lost);
    await expect(api.directoryFacets()).rejects.toEqual(lost);
    invoke.mockResolvedValueOnce({});
    await api.directoryFacets();
    stop();
    invoke.mockRejectedValueOnce(lost);
    await expect(api.directoryFacets()).rejects.toEqual(lost);
    expect(heard).toEqual([['directory_facets', 'connection']]);
  });

  it('sends the team form, never a file path, to connect or move', async () => {
    invoke.mockResolvedValue({});
    const form = { host: 'db', port: 5432, database: 'tandem', user: 'hr', password: 'pw', tls: 'verify-full' as const, remember_password: false };
    await connectionApi.connectTeam(form);
    await connectionApi.moveToTeam(form);
    await connectionApi.openSolo(true);
    await connectionApi.pickCaFile();
    expect(invoke.mock.calls).toEqual([
      ['connect_team', { form }],
      ['move_to_team', { form }],
      ['open_solo', { choose: true }],
      ['pick_ca_file', undefined],
    ]);
  });

  it('calls the access commands with the argument names of docs/ipc.md', async () => {
    invoke.mockResolvedValue([]);
    await accessApi.whoami();
    await accessApi.viewAs('e7');
    await accessApi.viewAs(null);
    await accessApi.listLogins();
    await accessApi.linkLogin('claire', 'e7', false);
    await accessApi.linkLogin('hr', null, true);
    await accessApi.unlinkLogin('claire');
    await sessionsApi.myPairs();
    await connectionApi.signOut();
    expect(invoke.mock.calls).toEqual([
      ['whoami', undefined],
      ['view_as', { employeeId: 'e7' }],
      ['view_as', { employeeId: null }],
      ['list_logins', undefined],
      ['link_login', { login: 'claire', employeeId: 'e7', hrAdmin: false }],
      ['link_login', { login: 'hr', employeeId: null, hrAdmin: true }],
      ['unlink_login', { login: 'claire' }],
      ['my_pairs', undefined],
      ['sign_out', undefined],
    ]);
  });
});
