import { beforeEach, describe, expect, it, vi } from 'vitest';

const invoke = vi.fn();
const listen = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));
vi.mock('@tauri-apps/api/event', () => ({ listen: (...args: unknown[]) => listen(...args) }));

const { api } = await import('./index');

beforeEach(() => {
  invoke.mockReset();
  listen.mockReset();
});

describe('api', () => {
  it('calls commands with the argument names of docs/ipc.md', async () => {
    invoke.mockResolvedValue({});
    await api.getEmployee('e1');
    await api.updateEmployee('e1', {} as never);
    await api.setEmployeeActive('e1', false);
    await api.setLanguage('fr');
    await api.importRemap({ columns: ['email', null] });
    expect(invoke.mock.calls).toEqual([
      ['get_employee', { id: 'e1' }],
      ['update_employee', { id: 'e1', input: {} }],
      ['set_employee_active', { id: 'e1', active: false }],
      ['set_language', { language: 'fr' }],
      ['import_remap', { mapping: { columns: ['email', null] } }],
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
    await expect(api.importCommit()).rejects.toEqual({ code: 'internal', key: null, params: {}, message: 'command import_commit not allowed', fields: [] });
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
});
