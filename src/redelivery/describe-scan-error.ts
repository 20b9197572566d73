interface RequestErrorLike {
  status?: number;
  message?: string;
  request?: { method?: string; url?: string };
  response?: { data?: unknown };
}

/** One line for a person: why a redelivery scan failed and what to do about it. */
export function describeScanError(error: unknown): string {
  const e = (error ?? {}) as RequestErrorLike;
  const request = e.request?.method && e.request.url ? `${e.request.method} ${new URL(e.request.url, "http://x").pathname.replace(/^\/api\/v3/, "")}` : "GitHub";
  const said = messageOf(e.response?.data) ?? e.message ?? String(error);
  switch (true) {
    case e.status === 404:
      return `${request} answered 404: this GitHub has no webhook deliveries API for apps (GitHub Enterprise Server before 3.3?), so failed deliveries are not redelivered. Set REDELIVERY_INTERVAL=0 to stop trying.`;
    case e.status === 401 || e.status === 403:
      return `${request} answered ${e.status} (${said}): the app's JWT was refused for the deliveries API (check APP_ID, the private key and the server clock), so failed deliveries are not redelivered.`;
    case typeof e.status === "number" && e.status >= 500:
      return `${request} answered ${e.status}: GitHub is having trouble; the next scan tries again.`;
    case typeof e.status === "number":
      return `${request} answered ${e.status} (${said}); the next scan tries again.`;
    default:
      return `${said.split("\n")[0]}; the next scan tries again.`;
  }
}

function messageOf(data: unknown): string | undefined {
  const message = (data as { message?: unknown } | null | undefined)?.message;
  return typeof message === "string" ? message : undefined;
}
