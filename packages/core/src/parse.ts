import { z } from "zod";
import { SignatureSchema, type Signature } from "./schema.js";

/** Thrown when signature JSON does not fit the schema; the message names the source and JSON path. */
export class SignatureError extends Error {
  constructor(
    message: string,
    readonly source: string,
    readonly issues: { path: string; message: string }[],
  ) {
    super(message);
    this.name = "SignatureError";
  }
}

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** JSON path in the form `$.match.all[0].regex`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "$";
  for (const key of path) out += typeof key === "number" ? `[${key}]` : `.${String(key)}`;
  return out;
}

/** Finds keys such as `__proto__` anywhere in parsed JSON: they are never legitimate in a signature. */
function findForbiddenKey(value: unknown, path: PropertyKey[] = []): PropertyKey[] | null {
  if (value === null || typeof value !== "object") return null;
  for (const key of Object.keys(value)) {
    const step = Array.isArray(value) ? Number(key) : key;
    if (FORBIDDEN_KEYS.has(key)) return [...path, step];
    const hit = findForbiddenKey((value as Record<string, unknown>)[key], [...path, step]);
    if (hit) return hit;
  }
  return null;
}

function issuesOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/**
 * Validates one signature object or an array of them.
 * @param source names the file (or other origin) in error messages.
 * @throws SignatureError with every problem listed as `source: $.path: message`.
 */
export function parseSignatures(json: unknown, source = "<input>"): Signature[] {
  const items = Array.isArray(json) ? json : [json];
  const out: Signature[] = [];
  const problems: { path: string; message: string }[] = [];
  items.forEach((item, index) => {
    const prefix: PropertyKey[] = Array.isArray(json) ? [index] : [];
    const forbidden = findForbiddenKey(item);
    if (forbidden) {
      problems.push({ path: formatPath([...prefix, ...forbidden]), message: "forbidden key" });
      return;
    }
    const result = SignatureSchema.safeParse(item);
    if (result.success) out.push(result.data);
    else
      for (const issue of result.error.issues)
        problems.push({ path: formatPath([...prefix, ...issue.path]), message: issue.message });
  });
  if (problems.length > 0) {
    const lines = problems.slice(0, 20).map((p) => `${source}: ${p.path}: ${p.message}`);
    if (problems.length > 20) lines.push(`${source}: … and ${problems.length - 20} more problems`);
    throw new SignatureError(lines.join("\n"), source, problems);
  }
  return out;
}

export { issuesOf as _issuesOf };
