#!/usr/bin/env node
import { main } from "./main.js";

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== null) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`errsig-mcp: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
