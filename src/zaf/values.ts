/** Narrowing helpers for the untyped values `client.get` answers with. */

export function asRecordObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export function asId(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : undefined;
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** ZAF answers tags as an array of strings; anything else means "not known". */
export function asTags(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((t) => typeof t === 'string') ? (value as string[]) : undefined;
}
