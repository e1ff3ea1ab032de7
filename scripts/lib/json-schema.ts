import { z } from "zod";
import { SignatureSchema } from "../../packages/core/src/schema.js";

/**
 * JSON Schema for one signature file, generated from `SignatureSchema`.
 * Shipped as `signatures/schema.json`; regex-compile and id/path checks live in code, not here.
 */
export const signatureJsonSchema: Record<string, unknown> = {
  ...z.toJSONSchema(SignatureSchema, { io: "input", unrepresentable: "any" }),
  $id: "https://errsig.dev/schema/signature.json",
  title: "errsig signature",
};
