import type { Rule, RuleReport } from "./types.js";
import { documentAnchor } from "./locate.js";
import { hasSection } from "./section-match.js";
import { normalizeHeading } from "../plan/sections.js";

export const requiredSections: Rule = {
  id: "required-sections",
  defaultSeverity: "warning",
  description:
    "The plan has the sections listed in `sections.required` (default: Overview, Implementation Phases, Open Questions), matched with their aliases.",
  check(plan, ctx) {
    const { required, aliases } = ctx.config.sections;
    const reports: RuleReport[] = [];
    for (const name of required) {
      // Alias keys match the required name the way headings do ("open questions" = "Open Questions").
      const extra = Object.entries(aliases).filter(([key]) => normalizeHeading(key) === normalizeHeading(name)).flatMap(([, list]) => list);
      const names = [name, ...extra];
      if (hasSection(plan, name, names.slice(1))) continue;
      const also = names.length > 1 ? ` (or ${names.slice(1).map((n) => `\`${n}\``).join(", ")})` : "";
      reports.push({
        span: documentAnchor(plan),
        message: `Unexpected plan without the \`${name}\` section${also}, expected every section in \`sections.required\`: add \`## ${name}\`, or change \`sections.required\` in .github/plan-hygiene.yml`,
      });
    }
    return reports;
  },
};
