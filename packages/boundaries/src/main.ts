import { fileURLToPath } from 'node:url';
import { checkBoundaries } from './checkBoundaries';

/** `pnpm run check:boundaries`: prints each violation and exits 1 when there is any. */
const root = fileURLToPath(new URL('../../..', import.meta.url));
const violations = checkBoundaries(root);
for (const violation of violations) {
  process.stderr.write(
    `${violation.file}:${violation.line} ${violation.specifier}: ${violation.rule}\n`,
  );
}
if (violations.length > 0) {
  process.stderr.write(`${violations.length} import(s) break the package boundaries.\n`);
  process.exit(1);
}
process.stdout.write('Package boundaries hold.\n');
