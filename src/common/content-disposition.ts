/** RFC 5987 forbids these in ext-value even though encodeURIComponent leaves them alone. */
const NOT_ATTR_CHAR = /['()*]/g;

/**
 * `attachment` with an ASCII `filename` for old clients and the UTF-8 `filename*` (RFC 6266 / RFC 5987)
 * that browsers prefer, so Chinese file names arrive intact.
 */
export function contentDisposition(fileName: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(NOT_ATTR_CHAR, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encoded}`;
}
