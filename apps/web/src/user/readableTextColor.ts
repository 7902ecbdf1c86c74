/**
 * Black or white, whichever reads better on the `#rrggbb` background (WCAG relative luminance).
 * Unparseable colors get white, matching the darker fallback avatar background.
 */
export function readableTextColor(background: string): '#000000' | '#ffffff' {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(background);
  if (!match) return '#ffffff';
  const [r, g, b] = match.slice(1).map((hex) => {
    const c = Number.parseInt(hex, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Contrast against white is 1.05/(L+0.05), against black (L+0.05)/0.05; they meet at L≈0.179.
  return luminance > 0.179 ? '#000000' : '#ffffff';
}
