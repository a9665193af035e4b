import { describe, expect, it } from 'vitest';
import type { EmployeeDetailDto } from '../api';
import { createAccessMock } from './mockAccess';

type Employee = Omit<EmployeeDetailDto, 'manager' | 'direct_reports' | 'version'> & { manager_id: string | null };

function employee(id: string, manager_id: string | null): Employee {
  return {
    id, external_id: id, first_name: id.toUpperCase(), last_name: 'Test', email: `${id}@example.com`, department: 'Sales', title: 'Analyst',
    grade: 3, manager_id, site: 'Paris', timezone: 'Europe/Paris', languages: ['fr'], hire_date: null, role: 'both',
    adoption_profile: null, availability: [], interests: [], skills: [], active: true,
  };
}

function setup(complete: string[] = []) {
  const employees = new Map([employee('e1', null), employee('e2', 'e1'), employee('e3', null)].map((e) => [e.id, e]));
  for (const id of complete) {
    Object.assign(employees.get(id)!, { skills: [{ topic_id: 't1', level: 1, target: 3 }], availability: [{ weekday: 1, start_minute: 540, end_minute: 600 }] });
  }
  const programs = (cmd: string) => {
    if (cmd === 'list_programs') return [{ id: 'prog-1' }];
    if (cmd === 'list_pairs') {
      return [
        { id: 'pa1', mentee_id: 'e1', mentor_id: 'e3', status: 'approved' },
        { id: 'pa2', mentee_id: 'e2', mentor_id: 'e3', status: 'proposed' },
      ];
    }
    return undefined;
  };
  return createAccessMock(employees, programs);
}

describe('the access mock', () => {
  it('is HR at the keyboard of a file until HR views as someone', () => {
    const mock = setup();
    expect(mock.handle('whoami', {})).toMatchObject({ login: null, person: null, hr: true, viewing_as: null });
    expect(mock.handle('view_as', { employeeId: 'e1' })).toMatchObject({ hr: false, mentee: true, mentor: false, manager: true, viewing_as: { id: 'e1' } });
    expect(mock.viewingAs()).toBe('e1');
    expect(mock.handle('view_as', { employeeId: null })).toMatchObject({ hr: true, viewing_as: null });
  });

  it('says what the profile of the person viewed lacks, and nothing for HR at the keyboard', () => {
    const mock = setup(['e3']);
    expect(mock.handle('whoami', {})).toMatchObject({ profile_gaps: [] });
    expect(mock.handle('view_as', { employeeId: 'e1' })).toMatchObject({ profile_gaps: ['goals', 'skills', 'availability'] });
    mock.handle('view_as', { employeeId: null });
    expect(mock.handle('view_as', { employeeId: 'e3' })).toMatchObject({ profile_gaps: [] });
  });

  it('reads roles from approved pairs only', () => {
    const mock = setup();
    expect(mock.handle('view_as', { employeeId: 'e2' })).toMatchObject({ mentee: false, mentor: false, manager: false });
  });

  it('refuses every change while viewing as someone, and a second view-as', () => {
    const mock = setup();
    mock.handle('view_as', { employeeId: 'e3' });
    expect(() => mock.guard('update_employee')).toThrow(expect.objectContaining({ code: 'forbidden', key: 'forbidden_viewing_as' }));
    expect(() => mock.guard('get_employee')).not.toThrow();
    expect(() => mock.handle('view_as', { employeeId: 'e1' })).toThrow(expect.objectContaining({ key: 'forbidden_viewing_as' }));
  });

  it('keeps the last HR administrator', () => {
    const mock = setup();
    expect(() => mock.handle('unlink_login', { login: 'tandem_hr' })).toThrow(expect.objectContaining({ code: 'conflict', key: 'last_hr_admin' }));
    mock.handle('link_login', { login: 'claire', employeeId: 'e1', hrAdmin: true });
    const list = mock.handle('unlink_login', { login: 'tandem_hr' });
    expect(list).toEqual([expect.objectContaining({ login: 'claire', hr_admin: true, person: expect.objectContaining({ id: 'e1' }) })]);
  });

  it('asks for a login', () => {
    const mock = setup();
    expect(() => mock.handle('link_login', { login: '  ', employeeId: null, hrAdmin: false })).toThrow(
      expect.objectContaining({ code: 'validation', fields: [expect.objectContaining({ field: 'login', key: 'required' })] }),
    );
  });
});
