/** Every demo account shares one password, given to the run by whoever started the host. */
export function demoPassword(): string {
  const password = process.env.DISPATCH_DEMO_PASSWORD;
  if (!password) throw new Error('Set DISPATCH_DEMO_PASSWORD to the demo accounts\' password');
  return password;
}

export const accounts = {
  patroller: 'patroller1',
  trafficHandler: 'handler.xs-traffic',
  leader: 'leader1',
} as const;
