/**
 * Registers only the chart.js parts the pane draws with (tree-shaken; chart.js needs no
 * eval, so the pane's Content-Security-Policy holds), once.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from "chart.js";

let registered = false;

export function registerChartComponents(): typeof Chart {
  if (!registered) {
    Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);
    Chart.defaults.font.family = '"Segoe UI", "Segoe UI Web (West European)", -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", sans-serif';
    Chart.defaults.font.size = 11;
    Chart.defaults.color = "#424242";
    registered = true;
  }
  return Chart;
}
