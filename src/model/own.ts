// Writing a key that came from a file into a plain object. `obj[key] = value` with the key
// "__proto__" sets the prototype instead (or does nothing, for a string) and the key is lost;
// imported data keeps every key, so keys from files are defined as own properties.

/** Sets `obj[key]` as an own, enumerable property, whatever the key. */
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(obj, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    obj[key] = value;
  }
}
