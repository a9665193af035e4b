import { beforeEach, describe, expect, it, vi } from 'vitest';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

const { programsApi } = await import('./programs');

beforeEach(() => invoke.mockReset());

describe('programsApi', () => {
  it('calls the commands with the argument names of docs/ipc.md', async () => {
    invoke.mockResolvedValue(null);
    await programsApi.addAllEligible('p', 'mentor', null);
    await programsApi.setPairLocked('p', 'e', true, 3);
    await programsApi.assignMentor('p', 'e', 'm', false);
    await programsApi.setMentorCapacity('p', 'm', 2);
    await programsApi.exportPairsCsv('p');
    expect(invoke.mock.calls).toEqual([
      ['add_all_eligible', { programId: 'p', side: 'mentor', department: null }],
      ['set_pair_locked', { programId: 'p', menteeId: 'e', locked: true, version: 3 }],
      ['assign_mentor', { programId: 'p', menteeId: 'e', mentorId: 'm', force: false }],
      ['set_mentor_capacity', { programId: 'p', mentorId: 'm', capacity: 2 }],
      ['export_pairs_csv', { programId: 'p' }],
    ]);
  });

  it('throws every failure as an ErrorDto', async () => {
    invoke.mockRejectedValueOnce({ code: 'not_found', message: 'program x not found', fields: [] });
    await expect(programsApi.getProgram('x')).rejects.toEqual({ code: 'not_found', key: null, params: {}, message: 'program x not found', fields: [] });
    invoke.mockRejectedValueOnce('boom');
    await expect(programsApi.listPrograms()).rejects.toEqual({ code: 'internal', key: null, params: {}, message: 'boom', fields: [] });
  });
});
