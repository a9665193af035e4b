/**
 * The database the app works on, as the whole interface sees it: solo or team, and whether the
 * team server was lost. Every failed command is heard here (`onCommandFailure`); a `connection`
 * error raises the banner, and `retry` reconnects. The screen on show is left as it is, so a form's
 * typed values survive: the person submits again once the connection is back.
 */
import { connectionApi, onCommandFailure, onCommandSuccess, type ConnectionStatusDto, type ErrorDto } from '../api';

let status = $state<ConnectionStatusDto | null>(null);
let lost = $state(false);
let retrying = $state(false);

let back = $state(false);

onCommandFailure((error: ErrorDto) => {
  if (isConnectionLoss(error)) {
    lost = true;
    back = false;
  }
});

// The shell reconnects by itself at the next command: once one gets through, the banner turns
// into "the connection is back" (the failed change still has to be made again).
onCommandSuccess((cmd: string) => {
  if (lost && cmd !== 'connection_status') {
    lost = false;
    back = true;
  }
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
  /** True after a lost connection came back, until the next loss. */
  get back() {
    return back;
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
      back = true;
      return true;
    } catch {
      return false;
    } finally {
      retrying = false;
    }
  },
};
