import type { ErrorDto } from './bindings/ErrorDto';

export function isErrorDto(value: unknown): value is ErrorDto {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorDto).code === 'string' &&
    typeof (value as ErrorDto).message === 'string'
  );
}

/** Normalises whatever `invoke` rejected with into an `ErrorDto`. */
export function toErrorDto(e: unknown): ErrorDto {
  if (isErrorDto(e)) return { code: e.code, message: e.message, fields: Array.isArray(e.fields) ? e.fields : [] };
  if (typeof e === 'string') return { code: 'internal', message: e, fields: [] };
  if (e instanceof Error) return { code: 'internal', message: e.message, fields: [] };
  return { code: 'internal', message: String(e), fields: [] };
}
