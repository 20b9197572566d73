import type { Rule } from "./types.js";
import { documentAnchor } from "./locate.js";
import { hasSection } from "./section-match.js";
import { normalizeHeading } from "../plan/sections.js";
import { expectsOf } from "./format-expects.js";

export const requiredSections: Rule = {
  id: "required-sections",
  defaultSeverity: "warning",
  description:
    "The plan has the sections listed in `sections.required` (default per format: Overview, Implementation Phases and Open Questions for template plans, none for other formats), matched with their aliases.",
  check(plan, ctx) {
    const { aliases } = ctx.config.sections;
    const required = ctx.config.sections.required ?? expectsOf(plan).sections;
    const missing: string[] = [];
    for (const name of required) {
      // Alias keys match the required name the way headings do ("open questions" = "Open Questions").
      const extra = Object.entries(aliases)
        .filter(([key]) => normalizeHeading(key) === normalizeHeading(name))
        .flatMap(([, list]) => list);
      if (hasSection(plan, name, extra)) continue;
      missing.push(extra.length > 0 ? `\`${name}\` (or ${extra.map((n) => `\`${n}\``).join(", ")})` : `\`${name}\``);
    }
    if (missing.length === 0) return [];
    // One finding for all missing sections: they would all point at the title anyway.
    const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(", ")} and ${missing[missing.length - 1]}`;
    const one = missing.length === 1;
    return [
      {
        span: documentAnchor(plan),
        message: `Unexpected plan without the ${list} ${one ? "section" : "sections"}, expected every section in \`sections.required\`: add ${one ? "it as a `##` heading" : "them as `##` headings"}, or change \`sections.required\` in .github/plan-hygiene.yml`,
      },
    ];
  },
};
