// Last line of defence for log output: whatever a log call was given, token-shaped strings
// never reach stdout. Structured fields are also redacted by path in create-logger.ts.

const REDACTED = "[REDACTED]";

const SECRET_PATTERNS: readonly RegExp[] = [
  // PEM private keys, whether the newlines are real or JSON-escaped (`\n`).
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
  // GitHub tokens: installation (ghs_), user (ghu_), OAuth (gho_), personal (ghp_), refresh (ghr_), fine-grained PATs.
  /\b(?:gh[pousr]_[A-Za-z0-9]{20,255}|github_pat_[A-Za-z0-9_]{22,255})\b/g,
  // JSON web tokens (the app's JWT): three base64url segments, the first a JSON header.
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g,
  // Credentials in an Authorization value or a URL (redis://user:password@host).
  /\b((?:bearer|basic)\s+)[A-Za-z0-9._~+/=-]{8,}/gi,
  /\b(token\s+)[A-Za-z0-9._~+/=-]{20,}/gi,
  /(\b[a-z][a-z0-9+.-]*:\/\/[^:/\s"@]*:)[^@/\s"]+(@)/gi,
  // HMAC signatures of webhook bodies.
  /\b(sha(?:1|256)=)[0-9a-f]{40,64}\b/g,
];

/** `text` with every token-, key- or password-shaped substring replaced by `[REDACTED]`. */
export function scrubSecrets(text: string): string {
  let result = text;
  for (const pattern of SECRET_PATTERNS) {
    result = result.replace(pattern, (match, prefix?: unknown, suffix?: unknown) =>
      typeof prefix === "string" ? `${prefix}${REDACTED}${typeof suffix === "string" ? suffix : ""}` : REDACTED,
    );
  }
  return result;
}

/** Field paths (pino `redact` syntax) whose values are secrets wherever they appear in a log object. */
export const REDACTED_PATHS: readonly string[] = [
  "headers.authorization",
  "headers.cookie",
  "headers[\"x-hub-signature\"]",
  "headers[\"x-hub-signature-256\"]",
  "*.headers.authorization",
  "*.headers.cookie",
  "*.headers[\"x-hub-signature-256\"]",
  "*.*.headers.authorization",
  "request.headers.authorization",
  "err.request.headers.authorization",
  "token",
  "*.token",
  "privateKey",
  "*.privateKey",
  "secret",
  "*.secret",
  "webhookSecret",
  "*.webhookSecret",
  "password",
  "*.password",
  "client_secret",
  "*.client_secret",
  "pem",
  "*.pem",
];
