/** y-prosemirror stores overlapping marks (two links on one run) under `name--<hash>`. */
const hashedMarkName = /(.*)(--[a-zA-Z0-9+/=]{8})$/;

/** The mark a Y.XmlText formatting key stands for (`link--AbCd1234` → `link`). */
export function markNameOf(key: string): string {
  return hashedMarkName.exec(key)?.[1] ?? key;
}
