/**
 * @errsig/mcp — a Model Context Protocol server that lets agents diagnose error text with errsig.
 * Run it with `npx @errsig/mcp` (bin `errsig-mcp`), or build your own with `createErrsigServer`.
 */
export { createErrsigServer, type ErrsigServerOptions } from "./server.js";
export { serveHttp, type HttpOptions, type HttpHandle } from "./http.js";
export { loadSignatureDir, loadSignatureDirs, SignatureLoadError } from "./load-signatures.js";
export { DEFAULT_MAX_TEXT } from "./context.js";
