import { describe, expect, it, vi } from 'vitest';
import { PagedRows, type Page } from './pageCache';

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const rowsFor = (offset: number, limit: number, total: number) =>
  Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => `row${offset + i}`);

describe('PagedRows', () => {
  it('loads the first page before it knows the total, then only the pages in view', async () => {
    const fetch = vi.fn(async (offset: number, limit: number): Promise<Page<string>> => ({ total: 1000, offset, rows: rowsFor(offset, limit, 1000) }));
    const cache = new PagedRows(100, fetch, () => {});
    await cache.ensure(0, 20);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenLastCalledWith(0, 100);
    expect(cache.total).toBe(1000);
    expect(cache.get(42)).toBe('row42');
    expect(cache.get(150)).toBeUndefined();

    await cache.ensure(520, 540);
    expect(fetch).toHaveBeenLastCalledWith(500, 100);
    expect(cache.get(530)).toBe('row530');

    await cache.ensure(520, 540);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('does not fetch a page twice while it is on its way', async () => {
    const pending = deferred<Page<string>>();
    const fetch = vi.fn(() => pending.promise);
    const cache = new PagedRows(100, fetch, () => {});
    const a = cache.ensure(0, 10);
    const b = cache.ensure(0, 10);
    pending.resolve({ total: 10, offset: 0, rows: rowsFor(0, 100, 10) });
    await Promise.all([a, b]);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('ignores answers to a query that was replaced meanwhile', async () => {
    const old = deferred<Page<string>>();
    const fetch = vi
      .fn<(o: number, l: number) => Promise<Page<string>>>()
      .mockReturnValueOnce(old.promise)
      .mockResolvedValueOnce({ total: 2, offset: 0, rows: ['new0', 'new1'] });
    const onChange = vi.fn();
    const cache = new PagedRows(100, fetch, onChange);
    const first = cache.ensure(0, 10);
    cache.reset();
    await cache.ensure(0, 10);
    old.resolve({ total: 500, offset: 0, rows: ['old0'] });
    await first;
    expect(cache.total).toBe(2);
    expect(cache.get(0)).toBe('new0');
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('reports a failed page and fetches it again next time', async () => {
    const fetch = vi
      .fn<(o: number, l: number) => Promise<Page<string>>>()
      .mockRejectedValueOnce({ code: 'storage', message: 'locked', fields: [] })
      .mockResolvedValueOnce({ total: 1, offset: 0, rows: ['a'] });
    const onError = vi.fn();
    const cache = new PagedRows(100, fetch, () => {}, onError);
    await cache.ensure(0, 10);
    expect(onError).toHaveBeenCalledWith({ code: 'storage', message: 'locked', fields: [] });
    await cache.ensure(0, 10);
    expect(cache.get(0)).toBe('a');
  });
});
