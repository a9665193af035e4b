import { describe, expect, it } from 'vitest';
import type { CoveredGoalDto, DiffPairDto, ParticipantDto, ProgramPersonDto, WhatIfDto } from '../api/programs';
import {
  explainPair,
  formatDuration,
  incompleteTag,
  isEmptyChange,
  mentorChanges,
  newProgramInput,
  participantsView,
  sameRatios,
  settingsChange,
  signed,
  sliderWeights,
  weightPercentages,
  whatIfSummary,
  DEFAULT_MATCHING,
  type ExplainInput,
} from './programs';
import { parseRoute, routeHref, areaOf, type Route } from './routes';
import { translatePlural } from './i18n/core';

const platforms: Record<string, string> = { linkedin: 'LinkedIn', tiktok: 'TikTok' };
const platformName = (id: string) => platforms[id] ?? id;

function goal(id: string, platform: string, en: string, fr: string, mentorLevel: number, covered: number): CoveredGoalDto {
  return {
    topic: { id, platform_id: platform, name_en: en, name_fr: fr },
    mentee_level: 1,
    mentee_target: 3,
    mentor_level: mentorLevel,
    covered,
  };
}

const lea: ExplainInput = {
  mentor: { first_name: 'Léa' },
  mentee: { first_name: 'Marc' },
  explanation: {
    covered_goals: [goal('linkedin.analytics', 'linkedin', 'Read your analytics', 'Lire ses statistiques', 4, 2)],
    shared_interests: ['video'],
    overlap_minutes: 180,
    same_site: false,
  },
};

function person(id: string, name: string): ProgramPersonDto {
  const [first_name, last_name] = name.split(' ');
  return { id, first_name, last_name, full_name: name, email: `${id}@example.com`, department: 'Sales', title: 'Manager', active: true };
}

function diff(mentee: ProgramPersonDto, mentor: ProgramPersonDto, score = 0.5): DiffPairDto {
  return { mentee, mentor, score };
}

describe('the why-this-pair sentence', () => {
  it('reads naturally in English with the topic in English', () => {
    expect(explainPair('en', lea, platformName)).toBe(
      'Léa: LinkedIn expert ↔ Marc: wants to learn “Read your analytics”; both into video; 3\u00a0h of shared availability',
    );
  });

  it('reads naturally in French with the topic in French and French spacing', () => {
    expect(explainPair('fr', lea, platformName)).toBe(
      'Léa\u00a0: maîtrise LinkedIn ↔ Marc\u00a0: veut progresser sur «\u00a0Lire ses statistiques\u00a0»\u00a0; intérêts communs\u00a0: video\u00a0; 3\u00a0h de disponibilités communes',
    );
  });

  it('leads with the goal the mentor covers most and counts the others', () => {
    const input: ExplainInput = {
      ...lea,
      explanation: {
        ...lea.explanation,
        covered_goals: [
          goal('tiktok.video', 'tiktok', 'Film and edit a short video', 'Filmer et monter une vidéo courte', 3, 1),
          goal('linkedin.analytics', 'linkedin', 'Read your analytics', 'Lire ses statistiques', 4, 2),
          goal('linkedin.post', 'linkedin', 'Write and publish a post', 'Rédiger et publier un post', 4, 1),
        ],
        shared_interests: ['video', 'sport'],
      },
    };
    const en = explainPair('en', input, platformName);
    expect(en).toContain('Léa: LinkedIn expert ↔ Marc: wants to learn “Read your analytics” (+2 other goals)');
    expect(en).toContain('both into video and sport');
    expect(explainPair('fr', input, platformName)).toContain('(+\u00a02 autres objectifs)\u00a0; intérêts communs\u00a0: video et sport');
  });

  it('says when there is no skill match and no shared time, and names a shared site', () => {
    const input: ExplainInput = {
      ...lea,
      explanation: { covered_goals: [], shared_interests: [], overlap_minutes: 0, same_site: true },
    };
    expect(explainPair('en', input, platformName)).toBe('No shared time slot yet; same site');
    expect(explainPair('fr', input, platformName)).toBe('Pas encore de créneau commun\u00a0; même site');
  });

  it('describes a practitioner mentor and falls back to the platform id', () => {
    const input: ExplainInput = {
      ...lea,
      explanation: { ...lea.explanation, covered_goals: [goal('x.post', 'x', 'Write posts', 'Rédiger des posts', 3, 1)] },
    };
    expect(explainPair('en', input, platformName)).toMatch(/^Léa: uses x confidently ↔ /);
    expect(explainPair('fr', input, platformName)).toMatch(/^Léa\u00a0: à l’aise sur x ↔ /);
  });
});

describe('durations', () => {
  it('reads hours and minutes as people say them', () => {
    expect(formatDuration('en', 45)).toBe('45\u00a0min');
    expect(formatDuration('fr', 120)).toBe('2\u00a0h');
    expect(formatDuration('fr', 90)).toBe('1\u00a0h\u00a030');
    expect(formatDuration('en', 90)).toBe('1\u00a0h\u00a030\u00a0min');
  });
});

describe('weights', () => {
  it('shows each weight as a whole percentage, adding up to 100', () => {
    expect(weightPercentages({ skill: 40, interests: 15, availability: 20, adoption: 15, comfort: 10 })).toEqual({
      skill: 40,
      interests: 15,
      availability: 20,
      adoption: 15,
      comfort: 10,
    });
    const thirds = weightPercentages({ skill: 1, interests: 1, availability: 1, adoption: 0, comfort: 0 });
    expect(thirds.skill + thirds.interests + thirds.availability).toBe(100);
    expect([thirds.skill, thirds.interests, thirds.availability].sort()).toEqual([33, 33, 34]);
  });

  it('shows 0 % everywhere when every weight is 0', () => {
    expect(weightPercentages({ skill: 0, interests: 0, availability: 0, adoption: 0, comfort: 0 }).skill).toBe(0);
  });

  it('puts fractional stored weights on the sliders’ 0–100 scale, keeping the ratios', () => {
    const stored = { skill: 0.4, interests: 0.15, availability: 0.2, adoption: 0.15, comfort: 0.1 };
    const shown = sliderWeights(stored);
    expect(shown).toEqual(DEFAULT_MATCHING.weights);
    expect(sameRatios(stored, shown)).toBe(true);
    expect(sameRatios(stored, { ...shown, skill: 41 })).toBe(false);
  });
});

describe('what-if', () => {
  const marc = person('m1', 'Marc Dubois');
  const anne = person('m2', 'Anne Petit');
  const lea2 = person('t1', 'Léa Martin');
  const hugo = person('t2', 'Hugo Roux');

  it('groups the diff per mentee: changed, newly matched and left unmatched, in name order', () => {
    const changes = mentorChanges({
      removed: [diff(marc, lea2), diff(anne, hugo)],
      added: [diff(marc, hugo), diff(person('m3', 'Bernard Simon'), lea2)],
    });
    expect(changes.map((c) => [c.mentee.full_name, c.from?.mentor.full_name ?? null, c.to?.mentor.full_name ?? null])).toEqual([
      ['Anne Petit', 'Hugo Roux', null],
      ['Bernard Simon', null, 'Léa Martin'],
      ['Marc Dubois', 'Léa Martin', 'Hugo Roux'],
    ]);
  });

  it('sums up totals in points and the matched change', () => {
    const w: WhatIfDto = {
      added: [diff(marc, hugo)],
      removed: [],
      total_before: 12.345,
      total_after: 12.7,
      matched_before: 20,
      matched_after: 21,
      elapsed_ms: 3,
    };
    expect(whatIfSummary(w)).toEqual({ before: 1235, after: 1270, totalDelta: 35, matchedDelta: 1, changed: true });
    expect(signed('en', 35)).toBe('+35');
    expect(signed('fr', -1200)).toBe('−1\u202f200');
    expect(signed('en', 0)).toBe('±0');
  });

  it('sends only what differs from the saved settings', () => {
    const saved = { ...DEFAULT_MATCHING, weights: { skill: 0.4, interests: 0.15, availability: 0.2, adoption: 0.15, comfort: 0.1 } };
    expect(isEmptyChange(settingsChange(saved, sliderWeights(saved.weights), 1))).toBe(true);
    const change = settingsChange(saved, { ...DEFAULT_MATCHING.weights, skill: 80 }, 2);
    expect(change.weights?.skill).toBe(80);
    expect(change.default_capacity).toBe(2);
    expect(change.require_different_department).toBeNull();
  });
});

describe('program form and routes', () => {
  it('starts a new program on the first of next month for six months', () => {
    const input = newProgramInput(DEFAULT_MATCHING, new Date(2026, 10, 21));
    expect(input.start_date).toBe('2026-12-01');
    expect(input.end_date).toBe('2027-05-31');
    expect(input.cadence_weeks).toBe(4);
    expect(input.session_minutes).toBe(60);
  });

  it('gives every program screen an address that reads back the same', () => {
    const routes: Route[] = [
      { name: 'programs' },
      { name: 'program-new' },
      { name: 'program', id: 'p 1', tab: 'review' },
      { name: 'program', id: 'p1', tab: 'participants' },
      { name: 'program-edit', id: 'p1' },
    ];
    for (const r of routes) {
      expect(parseRoute(routeHref(r))).toEqual(r);
      expect(areaOf(r)).toBe('programs');
    }
    expect(parseRoute('#/programs/p1')).toEqual({ name: 'program', id: 'p1', tab: 'review' });
  });
});

describe('incomplete profiles', () => {
  function participant(id: string, side: ParticipantDto['side'], profile_gaps: ParticipantDto['profile_gaps'] = []): ParticipantDto {
    return { person: person(id, `${id.toUpperCase()} Test`), side, capacity_override: null, capacity: 1, profile_gaps };
  }
  const everyone = [
    participant('a', 'mentor'),
    participant('b', 'mentor', ['skills', 'availability']),
    participant('c', 'mentee', ['goals']),
    participant('d', 'mentee'),
    participant('e', 'mentee', ['availability']),
  ];
  const ids = (list: ParticipantDto[]) => list.map((p) => p.person.id);

  it('counts the incomplete profiles and lists everyone by side until HR filters', () => {
    const view = participantsView(everyone, false);
    expect(view.incomplete).toBe(3);
    expect(view.onlyIncomplete).toBe(false);
    expect(ids(view.shown.mentor)).toEqual(['a', 'b']);
    expect(ids(view.shown.mentee)).toEqual(['c', 'd', 'e']);
    expect(view.all).toEqual(view.shown);
  });

  it('lists only the incomplete profiles when asked, keeping the counts of each side', () => {
    const view = participantsView(everyone, true);
    expect(view.onlyIncomplete).toBe(true);
    expect(ids(view.shown.mentor)).toEqual(['b']);
    expect(ids(view.shown.mentee)).toEqual(['c', 'e']);
    expect(ids(view.all.mentee)).toEqual(['c', 'd', 'e']);
  });

  it('drops the filter by itself once every profile is complete', () => {
    const complete = [participant('a', 'mentor'), participant('d', 'mentee')];
    const view = participantsView(complete, true);
    expect(view.incomplete).toBe(0);
    expect(view.onlyIncomplete).toBe(false);
    expect(ids(view.shown.mentee)).toEqual(['d']);
    expect(participantsView([], true)).toMatchObject({ incomplete: 0, onlyIncomplete: false, shown: { mentor: [], mentee: [] } });
  });

  it('words each gap in the tag, in both languages', () => {
    expect(incompleteTag('en', ['goals', 'availability'])).toBe('Profile incomplete: goals, availability');
    expect(incompleteTag('en', ['skills'])).toBe('Profile incomplete: skills');
    expect(incompleteTag('fr', ['goals', 'skills', 'availability'])).toBe('Profil incomplet : objectifs, compétences, disponibilités');
  });

  it('says how many participants have not completed their profile', () => {
    expect(translatePlural('en', 'programs.participants.incomplete', 1)).toBe('1 participant has not completed their profile');
    expect(translatePlural('en', 'programs.participants.incomplete', 3)).toBe('3 participants have not completed their profile');
    expect(translatePlural('fr', 'programs.participants.incomplete', 1)).toBe('1 participant n’a pas complété son profil');
    expect(translatePlural('fr', 'programs.participants.incomplete', 3)).toBe('3 participants n’ont pas complété leur profil');
  });
});
