/**
 * The public view's one stylesheet, served from this server (the view's policy allows no inline
 * style): readable type, light and dark after the reader's system setting, and the page
 * schema's elements (tables, code, callouts, task lists, images).
 */
export const sharedViewStylesheet = `:root {
  color-scheme: light dark;
  --bg: #ffffff;
  --fg: #1f2328;
  --muted: #59636e;
  --line: #d1d9e0;
  --soft: #f6f8fa;
  --link: #0969da;
  --mark: #fff8c5;
  --info: #ddf4ff;
  --success: #dafbe1;
  --warning: #fff8c5;
  --danger: #ffebe9;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117;
    --fg: #e6edf3;
    --muted: #9198a1;
    --line: #3d444d;
    --soft: #151b23;
    --link: #4493f8;
    --mark: #5c4a00;
    --info: #0c2d4f;
    --success: #0f3a1e;
    --warning: #3d2e00;
    --danger: #4a1414;
  }
}
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--fg); }
body {
  margin: 0;
  font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
a { color: var(--link); }
.layout { max-width: 72rem; margin: 0 auto; padding: 2rem 1.25rem; }
.layout.with-contents { display: grid; grid-template-columns: 16rem minmax(0, 1fr); gap: 2.5rem; }
@media (max-width: 52rem) {
  .layout.with-contents { display: block; }
  .contents { margin-bottom: 1.5rem; }
}
main { min-width: 0; max-width: 48rem; }
.contents { font-size: 0.9rem; }
.contents h2 { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); margin: 0 0 0.5rem; }
.contents ul { list-style: none; margin: 0; padding-left: 0.9rem; }
.contents > ul { padding-left: 0; }
.contents li { margin: 0.2rem 0; }
.contents a { text-decoration: none; color: var(--fg); }
.contents a:hover { text-decoration: underline; }
.contents a[aria-current="page"] { font-weight: 600; color: var(--link); }
.trail ol { list-style: none; display: flex; flex-wrap: wrap; gap: 0.35rem; padding: 0; margin: 0 0 1rem; font-size: 0.9rem; color: var(--muted); }
.trail li + li::before { content: "/"; margin-right: 0.35rem; }
.page-title { font-size: 2.1rem; line-height: 1.25; margin: 0 0 1.5rem; }
.page-body h1, .page-body h2, .page-body h3 { line-height: 1.3; margin: 1.8em 0 0.6em; }
.page-body img { max-width: 100%; height: auto; }
.page-body pre { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: 0.8rem 1rem; overflow-x: auto; }
.page-body code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; }
.page-body :not(pre) > code { background: var(--soft); border-radius: 4px; padding: 0.1em 0.3em; }
.page-body blockquote { margin: 1em 0; padding: 0 1em; border-left: 4px solid var(--line); color: var(--muted); }
.page-body table { border-collapse: collapse; display: block; overflow-x: auto; margin: 1em 0; }
.page-body th, .page-body td { border: 1px solid var(--line); padding: 0.4rem 0.7rem; vertical-align: top; }
.page-body th { background: var(--soft); }
.page-body mark { background: var(--mark); color: inherit; }
.page-body hr { border: 0; border-top: 1px solid var(--line); margin: 2em 0; }
.page-body ul[data-type="taskList"] { list-style: none; padding-left: 0.2rem; }
.page-body ul[data-type="taskList"] li { display: flex; gap: 0.5rem; }
.page-body ul[data-type="taskList"] li > div { flex: 1; }
.page-body ul[data-type="taskList"] input { pointer-events: none; }
.page-body div[data-callout] { border-radius: 6px; padding: 0.6rem 1rem; margin: 1em 0; background: var(--info); }
.page-body div[data-kind="success"] { background: var(--success); }
.page-body div[data-kind="warning"] { background: var(--warning); }
.page-body div[data-kind="danger"] { background: var(--danger); }
footer { max-width: 72rem; margin: 0 auto; padding: 1.5rem 1.25rem 2.5rem; color: var(--muted); font-size: 0.85rem; border-top: 1px solid var(--line); }
.not-found { max-width: 36rem; margin: 4rem auto; padding: 0 1.25rem; }
.not-found h1 { font-size: 1.6rem; }
`;
