import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** The TypeScript files under `dir` (relative to the repository), tests left out. */
async function sourceFiles(dir: string, keep: (file: string) => boolean = () => true): Promise<string[]> {
  const entries = await readdir(path.join(ROOT, dir), { recursive: true });
  return entries
    .map((entry) => path.join(dir, entry))
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && keep(file))
    .sort();
}

/** The names a module exports: `export const X`, `export type X`, `export { X, Y as Z }`. */
function exportedNames(source: string): string[] {
  const names = [...source.matchAll(/^export\s+(?:declare\s+)?(?:const|let|function|class|type|interface|enum)\s+(\w+)/gm)].map((match) => match[1] ?? "");
  for (const [, list = ""] of source.matchAll(/^export\s+(?:type\s+)?\{([^}]*)\}/gm)) {
    for (const item of list.split(",")) {
      const name = item
        .trim()
        .split(/\s+as\s+/)
        .pop()
        ?.replace(/^type\s+/, "");
      if (name) names.push(name);
    }
  }
  return names;
}

/** `file: name` for every name `pick` keeps among the exports of `files`. */
async function exportsWhere(files: string[], pick: (name: string) => boolean): Promise<string[]> {
  const found: string[] = [];
  for (const file of files) {
    for (const name of exportedNames(await readFile(path.join(ROOT, file), "utf8"))) if (pick(name)) found.push(`${file}: ${name}`);
  }
  return found;
}

describe("the API's shapes, as docs/ARCHITECTURE.md names them", () => {
  it("live in src/schemas: a route's schema.ts holds only its path parameters and query string", async () => {
    const routeSchemas = await sourceFiles("src/server/routes", (file) => path.basename(file) === "schema.ts");
    expect(routeSchemas.length).toBeGreaterThan(0);
    expect(await exportsWhere(routeSchemas, (name) => !/(Params|Query)$/.test(name))).toEqual([]);
  });

  it("are not declared in a route file: routes.ts imports its shapes instead of building them with zod", async () => {
    const routes = await sourceFiles("src/server/routes", (file) => path.basename(file) === "routes.ts");
    const building: string[] = [];
    for (const file of routes) if (/from\s+"zod"/.test(await readFile(path.join(ROOT, file), "utf8"))) building.push(file);
    expect(building).toEqual([]);
  });

  it("share one name between the zod schema and its type, with no Schema suffix", async () => {
    expect(await exportsWhere(await sourceFiles("src/schemas"), (name) => name.endsWith("Schema"))).toEqual([]);
  });

  it("import nothing the web UI's bundle cannot take: only zod, src/domain, src/errors and each other", async () => {
    const outside: string[] = [];
    for (const file of await sourceFiles("src/schemas")) {
      const source = await readFile(path.join(ROOT, file), "utf8");
      for (const [, from = ""] of source.matchAll(/\bfrom\s+"([^"]+)"/g)) {
        if (!/^(zod|\.\/[\w-]+\.ts|\.\.\/(domain|errors)\/[\w-]+\.ts)$/.test(from)) outside.push(`${file}: ${from}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it("are imported by the web UI, never declared again there", async () => {
    const shapes = new Set((await exportsWhere(await sourceFiles("src/schemas"), () => true)).map((entry) => entry.split(": ")[1]));
    const copies: string[] = [];
    for (const file of await sourceFiles("web/src")) {
      const source = await readFile(path.join(ROOT, file), "utf8");
      for (const [, name = ""] of source.matchAll(/^\s*(?:export\s+)?(?:type|interface)\s+(\w+)/gm)) if (shapes.has(name)) copies.push(`${file}: ${name}`);
    }
    expect(copies).toEqual([]);
  });
});
