/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';

/** A screen file over this many lines does several things: split it into components (see conventions.md). */
const MAX_LINES = 250;

const sources = import.meta.glob<string>('./**/*.tsx', { query: '?raw', import: 'default', eager: true });

describe('the size of the screens', () => {
  it('reads the screen files', () => {
    expect(Object.keys(sources)).toContain('./requests/RequestPage.tsx');
  });

  it(`keeps every .tsx file, pages included, under ${MAX_LINES} lines`, () => {
    const tooLong = Object.entries(sources)
      .map(([path, text]) => ({ path, lines: text.split('\n').filter((l, i, all) => i < all.length - 1 || l !== '').length }))
      .filter((f) => f.lines > MAX_LINES)
      .map((f) => `${f.path}: ${f.lines} lines`);
    expect(tooLong).toEqual([]);
  });
});
