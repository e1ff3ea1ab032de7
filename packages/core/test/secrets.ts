// Realistic token shapes (random characters, not real credentials).
export const SECRETS: [string, string][] = [
  ["Anthropic API key", "sk-ant-api03-Xq8vN2mK7pL4rT9wZ1yB6cD3fG5hJ0kM8nP2qR4sT6uV8wX0yZ2aB4cD6eF8gH0iJ2kL4mN6oP8qR0sT2uV4wX6yZ8aB0cD2eF4gH6iJ8kL0mN2oP4q-AAAAAA"],
  ["Anthropic OAuth token", "sk-ant-oat01-d8Fj3kL9mN2pQ5rS8tV1wX4yZ7aB0cE3fH6iK9lM2nO5pR8sU1vW4xY7zA0bD3eG6hJ9kL2mN5oQ8rT1uW4xZ7"],
  ["OpenAI project key", "sk-proj-4fGh7JkL0mNp3QrS6tUv9WxY2zAb5CdE8fGh1JkL4mNp7QrS0tUv3WxY6zAb9CdE2fGh5JkL8mNp"],
  ["OpenAI legacy key", "sk-9aB8cD7eF6gH5iJ4kL3mN2oP1qR0sT9uV8wX7yZ6"],
  ["OpenRouter key", "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"],
  ["GitHub PAT classic", "ghp_16C7e42F292c6912E7710c838347Ae178B4a"],
  ["GitHub OAuth token", "gho_16C7e42F292c6912E7710c838347Ae178B4a"],
  ["GitHub fine-grained PAT", "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWX"],
  ["Google API key", "AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY"],
  ["Google OAuth access token", "ya29.a0AfH6SMBx3kL9mN2pQ5rS8tV1wX4yZ7aB0cE3fH6iK9lM2nO5"],
  ["AWS access key id", "AKIAIOSFODNN7EXAMPLE"],
  ["AWS secret key", "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"],
  ["Slack bot token", "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx"],
  ["Slack webhook", "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"],
  ["JWT", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"],
  ["Bearer header", "Authorization: Bearer 9f8e7d6c5b4a39281706f5e4d3c2b1a0"],
  ["Basic auth URL", "https://admin:hunter2secret@proxy.corp.example.com:8080"],
  ["Cookie header", "Cookie: sessionKey=sk-ant-sid01-abcdefghijklmnopqrstuvwxyz0123456789; cf_clearance=abc123def456"],
  ["Private key block", "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA1c7+9z5Pad7OejecsQ0bu3aumW\n-----END RSA PRIVATE KEY-----"],
  ["Hugging Face token", "hf_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789"],
  ["npm token", "npm_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789ab"],
  ["x-api-key header", "x-api-key: 5f4dcc3b5aa765d61d8327deb882cf99"],
  ["GitLab PAT", "glpat-xXxXxXxXxXxXxXxXxXxX"],
];

/** The part of each secret that must never come back. */
export function secretCore(secret: string): string {
  if (secret.includes("PRIVATE KEY")) return "MIIEowIBAAKCAQEA1c7";
  const m = /(?:[:=]\s?|Bearer |\/\/admin:)([^\s@;]{8,})/.exec(secret);
  return (m?.[1] ?? secret).slice(-16);
}
