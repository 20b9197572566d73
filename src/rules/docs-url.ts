/** The project's repository; every rule's documentation lives under docs/rules/ there. */
export const REPOSITORY_URL = "https://github.com/plan-hygiene/plan-hygiene";

/** The page documenting a rule: what it checks, why, examples, and how to configure it. */
export function ruleDocsUrl(id: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${encodeURIComponent(id)}.md`;
}
