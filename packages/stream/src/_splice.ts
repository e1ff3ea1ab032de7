const encoder = new TextEncoder();

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/**
 * Adds `"errsig": …` as the last member of a JSON object line without re-serialising it, so every
 * original byte (key order, spacing, numbers beyond double precision) is kept.
 */
export function spliceBytes(raw: Uint8Array, errsig: unknown): Uint8Array {
  let close = raw.length - 1;
  while (close >= 0 && isSpace(raw[close] as number)) close--;
  let open = close - 1;
  while (open >= 0 && isSpace(raw[open] as number)) open--;
  const empty = raw[open] === 0x7b; // "{}": no comma
  const insert = encoder.encode(`${empty ? "" : ","}"errsig":${JSON.stringify(errsig)}`);
  const out = new Uint8Array(raw.length + insert.length);
  out.set(raw.subarray(0, close), 0);
  out.set(insert, close);
  out.set(raw.subarray(close), close + insert.length);
  return out;
}

export function spliceString(raw: string, errsig: unknown): string {
  const close = raw.lastIndexOf("}");
  const empty = /\{\s*$/.test(raw.slice(0, close));
  return `${raw.slice(0, close)}${empty ? "" : ","}"errsig":${JSON.stringify(errsig)}${raw.slice(close)}`;
}
