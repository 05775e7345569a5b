// A validation issue's path as the loader's problems name fields: `time.start`, `actors[2].actor`.

export function pathToField(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}
