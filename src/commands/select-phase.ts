import type { Phase, PlanDocument } from "../plan/types.js";
import type { PlanCommand } from "./types.js";

export type Selection =
  | { ok: true; plan: PlanDocument; phase: Phase; rest: string }
  | { ok: false; message: string };

/**
 * Resolves `[<plan>] <phase> [rest…]` against the PR's plans. The first word names a plan when it
 * looks like a path (has `/` or ends in `.md`) or matches a plan's file name and a phase word follows.
 */
export function selectPhase(plans: readonly PlanDocument[], command: Pick<PlanCommand, "words" | "args" | "kind">): Selection {
  const { words, args } = command;
  if (plans.length === 0) return { ok: false, message: "This pull request neither changes nor names a plan, so there is no phase to act on." };
  if (words.length === 0) return { ok: false, message: `Which phase? Write \`/plan ${command.kind} <phase>\`, e.g. \`/plan ${command.kind} 1\`.${phaseHint(plans)}` };
  let plan: PlanDocument | null = null;
  let idIndex = 0;
  const first = words[0].text;
  const byName = matchPlans(plans, first);
  if (words.length >= 2 && (looksLikePath(first) || byName.length > 0)) {
    if (byName.length === 0) return { ok: false, message: `No plan in this pull request matches \`${code(first)}\`. Plans here: ${listPlans(plans)}.` };
    if (byName.length > 1) return { ok: false, message: `\`${code(first)}\` matches several plans: ${listPlans(byName)}. Use the full path.` };
    plan = byName[0];
    idIndex = 1;
  } else if (plans.length > 1) {
    return {
      ok: false,
      message: `This pull request has ${plans.length} plans; say which one: \`/plan ${command.kind} <plan> ${code(first)}\` with one of ${listPlans(plans)}.`,
    };
  } else {
    plan = plans[0];
  }
  const id = words[idIndex].text;
  const rest = args.slice(words[idIndex].end).trim();
  const phases = plan.phases.filter((p) => sameId(p.id, id));
  const live = phases.filter((p) => !p.removed);
  if (live.length === 0) {
    const why = phases.length > 0 ? `Phase \`${code(id)}\` in \`${plan.path}\` is marked removed.` : `\`${plan.path}\` has no phase \`${code(id)}\`.`;
    return { ok: false, message: `${why} ${candidates(plan)}` };
  }
  const gated = live.filter((p) => p.gate !== null);
  const pick = gated.length === 1 ? gated : live.length === 1 ? live : [];
  if (pick.length === 0) {
    const lines = live.map((p) => `line ${p.headingSpan.start.line}`).join(", ");
    return { ok: false, message: `\`${plan.path}\` has several phases with id \`${code(id)}\` (${lines}), each with its own gate; give them distinct ids first.` };
  }
  return { ok: true, plan, phase: pick[0], rest };
}

/** Compares phase ids case-insensitively, ignoring a `Phase` prefix and leading zeros: `02b` = `2B`. */
export function sameId(a: string, b: string): boolean {
  return normalizeId(a) === normalizeId(b);
}

function normalizeId(id: string): string {
  return id.toLowerCase().replace(/^phase[\s-_]*/, "").replace(/^#/, "").replace(/^0+(?=\d)/, "").trim();
}

function matchPlans(plans: readonly PlanDocument[], word: string): PlanDocument[] {
  const w = word.toLowerCase().replace(/^\.?\//, "");
  const exact = plans.filter((p) => p.path.toLowerCase() === w);
  if (exact.length > 0) return exact;
  return plans.filter((p) => {
    const path = p.path.toLowerCase();
    const base = path.slice(path.lastIndexOf("/") + 1);
    return path.endsWith(`/${w}`) || base === w || base.replace(/\.md$/, "") === w;
  });
}

function looksLikePath(word: string): boolean {
  return word.includes("/") || /\.md$/i.test(word);
}

function listPlans(plans: readonly PlanDocument[]): string {
  return plans.map((p) => `\`${p.path}\``).join(", ");
}

function candidates(plan: PlanDocument): string {
  const ids = plan.phases.filter((p) => !p.removed).map((p) => p.id);
  return ids.length === 0 ? "It has no phases (`## Phase N: …` headings)." : `Its phases: ${[...new Set(ids)].join(", ")}.`;
}

function phaseHint(plans: readonly PlanDocument[]): string {
  return plans.length === 1 ? ` ${candidates(plans[0])}` : "";
}

/** A user-supplied word shown inside inline code. */
function code(word: string): string {
  return word.replace(/`/g, "'").slice(0, 80);
}
