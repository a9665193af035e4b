import { describe, expect, it } from 'vitest';
import type { AdoptionSummaryDto, MonthSessionsDto, PlatformProgressDto, PlatformTopicsDto } from '../api/progress';
import { chartConfig } from '../components/charts/config';
import { PAPER } from '../components/charts/theme';
import {
  adoptionChart,
  audienceChanges,
  formatCompact,
  formatHours,
  formatRating,
  hasData,
  levelChart,
  monthLabel,
  monthsChart,
  parseFollowers,
  percent,
  refAt,
  riskText,
  tableRows,
  topicsChart,
} from './progress';

const months: MonthSessionsDto[] = [
  { year: 2026, month: 1, held: 3, scheduled: 4, cancelled: 1 },
  { year: 2026, month: 2, held: 0, scheduled: 5, cancelled: 0 },
];

describe('progress formatting', () => {
  it('writes hours, ratings and large counts the way each language does', () => {
    expect(formatHours('en', 12.46)).toBe('12.5 h');
    expect(formatHours('fr', 12.46)).toBe('12,5 h');
    expect(formatRating('fr', { average: 4.25, count: 8 })).toBe('4,3');
    expect(formatRating('en', { average: 4, count: 2 })).toBe('4.0');
    expect(formatRating('en', { average: null, count: 0 })).toBeNull();
    expect(formatCompact('en', 1234)).toBe('1,234');
    expect(formatCompact('en', 250_000)).toBe('250k');
  });

  it('names months in the interface language', () => {
    expect(monthLabel('en', 2026, 3)).toBe('Mar 2026');
    expect(monthLabel('fr', 2026, 3)).toBe('mars 2026');
  });

  it('gives a percentage of zero when there is nothing to divide', () => {
    expect(percent(3, 4)).toBe(75);
    expect(percent(3, 0)).toBe(0);
  });

  it('explains a risk in a sentence', () => {
    expect(riskText('en', { kind: 'no_session_held_for', days: 50, limit_days: 42 })).toBe('No session held for 50 days');
    expect(riskText('fr', { kind: 'consecutive_cancellations', count: 2 })).toBe('2 annulations d’affilée');
  });
});

describe('chart data', () => {
  it('lays sessions out per month, with held, scheduled and cancelled series', () => {
    const data = monthsChart('fr', months);
    expect(data.labels).toEqual(['janv. 2026', 'févr. 2026']);
    expect(data.series.map((s) => s.label)).toEqual(['Planifiées', 'Tenues', 'Annulées']);
    expect(data.series[1].values).toEqual([3, 0]);
    expect(hasData(data)).toBe(true);
  });

  it('stacks topics by depth per platform', () => {
    const platforms: PlatformTopicsDto[] = [
      { platform_id: 'linkedin', platform_name: 'LinkedIn', topics_taught: 2, depths: { shown: 1, practised: 4, done_alone: 2 }, topics: [] },
    ];
    const data = topicsChart('en', platforms);
    expect(data.labels).toEqual(['LinkedIn']);
    expect(data.series.map((s) => [s.label, s.values[0]])).toEqual([
      ['Shown', 1],
      ['Practised', 4],
      ['Done alone', 2],
    ]);
  });

  it('leaves out adoption profiles nobody had and names the missing one', () => {
    const adoption: AdoptionSummaryDto = {
      profiles: [
        { profile: 'curious', at_start: 3, now: 1 },
        { profile: 'allergic', at_start: 0, now: 0 },
        { profile: null, at_start: 1, now: 1 },
      ],
      moves: [],
    };
    const data = adoptionChart('en', adoption);
    expect(data.labels).toEqual(['Curious', 'Not recorded']);
    expect(data.series[0].values).toEqual([3, 1]);
  });

  it('starts each level line at the declared level on the program start, then one point per session', () => {
    const platforms: PlatformProgressDto[] = [
      {
        platform_id: 'linkedin',
        platform_name: 'LinkedIn',
        topic_ids: ['a'],
        start: 1,
        now: 2.5,
        target: 3,
        points: [
          { session_id: 's1', at: '2026-02-10T09:00:00Z', level: 2 },
          { session_id: 's2', at: '2026-03-10T09:00:00Z', level: 2.5 },
        ],
      },
    ];
    const data = levelChart(platforms, '2026-01-05');
    const line = data.series[0];
    expect(line.xs).toEqual([Date.UTC(2026, 0, 5), Date.parse('2026-02-10T09:00:00Z'), Date.parse('2026-03-10T09:00:00Z')]);
    expect(line.values).toEqual([1, 2, 2.5]);
    expect(refAt(data, 0, 0)).toBeNull();
    expect(refAt(data, 0, 2)).toBe('s2');
  });

  it('tells an empty chart from one with figures', () => {
    expect(hasData(monthsChart('en', []))).toBe(false);
    expect(hasData({ labels: ['a'], series: [{ label: 'x', values: [0], color: 0 }] })).toBe(false);
  });

  it('gives line charts a table with one row per instant across series', () => {
    const data = {
      labels: [],
      series: [
        { label: 'A', values: [1, 2], xs: [10, 30], color: 0 },
        { label: 'B', values: [3], xs: [20], color: 1 },
      ],
    };
    expect(tableRows(data, (ms) => `t${ms}`)).toEqual([
      { head: 't10', cells: [1, null] },
      { head: 't20', cells: [null, 3] },
      { head: 't30', cells: [2, null] },
    ]);
  });
});

describe('chart configuration', () => {
  it('draws bars in the palette, with translated axis titles and the language locale', () => {
    const config = chartConfig(monthsChart('fr', months), { kind: 'bar', valueTitle: 'Séances' }, PAPER, 'fr-FR');
    expect(config.type).toBe('bar');
    expect(config.options?.locale).toBe('fr-FR');
    expect(config.data.labels).toEqual([
      ['janv.', '2026'],
      ['févr.', '2026'],
    ]);
    expect(config.data.datasets.map((d) => d.backgroundColor)).toEqual([PAPER.palette[2], PAPER.palette[0], PAPER.palette[4]]);
    const y = (config.options?.scales as Record<string, { title: { text: string } }>).y;
    expect(y.title.text).toBe('Séances');
  });

  it('puts the values on the x axis of horizontal bars', () => {
    const config = chartConfig(monthsChart('en', months), { kind: 'hbar', stacked: true }, PAPER, 'en-GB');
    expect(config.options?.indexAxis).toBe('y');
    const scales = config.options?.scales as Record<string, { type: string; stacked?: boolean }>;
    expect(scales.x.type).toBe('linear');
    expect(scales.y.type).toBe('category');
    expect(scales.x.stacked).toBe(true);
  });

  it('plots line points at their times', () => {
    const data = { labels: [], series: [{ label: 'LinkedIn', values: [1, 2], xs: [100, 200], color: 0 }] };
    const config = chartConfig(data, { kind: 'line', valueMax: 4 }, PAPER, 'en-GB');
    expect(config.data.datasets[0].data).toEqual([
      { x: 100, y: 1 },
      { x: 200, y: 2 },
    ]);
    const x = (config.options?.scales as Record<string, { min?: number; max?: number }>).x;
    expect([x.min, x.max]).toEqual([100, 200]);
  });
});

describe('audience form', () => {
  it('reads typed follower figures, with thousands separators, and refuses the rest', () => {
    expect(parseFollowers('')).toBeNull();
    expect(parseFollowers(' 1 200 ')).toBe(1200);
    expect(parseFollowers('12,500')).toBe(12500);
    expect(parseFollowers('-3')).toBe('invalid');
    expect(parseFollowers('12.5k')).toBe('invalid');
    expect(parseFollowers('2000000000')).toBe('invalid');
  });

  it('sends only the figures that changed', () => {
    const saved = [
      { platform_id: 'linkedin', followers: 300 },
      { platform_id: 'tiktok', followers: null },
      { platform_id: 'x', followers: 50 },
    ];
    expect(audienceChanges(saved, { linkedin: 300, tiktok: 1000, x: null })).toEqual([
      { platform_id: 'tiktok', followers: 1000 },
      { platform_id: 'x', followers: null },
    ]);
  });
});
