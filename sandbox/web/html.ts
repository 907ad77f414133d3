/** HTML building for the sandbox's server-rendered pages: escaping and the page shell (no inline script/style). */

/** Escapes text for HTML element content and attribute values. */
export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A complete page with the sandbox stylesheet. `body` must already be escaped HTML. */
export function page(title: string, body: string, bodyClass = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<link rel="stylesheet" href="/static/sandbox.css">
</head>
<body${bodyClass ? ` class="${esc(bodyClass)}"` : ''}>
${body}
</body>
</html>`;
}

/** A plain error page of the authorization server or launcher. */
export function errorPage(title: string, paragraphs: string[]): string {
  return page(
    title,
    `<main class="narrow"><h1>${esc(title)}</h1>${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('')}<p><a href="/">Back to the sandbox launcher</a></p></main>`,
  );
}
