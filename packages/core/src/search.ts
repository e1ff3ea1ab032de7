import Fuse from "fuse.js";
import type { Signature } from "./schema.js";
import { TOOLS, toolName } from "./tools.js";

export interface SearchHit {
  id: string;
  title: string;
  tool: string;
  category: string;
  /** 0..1 relative to the best hit (1 = best). */
  score: number;
}

export interface SearchOptions {
  limit?: number;
  tool?: string;
  category?: string;
}

/** Words that say nothing about which error it is. */
const STOP = new Set(
  "a an and are as at be but by can cannot could did do does doesn't don't error errors for from get gets getting got has have how i i'm if in into is it it's its keeps keep me my no not of on or out so that the then this to was when while with without won't you your after again all also any every few hours always issue bug problem fails failed failing working work works just still even now".split(
    " ",
  ),
);

/** Field weights: a word in the title says more than a word in the summary. */
const FIELDS: [keyof Pick<Signature, "title" | "keywords" | "message" | "id" | "causes" | "summary">, number][] = [
  ["title", 3],
  ["keywords", 2.5],
  ["message", 2],
  ["id", 1.5],
  ["causes", 1],
  ["summary", 0.7],
];

/** Lower-cased words of 3+ characters; paths and flags are split too ("/login" → "login"). */
export function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9_]+/)
    .filter((w) => w.length >= 3 && !STOP.has(w));
}

/**
 * Fuzzy search for people who describe the problem instead of pasting it
 * ("Claude Code keeps asking me to /login every few hours").
 *
 * fuse.js runs over the catalog's vocabulary (a few thousand short words), not over whole entries:
 * each query word finds its near spellings ("loggin" → "login", "tokens" → "token"), and an inverted
 * index turns those words into entries, weighted by field and by rarity (a word found in every entry
 * tells nothing). This keeps one query word at about a millisecond whatever the entries' length,
 * where fuse over the entries' long text fields costs orders of magnitude more. Built on first use.
 */
export class Searcher {
  private readonly signatures: readonly Signature[];
  private index: { fuse: Fuse<string>; postings: Map<string, Map<number, number>> } | null = null;

  constructor(signatures: readonly Signature[]) {
    this.signatures = signatures;
  }

  private build() {
    const postings = new Map<string, Map<number, number>>();
    this.signatures.forEach((s, doc) => {
      const add = (text: string, weight: number) => {
        for (const w of tokenize(text)) {
          let p = postings.get(w);
          if (!p) postings.set(w, (p = new Map()));
          p.set(doc, Math.max(p.get(doc) ?? 0, weight));
        }
      };
      for (const [field, weight] of FIELDS) {
        const value = s[field];
        add(Array.isArray(value) ? value.join(" ") : value, weight);
      }
      add(`${toolName(s.tool)} ${s.tool}`, 1);
    });
    const fuse = new Fuse([...postings.keys()], { includeScore: true, threshold: 0.25, ignoreLocation: true, minMatchCharLength: 3 });
    return { fuse, postings };
  }

  /** Tool ids named in free text ("codex", "claude code"), matched on word boundaries. */
  toolsMentioned(text: string): string[] {
    const words = ` ${text.toLowerCase().replace(/[^a-z0-9.-]+/g, " ")} `;
    return Object.entries(TOOLS)
      .filter(([id, t]) => words.includes(` ${id} `) || t.aliases.some((a) => words.includes(` ${a} `)))
      .map(([id]) => id);
  }

  /** Per entry: summed score, and how many distinct query words hit it closely. */
  private score(query: string): { scores: Map<number, number>; strong: Map<number, number>; words: number } {
    this.index ??= this.build();
    const { fuse, postings } = this.index;
    const words = [...new Set(tokenize(query.slice(0, 2000)))].slice(0, 24);
    const scores = new Map<number, number>();
    const strong = new Map<number, number>();
    const n = this.signatures.length;
    for (const word of words) {
      const best = new Map<number, number>(); // this query word counts once per entry
      const close = new Set<number>();
      for (const r of fuse.search(word.slice(0, 32), { limit: 8 })) {
        // Fuse scores a substring as a near-perfect hit ("claude" in "claude_code_use_bedrock");
        // scale by length so a long, rare vocabulary word does not outweigh the word itself.
        const lengthRatio = Math.min(word.length, r.item.length) / Math.max(word.length, r.item.length);
        const similarity = (1 - (r.score ?? 1)) * lengthRatio;
        const docs = postings.get(r.item)!;
        const idf = Math.log(1 + n / docs.size);
        for (const [doc, weight] of docs) {
          const gain = similarity * idf * weight;
          if (gain > (best.get(doc) ?? 0)) best.set(doc, gain);
          if (similarity >= 0.8) close.add(doc);
        }
      }
      for (const [doc, gain] of best) scores.set(doc, (scores.get(doc) ?? 0) + gain);
      for (const doc of close) strong.set(doc, (strong.get(doc) ?? 0) + 1);
    }
    return { scores, strong, words: words.length };
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = Math.max(1, options.limit ?? 10);
    const { scores } = this.score(query);
    const mentioned = new Set(this.toolsMentioned(query));
    const ranked = [...scores.entries()]
      .map(([doc, score]) => {
        const s = this.signatures[doc]!;
        return { s, score: mentioned.has(s.tool) ? score * 1.5 : score };
      })
      .filter(({ s }) => (!options.tool || s.tool === options.tool) && (!options.category || s.category === options.category))
      .sort((a, b) => b.score - a.score || a.s.id.localeCompare(b.s.id));
    const top = ranked[0]?.score ?? 1;
    return ranked.slice(0, limit).map(({ s, score }) => ({
      id: s.id,
      title: s.title,
      tool: s.tool,
      category: s.category,
      score: Math.round((score / top) * 1000) / 1000,
    }));
  }

  /**
   * Best entry for the diagnose fallback, with an absolute strength (0..1): the share of the query's
   * meaningful words that closely match that entry.
   */
  best(query: string, tool?: string): { id: string; strength: number } | null {
    const top = this.search(query, { limit: 1, ...(tool ? { tool } : {}) })[0];
    if (!top) return null;
    const { strong, words } = this.score(query);
    const doc = this.signatures.findIndex((s) => s.id === top.id);
    return { id: top.id, strength: words === 0 ? 0 : Math.min(1, (strong.get(doc) ?? 0) / words) };
  }
}
