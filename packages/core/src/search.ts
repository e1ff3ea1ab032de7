import Fuse from "fuse.js";
import type { Signature } from "./schema.js";
import { TOOLS, toolName } from "./tools.js";

export interface SearchHit {
  id: string;
  title: string;
  tool: string;
  category: string;
  /** 0..1, higher is better. */
  score: number;
}

export interface SearchOptions {
  limit?: number;
  tool?: string;
  category?: string;
}

interface Doc {
  id: string;
  tool: string;
  category: string;
  title: string;
  message: string;
  causes: string;
  keywords: string;
  summary: string;
  toolName: string;
}

/** Words that say nothing about which error it is. */
const STOP = new Set(
  "a an and are as at be but by can cannot could did do does doesn't don't error errors for from get gets getting got has have how i i'm if in into is it it's its keeps me my no not of on or out so that the then this to was when while with without won't you your after again all also any every few hours always issue bug problem fails failed failing working work works".split(
    " ",
  ),
);

/**
 * Fuzzy search over titles, canonical messages, causes and keywords, for people who describe the
 * problem instead of pasting it ("claude keeps asking me to /login").
 *
 * Fuse's bitap matcher works on patterns up to 32 characters, so a sentence is split into words;
 * each word is searched on its own and a signature's score is the sum over words of how well it
 * matched, with rarer words counting more (a word that hits every entry tells nothing). The index
 * is built on first use, never at import.
 */
export class Searcher {
  private fuse: Fuse<Doc> | null = null;
  private readonly docs: Doc[];

  constructor(signatures: readonly Signature[]) {
    this.docs = signatures.map((s) => ({
      id: s.id,
      tool: s.tool,
      category: s.category,
      title: s.title,
      message: s.message,
      causes: s.causes.join(" "),
      keywords: s.keywords.join(" "),
      summary: s.summary,
      toolName: toolName(s.tool),
    }));
  }

  private index(): Fuse<Doc> {
    this.fuse ??= new Fuse(this.docs, {
      includeScore: true,
      ignoreLocation: true,
      threshold: 0.3,
      minMatchCharLength: 3,
      keys: [
        { name: "title", weight: 3 },
        { name: "keywords", weight: 2.5 },
        { name: "message", weight: 2 },
        { name: "causes", weight: 1 },
        { name: "summary", weight: 0.7 },
        { name: "id", weight: 1 },
      ],
    });
    return this.fuse;
  }

  /** Tool ids named in free text ("codex", "claude code"). */
  toolsMentioned(query: string): string[] {
    const q = ` ${query.toLowerCase()} `;
    return Object.entries(TOOLS)
      .filter(([id, t]) => q.includes(` ${id} `) || t.aliases.some((a) => q.includes(a)))
      .map(([id]) => id);
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = options.limit ?? 10;
    const words = [
      ...new Set(
        query
          .slice(0, 2000)
          .toLowerCase()
          .split(/[^a-z0-9_/.-]+/)
          .map((w) => w.replace(/^[./-]+|[./-]+$/g, ""))
          .filter((w) => w.length >= 3 && !STOP.has(w)),
      ),
    ].slice(0, 24);
    if (words.length === 0) return [];
    const fuse = this.index();
    const total = new Map<string, number>();
    for (const word of words) {
      const results = fuse.search(word.slice(0, 32));
      if (results.length === 0) continue;
      // Inverse document frequency: a word matching half the catalog is worth little.
      const idf = Math.log(1 + this.docs.length / results.length);
      for (const r of results) {
        const gain = (1 - (r.score ?? 1)) * idf;
        total.set(r.item.id, (total.get(r.item.id) ?? 0) + gain);
      }
    }
    const mentioned = new Set(this.toolsMentioned(query));
    const byId = new Map(this.docs.map((d) => [d.id, d]));
    const ranked = [...total.entries()]
      .map(([id, score]) => {
        const doc = byId.get(id) as Doc;
        return { doc, score: mentioned.has(doc.tool) ? score * 1.5 : score };
      })
      .filter(({ doc }) => (!options.tool || doc.tool === options.tool) && (!options.category || doc.category === options.category))
      .sort((a, b) => b.score - a.score || a.doc.id.localeCompare(b.doc.id));
    const top = ranked[0]?.score ?? 1;
    return ranked.slice(0, limit).map(({ doc, score }) => ({
      id: doc.id,
      title: doc.title,
      tool: doc.tool,
      category: doc.category,
      score: Math.round((score / Math.max(top, 1e-9)) * 1000) / 1000,
    }));
  }

  /**
   * Best fuzzy candidate with an absolute strength (0..1) for the diagnose fallback: the share of
   * the query's meaningful words that matched the top entry well.
   */
  best(query: string, tool?: string): { id: string; strength: number } | null {
    const words = query
      .toLowerCase()
      .split(/[^a-z0-9_/.-]+/)
      .filter((w) => w.length >= 3 && !STOP.has(w));
    if (words.length === 0) return null;
    const hits = this.search(query, { limit: 1, ...(tool ? { tool } : {}) });
    const top = hits[0];
    if (!top) return null;
    const fuse = this.index();
    let matched = 0;
    for (const w of new Set(words)) {
      const r = fuse.search(w.slice(0, 32));
      if (r.some((x) => x.item.id === top.id && (x.score ?? 1) < 0.2)) matched++;
    }
    return { id: top.id, strength: matched / new Set(words).size };
  }
}
