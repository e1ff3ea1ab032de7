import type { Evidence } from "@errsig/core";

/** Evidence ranges sorted and merged: matchers often overlap (`API Error: 401` and `401 Invalid …`). */
export function mergeRanges(evidence: readonly Pick<Evidence, "start" | "end">[], length: number): [number, number][] {
  const ranges = evidence
    .map((e) => [Math.max(0, e.start), Math.min(length, e.end)] as [number, number])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of ranges) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

