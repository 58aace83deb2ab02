import { beforeAll, describe, expect, it } from 'vitest';
import { en, es } from './messages';

/** Where the server lists every permission (identity's PermissionCatalog), from web/ where the tests run. */
const CATALOG = '../app/src/main/java/com/ambiosys/identity/PermissionCatalog.java';

/** The catalog's text, read from the repository (outside what Vite serves, so through Node's fs). */
async function readCatalog(): Promise<string> {
  const fs = (await import(/* @vite-ignore */ 'node:fs' as string)) as { readFileSync(path: string, encoding: string): string };
  return fs.readFileSync(CATALOG, 'utf8');
}

/** `m.put("files", List.of("view", "create"))` → `{ files: ['view', 'create'] }` */
function modulesOf(java: string): Record<string, string[]> {
  return Object.fromEntries([...java.matchAll(/m\.put\("([a-z_]+)",\s*List\.of\(([^)]*)\)\)/g)]
    .map((m) => [m[1], [...m[2].matchAll(/"([a-z_]+)"/g)].map((a) => a[1])]));
}

describe('the roles screen', () => {
  let modules: Record<string, string[]> = {};
  beforeAll(async () => {
    modules = modulesOf(await readCatalog());
  });

  it('reads the server\'s permission catalog (the check itself)', () => {
    expect(modules.customers).toContain('view_all');
    expect(Object.keys(modules).length).toBeGreaterThan(10);
  });

  it('names every module of the catalog in both languages', () => {
    const missing = Object.keys(modules).filter((m) => !(m in es.modules) || !(m in en.modules));
    expect(missing).toEqual([]);
  });

  it('names every action of the catalog in both languages', () => {
    const actions = [...new Set(Object.values(modules).flat())];
    const missing = actions.filter((a) => !(a in es.actions) || !(a in en.actions));
    expect(missing).toEqual([]);
  });
});
