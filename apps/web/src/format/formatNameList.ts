const either = new Intl.ListFormat(undefined, { style: 'long', type: 'disjunction' });

/** Names as one phrase to address any of them: "Ada", "Ada or Grace", "Ada, Grace or Linus". */
export function formatNameList(names: readonly string[]): string {
  return either.format(names);
}
