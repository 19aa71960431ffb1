/** Fluent-like colours for the charts; streams keep their colour in every chart. */
import type { Stream } from "../../engine";

export const STREAM_COLOURS: Readonly<Record<Stream, string>> = {
  Migration: "#0f6cbd",
  Install: "#ca5010",
  Traffic: "#62abf5",
};

export const CAPACITY_COLOUR = "#c50f1f";
export const REQUIRED_COLOUR = "#242424";
export const FAIL_COLOUR = "#c50f1f";
export const GRID_COLOUR = "#e0e0e0";
export const TEXT_COLOUR = "#424242";

/** One shade per phase, light to dark in phase order. */
export function phaseColour(index: number, count: number): string {
  const shades = ["#9cc8f2", "#479ef5", "#0f6cbd", "#0c3b5e"];
  if (count <= 1) return shades[2] as string;
  const at = Math.round((index / (count - 1)) * (shades.length - 1));
  return shades[Math.min(Math.max(at, 0), shades.length - 1)] as string;
}
