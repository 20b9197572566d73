/**
 * Why a file cannot be edited byte for byte when it has a lone `\r` line break (old Mac OS
 * convention, or a stray one): markdown reads it as a line break, but line-based edits would put
 * new lines in the wrong place (or take too much out). Null when every break is `\n` or `\r\n`.
 */
export function loneCarriageReturnProblem(text: string, path: string): string | null {
  const at = text.search(/\r(?!\n)/);
  if (at === -1) return null;
  const line = text.slice(0, at).split(/\r\n|\n|\r/).length;
  return `\`${path}\` has a lone carriage return (\\r) as a line break (line ${line}), so I can't edit it without risking the wrong lines. Convert its line endings to LF or CRLF first.`;
}
