/**
 * Required literal words of a matcher: words of 3+ characters from [a-z0-9_] that any text the
 * matcher can match must contain. The prefilter only runs a signature's regexes when all of its
 * required words occur in the input, which is what makes a non-matching line cheap (gitleaks calls
 * these keywords).
 *
 * The regex walk is deliberately conservative: whatever it does not understand breaks the current
 * run of literal characters, so it may find fewer words than exist but never a word that is not
 * required.
 */

const MIN_WORD = 3;
const WORD_SPLIT = /[^a-z0-9_]+/;

/** Words of a plain string, lower-cased. */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(WORD_SPLIT)
    .filter((w) => w.length >= MIN_WORD);
}

/** Index of the `)` that closes the group opened at `open`, or -1. */
function closingParen(src: string, open: number): number {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    const c = src[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (c === "[") {
      i = closingBracket(src, i);
      if (i < 0) return -1;
      continue;
    }
    if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return i;
  }
  return -1;
}

/** Index of the `]` that closes the class opened at `open`, or -1. */
function closingBracket(src: string, open: number): number {
  let i = open + 1;
  if (src[i] === "^") i++;
  if (src[i] === "]") i++;
  for (; i < src.length; i++) {
    if (src[i] === "\\") i++;
    else if (src[i] === "]") return i;
  }
  return -1;
}

/** Splits at `|` characters that are not inside a group or class. */
function topLevelAlternatives(src: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let last = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === "\\") i++;
    else if (c === "[") i = Math.max(i, closingBracket(src, i));
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "|" && depth === 0) {
      out.push(src.slice(last, i));
      last = i + 1;
    }
  }
  out.push(src.slice(last));
  return out;
}

/** Length of the quantifier at `i` and whether it allows zero repetitions; 0 when none. */
function quantifierAt(src: string, i: number): { length: number; optional: boolean } {
  const c = src[i];
  let length = 0;
  let optional = false;
  if (c === "?" || c === "*") {
    length = 1;
    optional = true;
  } else if (c === "+") length = 1;
  else if (c === "{") {
    const m = /^\{(\d+)(,\d*)?\}/.exec(src.slice(i, i + 16));
    if (m) {
      length = m[0].length;
      optional = m[1] === "0";
    }
  }
  if (length > 0 && src[i + length] === "?") length++; // lazy
  return { length, optional };
}

/** Words required by one alternative (a sequence with no top-level `|`). */
function sequenceWords(src: string, depthLeft: number): string[] {
  const words: string[] = [];
  let run = "";
  const flush = () => {
    words.push(...wordsOf(run));
    run = "";
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (c === "(") {
      const close = closingParen(src, i);
      if (close < 0) return words; // malformed: keep what we have
      flush();
      const q = quantifierAt(src, close + 1);
      const inner = src.slice(i + 1, close);
      const lookaround = /^\?(?:[=!]|<[=!])/.test(inner);
      if (!lookaround && !q.optional && depthLeft > 0) {
        const body = inner.replace(/^\?(?::|<[A-Za-z_$][\w$]*>)/, "");
        words.push(...regexWords(body, depthLeft - 1));
      }
      i = close + 1 + q.length;
      continue;
    }
    if (c === "[") {
      const close = closingBracket(src, i);
      flush();
      if (close < 0) return words;
      i = close + 1 + quantifierAt(src, close + 1).length;
      continue;
    }
    let atom = "";
    let width = 1;
    if (c === "\\") {
      const e = src[i + 1] ?? "";
      width = 2;
      if (/[dDwWsSbBnrtfv0-9kpPuxc]/.test(e)) {
        atom = ""; // class, assertion or code: not a literal character
        if (e === "u" || e === "x") width = 2; // hex digits that follow are plain characters but break words anyway
      } else atom = e;
    } else if (c === "." || c === "^" || c === "$") atom = "";
    else atom = c;
    const q = quantifierAt(src, i + width);
    if (atom === "" || q.optional) flush();
    else {
      run += atom;
      if (q.length > 0) flush(); // the character may repeat: the word ends here
    }
    i += width + q.length;
  }
  flush();
  return words;
}

/** Words every match of `source` must contain (intersection over top-level alternatives). */
export function regexWords(source: string, depthLeft = 8): string[] {
  const alternatives = topLevelAlternatives(source);
  let common: Set<string> | null = null;
  for (const alt of alternatives) {
    const words = new Set(sequenceWords(alt, depthLeft));
    if (common === null) common = words;
    else {
      const next = new Set<string>();
      // A word of one alternative is also satisfied when another alternative contains it as a substring.
      for (const w of common) if ([...words].some((x) => x.includes(w))) next.add(w);
      for (const w of words) if ([...common].some((x) => x.includes(w))) next.add(w);
      common = next;
    }
  }
  return [...(common ?? [])];
}

/** Required words of a matcher. */
export function matcherWords(m: { regex?: string | undefined; literal?: string | undefined }): string[] {
  return [...new Set(m.literal !== undefined ? wordsOf(m.literal) : regexWords(m.regex ?? ""))];
}
