/**
 * @errsig/stream — annotate log streams with errsig diagnoses.
 *
 * - `createDiagnoseStream()`: Node `Transform` (byte or object mode)
 * - `createDiagnoseTransformStream()`: WHATWG `TransformStream` (also at `@errsig/stream/web`, Node-free)
 * - `@errsig/stream/pino`: pino transport
 * - `scan()`: a whole log summarised by distinct diagnosis (what `errsig scan` prints)
 */
export { createDiagnoseStream, DiagnoseStream } from "./node.js";
export { createDiagnoseTransformStream, DiagnoseTransformStream } from "./web.js";
export { scan, type ScanFinding, type ScanOptions, type ScanReport } from "./scan.js";
export { StreamOptionsError, DEFAULT_MESSAGE_FIELDS, type DiagnoseStreamOptions } from "./_options.js";
export { formatAnnotationLine, type ErrsigAnnotation } from "./_annotation.js";
export type { StreamStats } from "./_engine.js";
