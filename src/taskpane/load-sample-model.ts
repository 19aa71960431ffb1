/**
 * Fetches the bundled sample model (the grids of examples/appendix-a-sample.xlsx, written
 * to assets/sample-model.json at build time) for "Insert template: sample model".
 */
import type { WorkbookGrids } from "../engine";

export const SAMPLE_MODEL_URL = "assets/sample-model.json";

export async function loadSampleModel(fetchFn: typeof fetch = fetch, url = SAMPLE_MODEL_URL): Promise<WorkbookGrids> {
  const response = await fetchFn(url);
  if (!response.ok) throw new Error(`the sample model could not be loaded (HTTP ${response.status})`);
  const grids = (await response.json()) as Partial<WorkbookGrids> | null;
  if (!grids || !Array.isArray(grids.tables) || !Array.isArray(grids.sheets)) throw new Error("the sample model file is not in the expected format");
  return grids as WorkbookGrids;
}
