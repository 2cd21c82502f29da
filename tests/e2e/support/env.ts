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
  dispatcher: 'dispatcher1',
  acceptor: 'acceptor1',
  shiftLeader: 'shiftleader1',
  /** A leader whose account is scoped to 象山街道 (450304001). */
  xiangshanLeader: 'leader.xiangshan',
  admin: 'admin',
  /** A dispatcher whose account is scoped to 南门街道 (450304002). */
  nanmenDispatcher: 'dispatcher.nanmen',
} as const;

/** Points in the demo city (WGS-84), and one outside the managed area. */
export const places = {
  /** Inside 象山街道 (450304001). */
  xiangshanStreet: { longitude: 110.3, latitude: 25.262 },
  /** Inside 南门街道 (450304002), 南门社区 (450304002001). */
  nanmenStreet: { longitude: 110.275, latitude: 25.267 },
  /** Inside 二塘乡 (450304200). */
  ertang: { longitude: 110.28, latitude: 25.24 },
  /** 85 m from the sewage manhole cover 4503040102000021 of the demo inventory. */
  nearManhole: { longitude: 110.290112, latitude: 25.255759 },
  outside: { longitude: 110.5, latitude: 25.4 },
} as const;
