/** What `make` makes, made on the first call: zod's schemas, Intl formatters, compiled patterns. */
export function once<T>(make: () => T): () => T {
  let value: { made: T } | undefined;
  return () => (value ??= { made: make() }).made;
}
