/** A named set of people, managed by workspace admins; groups are granted roles in spaces. */
export interface Group {
  readonly id: string;
  /** Unique, compared without regard to case. */
  readonly name: string;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export const groupNameMaxLength = 100;
