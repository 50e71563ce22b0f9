/**
 * RFC 8785 JSON Canonicalization Scheme. ECMAScript's own number and string serialisation is what
 * the RFC prescribes, so JSON.stringify does the leaves; what JCS adds is key order (by UTF-16
 * code units, which is what the default sort compares) and no whitespace.
 */

/** A JSON value as the canonicaliser accepts it. */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

/**
 * Serialises a JSON value canonically (RFC 8785).
 * @example
 * canonicalJson({ b: [1, 2.50, 'é'], a: null }); // '{"a":null,"b":[1,2.5,"é"]}'
 */
export function canonicalJson(value: Json): string {
  const parts: string[] = [];
  write(value, parts);
  return parts.join('');
}

function write(value: Json, out: string[]): void {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new RangeError('JCS cannot represent a non-finite number');
    }
    out.push(JSON.stringify(value));
    return;
  }
  if (Array.isArray(value)) {
    out.push('[');
    (value as readonly Json[]).forEach((item, i) => {
      if (i > 0) out.push(',');
      write(item, out);
    });
    out.push(']');
    return;
  }
  const record = value as { readonly [key: string]: Json };
  const keys = Object.keys(record).sort();
  out.push('{');
  keys.forEach((key, i) => {
    if (i > 0) out.push(',');
    out.push(JSON.stringify(key), ':');
    write(record[key] as Json, out);
  });
  out.push('}');
}
