import type { AdoptionProfileDto, DirectoryQueryDto, DirectorySortDto, ProgramRoleDto } from '../api';

/** What the directory's search box, filter menus and column headers hold. */
export interface DirectoryFilters {
  search: string;
  department: string;
  role: ProgramRoleDto | '';
  profile: AdoptionProfileDto | '';
  platformId: string;
  /** 0 = any level. Only applies with a platform. */
  minLevel: number;
  includeInactive: boolean;
  sort: DirectorySortDto;
  descending: boolean;
}

export const MAX_PAGE = 500;

export function defaultFilters(): DirectoryFilters {
  return {
    search: '',
    department: '',
    role: '',
    profile: '',
    platformId: '',
    minLevel: 0,
    includeInactive: false,
    sort: 'name',
    descending: false,
  };
}

/** Turns the screen's filters and a window into the query `list_employees` expects. */
export function buildDirectoryQuery(f: DirectoryFilters, offset: number, limit: number): DirectoryQueryDto {
  const platform = f.platformId || null;
  const level = Math.trunc(f.minLevel);
  return {
    search: f.search.trim(),
    department: f.department || null,
    role: f.role || null,
    adoption_profile: f.profile || null,
    platform_id: platform,
    min_level: platform && level > 0 ? Math.min(4, level) : null,
    include_inactive: f.includeInactive,
    sort: f.sort,
    descending: f.descending,
    offset: Math.max(0, Math.trunc(offset)),
    limit: Math.min(MAX_PAGE, Math.max(1, Math.trunc(limit))),
  };
}

/** True when something narrows the list beyond the defaults (the sort does not count). */
export function hasActiveFilters(f: DirectoryFilters): boolean {
  return (
    f.search.trim() !== '' ||
    f.department !== '' ||
    f.role !== '' ||
    f.profile !== '' ||
    f.platformId !== '' ||
    f.includeInactive
  );
}

/** Clears search and filters, keeping the sort the user chose. */
export function clearFilters(f: DirectoryFilters): DirectoryFilters {
  return { ...defaultFilters(), sort: f.sort, descending: f.descending };
}

/** Clicking a column header: same column flips the direction, another column sorts ascending. */
export function toggleSort(f: DirectoryFilters, column: DirectorySortDto): DirectoryFilters {
  if (f.sort === column) return { ...f, descending: !f.descending };
  return { ...f, sort: column, descending: false };
}

/** A stable key for everything but the window: when it changes, cached pages are stale. */
export function queryKey(f: DirectoryFilters): string {
  return JSON.stringify(buildDirectoryQuery(f, 0, 1));
}
