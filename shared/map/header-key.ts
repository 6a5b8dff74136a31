// Header comparison keys: Pivor's own rule, and a wider one that also ignores accents and punctuation.

/** Pivor's importer rule: lower-case, then drop spaces, `-` and `_`. */
export function pivorHeaderKey(header: string): string {
  return header.toLowerCase().replace(/[\s\-_]+/g, '');
}

/**
 * The key this project compares headers with: Pivor's rule, plus accents and every
 * other non-alphanumeric character removed ("Zip/Postal Code", "No. of Employees", "Prénom").
 * Anything Pivor's rule matches, this matches too.
 */
export function compactHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The words of a header, lower-case, for order-insensitive comparison ("Name, First"). */
export function headerWords(header: string): string[] {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    // split camelCase ("FirstName") before lower-casing
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}
