/** UTF-8 text of a blob's bytes, or null when they are not valid UTF-8 (binary). BOM kept. */
export function decodeBlob(bytes: Uint8Array): string | null {
  if (bytes.subarray(0, 8000).includes(0)) return null;
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}
