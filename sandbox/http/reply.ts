// What a handler returns: status, headers and body, built like Laravel's JsonResponse, RedirectResponse
// and HTML error pages. The server writes it (or, under fault injection, only part of it).

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Laravel's JsonResponse: json_encode with PHP's default flags, so `/` is written `\/` and every character
 * outside ASCII `\uXXXX` (lower-case hex, UTF-16 units). `exception`: the exception handler's JSON
 * (JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES: four spaces, `/` kept) for 403, 404, 405 and 500.
 */
export function jsonReply(status: number, data: unknown, headers: Record<string, string> = {}, style: 'plain' | 'exception' = 'plain'): Reply {
  const body = style === 'exception' ? escapeUnicode(JSON.stringify(data, null, 4)) : escapeUnicode(JSON.stringify(data)).replaceAll('/', '\\/');
  return { status, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', ...headers }, body };
}

function escapeUnicode(json: string): string {
  return json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function htmlReply(status: number, html: string, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache, private', ...headers }, body: html };
}

/** Symfony's RedirectResponse: a 302 with Location and a tiny HTML page. */
export function redirectReply(location: string): Reply {
  const escaped = escapeHtml(location);
  return htmlReply(
    302,
    `<!DOCTYPE html>\n<html>\n    <head>\n        <meta charset="UTF-8" />\n        <meta http-equiv="refresh" content="0;url='${escaped}'" />\n\n        <title>Redirecting to ${escaped}</title>\n    </head>\n    <body>\n        Redirecting to <a href="${escaped}">${escaped}</a>.\n    </body>\n</html>`,
    { Location: location },
  );
}

/** Laravel's minimal error page for a browser (no Accept: application/json). */
export function errorPage(status: number, title: string, headers: Record<string, string> = {}): Reply {
  const text = escapeHtml(title);
  return htmlReply(status, `<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>${text}</title></head>\n<body><div>${status} | ${text}</div></body>\n</html>\n`, headers);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
