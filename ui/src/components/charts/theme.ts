/**
 * The colors a chart draws with, read from the app's CSS variables (app.css and charts.css) so
 * charts follow the light and dark themes. `PAPER` is the fixed light look of printed reports.
 */

export interface ChartTheme {
  text: string;
  muted: string;
  grid: string;
  surface: string;
  palette: string[];
}

export const PALETTE_SIZE = 7;

/** The light theme, for printing: paper is white whatever the screen's theme. */
export const PAPER: ChartTheme = {
  text: '#111827',
  muted: '#4b5563',
  grid: 'rgba(17, 24, 39, 0.08)',
  surface: '#ffffff',
  palette: ['#4f46e5', '#0d9488', '#c7d2fe', '#d97706', '#fb7185', '#0284c7', '#a21caf'],
};

/** The current screen theme, from the CSS variables in force on the document. */
export function readTheme(root: Element = document.documentElement): ChartTheme {
  const style = getComputedStyle(root);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    text: v('--text-2', PAPER.text),
    muted: v('--text-3', PAPER.muted),
    grid: v('--chart-grid', PAPER.grid),
    surface: v('--surface', PAPER.surface),
    palette: PAPER.palette.map((fallback, i) => v(`--chart-${i}`, fallback)),
  };
}
