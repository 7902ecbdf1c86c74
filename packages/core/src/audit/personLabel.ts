/** How a person is named in the audit log: their name, and their email when they still have one. */
export function personLabel(person: {
  readonly name: string;
  readonly email: string | null;
}): string {
  return person.email ? `${person.name} (${person.email})` : person.name;
}
