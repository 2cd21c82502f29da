import { describe, expect, it } from 'vitest';
import { formFieldOf, missingFields, publicStepsFor, reportProblem, trackingUrl } from '@/features/citizen/lib/public-report';
import { ApiError } from '@/lib/http';

describe('reportProblem', () => {
  it('maps the server fields onto the form fields', () => {
    const problem = reportProblem(new ApiError(400, 'Bad', undefined, { phone: ['x'], topic: ['y'] }));
    expect(problem).toEqual({ fields: { phone: 'citizen.errors.phone', topic: 'citizen.errors.topic' }, general: null });
  });

  it('says a refused photo is refused, and a missing one is missing', () => {
    expect(reportProblem(new ApiError(415, 'Photo refused', undefined, { 'photos[0]': ['x'] })).fields).toEqual({ photos: 'citizen.errors.photosRefused' });
    expect(reportProblem(new ApiError(400, 'Bad', undefined, { photos: ['x'] })).fields).toEqual({ photos: 'citizen.errors.photos' });
  });

  it('tells a point outside the managed area apart from other errors', () => {
    const problem = reportProblem(new ApiError(422, 'Outside', undefined, { longitude: ['x'], latitude: ['x'] }));
    expect(problem).toEqual({ fields: { location: 'citizen.errors.outside' }, general: 'citizen.errors.outside' });
  });

  it('names the limit that was hit', () => {
    expect(reportProblem(new ApiError(429, 'Too many', undefined, { phone: ['x'] })).general).toBe('citizen.errors.tooManyForPhone');
    expect(reportProblem(new ApiError(429, 'Too many', undefined, { client: ['x'] })).general).toBe('citizen.errors.tooMany');
  });

  it('falls back to a general message for the network and the unexpected', () => {
    expect(reportProblem(new ApiError(0, 'Network error')).general).toBe('citizen.errors.network');
    expect(reportProblem(new Error('boom')).general).toBe('citizen.errors.unknown');
    expect(reportProblem(new ApiError(500, 'Oops')).general).toBe('citizen.errors.unknown');
  });
});

describe('the form', () => {
  it('knows which server field belongs to which form field', () => {
    expect([formFieldOf('photos[2]'), formFieldOf('latitude'), formFieldOf('addressText'), formFieldOf('somethingElse')]).toEqual([
      'photos',
      'location',
      'addressText',
      null,
    ]);
  });

  it('asks for a photo, a topic and a place, and a phone only when one is written', () => {
    expect(missingFields({ photos: 0, topic: null, location: false, phone: '' })).toEqual(['photos', 'topic', 'location']);
    expect(missingFields({ photos: 1, topic: 'parking', location: true, phone: '' })).toEqual([]);
    expect(missingFields({ photos: 1, topic: 'parking', location: true, phone: '138 0000 0000' })).toEqual([]);
    expect(missingFields({ photos: 1, topic: 'parking', location: true, phone: 'call me' })).toEqual(['phone']);
  });

  it('builds the tracking link on this site', () => {
    expect(trackingUrl('https://city.example/', '/public/track/abc')).toBe('https://city.example/public/track/abc');
  });

  it('lists the steps a report goes through, and a shorter road for a declined one', () => {
    expect(publicStepsFor('handling')).toEqual(['received', 'verifying', 'handling', 'done']);
    expect(publicStepsFor('declined')).toEqual(['received', 'verifying', 'declined']);
  });
});
