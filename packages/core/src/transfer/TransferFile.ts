/** One file of an import or export: a relative path with `/` separators, and its bytes. */
export interface TransferFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}
