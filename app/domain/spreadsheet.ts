/**
 * A text cell that a spreadsheet program will show, not run: a value starting with =, +, -, @ (or a tab or carriage
 * return) would be read as a formula when the exported CSV or XLSX is opened, so it gets a leading apostrophe
 * (OWASP "CSV injection"). Numbers are left alone.
 */
export function safeCell(value: string | number): string | number {
  return typeof value === "string" && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
