/**
 * Coordinate systems at the map edge (DOMAIN.md §1). Everything the API sends and receives is
 * WGS-84; Chinese web maps (AMap, Tencent) draw their tiles in GCJ-02, an obfuscated offset of
 * WGS-84 of a few hundred metres. A map on such tiles converts every point it draws from WGS-84
 * to GCJ-02, and every point the user picks back to WGS-84, and nowhere else.
 */

export type CoordinateSystem = 'wgs84' | 'gcj02';

/** [latitude, longitude] in degrees, as Leaflet takes them. */
export type LatLng = readonly [number, number];

// Krasovsky 1940 ellipsoid, as the GCJ-02 algorithm uses it.
const A = 6378245.0;
const EE = 0.00669342162296594323;

/** GCJ-02 is only applied inside mainland China's rough bounding box; elsewhere it equals WGS-84. */
export function outOfChina(lat: number, lng: number): boolean {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function transformLat(x: number, y: number): number {
  let ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return ret;
}

function transformLng(x: number, y: number): number {
  let ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return ret;
}

function delta(lat: number, lng: number): LatLng {
  const dLat = transformLat(lng - 105.0, lat - 35.0);
  const dLng = transformLng(lng - 105.0, lat - 35.0);
  const radLat = (lat / 180.0) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  return [
    (dLat * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI),
    (dLng * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI),
  ];
}

export function wgs84ToGcj02([lat, lng]: LatLng): LatLng {
  if (outOfChina(lat, lng)) return [lat, lng];
  const [dLat, dLng] = delta(lat, lng);
  return [lat + dLat, lng + dLng];
}

/**
 * The inverse has no closed form: iterate until the forward transform of the guess lands on the
 * GCJ-02 point (well under a centimetre after a few rounds).
 */
export function gcj02ToWgs84([lat, lng]: LatLng): LatLng {
  if (outOfChina(lat, lng)) return [lat, lng];
  let guess: [number, number] = [lat, lng];
  for (let i = 0; i < 30; i += 1) {
    const [gLat, gLng] = wgs84ToGcj02(guess);
    const dLat = gLat - lat;
    const dLng = gLng - lng;
    guess = [guess[0] - dLat, guess[1] - dLng];
    if (Math.abs(dLat) < 1e-10 && Math.abs(dLng) < 1e-10) break;
  }
  return guess;
}

/** From WGS-84 (what the API speaks) to what the tiles are drawn in. */
export function toDisplay(point: LatLng, system: CoordinateSystem): LatLng {
  return system === 'gcj02' ? wgs84ToGcj02(point) : point;
}

/** From what the tiles are drawn in (a tap on the map) back to WGS-84. */
export function fromDisplay(point: LatLng, system: CoordinateSystem): LatLng {
  return system === 'gcj02' ? gcj02ToWgs84(point) : point;
}

/** Great-circle distance in metres (haversine), for checking conversions and nearby lists. */
export function distanceMetres([lat1, lng1]: LatLng, [lat2, lng2]: LatLng): number {
  const r = 6371008.8;
  const toRad = (d: number) => (d * Math.PI) / 180;
  const dLat = toRad(lat2 - lat1);
  const dLng = toRad(lng2 - lng1);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(lat1)) * Math.cos(toRad(lat2)) * Math.sin(dLng / 2) ** 2;
  return 2 * r * Math.asin(Math.min(1, Math.sqrt(h)));
}
