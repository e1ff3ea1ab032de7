/** Display names of the tools in the built-in catalog, and the words that name them in free text. */
export const TOOLS: Record<string, { name: string; aliases: string[] }> = {
  "claude-code": { name: "Claude Code", aliases: ["claude code", "claude"] },
  "anthropic-api": { name: "Anthropic API", aliases: ["anthropic"] },
  "codex-cli": { name: "Codex CLI", aliases: ["codex"] },
  "openai-api": { name: "OpenAI API", aliases: ["openai", "chatgpt"] },
  "gemini-cli": { name: "Gemini CLI", aliases: ["gemini"] },
  copilot: { name: "GitHub Copilot", aliases: ["copilot"] },
  cursor: { name: "Cursor", aliases: ["cursor"] },
  aider: { name: "Aider", aliases: ["aider", "litellm"] },
  cline: { name: "Cline", aliases: ["cline"] },
  continue: { name: "Continue", aliases: ["continue.dev"] },
  opencode: { name: "opencode", aliases: ["opencode"] },
  "roo-code": { name: "Roo Code", aliases: ["roo code", "roo-code", "roocode"] },
  windsurf: { name: "Windsurf", aliases: ["windsurf", "codeium"] },
  openrouter: { name: "OpenRouter", aliases: ["openrouter"] },
};

/** Human name of a tool id (the id itself when unknown). */
export function toolName(tool: string): string {
  return TOOLS[tool]?.name ?? tool;
}
