import { pagesFor } from './virtual';

export interface Page<T> {
  total: number;
  offset: number;
  rows: T[];
}

/**
 * Rows of a long server-side list, fetched in pages as they are needed and kept until `reset`.
 * A reset (new search, filter or sort) makes answers to older requests be ignored.
 */
export class PagedRows<T> {
  private pages = new Map<number, T[]>();
  private inFlight = new Set<number>();
  private generation = 0;
  total: number | null = null;

  constructor(
    private readonly pageSize: number,
    private readonly fetchPage: (offset: number, limit: number) => Promise<Page<T>>,
    private readonly onChange: () => void,
    private readonly onError: (e: unknown) => void = () => {},
  ) {}

  reset(): void {
    this.generation++;
    this.pages.clear();
    this.inFlight.clear();
    this.total = null;
  }

  get(index: number): T | undefined {
    const page = this.pages.get(Math.floor(index / this.pageSize));
    return page?.[index % this.pageSize];
  }

  hasPage(page: number): boolean {
    return this.pages.has(page);
  }

  /** Fetches the pages covering rows `[start, end)` (plus `prefetch` rows around) that are not there yet. */
  ensure(start: number, end: number, prefetch = 0): Promise<void> {
    const total = this.total ?? Math.max(end, 1);
    const wanted = this.total === null ? [0] : pagesFor(start, end, this.pageSize, total, prefetch);
    const missing = wanted.filter((p) => !this.pages.has(p) && !this.inFlight.has(p));
    return Promise.all(missing.map((p) => this.load(p))).then(() => undefined);
  }

  private async load(page: number): Promise<void> {
    const generation = this.generation;
    this.inFlight.add(page);
    try {
      const result = await this.fetchPage(page * this.pageSize, this.pageSize);
      if (generation !== this.generation) return;
      this.pages.set(page, result.rows);
      this.total = result.total;
      this.onChange();
    } catch (e) {
      if (generation === this.generation) this.onError(e);
    } finally {
      if (generation === this.generation) this.inFlight.delete(page);
    }
  }
}
