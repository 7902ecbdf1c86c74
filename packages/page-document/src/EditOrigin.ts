/**
 * The transaction origin of a server-side change made on someone's behalf (a restore), so the
 * change is recorded as theirs when the collaboration server accepts it.
 */
export class EditOrigin {
  constructor(readonly userId: string) {}
}
