// One pass over the mdast tree that flattens what the plan model needs, with parents, in
// document order. Code blocks and HTML are never descended into (mdast has no children there).
import type { Heading, List, ListItem, Nodes, Paragraph, Parents, Root, Table } from "mdast";

export interface Located<T> {
  node: T;
  parent: Parents | null;
  start: number;
  end: number;
}

export interface FlatTree {
  root: Root;
  headings: Located<Heading>[];
  paragraphs: Located<Paragraph>[];
  listItems: Located<ListItem>[];
  lists: Located<List>[];
  tables: Located<Table>[];
  /** top-level blocks (children of the root, or of a list item/blockquote) in order */
  blocks: Located<Nodes>[];
}

export function startOf(node: Nodes): number {
  return node.position?.start.offset ?? 0;
}
export function endOf(node: Nodes): number {
  return node.position?.end.offset ?? 0;
}

export function flattenTree(root: Root): FlatTree {
  const out: FlatTree = { root, headings: [], paragraphs: [], listItems: [], lists: [], tables: [], blocks: [] };
  // iterative pre-order walk (deep nesting must not overflow the JS stack)
  const stack: { node: Nodes; parent: Parents | null }[] = [{ node: root, parent: null }];
  while (stack.length > 0) {
    const { node, parent } = stack.pop()!;
    const loc = { node, parent, start: startOf(node), end: endOf(node) };
    switch (node.type) {
      case "heading":
        out.headings.push(loc as Located<Heading>);
        break;
      case "paragraph":
        out.paragraphs.push(loc as Located<Paragraph>);
        break;
      case "listItem":
        out.listItems.push(loc as Located<ListItem>);
        break;
      case "list":
        out.lists.push(loc as Located<List>);
        break;
      case "table":
        out.tables.push(loc as Located<Table>);
        break;
    }
    if (parent && (parent.type === "root" || parent.type === "listItem" || parent.type === "blockquote")) out.blocks.push(loc);
    if ("children" in node && node.type !== "paragraph" && node.type !== "heading" && node.type !== "table") {
      const children = node.children as Nodes[];
      for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], parent: node as Parents });
    }
  }
  return out;
}

/** Plain text of a node: markup stripped, struck-through text kept, whitespace collapsed. */
export function plainText(node: Nodes): string {
  return rawText(node).replace(/\s+/g, " ").trim();
}

function rawText(node: Nodes): string {
  switch (node.type) {
    case "text":
    case "inlineCode":
      return node.value;
    case "break":
      return " ";
    case "html":
      return "";
    case "image":
      return node.alt ?? "";
    default:
      if ("children" in node) return (node.children as Nodes[]).map(rawText).join("");
      return "";
  }
}
