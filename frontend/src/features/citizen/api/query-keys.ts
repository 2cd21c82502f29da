/** Query keys of the citizens' page; nothing here is shared with the staff faces. */
export const citizenKeys = {
  topics: ['public', 'topics'] as const,
  progress: (token: string) => ['public', 'track', token] as const,
};
