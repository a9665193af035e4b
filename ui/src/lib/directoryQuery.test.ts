import { describe, expect, it } from 'vitest';
import { buildDirectoryQuery, clearFilters, defaultFilters, hasActiveFilters, queryKey, toggleSort } from './directoryQuery';

describe('buildDirectoryQuery', () => {
  it('sends nulls for unset filters and the window asked for', () => {
    expect(buildDirectoryQuery(defaultFilters(), 400, 200)).toEqual({
      search: '',
      department: null,
      role: null,
      adoption_profile: null,
      platform_id: null,
      min_level: null,
      include_inactive: false,
      sort: 'name',
      descending: false,
      offset: 400,
      limit: 200,
    });
  });

  it('passes every filter through, trimming the search', () => {
    const q = buildDirectoryQuery(
      {
        search: '  dupont ',
        department: 'Finance',
        role: 'mentee',
        profile: 'anxious',
        platformId: 'linkedin',
        minLevel: 3,
        includeInactive: true,
        sort: 'grade',
        descending: true,
      },
      0,
      50,
    );
    expect(q).toMatchObject({
      search: 'dupont',
      department: 'Finance',
      role: 'mentee',
      adoption_profile: 'anxious',
      platform_id: 'linkedin',
      min_level: 3,
      include_inactive: true,
      sort: 'grade',
      descending: true,
    });
  });

  it('only sends a minimum level with a platform, and never 0', () => {
    expect(buildDirectoryQuery({ ...defaultFilters(), minLevel: 2 }, 0, 10).min_level).toBeNull();
    expect(buildDirectoryQuery({ ...defaultFilters(), platformId: 'tiktok', minLevel: 0 }, 0, 10).min_level).toBeNull();
    expect(buildDirectoryQuery({ ...defaultFilters(), platformId: 'tiktok', minLevel: 9 }, 0, 10).min_level).toBe(4);
  });

  it('keeps the window within what the command accepts', () => {
    const q = buildDirectoryQuery(defaultFilters(), -5, 10_000);
    expect(q.offset).toBe(0);
    expect(q.limit).toBe(500);
    expect(buildDirectoryQuery(defaultFilters(), 0, 0).limit).toBe(1);
  });
});

describe('filters', () => {
  it('knows when something narrows the list', () => {
    expect(hasActiveFilters(defaultFilters())).toBe(false);
    expect(hasActiveFilters({ ...defaultFilters(), search: '  ' })).toBe(false);
    expect(hasActiveFilters({ ...defaultFilters(), search: 'a' })).toBe(true);
    expect(hasActiveFilters({ ...defaultFilters(), includeInactive: true })).toBe(true);
    expect(hasActiveFilters({ ...defaultFilters(), sort: 'grade', descending: true })).toBe(false);
  });

  it('clearing keeps the sort', () => {
    const cleared = clearFilters({ ...defaultFilters(), search: 'x', role: 'mentor', sort: 'department', descending: true });
    expect(cleared).toEqual({ ...defaultFilters(), sort: 'department', descending: true });
  });

  it('a header click flips the direction of the current column, or sorts another ascending', () => {
    const f = defaultFilters();
    expect(toggleSort(f, 'name')).toMatchObject({ sort: 'name', descending: true });
    expect(toggleSort({ ...f, descending: true }, 'grade')).toMatchObject({ sort: 'grade', descending: false });
  });

  it('the cache key changes with the query but not with the window', () => {
    const f = defaultFilters();
    expect(queryKey(f)).toBe(queryKey({ ...f }));
    expect(queryKey(f)).not.toBe(queryKey({ ...f, search: 'a' }));
    expect(queryKey(f)).not.toBe(queryKey({ ...f, descending: true }));
  });
});
