/** A small right-pointing chevron; rotate it with CSS to show an open state. */
export function ChevronIcon({ className }: { className?: string }) {
  return (
    <svg
      className={className}
      viewBox="0 0 16 16"
      width="12"
      height="12"
      aria-hidden="true"
      focusable="false"
    >
      <path
        fill="currentColor"
        d="M5.7 3.2a.75.75 0 0 1 1.06 0l4.27 4.27a.75.75 0 0 1 0 1.06L6.76 12.8a.75.75 0 1 1-1.06-1.06L9.44 8 5.7 4.26a.75.75 0 0 1 0-1.06Z"
      />
    </svg>
  );
}
