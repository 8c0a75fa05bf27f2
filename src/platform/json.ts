/**
 * A value with BigInt money in it as plain JSON data: BigInts become decimal strings (JSON
 * numbers would lose their precision), for jsonb columns and API responses alike.
 */
export const withBigIntsAsStrings = (value: unknown): unknown =>
  JSON.parse(
    JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)),
  );
