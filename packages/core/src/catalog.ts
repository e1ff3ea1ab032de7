import { CATALOG_JSON, SCHEMA_JSON } from "./_catalog.generated.js";
import type { Signature } from "./schema.js";

/**
 * The built-in catalog, compiled from signatures/**\/*.json at build time (scripts/build-catalog.ts)
 * and validated there, so nothing is read from disk and nothing is re-validated at run time.
 */
export const catalog: readonly Signature[] = Object.freeze(JSON.parse(CATALOG_JSON) as Signature[]);

/** JSON Schema for one signature file (signatures/schema.json, generated from `SignatureSchema`). */
export const signatureJsonSchema: Record<string, unknown> = JSON.parse(SCHEMA_JSON) as Record<string, unknown>;
