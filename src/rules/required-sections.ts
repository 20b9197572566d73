import type { Rule, RuleReport } from "./types.js";
import { documentAnchor } from "./locate.js";
import { activePhases } from "./phase-name.js";
import { matchesSection } from "./section-match.js";

export const requiredSections: Rule = {
  id: "required-sections",
  defaultSeverity: "warning",
  description:
    "The plan has the sections listed in `sections.required` (default: Overview, Implementation Phases, Open Questions), matched with their aliases.",
  check(plan, ctx) {
    const { required, aliases } = ctx.config.sections;
    const reports: RuleReport[] = [];
    for (const name of required) {
      const names = [name, ...(aliases[name] ?? [])];
      if (plan.sections.some((section) => names.some((n) => matchesSection(section, n)))) continue;
      // Phases written straight under another heading still are the plan's phases.
      if (activePhases(plan).length > 0 && names.some((n) => matchesSection({ kind: "implementation-phases", normalized: "" }, n))) continue;
      const also = names.length > 1 ? ` (or ${names.slice(1).map((n) => `\`${n}\``).join(", ")})` : "";
      reports.push({
        span: documentAnchor(plan),
        message: `Unexpected plan without a \`${name}\` section${also}, expected every section in \`sections.required\`: add \`## ${name}\`, or change \`sections.required\` in .github/plan-hygiene.yml`,
      });
    }
    return reports;
  },
};
