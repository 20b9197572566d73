// The five statuses of the plan template, and the spellings real plans use for them.

export type PlanStatus = "draft" | "in-review" | "approved" | "in-progress" | "completed";

export const STATUS_LABELS: Record<PlanStatus, string> = {
  draft: "Draft",
  "in-review": "In Review",
  approved: "Approved",
  "in-progress": "In Progress",
  completed: "Completed",
};

/** Order in the plan's life; `approved` and later means implementation may start. */
export const STATUS_RANK: Record<PlanStatus, number> = {
  draft: 0,
  "in-review": 1,
  approved: 2,
  "in-progress": 3,
  completed: 4,
};

// Synonyms seen in frontmatter (`in_progress`, `implemented`, `ready_for_implementation`) and prose.
const SYNONYMS: Record<string, PlanStatus> = {
  draft: "draft",
  backlog: "draft",
  proposed: "draft",
  proposal: "draft",
  planned: "draft",
  planning: "draft",
  "in review": "in-review",
  review: "in-review",
  "under review": "in-review",
  "ready for review": "in-review",
  "needs review": "in-review",
  "pending review": "in-review",
  approved: "approved",
  accepted: "approved",
  ready: "approved",
  "ready for implementation": "approved",
  "ready to implement": "approved",
  "in progress": "in-progress",
  wip: "in-progress",
  "work in progress": "in-progress",
  started: "in-progress",
  active: "in-progress",
  implementing: "in-progress",
  "in implementation": "in-progress",
  ongoing: "in-progress",
  completed: "completed",
  complete: "completed",
  done: "completed",
  implemented: "completed",
  finished: "completed",
  shipped: "completed",
  // other languages (es, pt, it, fr, de, nl, zh)
  borrador: "draft",
  "en planificación": "draft",
  "en planificacion": "draft",
  planificado: "draft",
  rascunho: "draft",
  bozza: "draft",
  brouillon: "draft",
  entwurf: "draft",
  concept: "draft",
  草稿: "draft",
  "en revisión": "in-review",
  "en revision": "in-review",
  aprobado: "approved",
  aprovado: "approved",
  approvato: "approved",
  approuvé: "approved",
  genehmigt: "approved",
  goedgekeurd: "approved",
  已批准: "approved",
  "en progreso": "in-progress",
  "en curso": "in-progress",
  "en desarrollo": "in-progress",
  "em andamento": "in-progress",
  "in corso": "in-progress",
  "en cours": "in-progress",
  "in bearbeitung": "in-progress",
  "in uitvoering": "in-progress",
  进行中: "in-progress",
  進行中: "in-progress",
  completado: "completed",
  completada: "completed",
  terminado: "completed",
  concluído: "completed",
  completato: "completed",
  terminé: "completed",
  abgeschlossen: "completed",
  fertig: "completed",
  voltooid: "completed",
  afgerond: "completed",
  已完成: "completed",
  完成: "completed",
};

/** "In_Progress", "in-progress", "InProgress", "✅ Completed" → a canonical key such as "in progress". */
export function statusKey(value: string): string {
  return value
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .replace(/[_\-–—/]+/g, " ")
    .replace(/[^\p{L}\p{N} ]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The canonical status a Status value means, or null when it is not one of the known values. */
export function normalizeStatus(value: string): PlanStatus | null {
  return SYNONYMS[statusKey(value)] ?? null;
}

/** Known statuses mentioned inside a free-text value, in the order they appear ("Phase 1 Complete - Phase 3 In Progress"). */
export function statusesMentioned(value: string): PlanStatus[] {
  const key = ` ${statusKey(value)} `;
  const found: { status: PlanStatus; at: number }[] = [];
  for (const [synonym, status] of Object.entries(SYNONYMS)) {
    const at = key.lastIndexOf(` ${synonym} `);
    if (at >= 0) found.push({ status, at });
  }
  found.sort((a, b) => a.at - b.at);
  const order: PlanStatus[] = [];
  for (const { status } of found) {
    const i = order.indexOf(status);
    if (i >= 0) order.splice(i, 1);
    order.push(status);
  }
  return order;
}

/** The template's `Draft | In Review | Approved | In Progress | Completed` left as the value. */
export function isStatusOptionList(value: string): boolean {
  const parts = value.split("|").map((part) => normalizeStatus(part));
  return parts.length >= 2 && parts.filter((part) => part !== null).length >= 2;
}
