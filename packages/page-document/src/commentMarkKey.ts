import { encodeAny, toBase64 } from 'lib0/buffer';
import { digest } from 'lib0/hash/sha256';

/** The attributes of a comment mark, in the order the schema declares them. */
export interface CommentMarkAttrs {
  readonly threadId: string;
  readonly resolved: boolean;
}

/**
 * The Y.XmlText formatting key under which the editor's binding (y-prosemirror) keeps a comment
 * mark with these attributes. Comment marks may overlap, so the binding keys each by a hash of
 * the mark's JSON (`comment--<8 characters>`); a mark placed by the server must use the very
 * same key, or the editor would rewrite it the first time someone types next to it.
 */
export function commentMarkKey(attrs: CommentMarkAttrs): string {
  const hash = digest(
    encodeAny({ type: 'comment', attrs: { threadId: attrs.threadId, resolved: attrs.resolved } }),
  );
  // Folded to 6 bytes as the binding does.
  for (let index = 6; index < hash.length; index++) {
    hash[index % 6] = (hash[index % 6] as number) ^ (hash[index] as number);
  }
  return `comment--${toBase64(hash.slice(0, 6))}`;
}
