import type { CatalogDto, SkillDto, TopicDto } from '../api';
import type { Lang } from './i18n/core';

/** A topic's name in the interface language, falling back to the other one when it is blank. */
export function topicName(topic: Pick<TopicDto, 'name_en' | 'name_fr'>, lang: Lang): string {
  const primary = lang === 'fr' ? topic.name_fr : topic.name_en;
  const other = lang === 'fr' ? topic.name_en : topic.name_fr;
  return primary.trim() || other.trim();
}

export interface SkillGroup {
  platformId: string;
  platformName: string;
  skills: { skill: SkillDto; topicName: string }[];
}

/** An employee's skills grouped by platform, in catalog order; skills on unknown topics are left out. */
export function groupSkills(catalog: CatalogDto, skills: readonly SkillDto[], lang: Lang): SkillGroup[] {
  const byTopic = new Map(skills.map((s) => [s.topic_id, s]));
  const groups: SkillGroup[] = [];
  for (const platform of catalog.platforms) {
    const items: SkillGroup['skills'] = [];
    for (const topic of platform.topics) {
      const skill = byTopic.get(topic.id);
      if (skill) items.push({ skill, topicName: topicName(topic, lang) });
    }
    if (items.length) groups.push({ platformId: platform.id, platformName: platform.name, skills: items });
  }
  return groups;
}

/**
 * The skills to submit from the editor's per-topic values: a topic with level 0 and no target says
 * nothing and is left out; targets are only kept for mentees.
 */
export function skillsToSubmit(
  values: Record<string, { level: number; target: number | null }>,
  withTargets: boolean,
): SkillDto[] {
  const out: SkillDto[] = [];
  for (const [topic_id, v] of Object.entries(values)) {
    const target = withTargets ? v.target : null;
    if (v.level === 0 && target === null) continue;
    out.push({ topic_id, level: v.level, target });
  }
  return out;
}
