import { describe, expect, it } from 'vitest';
import { localDataOf } from './copyLink';

describe('localDataOf', () => {
  it('finds a dataset kept only in this browser in a link', () => {
    expect(localDataOf('http://localhost/?data=local:abc123def&event=x')).toBe('local:abc123def');
    expect(localDataOf('http://localhost/app/?event=x&data=local%3Aabc123def')).toBe(
      'local:abc123def',
    );
  });

  it('is null for the bundled dataset, a web address, or a malformed local id', () => {
    expect(localDataOf('http://localhost/?event=x')).toBeNull();
    expect(localDataOf('http://localhost/?data=https://example.org/d.json')).toBeNull();
    expect(localDataOf('http://localhost/?data=local:')).toBeNull();
    expect(localDataOf('not a url')).toBeNull();
  });
});
