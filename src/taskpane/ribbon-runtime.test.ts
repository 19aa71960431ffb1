/**
 * @jest-environment jsdom
 *
 * Point 9 of issue 10 on the stand-in host: the ribbon's Compute runs in the function
 * file's runtime, whose `enableEvents` is its own; its writes reach the open pane's change
 * handler, and the pane marks its results stale instead of showing old figures as current.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { createOfficeWorkbook } from "../io/office";
import { computeCommand } from "../commands/ribbon-commands";
import { rig, sampleWorkbook } from "../../test/support/standin-fixtures";
import { byId } from "./dom";
import { createPaneController } from "./pane-controller";
import { createBannerView } from "./views/banner-view";
import { createBusyView } from "./views/busy-view";
import { createExplainView } from "./views/explain-view";
import { createIssuesView } from "./views/issues-view";
import { createSummaryView } from "./views/summary-view";
import { createTemplateView } from "./views/template-view";

const PAGE = readFileSync(resolve(__dirname, "taskpane.html"), "utf8");

describe("the ribbon's Compute in its own runtime, with the pane open", () => {
  it("marks the pane's results stale, with the reason, when the ribbon rewrites the result sheets", async () => {
    document.body.innerHTML = (/<body>([\s\S]*)<\/body>/.exec(PAGE)?.[1] ?? "").replace(/<script[\s\S]*?<\/script>/g, "");
    const r = rig(await sampleWorkbook());
    const ribbon = r.host.addRuntime("commands");
    const ribbonWorkbook = createOfficeWorkbook(ribbon.Excel.run as unknown as Parameters<typeof createOfficeWorkbook>[0]);
    const select = (): void => undefined;
    const pane = createPaneController({
      workbook: r.workbook,
      loadSample: async () => ({ tables: [], sheets: [] }),
      now: () => new Date("2024-05-01T10:00:00Z"),
      revalidateAfterMs: 10,
      views: {
        banner: createBannerView(byId("banner")),
        busy: createBusyView(byId("progress"), byId("progress-label"), []),
        issues: createIssuesView(byId("issues"), byId("issue-counts"), select),
        template: createTemplateView(byId("template-report")),
        summary: createSummaryView(byId("summary"), byId("stale"), byId("stale-reason")),
        charts: { render: () => undefined },
        explain: createExplainView(byId("explain"), select),
        modelName: () => undefined,
      },
    });
    const stop = await pane.start();
    await pane.compute();
    await r.host.events.settle();
    // The pane's own writes ran with its events off: not stale.
    expect(byId("stale").hidden).toBe(true);

    await computeCommand(ribbonWorkbook, () => new Date("2024-05-01T11:00:00Z"));
    await r.host.events.settle();
    expect(byId("stale").hidden).toBe(false);
    expect(byId("stale-reason").textContent).toContain("changed outside this pane");
    // The ribbon's runtime had its events off; the pane's did not: only the pane heard.
    expect(r.host.events.log.length).toBeGreaterThan(0);
    await stop();
  });
});
