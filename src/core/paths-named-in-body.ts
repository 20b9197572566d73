// Plan files a PR description names: repository paths (`docs/plans/x.md`, [x](plans/x.md)) and
// blob links to THIS repository (https://github.com/<owner>/<repo>/blob/<ref>/<path>). Links to
// other repositories are ignored. Whether a path really is a plan is decided from its text.

const MAX_NAMED = 50;
const MARKDOWN = /\.(?:md|markdown|mdx)$/i;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", "#39": "'", "#x27": "'" };

export function pathsNamedInBody(body: string, owner: string, repo: string): string[] {
  const text = body.replace(/&(amp|lt|gt|quot|apos|#39|#x27);/g, (_, name: string) => ENTITIES[name] ?? "");
  const paths: string[] = [];
  const links = /\bhttps?:\/\/[^\s/]+\/([^\s/]+)\/([^\s/]+)\/blob\/([^\s)>\]"'`]+)/g;
  for (const m of text.matchAll(links)) {
    if ((m[1] as string).toLowerCase() !== owner.toLowerCase() || (m[2] as string).toLowerCase() !== repo.toLowerCase()) continue;
    const rest = (m[3] as string).replace(/[?#].*$/, "").replace(/[.,;:!]+$/, "").split("/").map(safeDecode);
    // The ref may itself contain slashes (feature/x): offer each split; absent paths are dropped later.
    for (let refSegments = 1; refSegments < Math.min(rest.length, 4); refSegments++) paths.push(rest.slice(refSegments).join("/"));
  }
  const withoutUrls = text.replace(/\bhttps?:\/\/\S+/g, " ");
  for (const m of withoutUrls.matchAll(/(?:^|[\s(`'"[<])(?:\.\/|\/)?(?!\.\.?\/)((?:[\w.@+-]+\/)*[\w.@+-]+\.(?:md|markdown|mdx))(?=$|[\s)`'"\]>:#,;.!?])/gim)) {
    paths.push(m[1] as string);
  }
  const clean = paths.map((p) => p.replace(/^\.?\/+/, "")).filter((p) => p !== "" && MARKDOWN.test(p) && !p.split("/").includes(".."));
  return [...new Set(clean)].slice(0, MAX_NAMED);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
