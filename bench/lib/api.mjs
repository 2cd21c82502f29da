// The HTTP side of the load tool: sessions (cookie auth), the catalogue, and case reports
// as JSON or multipart with a small photo.
import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { Pool } from 'undici';

/** The demo grid's rectangle (docs/api.md), shrunk a little so every point is inside a unit grid. */
export const DEMO_AREA = { west: 110.276, east: 110.304, south: 25.236, north: 25.269 };

export class Api {
  constructor(baseUrl, { connections = 64 } = {}) {
    this.baseUrl = baseUrl.replace(/\/$/, '');
    this.pool = new Pool(this.baseUrl, {
      connections,
      pipelining: 1,
      keepAliveTimeout: 60_000,
      headersTimeout: 60_000,
      bodyTimeout: 60_000,
    });
  }

  async close() {
    await this.pool.close();
  }

  /** Signs in and returns the session cookie ("name=value"). */
  async login(userName, password) {
    const res = await this.pool.request({
      path: '/api/auth/login',
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userName, password }),
    });
    const text = await res.body.text();
    if (res.statusCode !== 200) throw new Error(`login ${userName}: ${res.statusCode} ${text.slice(0, 200)}`);
    const setCookie = [].concat(res.headers['set-cookie'] ?? []);
    const cookie = setCookie.map((c) => c.split(';')[0]).join('; ');
    if (!cookie) throw new Error(`login ${userName}: no cookie`);
    return cookie;
  }

  async getJson(path, cookie) {
    const res = await this.pool.request({ path, method: 'GET', headers: cookie ? { cookie } : {} });
    const text = await res.body.text();
    if (res.statusCode !== 200) throw new Error(`GET ${path}: ${res.statusCode} ${text.slice(0, 200)}`);
    return JSON.parse(text);
  }

  /**
   * Reports a case. Resolves { status, body } (body parsed when JSON) or rejects on a network
   * error. `photo` (a Buffer) sends multipart/form-data with one `photos` part.
   */
  async report({ cookie, key, categoryId, longitude, latitude, description, photo }) {
    let body, contentType;
    if (photo) {
      const boundary = `----dispatch-bench-${key}`;
      const fields = { categoryId, longitude: String(longitude), latitude: String(latitude), description };
      const parts = Object.entries(fields).map(
        ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      );
      body = Buffer.concat([
        Buffer.from(parts.join('')),
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photos"; filename="photo.png"\r\n` +
          'Content-Type: image/png\r\n\r\n'),
        photo,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      contentType = `multipart/form-data; boundary=${boundary}`;
    } else {
      body = JSON.stringify({ categoryId, longitude, latitude, description });
      contentType = 'application/json';
    }
    const res = await this.pool.request({
      path: '/api/cases',
      method: 'POST',
      headers: { cookie, 'content-type': contentType, 'idempotency-key': key },
      body,
    });
    const text = await res.body.text();
    let parsed = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    return { status: res.statusCode, body: parsed, replayed: res.headers['idempotent-replayed'] === 'true' };
  }
}

/** A point in the demo area, spread deterministically by `seq`. */
export function pointFor(seq) {
  const a = DEMO_AREA;
  const fx = ((seq * 0.6180339887) % 1 + 1) % 1;
  const fy = ((seq * 0.7548776662) % 1 + 1) % 1;
  return {
    longitude: Math.round((a.west + fx * (a.east - a.west)) * 1e6) / 1e6,
    latitude: Math.round((a.south + fy * (a.north - a.south)) * 1e6) / 1e6,
  };
}

// ---- a small PNG, different for every report (the store keeps photos by content hash) ----

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([len, typed, crc]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A 48×48 noise PNG (about 7 KB); the image data is made once, a text chunk makes each copy unique. */
export function photoMaker(side = 48) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const raw = Buffer.alloc(side * (1 + side * 3));
  const noise = randomBytes(side * side * 3);
  for (let y = 0; y < side; y++) noise.copy(raw, y * (1 + side * 3) + 1, y * side * 3, (y + 1) * side * 3);
  const head = Buffer.concat([PNG_SIGNATURE, chunk('IHDR', ihdr)]);
  const tail = Buffer.concat([chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
  return (tag) => Buffer.concat([head, chunk('tEXt', Buffer.from(`Comment\0${tag}`, 'latin1')), tail]);
}
