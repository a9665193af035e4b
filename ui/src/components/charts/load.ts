/**
 * Chart.js, loaded the first time a chart is drawn: it is the largest library of the UI and only
 * the progress screens use it, so the first screen starts without it (Vite puts it in its own
 * chunk). The controllers and elements the charts use are registered once.
 */
import type { Chart as ChartType } from 'chart.js';

let loading: Promise<typeof ChartType> | null = null;

export function loadChart(): Promise<typeof ChartType> {
  loading ??= import('chart.js').then(
    ({ BarController, BarElement, CategoryScale, Chart, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip }) => {
      Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);
      // Texts drawn on the canvas use the app's font, like the rest of the screen.
      const appFont = typeof document === 'undefined' ? '' : getComputedStyle(document.documentElement).getPropertyValue('--font').trim();
      if (appFont) Chart.defaults.font.family = appFont;
      return Chart;
    },
  );
  return loading;
}
