/** Line numbers of offsets in a text, computed once per input and only when needed. */
export function lineIndex(text: string): (offset: number) => number {
  let starts: number[] | null = null;
  return (offset: number) => {
    if (starts === null) {
      starts = [0];
      for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
