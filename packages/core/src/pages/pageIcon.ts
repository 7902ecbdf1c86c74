/** Longest icon accepted, in UTF-16 code units (a flag or a family emoji fits). */
export const pageIconMaxLength = 16;

// Emoji_Component covers joiners, variation selectors, skin tones, keycaps, flag letters, tags.
const emojiOnly = /^(?:\p{Extended_Pictographic}|\p{Emoji_Component})+$/u;
const pictographic = /\p{Extended_Pictographic}|\p{Regional_Indicator}{2}|\u20e3/u;

/**
 * Whether `value` is one emoji as a person sees it (one grapheme): a pictograph with its skin
 * tone, joiners and variation selectors, a flag, or a keycap. Letters, digits alone and several
 * emoji are refused, so the icon never carries text.
 */
export function isPageIcon(value: string): boolean {
  if (value.length === 0 || value.length > pageIconMaxLength) return false;
  const graphemes = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(value)];
  return graphemes.length === 1 && emojiOnly.test(value) && pictographic.test(value);
}
