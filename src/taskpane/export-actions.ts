/**
 * What the Export panel does outside the page's own DOM: download a file, copy text (the
 * Clipboard API, else a hidden textarea and execCommand, which desktop webviews allow),
 * write the schedule to a new sheet, draw the preview chart.
 */
import { Filler } from "chart.js";
import type { ModelWorkbook } from "../io/ports";
import type { ScheduleChartConfig } from "./charts/schedule-chart-config";
import { registerChartComponents } from "./charts/register-chart-components";

export interface ExportActions {
  download(name: string, text: string): void;
  copy(text: string): Promise<void>;
  /** Absent when the host cannot add sheets. */
  writeSheet?: (baseName: string, rows: readonly (readonly (string | number)[])[]) => Promise<string>;
  /** Draws the chart; returns a function that removes it. */
  drawChart(canvas: HTMLCanvasElement, config: ScheduleChartConfig): () => void;
}

export function browserExportActions(workbook: ModelWorkbook): ExportActions {
  const writeScheduleSheet = workbook.writeScheduleSheet?.bind(workbook);
  return {
    download(name, text) {
      const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
    async copy(text) {
      try {
        await navigator.clipboard.writeText(text);
        return;
      } catch {
        // Fall back below: some webviews refuse the Clipboard API.
      }
      const area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      const ok = document.execCommand("copy");
      area.remove();
      if (!ok) throw new Error("the clipboard is not available here: use Download or the new sheet instead");
    },
    writeSheet: writeScheduleSheet,
    drawChart(canvas, config) {
      const ChartClass = registerChartComponents();
      ChartClass.register(Filler);
      const chart = new ChartClass(canvas, config);
      return () => chart.destroy();
    },
  };
}
