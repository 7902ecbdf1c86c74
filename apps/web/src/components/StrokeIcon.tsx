import type { ReactNode } from 'react';

/** The frame of a line-drawn 16 × 16 icon: its paths are stroked in the text colour. */
export function StrokeIcon({
  strokeWidth,
  children,
}: {
  strokeWidth: number;
  children: ReactNode;
}) {
  return (
    <svg
      viewBox="0 0 16 16"
      width="14"
      height="14"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth={strokeWidth}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {children}
    </svg>
  );
}
