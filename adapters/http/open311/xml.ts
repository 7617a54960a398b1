/**
 * A small XML writer for the GeoReport v2 documents: plain elements, no attributes. Arrays inside an object
 * need a name for their items (`endpoints` → `endpoint`), which the spec fixes per field.
 */
export type XmlValue = string | number | boolean | null | undefined | readonly XmlValue[] | { readonly [key: string]: XmlValue };

const ITEM_NAMES: Readonly<Record<string, string>> = {
  endpoints: 'endpoint',
  formats: 'format',
  attributes: 'attribute',
  values: 'value',
};

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/FFFF): a resident's text
 * may contain them, and one would make the whole document unreadable to a strict parser.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

function element(name: string, value: XmlValue): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) {
    const itemName = ITEM_NAMES[name] ?? 'item';
    return `<${name}>${value.map((item) => element(itemName, item)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    const children = Object.entries(value as { readonly [key: string]: XmlValue }).map(([key, child]) => element(key, child));
    return `<${name}>${children.join('')}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** A whole document: `root` wraps the value; a top-level array puts each entry in an `item` element. */
export function xmlDocument(root: string, value: XmlValue, item?: string): string {
  const body = Array.isArray(value) && item !== undefined ? `<${root}>${value.map((entry) => element(item, entry)).join('')}</${root}>` : element(root, value);
  return `<?xml version="1.0" encoding="utf-8"?>\n${body}\n`;
}
