// Inputs that stall or crash micromark, each with the reason parsePlan must give. Shared by the
// inline (hostile.test.ts) and worker (hostile-async.test.ts) tests.
export const hostileInputs: [string, () => string, RegExp][] = [
  ["4000 nested list markers on one line", () => "- ".repeat(4000) + "a", /line 1 nests 4000 list\/quote levels/],
  ["10000 quote markers", () => ">".repeat(10000), /nests 10000/],
  ["mixed quote/list nesting", () => "> - ".repeat(100) + "a", /nests 200/],
  ["emphasis run a**b ×5e4", () => "a**b".repeat(5e4), /emphasis markers/],
  ["strikethrough run", () => "a~~b".repeat(3e4), /emphasis markers/],
  ["underscore run", () => "a _b".repeat(3e4), /emphasis markers/],
  ["1e5 open brackets", () => "[".repeat(1e5), /brackets/],
  ["unclosed link openers", () => "[a](".repeat(2e4), /brackets/],
  ["image openers", () => "![a](".repeat(2e4), /brackets/],
  ["reference links", () => "[a]".repeat(5e4) + "\n\n[a]: b", /brackets/],
  ["backtick run", () => "`a".repeat(5e4), /backticks/],
  ["deeply indented nested list", () => Array.from({ length: 300 }, (_, i) => " ".repeat(2 * i) + "- a").join("\n"), /indented \d+ columns/],
  ["a 5e4-row table", () => "| a | b |\n|---|---|\n" + "| x | y |\n".repeat(5e4), /rows/],
  ["a 60000-line paragraph", () => "word word word\n".repeat(60000), /more than 1000 lines/],
  ["emphasis hidden after an HTML block's fake fence", () => "<div>\n```\n\n" + "a**b".repeat(5e4), /emphasis/],
  ["emphasis hidden after a comment's fake fence", () => "<!--\n\n```\n-->\n" + "a**b".repeat(5e4), /emphasis/],
  ["emphasis hidden after a list item's fence", () => "- a\n\n  ```\n" + "a**b".repeat(5e4), /emphasis/],
  ["over the size cap", () => "x".repeat(1_000_001), /1000001 bytes; plan-hygiene parses at most 1000000 bytes/],
];
