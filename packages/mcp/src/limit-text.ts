/** The part of an over-long input that is diagnosed, and how to map offsets back to the original. */
export interface LimitedText {
  text: string;
  /** Set when the input was cut: a sentence for the caller saying what was dropped. */
  note?: string;
  /** Maps an offset in `text` to the same character's offset in the original input. */
  toOriginal(offset: number): number;
}

/** Marks the cut in the diagnosed text; a line of its own so no matcher reads across it as one phrase. */
const SEAM = "\n…\n";

/**
 * Cuts `input` to at most `max` characters by keeping its head and its tail: an error message
 * usually sits at the start of a pasted block (the message, then a stack) or at the end of a log
 * (the last thing before the tool gave up), rarely in the middle.
 */
export function limitText(input: string, max: number): LimitedText {
  if (input.length <= max) return { text: input, toOriginal: (o) => o };
  const head = Math.ceil(max / 2);
  const tail = Math.max(0, max - head);
  const tailStart = input.length - tail;
  const text = input.slice(0, head) + SEAM + input.slice(tailStart);
  const seamEnd = head + SEAM.length;
  return {
    text,
    note: `The text was ${input.length} characters, over this server's limit of ${max}; only the first ${head} and the last ${tail} characters were diagnosed. Evidence offsets still point into the full text.`,
    // Offsets inside the seam itself belong to no original character; pin them to the cut.
    toOriginal: (o) => (o < head ? o : o < seamEnd ? head : tailStart + (o - seamEnd)),
  };
}
