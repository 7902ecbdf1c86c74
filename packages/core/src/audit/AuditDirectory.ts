/**
 * Names of the things audit records mention, as they are at the moment of writing (which is
 * the moment of the change: records keep the names they were written with).
 */
export interface AuditDirectory {
  person(id: string): { readonly name: string; readonly email: string | null } | null;
  page(id: string): { readonly title: string; readonly spaceId: string } | null;
  space(id: string): string | null;
  group(id: string): string | null;
}
