import { readPageDocument } from '@lore/page-document';
import {
  applyJSONToYDoc,
  type DocumentExcess,
  documentLimits,
  findDocumentExcess,
  fitDocumentLimits,
  pageBodyField,
  pageTitleField,
  readFragmentJSON,
  sanitizeWithinDepth,
} from '@lore/schema';
import type { Services } from '../Services';

/** A page whose stored document passes the structure limits. */
export interface StructureFinding {
  readonly pageId: string;
  readonly title: string;
  readonly excess: readonly DocumentExcess[];
  /** True once the repair was written (with `repair`); false when only reported. */
  readonly repaired: boolean;
}

export interface StructureCheckOptions {
  /** Write the repair as a revisioned edit; otherwise only report. */
  readonly repair: boolean;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface StructureCheck {
  readonly checked: number;
  readonly findings: readonly StructureFinding[];
}

/** Origin of the repair edit, so observers can tell it from people's edits. */
export const structureRepairOrigin = Symbol('structure repair');

/**
 * Finds stored pages whose documents pass the structure limits (stored before the limits, or
 * written into the database around them) and, with `repair`, brings each within them through a
 * normal revisioned edit: the content as it was is kept as a named revision ("Before structure
 * repair"), the body is rewritten to the fitted document as a collaborative change (people
 * editing it get it live), and the result is kept as "Structure repair". Trashed pages are
 * checked too: they can be restored and exported.
 */
export async function checkPageStructure(
  services: Services,
  options: StructureCheckOptions,
): Promise<StructureCheck> {
  const pageIds = services.spaceStore
    .listSpaces()
    .flatMap((space) => services.pageStore.listPagesInSpace(space.id).map((page) => page.id));
  const findings: StructureFinding[] = [];
  options.onProgress?.(0, pageIds.length);
  for (const [index, pageId] of pageIds.entries()) {
    const stored = await readPageDocument(services.collab, services.documents, pageId, (doc) => ({
      body: readFragmentJSON(doc.getXmlFragment(pageBodyField)),
      titleLength: doc.getText(pageTitleField).length,
    }));
    const excess = [...findDocumentExcess(stored.body, documentLimits)];
    if (stored.titleLength > documentLimits.maxTextLength) {
      excess.push({
        limit: 'maxTextLength',
        message: `the title is longer than ${documentLimits.maxTextLength} characters`,
      });
    }
    if (excess.length > 0) {
      const title = services.pageStore.findPageById(pageId)?.title ?? '';
      if (options.repair) await repairPage(services, pageId, excess);
      findings.push({ pageId, title, excess, repaired: options.repair });
    }
    options.onProgress?.(index + 1, pageIds.length);
  }
  return { checked: pageIds.length, findings };
}

async function repairPage(
  services: Services,
  pageId: string,
  excess: readonly DocumentExcess[],
): Promise<void> {
  const note = `Past the page limits: ${excess.map((item) => item.message).join('; ')}.`;
  await services.revisions.capture(pageId, 'manual', { name: 'Before structure repair', note });
  await services.collab.editDocument(
    pageId,
    (doc) => {
      // Read again inside the edit: people may have typed since the check.
      const body = doc.getXmlFragment(pageBodyField);
      const fitted = sanitizeWithinDepth(
        fitDocumentLimits(readFragmentJSON(body), documentLimits).json,
      );
      body.delete(0, body.length);
      applyJSONToYDoc(doc, fitted, pageBodyField);
      const title = doc.getText(pageTitleField);
      if (title.length > documentLimits.maxTextLength) {
        title.delete(documentLimits.maxTextLength, title.length - documentLimits.maxTextLength);
      }
    },
    structureRepairOrigin,
  );
  await services.revisions.capture(pageId, 'manual', { name: 'Structure repair', note });
}
