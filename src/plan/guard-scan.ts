// The line scanner behind guard.ts. It approximates CommonMark block structure conservatively:
// only a column-0 code fence (never inside an HTML block) is treated as code and skipped; every
// other line is counted, so a misprediction can only over-count, never hide a hostile run.

interface Limits {
  containerDepth: number;
  listIndent: number;
  emphasisDelimiters: number;
  brackets: number;
  backticks: number;
  paragraphLines: number;
  tableRows: number;
  tableCells: number;
  headings: number;
  listLines: number;
}

const LIST_OR_QUOTE = /^[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/;
const HTML_RAW = /^ {0,3}<(script|pre|style|textarea)(?=[\s>]|$)/i;
const HTML_OPEN = /^ {0,3}<[A-Za-z/!?]/;

export function scanBlocks(text: string, limits: Limits): string | null {
  const lines = text.split(/\r\n|\n|\r/);
  let fence: RegExp | null = null;
  let htmlEnd: RegExp | null = null;
  let htmlUntilBlank = false;
  let run = { start: 0, lines: 0, emphasis: 0, brackets: 0, backticks: 0 };
  let tableRows = 0;
  let headings = 0;
  let listLines = 0;
  const newRun = (i: number) => (run = { start: i, lines: 0, emphasis: 0, brackets: 0, backticks: 0 });
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const n = i + 1;
    if (fence !== null) {
      if (fence.test(line)) fence = null;
      continue;
    }
    if (line.trim() === "") {
      htmlUntilBlank = false;
      tableRows = 0;
      newRun(i + 1);
      continue;
    }
    if (htmlEnd !== null) {
      if (htmlEnd.test(line)) htmlEnd = null;
    } else if (!htmlUntilBlank) {
      const f = /^(`{3,}|~{3,})/.exec(line);
      if (f && !(f[1][0] === "`" && line.slice(f[1].length).includes("`"))) {
        fence = new RegExp(`^ {0,3}${f[1][0]}{${f[1].length},}[ \\t]*$`);
        newRun(i + 1);
        continue;
      }
      if (/^ {0,3}<!--/.test(line)) htmlEnd = line.includes("-->", line.indexOf("<!--") + 4) ? null : /-->/;
      else if (HTML_RAW.test(line)) htmlEnd = /<\/(script|pre|style|textarea)>/i;
      else if (HTML_OPEN.test(line)) htmlUntilBlank = true;
    }
    const depth = containerDepth(line);
    if (depth > limits.containerDepth) {
      return `line ${n} nests ${depth} list/quote levels; plan-hygiene parses at most ${limits.containerDepth}`;
    }
    const indent = leadingColumns(line);
    if (indent > limits.listIndent && LIST_OR_QUOTE.test(line.trimStart())) {
      return `line ${n} is a list item indented ${indent} columns (deeply nested lists); plan-hygiene parses at most ${limits.listIndent} columns of indentation`;
    }
    const trimmed = line.trimStart();
    if (depth > 0 && ++listLines > limits.listLines) {
      return `the document has more than ${limits.listLines} list items and quote lines (line ${n}); plan-hygiene parses at most ${limits.listLines}: split the plan into several files`;
    }
    if (trimmed.startsWith("|")) {
      tableRows++;
      if (tableRows > limits.tableRows) {
        return `a table ending after line ${n} has more than ${limits.tableRows} rows; plan-hygiene parses at most ${limits.tableRows} rows per table`;
      }
      const cells = countChar(trimmed, 124);
      if (cells > limits.tableCells) {
        return `the table row at line ${n} has ${cells} \`|\` separators; plan-hygiene parses at most ${limits.tableCells} per row`;
      }
      newRun(i);
    } else if (/^#{1,6}(?:[ \t]|$)/.test(trimmed)) {
      if (++headings > limits.headings) {
        return `the document has more than ${limits.headings} headings (line ${n}); plan-hygiene parses at most ${limits.headings}: split the plan into several files`;
      }
      newRun(i);
    } else if (depth > 0) {
      newRun(i);
    }
    run.lines++;
    for (let k = 0; k < line.length; k++) {
      const c = line.charCodeAt(k);
      if (c === 42 || c === 95 || c === 126) run.emphasis++;
      else if (c === 91) run.brackets++;
      else if (c === 96) run.backticks++;
    }
    const where = `the paragraph starting at line ${run.start + 1}`;
    if (run.lines > limits.paragraphLines) {
      return `${where} runs for more than ${limits.paragraphLines} lines without a blank line; plan-hygiene parses at most ${limits.paragraphLines}`;
    }
    if (run.emphasis > limits.emphasisDelimiters) {
      return `${where} has ${run.emphasis}+ emphasis markers (*, _ or ~); plan-hygiene parses at most ${limits.emphasisDelimiters} per paragraph`;
    }
    if (run.brackets > limits.brackets) {
      return `${where} has ${run.brackets}+ \`[\` brackets; plan-hygiene parses at most ${limits.brackets} per paragraph`;
    }
    if (run.backticks > limits.backticks) {
      return `${where} has ${run.backticks}+ backticks; plan-hygiene parses at most ${limits.backticks} per paragraph`;
    }
  }
  return null;
}

/** Number of `>` and list markers opening containers at the start of `line`. */
function containerDepth(line: string): number {
  let depth = 0;
  let i = 0;
  for (;;) {
    while (line[i] === " " || line[i] === "\t") i++;
    const c = line[i];
    if (c === ">") {
      depth++;
      i++;
      continue;
    }
    if ((c === "-" || c === "*" || c === "+") && (i + 1 >= line.length || line[i + 1] === " " || line[i + 1] === "\t")) {
      depth++;
      i++;
      continue;
    }
    const m = /^\d{1,9}[.)](?=[ \t]|$)/.exec(line.slice(i, i + 11));
    if (m) {
      depth++;
      i += m[0].length;
      continue;
    }
    return depth;
  }
}

function countChar(line: string, code: number): number {
  let count = 0;
  for (let k = 0; k < line.length; k++) if (line.charCodeAt(k) === code) count++;
  return count;
}

function leadingColumns(line: string): number {
  let col = 0;
  for (const c of line) {
    if (c === " ") col++;
    else if (c === "\t") col += 4 - (col % 4);
    else break;
  }
  return col;
}
