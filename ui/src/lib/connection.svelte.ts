/**
 * The database the app works on, as the whole interface sees it: solo or team, and whether the
 * team server was lost. Every failed command is heard here (`onCommandFailure`); a `connection`
 * error raises the banner, and `retry` reconnects, then bumps `generation` so the screen on show
 * reloads its data.
 */
import { connectionApi, onCommandFailure, type ConnectionStatusDto, type ErrorDto } from '../api';

let status = $state<ConnectionStatusDto | null>(null);
let lost = $state(false);
let retrying = $state(false);
let generation = $state(0);

onCommandFailure((error: ErrorDto) => {
  if (isConnectionLoss(error)) lost = true;
});

/** A team server that could not be reached or was lost mid-way (not a refused sign-in). */
export function isConnectionLoss(error: ErrorDto): boolean {
  return error.code === 'connection' && (error.key === 'connection_lost' || error.key === 'server_unreachable');
}

export const connection = {
  get status() {
    return status;
  },
  get lost() {
    return lost;
  },
  get retrying() {
    return retrying;
  },
  /** Changes after a reconnection, so screens keyed on it load again. */
  get generation() {
    return generation;
  },
  set(next: ConnectionStatusDto) {
    status = next;
  },
  async refresh(): Promise<ConnectionStatusDto> {
    status = await connectionApi.connectionStatus();
    return status;
  },
  /** Reconnects; true when the database is back. */
  async retry(): Promise<boolean> {
    retrying = true;
    try {
      status = await connectionApi.reconnect();
      lost = false;
      generation += 1;
      return true;
    } catch {
      return false;
    } finally {
      retrying = false;
    }
  },
};
