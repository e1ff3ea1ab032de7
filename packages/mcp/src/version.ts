import pkg from "../package.json" with { type: "json" };

/** This package's version, inlined at build time, reported as the server's version in the MCP handshake. */
export const VERSION: string = pkg.version;
