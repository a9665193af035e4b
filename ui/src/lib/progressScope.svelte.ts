/**
 * The manager view's pick (a manager or a department), kept while the app runs, so that opening
 * someone's progress and coming back shows the same people.
 */
import type { ManagerScopeDto } from '../api/progress';

export interface PickedScope {
  scope: ManagerScopeDto;
  /** The manager's name, or the department's, as picked. */
  label: string;
}

const state = $state<{ picked: PickedScope | null }>({ picked: null });

export function pickedScope(): PickedScope | null {
  return state.picked;
}

export function pickScope(picked: PickedScope | null): void {
  state.picked = picked;
}
