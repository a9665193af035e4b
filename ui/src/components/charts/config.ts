/**
 * Turns a `ChartData` (lib/progress.ts) into a Chart.js configuration: bar, horizontal bar or time
 * line, in a theme and a locale. Pure (no DOM), so the shape is tested in Vitest; Chart.svelte
 * draws it. To restyle every chart, change it here.
 */
import type { ChartConfiguration } from 'chart.js';
import type { ChartData } from '../../lib/progress';
import { PALETTE_SIZE, type ChartTheme } from './theme';

export type ChartKind = 'bar' | 'hbar' | 'line';

export interface ChartOptions {
  kind: ChartKind;
  stacked?: boolean;
  /** Title of the category axis (x, or y for horizontal bars) and of the value axis. */
  categoryTitle?: string;
  valueTitle?: string;
  /** Upper bound of the value axis (e.g. 4 for levels). */
  valueMax?: number;
  /** Text of a value axis tick (e.g. level names); numbers in the locale by default. */
  valueTick?: (value: number) => string;
  /** Text of an x value of a line chart (a time in ms). */
  formatX?: (ms: number) => string;
  /** A clicked value: its series and its index in the series. */
  onPick?: (series: number, index: number) => void;
}

/** Lines take the palette in this order, so neighbouring lines never share a hue family. */
const LINE_ORDER = [0, 1, 3, 5, 6, 4];

function color(theme: ChartTheme, index: number): string {
  return theme.palette[((index % PALETTE_SIZE) + PALETTE_SIZE) % PALETTE_SIZE];
}

/** "Mar 2026" as two lines ("Mar", "2026") so month axes stay level; other labels as they are. */
export function twoLines(label: string): string | string[] {
  const m = /^(.+) (\d{4})$/.exec(label);
  return m ? [m[1], m[2]] : label;
}

export function chartConfig(data: ChartData, options: ChartOptions, theme: ChartTheme, locale: string): ChartConfiguration {
  const { kind } = options;
  const line = kind === 'line';
  const horizontal = kind === 'hbar';
  const stacked = Boolean(options.stacked);
  const numberFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });

  const datasets = data.series.map((s, i) => {
    if (line) {
      const c = color(theme, LINE_ORDER[i % LINE_ORDER.length]);
      return {
        type: 'line' as const,
        label: s.label,
        data: s.values.map((y, j) => ({ x: s.xs?.[j] ?? j, y })),
        borderColor: c,
        backgroundColor: c,
        borderWidth: 2,
        pointRadius: 4,
        pointHoverRadius: 6,
        // Monotone: the line never overshoots the levels between two sessions.
        cubicInterpolationMode: 'monotone' as const,
      };
    }
    const c = color(theme, s.color);
    return {
      type: 'bar' as const,
      label: s.label,
      data: s.values,
      backgroundColor: c,
      borderColor: c,
      borderRadius: 3,
      maxBarThickness: 28,
    };
  });

  const axisTitle = (text: string | undefined) => ({ display: Boolean(text), text: text ?? '', color: theme.muted });
  const valueScale = {
    type: 'linear' as const,
    beginAtZero: true,
    stacked,
    max: options.valueMax,
    grid: { color: theme.grid },
    border: { display: false },
    ticks: {
      color: theme.muted,
      precision: 0,
      callback: (v: string | number) => (options.valueTick ? options.valueTick(Number(v)) : numberFormat.format(Number(v))),
    },
    title: axisTitle(options.valueTitle),
  };
  const xs = data.series.flatMap((s) => s.xs ?? []);
  const categoryScale = line
    ? {
        type: 'linear' as const,
        // The time axis spans the points, not round numbers of milliseconds around them.
        min: xs.length ? Math.min(...xs) : undefined,
        max: xs.length ? Math.max(...xs) : undefined,
        grid: { color: theme.grid },
        border: { display: false },
        ticks: {
          color: theme.muted,
          maxTicksLimit: 6,
          callback: (v: string | number) => (options.formatX ? options.formatX(Number(v)) : String(v)),
        },
        title: axisTitle(options.categoryTitle),
      }
    : {
        type: 'category' as const,
        stacked,
        grid: { display: false },
        border: { color: theme.grid },
        ticks: { color: theme.muted, maxRotation: 0, autoSkip: false },
        title: axisTitle(options.categoryTitle),
      };

  const config: ChartConfiguration = {
    type: line ? 'line' : 'bar',
    data: { labels: line ? undefined : data.labels.map(twoLines), datasets } as ChartConfiguration['data'],
    options: {
      locale,
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: horizontal ? 'y' : 'x',
      interaction: line ? { mode: 'nearest', intersect: true } : { mode: 'index', intersect: false },
      plugins: {
        legend: {
          display: data.series.length > 1,
          position: 'bottom',
          labels: { color: theme.text, boxWidth: 10, boxHeight: 10, usePointStyle: true, pointStyle: 'rectRounded' },
        },
        tooltip: {
          callbacks: line && options.formatX
            ? {
                title: (items) => (items[0] ? options.formatX!(Number((items[0].raw as { x: number }).x)) : ''),
                label: (item) =>
                  `${item.dataset.label}: ${options.valueTick ? options.valueTick(Math.round(Number((item.raw as { y: number }).y))) + ' · ' : ''}${numberFormat.format(Number((item.raw as { y: number }).y))}`,
              }
            : {},
        },
      },
      scales: horizontal ? { x: valueScale, y: categoryScale } : { x: categoryScale, y: valueScale },
      onClick: options.onPick
        ? (_event, elements) => {
            const hit = elements[0];
            if (hit) options.onPick!(hit.datasetIndex, hit.index);
          }
        : undefined,
      onHover: options.onPick
        ? (event, elements) => {
            const target = event.native?.target as HTMLElement | undefined;
            if (target) target.style.cursor = elements.length ? 'pointer' : 'default';
          }
        : undefined,
    },
  };
  return config;
}
