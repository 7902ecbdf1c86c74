/** A top-level area of the wiki (a team, a product, a handbook) holding a tree of pages. */
export interface Space {
  readonly id: string;
  /** URL name, unique: lowercase letters, digits and dashes. */
  readonly slug: string;
  readonly name: string;
  readonly description: string;
  readonly createdBy: string;
  readonly createdAt: number;
  readonly updatedAt: number;
}
