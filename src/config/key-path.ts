/** `["plans", "include", 2]` → `plans.include[2]`; keys that are not identifiers are quoted. */
export function keyPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else {
      const key = String(segment);
      const plain = /^[A-Za-z_][\w-]*$/.test(key);
      out += plain ? (out === "" ? key : `.${key}`) : `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}
