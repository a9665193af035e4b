import type { ErrorDto } from './bindings/ErrorDto';

export function isErrorDto(value: unknown): value is ErrorDto {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorDto).code === 'string' &&
    typeof (value as ErrorDto).message === 'string'
  );
}

function plain(code: string, message: string): ErrorDto {
  return { code, key: null, params: {}, message, fields: [] };
}

/** Normalises whatever `invoke` rejected with into an `ErrorDto`. */
export function toErrorDto(e: unknown): ErrorDto {
  if (isErrorDto(e)) {
    return {
      code: e.code,
      key: typeof e.key === 'string' ? e.key : null,
      params: typeof e.params === 'object' && e.params !== null ? e.params : {},
      message: e.message,
      fields: Array.isArray(e.fields) ? e.fields : [],
    };
  }
  if (typeof e === 'string') return plain('internal', e);
  if (e instanceof Error) return plain('internal', e.message);
  return plain('internal', String(e));
}
