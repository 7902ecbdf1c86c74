/**
 * `open`: every workspace member reads the space and gets its default role; `private`: only
 * the people and groups made members of it.
 */
export const spaceVisibilities = ['open', 'private'] as const;
export type SpaceVisibility = (typeof spaceVisibilities)[number];
