/** The Lore logo mark, the same drawing as the favicon. */
export function LoreMark() {
  return (
    <svg className="lore-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="var(--color-accent)" />
      <path d="M10 7.5h4v13.5h8v3.5H10z" fill="var(--color-on-accent)" />
    </svg>
  );
}
