import { createHash } from "node:crypto";
import type { Config } from "../config/schema.js";
import { addPlanFindings } from "./add-plan-findings.js";
import { unapplyPatch } from "../edit/unapply-patch.js";
import type { BlobText } from "../github/blob-node.js";
import type { ChangedFile } from "../github/list-pull-request-files.js";
import { applyConfiguredSeverity } from "../lint/apply-configured-severity.js";
import { parseOptionsFor } from "../lint/parse-options.js";
import type { PlanResult } from "../report/check-report.js";
import { isRuleOff } from "../rules/rule-setting.js";
import { tickedWithoutChange } from "../rules/ticked-without-change.js";
import { tickedWithoutChangeFindings } from "../rules/ticked-without-change-findings.js";
import type { ParseCache } from "./parse-cache.js";

/**
 * `ticked-without-change` for the PR check: each plan the PR modifies is compared with itself at
 * the merge base, which is rebuilt from the head text and the patch the file listing already
 * holds (no request at all). A plan added in the PR, one whose patch GitHub leaves out (a huge
 * diff) or does not apply, and a file listing cut at GitHub's limit give no notice.
 */
export async function addTickNotices(
  plans: PlanResult[],
  listing: { files: readonly ChangedFile[]; truncated: boolean },
  blobs: ReadonlyMap<string, BlobText>,
  config: Config,
  cache: ParseCache,
): Promise<void> {
  if (isRuleOff(config, tickedWithoutChange.id) || listing.truncated) return;
  const changed = listing.files.flatMap((f) => (f.previousPath ? [f.path, f.previousPath] : [f.path]));
  for (const p of plans) {
    if (!p.changed || p.plan.unparseable || !p.plan.isPlan) continue;
    const file = listing.files.find((f) => f.path === p.path);
    const text = blobs.get(p.path)?.text;
    if (!file || file.status === "added" || !file.patch || typeof text !== "string") continue;
    const before = unapplyPatch(text, file.patch);
    if (before === null) continue;
    const basePath = file.previousPath ?? p.path;
    const base = await cache.parseAsync(blobOid(before), basePath, before, parseOptionsFor(config, basePath));
    if (base.unparseable || !base.isPlan) continue;
    const found = applyConfiguredSeverity(tickedWithoutChangeFindings(base, p.plan, changed), config);
    addPlanFindings(p, found);
  }
}

/** The git blob id of a text: the parse cache's key, so a base seen before is not parsed again. */
function blobOid(text: string): string {
  const bytes = Buffer.from(text, "utf8");
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}
