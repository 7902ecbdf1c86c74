import type { Page, SharedScope } from '@lore/core';
import {
  jsonToHTML,
  jsonToPlainText,
  pageBodyField,
  readPageDocument,
  yDocToJSON,
} from '@lore/page-document';
import type { Services } from '../Services';
import { scopeSharedContent } from './scopeSharedContent';
import { summarizeText } from './summarizeText';

/** A shared page's body as the public view shows it, and a summary of its text for previews. */
export interface SharedBody {
  readonly html: string;
  readonly summary: string;
}

/**
 * Renders a page of a share for its visitors: the current document, its links and images
 * scoped to the share (`scopeSharedContent`), then the schema's sanitized HTML rendering.
 */
export async function renderSharedBody(
  services: Pick<Services, 'collab' | 'documents' | 'attachments'>,
  scope: SharedScope,
  secret: string,
  page: Page,
  origin: string,
): Promise<SharedBody> {
  const json = await readPageDocument(services.collab, services.documents, page.id, (doc) =>
    yDocToJSON(doc, pageBodyField),
  );
  const scoped = scopeSharedContent(json, {
    scope,
    secret,
    origin,
    attachmentName: (attachmentId) => {
      try {
        return services.attachments.openWithin(attachmentId, (owner) => scope.includes(owner.id))
          .attachment.filename;
      } catch {
        return null;
      }
    },
  });
  return { html: jsonToHTML(scoped), summary: summarizeText(jsonToPlainText(scoped)) };
}
