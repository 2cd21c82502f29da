import { describe, expect, it } from 'vitest';
import { conditionColor, importProblems } from '@/features/admin/lib/census';
import { ApiError } from '@/lib/http';

describe('importProblems', () => {
  it('splits CSV keys into line and field, in file order', () => {
    const error = new ApiError(422, 'The census has problems; nothing was imported', '3 field(s) are wrong.', {
      'line12.owner': ['No department x.'],
      'line3.id': ['Bad id.'],
      'line3.state': ['Bad state.'],
    });
    expect(importProblems(error).map((p) => [p.row, p.field, p.message])).toEqual([
      ['line 3', 'id', 'Bad id.'],
      ['line 3', 'state', 'Bad state.'],
      ['line 12', 'owner', 'No department x.'],
    ]);
  });

  it('names GeoJSON features and whole-file problems', () => {
    const error = new ApiError(400, 'Bad', undefined, {
      'features[10].properties.category': ['Unknown category.'],
      'features[2].geometry': ['Not a point.'],
      header: ['Missing column id.'],
    });
    expect(importProblems(error).map((p) => [p.row, p.field])).toEqual([
      ['', 'header'],
      ['features[2]', 'geometry'],
      ['features[10]', 'category'],
    ]);
  });

  it('has no rows for a failure that is not an API answer', () => {
    expect(importProblems(new Error('offline'))).toEqual([]);
  });
});

describe('conditionColor', () => {
  it('tells intact, reported, under repair and damaged apart', () => {
    expect(['intact', 'reported_damaged', 'under_repair', 'damaged', 'removed'].map(conditionColor)).toEqual([
      'green',
      'orange',
      'blue',
      'red',
      'gray',
    ]);
  });
});
