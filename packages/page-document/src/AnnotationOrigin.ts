/**
 * The transaction origin of a server-side change that only annotates the document (placing or
 * removing a comment mark). It is nobody's edit: page history does not count it as an edit (no
 * revision, no contributor), so it neither shows in authorship nor tells watchers of a change.
 */
export class AnnotationOrigin {
  constructor(readonly reason: string) {}
}
