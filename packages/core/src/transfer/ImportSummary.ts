/** A place in an imported file, for the summary's lists of what could not be carried over. */
export interface SourceLocation {
  readonly file: string;
  /** 1-based line in the file (front matter included). */
  readonly line: number;
}

/** What an import did; the same shape on the CLI and the HTTP API. */
export interface ImportSummary {
  readonly pages: { readonly created: number; readonly updated: number };
  readonly links: {
    readonly resolved: number;
    readonly unresolved: readonly (SourceLocation & { readonly href: string })[];
  };
  readonly images: {
    readonly imported: number;
    readonly missing: readonly (SourceLocation & { readonly src: string })[];
  };
}
