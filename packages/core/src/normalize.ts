/**
 * The normalised view matchers run on, with a map back to the original text.
 *
 * Real error text arrives wrapped by terminals, JSON-escaped once or twice, and coloured with ANSI
 * codes (DESIGN.md §6). One left-to-right pass removes ANSI sequences, undoes JSON string escapes
 * and folds every run of whitespace (line breaks included) into one space, recording for each
 * character of the view the offset of the character it came from. The pass is linear in the input.
 */
export interface View {
  /** The normalised text. */
  text: string;
  /** `map[i]` is the offset in the original input of `text[i]`; `map[text.length]` is the input length. */
  map: Int32Array;
}

const ESC = 0x1b;
const BACKSLASH = 0x5c;

function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0xfeff ||
    (code >= 0x2000 && code <= 0x200b) ||
    // Other control characters (NUL, BEL, …) carry no meaning for matching.
    code < 0x20 ||
    code === 0x7f
  );
}

function isHex(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);
}

/**
 * Whether the backslash at `i` belongs to a Windows path (`C:\\tools\\ripgrep`, `\\\\server\\share`)
 * rather than to a JSON escape: the token it sits in starts with a drive letter or a UNC prefix.
 * Bounded look-back, so the check stays cheap.
 */
function inWindowsPath(s: string, i: number): boolean {
  let j = i;
  const limit = Math.max(0, i - 260);
  while (j > limit && !isSpace(s.charCodeAt(j - 1)) && s.charCodeAt(j - 1) !== 0x22 /* " */ && s.charCodeAt(j - 1) !== 0x27 /* ' */) j--;
  return /^(?:[A-Za-z]:\\|\\\\[\w.$-])/.test(s.slice(j, j + 4));
}

/** Length of the ANSI escape sequence starting at `i` (which holds ESC). */
function ansiLength(s: string, i: number): number {
  const next = s.charCodeAt(i + 1);
  if (next === 0x5b /* [ */) {
    // CSI: parameters and intermediates, then one final byte in @..~ . Bounded so junk cannot stall.
    let j = i + 2;
    const limit = Math.min(s.length, i + 64);
    while (j < limit) {
      const c = s.charCodeAt(j);
      if (c >= 0x40 && c <= 0x7e) return j - i + 1;
      j++;
    }
    return 1;
  }
  if (next === 0x5d /* ] */) {
    // OSC (hyperlinks, titles): ends with BEL or ESC \ .
    const limit = Math.min(s.length, i + 2048);
    for (let j = i + 2; j < limit; j++) {
      const c = s.charCodeAt(j);
      if (c === 0x07) return j - i + 1;
      if (c === ESC && s.charCodeAt(j + 1) === BACKSLASH) return j - i + 2;
    }
    return 1;
  }
  return Number.isNaN(next) ? 1 : 2;
}

/**
 * Builds the view of `input`. `segments` restricts the view to parts of the input (used to sample
 * the head and tail of huge inputs); offsets in the map always point into the full input.
 */
export function normalize(input: string, segments: [number, number][] = [[0, input.length]]): View {
  let total = 0;
  for (const [a, b] of segments) total += b - a;
  const map = new Int32Array(total + 2);
  const parts: string[] = [];
  let n = 0;
  let lastSpace = true; // drop leading whitespace
  // Ordinary characters are copied as slices of the input, not one by one: most of any text needs
  // no change, and per-character string building is what made large inputs slow.
  let runStart = -1;

  const flush = (end: number) => {
    if (runStart < 0) return;
    parts.push(input.slice(runStart, end));
    for (let k = runStart; k < end; k++) map[n++] = k;
    runStart = -1;
  };
  const emit = (ch: string, from: number) => {
    parts.push(ch);
    map[n++] = from;
  };
  const space = (from: number) => {
    if (!lastSpace) {
      emit(" ", from);
      lastSpace = true;
    }
  };

  for (const [start, end] of segments) {
    if (n > 0) space(start);
    let i = start;
    while (i < end) {
      const code = input.charCodeAt(i);
      if (code === 0x20 && !lastSpace) {
        // A single space after text is kept as it is.
        if (runStart < 0) runStart = i;
        lastSpace = true;
        i++;
        continue;
      }
      if (code !== ESC && code !== BACKSLASH && !isSpace(code)) {
        if (runStart < 0) runStart = i;
        lastSpace = false;
        i++;
        continue;
      }
      flush(i);
      if (code === ESC) {
        i += ansiLength(input, i);
        continue;
      }
      if (code === BACKSLASH) {
        // A run of backslashes followed by an escape letter is one (possibly re-escaped) JSON escape.
        let j = i;
        while (j < end && input.charCodeAt(j) === BACKSLASH) j++;
        const c = input.charCodeAt(j);
        if ((c === 0x6e /* n */ || c === 0x72 /* r */ || c === 0x74 /* t */) && !inWindowsPath(input, i)) {
          space(i);
          i = j + 1;
          continue;
        }
        if (c === 0x22 /* " */ || c === 0x2f /* / */ || c === 0x27 /* ' */) {
          emit(input[j] as string, j);
          lastSpace = false;
          i = j + 1;
          continue;
        }
        if (
          c === 0x75 /* u */ &&
          j + 4 < end &&
          isHex(input.charCodeAt(j + 1)) &&
          isHex(input.charCodeAt(j + 2)) &&
          isHex(input.charCodeAt(j + 3)) &&
          isHex(input.charCodeAt(j + 4))
        ) {
          const decoded = Number.parseInt(input.slice(j + 1, j + 5), 16);
          if (isSpace(decoded)) space(i);
          else {
            emit(String.fromCharCode(decoded), i);
            lastSpace = false;
          }
          i = j + 5;
          continue;
        }
        // Anything else (Windows paths, regex text): keep a single backslash.
        emit("\\", i);
        lastSpace = false;
        i = j;
        continue;
      }
      space(i); // any other whitespace or control character
      i++;
    }
    flush(end);
  }
  let text = parts.join("");
  // Trailing space is harmless but trimming keeps evidence tidy.
  if (text.endsWith(" ")) {
    text = text.slice(0, -1);
    n--;
  }
  map[n] = input.length;
  return { text, map: map.subarray(0, n + 1) };
}

/** Original [start, end) of the view range [from, to). */
export function originalRange(view: View, from: number, to: number): [number, number] {
  const start = view.map[from] ?? 0;
  const last = to > from ? (view.map[to - 1] ?? start) : start;
  return [start, to > from ? last + 1 : start];
}
