// Items of the Open Questions section. A list item is one question (its sub-bullets belong to
// it). It is resolved when ticked, when its question is ~~struck through~~, or when it carries
// a Resolved/Decision/Answer/Answered marker as a bold label, `Resolved:`-style label or
// "resolved by". Prose like "Resolved during implementation if …" is NOT a resolution.
// A table in the section (a "Decisions on Open Questions" table) gives one question per row,
// resolved when its Decision/Answer/Resolution/Status cell says so.
import type { ListItem, Nodes, Table } from "mdast";
import type { LineIndex } from "./positions.js";
import { plainText, type FlatTree, type Located } from "./tree.js";
import type { OpenQuestion, Section } from "./types.js";
import { within } from "./ranges.js";

const MARKER_WORDS = "resolved|decision|decided|answer|answered|resolution";
const BOLD_MARKER = new RegExp(`(\\*\\*|__)\\s*(?:✅\\s*)?(?:${MARKER_WORDS})\\b`, "i");
const LABEL_MARKER = new RegExp(`(?:^|[\\s(→>-])(?:${MARKER_WORDS})\\s*[:：]`, "im");
const RESOLVED_BY = /\bresolved (?:by|in|via|with)\b|\b(?:answered|decided) (?:by|in)\b/i;
const NONE = /^(?:none|n\/a|nothing|no open questions)\b[^\p{L}]*(?:(?:at this time|yet|so far|currently)[^\p{L}]*)?$/iu;

export function buildOpenQuestions(text: string, index: LineIndex, section: Section, flat: FlatTree): OpenQuestion[] {
  const from = section.headingSpan.end.offset;
  const to = section.span.end.offset;
  const out: { at: number; q: OpenQuestion }[] = [];
  const inside = (o: number) => o >= from && o < to;
  const listParent = new Map(flat.lists.map((l) => [l.node as unknown, l.parent]));
  for (const item of within(flat.listItems, from, to, (i) => i.start)) {
    if (listParent.get(item.parent)?.type === "listItem") continue; // a sub-bullet belongs to its question
    const q = fromItem(text, index, item);
    if (q) out.push({ at: item.start, q });
  }
  for (const table of flat.tables) {
    if (!inside(table.start)) continue;
    for (const q of fromTable(index, table)) out.push({ at: q.span.start.offset, q });
  }
  return out.sort((a, b) => a.at - b.at).map((x) => x.q);
}


function fromItem(text: string, index: LineIndex, item: Located<ListItem>): OpenQuestion | null {
  const first = item.node.children[0] as Nodes | undefined;
  const question = first ? plainText(first) : "";
  if (question === "" || NONE.test(question)) return null;
  const source = text.slice(item.start, item.end);
  const resolved = item.node.checked === true || startsStruck(first) || BOLD_MARKER.test(source) || LABEL_MARKER.test(source) || RESOLVED_BY.test(source);
  const firstEnd = first?.position?.end.offset ?? item.end;
  return { text: question, resolved, span: index.spanOf(item.start, firstEnd), itemSpan: index.spanOf(item.start, item.end) };
}

function startsStruck(node: Nodes | undefined): boolean {
  if (!node || !("children" in node)) return false;
  for (const c of node.children as Nodes[]) {
    if (c.type === "text" && c.value.trim() === "") continue;
    if (c.type === "delete") return true;
    if (c.type === "strong" || c.type === "emphasis") return startsStruck(c);
    return false;
  }
  return false;
}

function fromTable(index: LineIndex, table: Located<Table>): OpenQuestion[] {
  const [head, ...rows] = table.node.children;
  if (!head) return [];
  const names = head.children.map((c) => plainText(c).toLowerCase());
  const answerCol = names.findIndex((n) => /^(decision|decided|answer|resolution|resolved|outcome|status)/.test(n));
  const questionCol = Math.max(0, names.findIndex((n) => /question/.test(n)));
  return rows.map((row) => {
    const cell = (i: number) => (i >= 0 && row.children[i] ? plainText(row.children[i]) : "");
    const answer = cell(answerCol);
    const resolved = answer !== "" && !/^(open|unresolved|tbd|todo|pending|\?+|-+)$/i.test(answer);
    const start = row.position?.start.offset ?? table.start;
    const end = row.position?.end.offset ?? table.end;
    return { text: cell(questionCol), resolved, span: index.spanOf(start, end), itemSpan: index.spanOf(start, end) };
  });
}
