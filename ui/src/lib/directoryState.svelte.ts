import { defaultFilters, type DirectoryFilters } from './directoryQuery';

/** The directory's search, filters, sort and scroll, kept while the user visits an employee. */
export const directoryState = $state<{ filters: DirectoryFilters; scrollTop: number; activeIndex: number }>({
  filters: defaultFilters(),
  scrollTop: 0,
  activeIndex: -1,
});
