export const hotlineKeys = {
  byCaller: (digits: string) => ['cases', 'by-caller', digits] as const,
  callbacks: ['cases', 'callbacks'] as const,
};
