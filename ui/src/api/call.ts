/**
 * The one way a command reaches Rust: `invoke`, with every failure normalised into an `ErrorDto`
 * and reported to whoever listens (the connection banner watches for a lost team server, and for
 * the next command that gets through).
 */
import { invoke, type InvokeArgs, type InvokeOptions } from '@tauri-apps/api/core';
import type { ErrorDto } from './bindings/ErrorDto';
import { toErrorDto } from './errors';

type FailureListener = (error: ErrorDto, cmd: string) => void;
const listeners = new Set<FailureListener>();
const successListeners = new Set<(cmd: string) => void>();

/** Calls `listener` after every command that succeeded; returns the function that stops it. */
export function onCommandSuccess(listener: (cmd: string) => void): () => void {
  successListeners.add(listener);
  return () => successListeners.delete(listener);
}

/** Calls `listener` for every failed command; returns the function that stops it. */
export function onCommandFailure(listener: FailureListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Invokes `cmd`; a failure is thrown as an `ErrorDto` after the listeners have heard of it. */
export async function call<T>(cmd: string, args?: InvokeArgs, options?: InvokeOptions): Promise<T> {
  try {
    const result = await (options ? invoke<T>(cmd, args, options) : invoke<T>(cmd, args));
    for (const listener of successListeners) listener(cmd);
    return result;
  } catch (e) {
    const error = toErrorDto(e);
    for (const listener of listeners) listener(error, cmd);
    throw error;
  }
}
