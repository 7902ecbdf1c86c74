import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownToJSON } from '../markdownToJSON';
import { handbookCorpusDir, listMarkdownFiles } from '../test/handbookCorpus';
import { type DocumentLimits, documentLimits } from './documentLimits';
import { findDocumentExcess } from './findDocumentExcess';

type Json = {
  type?: string;
  text?: string;
  attrs?: Record<string, unknown>;
  marks?: Json[];
  content?: Json[];
};

/** The largest value of each limited measure over one document. */
function measure(doc: Json): Record<keyof DocumentLimits, number> {
  const most = {
    maxDepth: 0,
    maxNodes: 0,
    maxTextLength: 0,
    maxAttributeLength: 0,
    maxTableRows: 0,
    maxTableColumns: 0,
  };
  const stack: [Json, number][] = [[doc, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [Json, number];
    most.maxDepth = Math.max(most.maxDepth, depth);
    if (node.type !== 'text') most.maxNodes += 1;
    for (const value of [
      ...Object.values(node.attrs ?? {}),
      ...(node.marks ?? []).flatMap((mark) => Object.values(mark.attrs ?? {})),
    ]) {
      const length = typeof value === 'string' ? value.length : JSON.stringify(value ?? '').length;
      most.maxAttributeLength = Math.max(most.maxAttributeLength, length);
    }
    const text = (node.content ?? []).reduce((sum, child) => sum + (child.text?.length ?? 0), 0);
    most.maxTextLength = Math.max(most.maxTextLength, text);
    if (node.type === 'table')
      most.maxTableRows = Math.max(most.maxTableRows, node.content?.length ?? 0);
    if (node.type === 'tableRow') {
      most.maxTableColumns = Math.max(most.maxTableColumns, node.content?.length ?? 0);
    }
    for (const child of node.content ?? []) stack.push([child, depth + 1]);
  }
  most.maxNodes -= 1; // the document itself
  return most;
}

const corpus = handbookCorpusDir();

describe('the structure limits against a real handbook', () => {
  if (corpus === null) {
    it('did not run: the handbook corpus is missing ($LORE_CORPORA)', () => {
      console.info(
        'The handbook corpus is missing ($LORE_CORPORA): the limits were not measured against it.',
      );
      expect(corpus).toBeNull();
    });
    return;
  }
  it('leave every page well inside them, with the margins the docs give', () => {
    const dir = corpus as string;
    const files = listMarkdownFiles(dir);
    const largest = measure({ type: 'doc' });
    for (const file of files) {
      const doc = markdownToJSON(readFileSync(join(dir, file), 'utf8')) as Json;
      expect(findDocumentExcess(doc, documentLimits), file).toEqual([]);
      const measured = measure(doc);
      for (const key of Object.keys(largest) as (keyof DocumentLimits)[]) {
        largest[key] = Math.max(largest[key], measured[key]);
      }
    }
    const rows = (Object.keys(largest) as (keyof DocumentLimits)[]).map(
      (key) =>
        `  ${key.padEnd(20)} limit ${String(documentLimits[key]).padStart(7)}  handbook max ${String(largest[key]).padStart(6)}  margin ${(documentLimits[key] / Math.max(1, largest[key])).toFixed(1)}×`,
    );
    console.info(`structure limits over ${files.length} handbook pages:\n${rows.join('\n')}`);
    // The margins docs/collaboration.md promises: at least 5× on nesting and size.
    expect(documentLimits.maxDepth / largest.maxDepth).toBeGreaterThanOrEqual(5);
    expect(documentLimits.maxNodes / largest.maxNodes).toBeGreaterThanOrEqual(5);
    expect(documentLimits.maxTextLength / largest.maxTextLength).toBeGreaterThanOrEqual(5);
  });
});
