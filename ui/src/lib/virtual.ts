/**
 * Windowing arithmetic for fixed-height virtual lists: which rows to render for a scroll position,
 * and which pages of rows to fetch so they are there when the user gets to them.
 */

export interface WindowInput {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  total: number;
  /** Rows rendered above and below the visible ones, so fast scrolling does not show gaps. */
  overscan: number;
}

export interface RowWindow {
  /** First rendered row (inclusive). */
  start: number;
  /** Last rendered row (exclusive). */
  end: number;
  /** Pixel offset of the first rendered row from the top of the list. */
  offsetY: number;
  /** Height of the whole list, for the scroll spacer. */
  totalHeight: number;
}

export function computeWindow({ scrollTop, viewportHeight, rowHeight, total, overscan }: WindowInput): RowWindow {
  const totalHeight = Math.max(0, total) * rowHeight;
  if (total <= 0 || rowHeight <= 0) return { start: 0, end: 0, offsetY: 0, totalHeight };
  const maxScroll = Math.max(0, totalHeight - viewportHeight);
  const top = Math.min(Math.max(0, scrollTop), maxScroll);
  const firstVisible = Math.floor(top / rowHeight);
  const visibleCount = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const start = Math.max(0, firstVisible - overscan);
  const end = Math.min(total, firstVisible + visibleCount + overscan);
  return { start, end, offsetY: start * rowHeight, totalHeight };
}

/**
 * The page indices that hold rows `[start, end)`, extended by `prefetch` rows on both sides,
 * clamped to the list. Pages are `pageSize` rows long; page `p` holds rows `[p*pageSize, (p+1)*pageSize)`.
 */
export function pagesFor(start: number, end: number, pageSize: number, total: number, prefetch = 0): number[] {
  if (total <= 0 || end <= start) return [];
  const from = Math.max(0, start - prefetch);
  const to = Math.min(total, end + prefetch);
  if (to <= from) return [];
  const first = Math.floor(from / pageSize);
  const last = Math.floor((to - 1) / pageSize);
  const pages: number[] = [];
  for (let p = first; p <= last; p++) pages.push(p);
  return pages;
}

/** The scrollTop that brings row `index` into view, changing the current one as little as possible. */
export function scrollToReveal(index: number, scrollTop: number, viewportHeight: number, rowHeight: number): number {
  const rowTop = index * rowHeight;
  const rowBottom = rowTop + rowHeight;
  if (rowTop < scrollTop) return rowTop;
  if (rowBottom > scrollTop + viewportHeight) return rowBottom - viewportHeight;
  return scrollTop;
}
