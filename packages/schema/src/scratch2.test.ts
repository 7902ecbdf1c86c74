import { test } from 'vitest';
import { markdownToJSON, jsonToMarkdown } from './index';
test('x', () => {
  for (const s of ['- Announce: "Wishing a happy birthday to [name]!..."\n', 'Hello [name] there\n', 'a ~2 b\n', 'people-ops@sourcegraph alias\n', '**PEO: **The\n']) {
    console.log(JSON.stringify(jsonToMarkdown(markdownToJSON(s))));
  }
});
