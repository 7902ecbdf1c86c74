import { type ReactNode, useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { api } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import { useApiQuery } from '../api/useApiQuery';
import { FormError } from '../components/FormError';
import { PageUnavailable } from '../editor/PageUnavailable';
import { findPageByReference } from './findPageByReference';
import { parsePageReference } from './parsePageReference';
import { rememberedPageId, rememberPageId } from './rememberedPageIds';
import { useCanonicalPath } from './useCanonicalPath';
import { useSpaces } from './useSpaces';

/** How long the address waits for typing to pause before following a new title. */
const followTitleDelayMs = 400;

interface PageAddressProps {
  /** The page part of the address: a page id, a short id or `<title-slug>-<shortId>`. */
  reference: string;
  /** Renders the page once its id is known. */
  children(pageId: string): ReactNode;
}

/**
 * Resolves the page an address names (`/pages/<id>`, `/s/<shortId>` or the canonical
 * `/<space>/<slug>-<shortId>`) and keeps the address bar on the canonical form as the page is
 * renamed or moved, replacing the history entry instead of adding one. Every form renders the
 * page through here, so switching forms does not open the page again.
 */
export function PageAddress({ reference, children }: PageAddressProps) {
  const parsed = parsePageReference(reference);
  const { trees } = useSpaces();
  const inTrees = parsed?.kind === 'shortId' ? findPageByReference(trees, parsed)?.node : null;
  const known = parsed?.kind === 'id' ? parsed.id : (inTrees?.id ?? null);
  const lookup = parsed?.kind === 'id' ? parsed.id : (parsed?.shortId ?? '');
  const { data, error } = useApiQuery(queryKeys.pageInfo(lookup), () => api.getPageInfo(lookup), {
    enabled: lookup !== '' && !known,
  });
  const fetched = data?.page ?? null;
  // Offline, a page opened here before still opens by its short id.
  const remembered =
    error?.status === 0 && parsed?.kind === 'shortId' ? rememberedPageId(parsed.shortId) : null;
  const pageId = known ?? fetched?.id ?? remembered;

  useEffect(() => {
    if (inTrees) rememberPageId(inTrees.shortId, inTrees.id);
  }, [inTrees]);

  useEffect(() => {
    if (fetched) rememberPageId(fetched.shortId, fetched.id);
  }, [fetched]);

  const canonical =
    useCanonicalPath(pageId ?? '') ?? (pageId && fetched?.id === pageId ? fetched.url : null);
  useCanonicalAddress(canonical);

  if (!parsed || error?.status === 404) return <PageUnavailable />;
  if (pageId) return children(pageId);
  if (error) {
    return (
      <div className="page">
        <FormError message={error.message} />
      </div>
    );
  }
  return <div className="page delayed-appearance muted">Opening page…</div>;
}

/** Replaces the address with `path` (keeping `#anchor` and state) once it settles. */
function useCanonicalAddress(path: string | null | undefined): void {
  const location = useLocation();
  const navigate = useNavigate();
  const { pathname, search, hash, state } = location;

  useEffect(() => {
    if (!path || decodeURIComponent(pathname) === decodeURIComponent(path)) return;
    const timer = setTimeout(
      () => navigate({ pathname: path, search, hash }, { replace: true, state }),
      pathname.startsWith('/pages/') || pathname.startsWith('/s/') ? 0 : followTitleDelayMs,
    );
    return () => clearTimeout(timer);
  }, [path, pathname, search, hash, state, navigate]);
}
