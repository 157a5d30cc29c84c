/** XML/HTML text escaping shared by the JUnit and HTML reports. */

// Characters XML 1.0 forbids outright (C0 controls other than tab/LF/CR, lone surrogates,
// U+FFFE/U+FFFF). A hostile name must not make the whole report unparseable.
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const NEEDS_WORK = /[&<>"'\u0000-\u001f\ud800-\udfff\ufffe\uffff]/;

/** Escape for element content and double- or single-quoted attribute values. */
export function escapeXml(text: string): string {
  if (!NEEDS_WORK.test(text)) return text; // the common case, kept cheap for large reports
  return text
    .replace(XML_FORBIDDEN, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escape for an attribute value, keeping line breaks and tabs (attribute normalisation would turn them into spaces). */
export function escapeXmlAttr(text: string): string {
  return escapeXml(text).replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}
