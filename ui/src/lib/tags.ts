/** Adds a trimmed tag unless it is empty or already there (case-insensitively); returns the same array when nothing changes. */
export function addTag(tags: readonly string[], raw: string): string[] {
  const tag = raw.trim().replace(/\s+/g, ' ');
  if (!tag) return tags as string[];
  if (tags.some((t) => t.toLowerCase() === tag.toLowerCase())) return tags as string[];
  return [...tags, tag];
}
