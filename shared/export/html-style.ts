/**
 * The exported page's only stylesheet, inlined: no fonts, images or
 * anything else fetched, so the file reads the same offline and anywhere.
 */
export const EXPORT_CSS = `
:root { color-scheme: light; }
body { margin: 0; background: #fff; color: #1d1d1f; font: 16px/1.55 Georgia, "Times New Roman", serif; }
main { max-width: 46rem; margin: 0 auto; padding: 2.5rem 1.5rem 4rem; }
h1, h2, h3, h4, h5, h6 { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; line-height: 1.25; }
h1 { font-size: 1.9rem; margin: 0 0 .5rem; }
article { border-top: 1px solid #ddd; margin-top: 2.5rem; padding-top: 1rem; }
blockquote { margin: 1rem 0; padding: .1rem 1rem; border-left: 3px solid #c9c9cf; color: #333; }
a { color: #1a4fa0; }
.entity-mention { text-decoration: none; border-bottom: 1px dotted currentColor; }
sup.cite a { text-decoration: none; font-size: .75em; }
.endnotes { font-size: .9rem; color: #333; }
.unverified { color: #b3261e; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
.sha { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .8em; word-break: break-all; color: #555; }
.summary { color: #444; font-style: italic; }
.protected { font-size: .8em; color: #8a1c1c; }
nav ol { padding-left: 1.2rem; }
dl.props { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; font-size: .9rem; }
dl.props dt { color: #555; }
dl.props dd { margin: 0; }
table { border-collapse: collapse; }
td, th { border: 1px solid #ccc; padding: .25rem .5rem; }
@media print { main { max-width: none; } a { color: inherit; } }
`;
