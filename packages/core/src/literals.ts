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

/** A required word, and whether a non-word character (or the text's edge) must sit on each side. */
export interface Word {
  text: string;
  start: boolean;
  end: boolean;
}

/** Words of a run of literal characters; bounds come from the characters around each word. */
function runWords(run: string, startBound: boolean, endBound: boolean): Word[] {
  const out: Word[] = [];
  const re = /[a-z0-9_]+/g;
  const lower = run.toLowerCase();
  for (let m = re.exec(lower); m; m = re.exec(lower)) {
    const text = m[0];
    if (text.length < MIN_WORD) continue;
    const from = m.index;
    const to = from + text.length;
    out.push({ text, start: from > 0 || startBound, end: to < run.length || endBound });
  }
  return out;
}

/** Length of the escape at `i` (a backslash) and the literal character it stands for ("" if none). */
function escapeAt(src: string, i: number): { width: number; atom: string; boundary: boolean } {
  const e = src[i + 1] ?? "";
  if (e === "b") return { width: 2, atom: "", boundary: true };
  if (e === "u") {
    const m = /^\\u(?:\{[0-9a-fA-F]{1,6}\}|[0-9a-fA-F]{4})/.exec(src.slice(i, i + 10));
    return { width: m ? m[0].length : 2, atom: "", boundary: false };
  }
  if (e === "x") return { width: /^[0-9a-fA-F]{2}/.test(src.slice(i + 2, i + 4)) ? 4 : 2, atom: "", boundary: false };
  if (e === "c") return { width: 3, atom: "", boundary: false };
  if (e === "k" || e === "p" || e === "P") {
    const close = src.slice(i + 2).search(/[>}]/);
    return { width: close < 0 ? 2 : close + 3, atom: "", boundary: false };
  }
  if (/[dDwWsSBnrtfv0-9]/.test(e)) return { width: 2, atom: "", boundary: false };
  return { width: 2, atom: e, boundary: false };
}

/** Words required by one alternative (a sequence with no top-level `|`). */
function sequenceWords(src: string, depthLeft: number): Word[] {
  const words: Word[] = [];
  let run = "";
  let runStartBound = false;
  let pendingBound = false; // a \b or ^ just before the next run
  const flush = (endBound = false) => {
    words.push(...runWords(run, runStartBound, endBound));
    run = "";
  };
  const startRun = () => {
    if (run === "") {
      runStartBound = pendingBound;
      pendingBound = false;
    }
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (c === "(") {
      const close = closingParen(src, i);
      if (close < 0) return words; // malformed: keep what we have
      flush();
      pendingBound = false;
      const q = quantifierAt(src, close + 1);
      const inner = src.slice(i + 1, close);
      const lookaround = /^\?(?:[=!]|<[=!])/.test(inner);
      if (!lookaround && !q.optional && depthLeft > 0) {
        const body = inner.replace(/^\?(?::|<[A-Za-z_$][\w$]*>)/, "");
        words.push(...regexWords(body, depthLeft - 1).map((text) => ({ text, start: false, end: false })));
      }
      i = close + 1 + q.length;
      continue;
    }
    if (c === "[") {
      const close = closingBracket(src, i);
      flush();
      pendingBound = false;
      if (close < 0) return words;
      i = close + 1 + quantifierAt(src, close + 1).length;
      continue;
    }
    let atom = "";
    let width = 1;
    let boundary = false;
    if (c === "\\") ({ width, atom, boundary } = escapeAt(src, i));
    else if (c === "^" || c === "$") boundary = true;
    else if (c !== ".") atom = c;
    const q = quantifierAt(src, i + width);
    if (boundary) {
      flush(true);
      pendingBound = true;
    } else if (atom === "" || q.optional) {
      flush();
      pendingBound = false;
    } else {
      startRun();
      run += atom;
      if (q.length > 0) flush(); // the character may repeat: the word ends here
    }
    i += width + q.length;
  }
  flush();
  return words;
}

/**
 * The alternatives a regex can take, each with the words it requires (with bounds). A match
 * contains all the words of at least one alternative. Returns [] when some alternative requires
 * nothing (the regex then gives the prefilter nothing to work with).
 */
export function regexAlternatives(source: string, depthLeft = 8): Word[][] {
  const out: Word[][] = [];
  for (const alt of topLevelAlternatives(unwrapGroup(source))) {
    const words = sequenceWords(alt, depthLeft);
    if (words.length === 0) return [];
    out.push(dedupe(words));
  }
  return out;
}

/** `(?:a|b)` or `(?<name>a|b)` around the whole pattern is the same as `a|b` for the prefilter. */
function unwrapGroup(source: string): string {
  if (!source.startsWith("(") || closingParen(source, 0) !== source.length - 1) return source;
  const inner = source.slice(1, -1);
  if (/^\?(?:[=!]|<[=!])/.test(inner)) return source; // lookaround: requires nothing
  return unwrapGroup(inner.replace(/^\?(?::|<[A-Za-z_$][\w$]*>)/, ""));
}

function dedupe(words: Word[]): Word[] {
  const seen = new Map<string, Word>();
  for (const w of words) {
    const prev = seen.get(w.text);
    if (!prev) seen.set(w.text, w);
    else seen.set(w.text, { text: w.text, start: prev.start || w.start, end: prev.end || w.end });
  }
  return [...seen.values()];
}

/** Words every match of `source` must contain (intersection over top-level alternatives). */
export function regexWords(source: string, depthLeft = 8): string[] {
  const alternatives = topLevelAlternatives(source);
  let common: Set<string> | null = null;
  for (const alt of alternatives) {
    const words = new Set(sequenceWords(alt, depthLeft).map((w) => w.text));
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

/** Required words of a matcher (intersection over its alternatives). */
export function matcherWords(m: { regex?: string | undefined; literal?: string | undefined }): string[] {
  return [...new Set(m.literal !== undefined ? wordsOf(m.literal) : regexWords(m.regex ?? ""))];
}

/** A matcher's alternatives with bounded words, for the prefilter. */
export function matcherAlternatives(m: { regex?: string | undefined; literal?: string | undefined }): Word[][] {
  if (m.literal !== undefined) {
    const words = runWords(m.literal.trim(), false, false);
    return words.length > 0 ? [dedupe(words)] : [];
  }
  return regexAlternatives(m.regex ?? "");
}
