import type { Diagnoser } from "@errsig/core";

/** What every tool and resource handler needs; built once per process and shared by all sessions. */
export interface ServerContext {
  diagnoser: Diagnoser;
  /** Characters of `text` diagnosed per call; longer text is cut (head and tail kept) with a note. */
  maxTextLength: number;
  /** Tool ids present in the loaded catalog, for validating `tool` arguments. */
  tools: ReadonlySet<string>;
}

/** Default for `maxTextLength`: a long pasted log, still well under what a single call should carry. */
export const DEFAULT_MAX_TEXT = 100_000;

export function createContext(diagnoser: Diagnoser, maxTextLength = DEFAULT_MAX_TEXT): ServerContext {
  return {
    diagnoser,
    maxTextLength,
    tools: new Set(diagnoser.catalog.map((s) => s.tool)),
  };
}
