import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { boundaryRules, type PackageRule } from './boundaryRules';

/** One import that breaks a rule: where, what, and which rule. */
export interface BoundaryViolation {
  /** The importing file, relative to the workspace root. */
  readonly file: string;
  readonly line: number;
  readonly specifier: string;
  readonly rule: string;
}

interface WorkspacePackage {
  readonly name: string;
  readonly dir: string;
  readonly dependencies: ReadonlySet<string>;
  readonly devDependencies: ReadonlySet<string>;
}

const builtins = new Set(builtinModules);
/** Packages whose code is not run in production: their dev dependencies serve every file. */
const toolingPackages = new Set([
  '@lore/web',
  '@lore/e2e',
  '@lore/bench',
  '@lore/boundaries',
  '@lore/cluster',
]);
const sourceFile = /\.(ts|tsx|mts|cts|js|mjs)$/;
const testFile = /(\.test\.|\/test\/|\.spec\.)|^src\/test/;
/** The package a bare specifier names: `@scope/name` or `name`, without a subpath. */
export function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string);
}

function isBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || builtins.has(packageOf(specifier));
}

function listFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.')) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) listFiles(path, out);
    else if (sourceFile.test(entry) && !entry.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** The workspace's packages: every folder under `apps/` and `packages/` with a package.json. */
export function readWorkspace(root: string): WorkspacePackage[] {
  const packages: WorkspacePackage[] = [];
  for (const group of ['apps', 'packages']) {
    const groupDir = join(root, group);
    if (!existsSync(groupDir)) continue;
    for (const entry of readdirSync(groupDir)) {
      const manifest = join(groupDir, entry, 'package.json');
      if (!existsSync(manifest)) continue;
      const json = JSON.parse(readFileSync(manifest, 'utf8')) as {
        name: string;
        dependencies?: Record<string, string>;
        devDependencies?: Record<string, string>;
        peerDependencies?: Record<string, string>;
      };
      packages.push({
        name: json.name,
        dir: join(groupDir, entry),
        dependencies: new Set([
          ...Object.keys(json.dependencies ?? {}),
          ...Object.keys(json.peerDependencies ?? {}),
        ]),
        devDependencies: new Set(Object.keys(json.devDependencies ?? {})),
      });
    }
  }
  return packages;
}

function forbids(rule: PackageRule, specifier: string): boolean {
  return rule.forbidden.some((entry) =>
    entry.endsWith('/')
      ? specifier.startsWith(entry) || specifier === entry.slice(0, -1)
      : specifier === entry || packageOf(specifier) === entry,
  );
}

/**
 * Checks every source file of every workspace package under `root`:
 * - a bare import names a package the importer declares (in `dependencies`, or in
 *   `devDependencies` for tests, tooling and the web app's bundle), so nothing resolves only
 *   because of hoisting;
 * - a relative import stays inside its package (a sibling is reached by its name);
 * - the layering rules (`boundaryRules`): core knows no transport, SQL, websocket or filesystem;
 *   the web app imports no server code, and only types from the API's schemas;
 * - shipped code imports no `…/testing` entry (contract suites, in-memory fakes, manual clocks).
 */
export function checkBoundaries(
  root: string,
  rules: readonly PackageRule[] = boundaryRules,
): BoundaryViolation[] {
  const violations: BoundaryViolation[] = [];
  const byName = new Map(rules.map((rule) => [rule.name, rule]));
  for (const pkg of readWorkspace(root)) {
    const rule = byName.get(pkg.name);
    const packageDir = resolve(pkg.dir);
    for (const file of listFiles(pkg.dir)) {
      const inPackage = relative(pkg.dir, file).split(sep).join('/');
      const isTest = testFile.test(inPackage) || !inPackage.startsWith('src/');
      const text = readFileSync(file, 'utf8');
      // The compiler's own scan: static and dynamic imports, re-exports, require; not comments.
      const { importedFiles } = ts.preProcessFile(text, true, true);
      for (const imported of importedFiles) {
        const specifier = imported.fileName;
        const line = text.slice(0, imported.pos).split('\n').length;
        const keyword = Math.max(
          text.lastIndexOf('import', imported.pos),
          text.lastIndexOf('export', imported.pos),
        );
        const statement = text.slice(Math.max(0, keyword), imported.pos);
        const at = { file: relative(root, file).split(sep).join('/'), line, specifier };
        if (specifier.startsWith('.')) {
          const target = resolve(file, '..', specifier);
          if (target !== packageDir && !target.startsWith(packageDir + sep)) {
            violations.push({
              ...at,
              rule: `${pkg.name} reaches outside its folder; import the package by name`,
            });
          }
          continue;
        }
        // Tests and tooling of a package may read files or start servers; the rules are for
        // the code it ships.
        const ruled = rule && !isTest ? rule : undefined;
        if (specifier.startsWith('#') || isBuiltin(specifier)) {
          if (ruled && forbids(ruled, specifier)) {
            violations.push({
              ...at,
              rule: `${pkg.name} must not import ${specifier}: ${ruled.because}`,
            });
          }
          continue;
        }
        const name = packageOf(specifier);
        if (specifier.endsWith('/testing') && !isTest && !toolingPackages.has(pkg.name)) {
          violations.push({
            ...at,
            rule: `${pkg.name} ships code that imports ${specifier}, which is for tests only`,
          });
          continue;
        }
        if (ruled && forbids(ruled, specifier)) {
          violations.push({
            ...at,
            rule: `${pkg.name} must not import ${specifier}: ${ruled.because}`,
          });
          continue;
        }
        if (name === pkg.name) continue;
        const dev = isTest || toolingPackages.has(pkg.name);
        // A type-only import is erased: its types may come from a dev dependency (`@types/x`).
        const typeOnly = /^\s*(import|export)\s+type\s/.test(statement);
        if (ruled?.typesOnly?.includes(name) && !typeOnly) {
          violations.push({
            ...at,
            rule: `${pkg.name} may import only types from ${name} (\`import type\`), so none of its code ships`,
          });
          continue;
        }
        const typesOf = `@types/${name.startsWith('@') ? name.slice(1).replace('/', '__') : name}`;
        const declared =
          pkg.dependencies.has(name) ||
          ((dev || typeOnly) &&
            (pkg.devDependencies.has(name) || pkg.devDependencies.has(typesOf)));
        if (!declared) {
          violations.push({
            ...at,
            rule: `${pkg.name} imports ${name} without declaring it in package.json`,
          });
        }
      }
    }
  }
  return violations;
}
