import { exhaustive } from "../engine";
import type { ParsedResults, ResultsFormat } from "./harness-results";
import { parseArtillery } from "./parse-artillery";
import { parseJmeter } from "./parse-jmeter";
import { parseK6 } from "./parse-k6";
import { parseLocust } from "./parse-locust";

/** The text of a results file, and for Locust the stats history beside it when there is one. */
export interface ResultsText {
  readonly text: string;
  readonly history?: string;
}

/**
 * Parses a harness's results file in the named format.
 * @example parseResults("k6", { text }).results?.total.count
 */
export function parseResults(format: ResultsFormat, input: ResultsText): ParsedResults {
  switch (format) {
    case "artillery":
      return parseArtillery(input.text);
    case "locust":
      return parseLocust({ stats: input.text, history: input.history });
    case "k6":
      return parseK6(input.text);
    case "jmeter":
      return parseJmeter(input.text);
    default:
      return exhaustive(format);
  }
}
