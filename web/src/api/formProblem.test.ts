import { describe, expect, it } from 'vitest';
import { ApiError } from './client';
import { formProblem } from './formProblem';

describe('formProblem', () => {
  it('puts each field error on its field and answers the problem detail', () => {
    const set: [string, string | undefined][] = [];
    const error = new ApiError(400, 'validation', 'Invalid', 'Check the fields', [{ field: 'name', message: 'required' }]);
    expect(formProblem(error, (field, e) => set.push([field, e.message]), 'fallback')).toBe('Check the fields');
    expect(set).toEqual([['name', 'required']]);
  });

  it('answers the fallback for what is not a problem', () => {
    expect(formProblem(new Error('boom'), () => {}, 'fallback')).toBe('fallback');
  });
});
