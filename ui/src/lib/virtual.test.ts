import { describe, expect, it } from 'vitest';
import { computeWindow, pagesFor, scrollToReveal } from './virtual';

describe('computeWindow', () => {
  const base = { rowHeight: 50, viewportHeight: 500, total: 20000, overscan: 5 };

  it('renders the visible rows plus overscan below at the top of the list', () => {
    const w = computeWindow({ ...base, scrollTop: 0 });
    expect(w.start).toBe(0);
    expect(w.end).toBe(16); // 10 visible + 1 partial + 5 overscan
    expect(w.offsetY).toBe(0);
    expect(w.totalHeight).toBe(1_000_000);
  });

  it('renders around the scroll position in the middle of the list', () => {
    const w = computeWindow({ ...base, scrollTop: 10_025 });
    // first visible row is 200 (10_025 / 50 rounded down)
    expect(w.start).toBe(195);
    expect(w.end).toBe(216);
    expect(w.offsetY).toBe(195 * 50);
  });

  it('never goes past the end, even when scrollTop overshoots', () => {
    const w = computeWindow({ ...base, scrollTop: 5_000_000 });
    expect(w.end).toBe(20000);
    expect(w.start).toBe(20000 - 10 - 5);
  });

  it('renders every row of a short list', () => {
    const w = computeWindow({ ...base, total: 3, scrollTop: 0 });
    expect([w.start, w.end]).toEqual([0, 3]);
  });

  it('renders nothing for an empty list', () => {
    expect(computeWindow({ ...base, total: 0, scrollTop: 0 })).toEqual({ start: 0, end: 0, offsetY: 0, totalHeight: 0 });
  });

  it('treats a negative scrollTop (elastic scrolling) as the top', () => {
    expect(computeWindow({ ...base, scrollTop: -80 }).start).toBe(0);
  });
});

describe('pagesFor', () => {
  it('returns the pages that hold the rendered rows', () => {
    expect(pagesFor(0, 16, 200, 20000)).toEqual([0]);
    expect(pagesFor(195, 216, 200, 20000)).toEqual([0, 1]);
    expect(pagesFor(400, 400 + 21, 200, 20000)).toEqual([2]);
  });

  it('extends by the prefetch margin on both sides, within the list', () => {
    expect(pagesFor(450, 470, 200, 20000, 100)).toEqual([1, 2]);
    expect(pagesFor(580, 600, 200, 20000, 100)).toEqual([2, 3]);
    expect(pagesFor(10, 30, 200, 20000, 100)).toEqual([0]);
    expect(pagesFor(19_980, 20_000, 200, 20000, 100)).toEqual([99]);
  });

  it('fetches nothing for an empty range or list', () => {
    expect(pagesFor(0, 0, 200, 20000)).toEqual([]);
    expect(pagesFor(0, 10, 200, 0)).toEqual([]);
  });
});

describe('scrollToReveal', () => {
  it('keeps the scroll when the row is visible', () => {
    expect(scrollToReveal(5, 0, 500, 50)).toBe(0);
  });
  it('scrolls up to a row above the viewport', () => {
    expect(scrollToReveal(2, 400, 500, 50)).toBe(100);
  });
  it('scrolls down just enough to show a row below the viewport', () => {
    expect(scrollToReveal(12, 0, 500, 50)).toBe(150);
  });
});
