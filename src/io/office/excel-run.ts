/** How the adapter reaches the host: `Excel.run`, or a test's mock context runner. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** `Excel.run`, looked up when called (the global exists only once office.js loaded). */
export const excelRun: ExcelRun = (batch) => Excel.run(batch);
