import { describe, expect, it } from 'vitest';
import { formProblem } from '@/features/admin/lib/form-problems';
import { ApiError } from '@/lib/http';

const FIELDS = ['categoryId', 'gridCode', 'departmentKey'] as const;

describe('form problems', () => {
  it('puts a 400 on the fields it names and leaves no message when every field is on the form', () => {
    const error = new ApiError(400, 'One or more validation errors occurred.', undefined, {
      gridCode: ['No grid node 450304999.'],
      departmentKey: ["No department 'nope'."],
    });
    expect(formProblem(error, FIELDS)).toEqual({
      fields: [
        { name: 'gridCode', errors: ['No grid node 450304999.'] },
        { name: 'departmentKey', errors: ["No department 'nope'."] },
      ],
      message: null,
    });
  });

  it('matches a field named as the C# property and keeps errors of unknown fields as the message', () => {
    const error = new ApiError(400, 'Invalid', undefined, { CategoryId: ['Category is required.'], body: ['A JSON object is required.'] });
    expect(formProblem(error, FIELDS)).toEqual({
      fields: [{ name: 'categoryId', errors: ['Category is required.'] }],
      message: 'A JSON object is required.',
    });
  });

  it("shows a 409's detail, or the title when there is nothing else, and a network failure as it is", () => {
    expect(formProblem(new ApiError(409, 'Conflict', 'Routing rule r1 was already retired.'), FIELDS)).toEqual({
      fields: [],
      message: 'Routing rule r1 was already retired.',
    });
    expect(formProblem(new ApiError(500, 'Internal Server Error'), FIELDS)).toEqual({ fields: [], message: 'Internal Server Error' });
    expect(formProblem(new ApiError(0, 'Network error', 'Failed to fetch'), FIELDS).message).toBe('Failed to fetch');
    expect(formProblem(new Error('boom'), FIELDS)).toEqual({ fields: [], message: 'boom' });
  });
});
