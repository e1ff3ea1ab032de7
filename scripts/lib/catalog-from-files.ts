// A diagnoser over the signature files on disk (no build step needed), for validate, eval and tests.
import { compileCatalog } from "../../packages/core/src/compile.js";
import { createDiagnoserFrom, type Diagnoser } from "../../packages/core/src/diagnoser.js";
import type { Signature } from "../../packages/core/src/schema.js";
import { loadSignatureFiles, signatureFiles, type LoadedSignature } from "./load-signatures.js";

export interface FileCatalog {
  diagnoser: Diagnoser;
  loaded: LoadedSignature[];
  signatures: Signature[];
  errors: string[];
}

export function catalogFromFiles(files = signatureFiles()): FileCatalog {
  const result = loadSignatureFiles(files);
  const errors = [...result.errors];
  // A signature the prefilter cannot compile is reported and left out, so one bad file does not
  // stop the others from being checked.
  const loaded = result.loaded.filter((l) => {
    try {
      compileCatalog([l.signature]);
      return true;
    } catch (e) {
      errors.push(`${l.file}: ${(e as Error).message}`);
      return false;
    }
  });
  const signatures = loaded.map((l) => l.signature);
  return { diagnoser: createDiagnoserFrom(signatures), loaded, signatures, errors };
}
