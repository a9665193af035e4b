/**
 * Who is signed in, and the logins of a team database (docs/ipc.md, first table): the person at
 * the keyboard and their roles, HR viewing the app as someone else, and HR linking database logins
 * to employees. Like the rest of `ui/src/api/`, failures are thrown as an `ErrorDto`.
 */
import { call } from './call';
import type { LoginLinkDto } from './bindings/LoginLinkDto';
import type { MeDto } from './bindings/MeDto';

export type { LoginLinkDto, MeDto };

export const accessApi = {
  whoami: () => call<MeDto>('whoami'),
  /** HR only: views the app read-only as `employeeId`; `null` stops. */
  viewAs: (employeeId: string | null) => call<MeDto>('view_as', { employeeId }),
  listLogins: () => call<LoginLinkDto[]>('list_logins'),
  /** Links `login` to an employee (or to nobody), with or without HR rights; the new list. */
  linkLogin: (login: string, employeeId: string | null, hrAdmin: boolean) =>
    call<LoginLinkDto[]>('link_login', { login, employeeId, hrAdmin }),
  unlinkLogin: (login: string) => call<LoginLinkDto[]>('unlink_login', { login }),
};

export type AccessApi = typeof accessApi;
