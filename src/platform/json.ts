/**
 * The JSON shape of a value: BigInts become decimal strings and Dates ISO strings, the rest as
 * JSON.stringify leaves it; so a route's response schema can check what `withBigIntsAsStrings`
 * returns.
 */
export type AsJson<T> = T extends bigint
  ? string
  : T extends Date
    ? string
    : T extends (infer E)[]
      ? AsJson<E>[]
      : T extends object
        ? { [K in keyof T]: AsJson<T[K]> }
        : T;

/**
 * A value with BigInt money in it as plain JSON data: BigInts become decimal strings (JSON
 * numbers would lose their precision), for jsonb columns and API responses alike.
 */
export const withBigIntsAsStrings = <T>(value: T): AsJson<T> =>
  JSON.parse(
    JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)),
  ) as AsJson<T>;
