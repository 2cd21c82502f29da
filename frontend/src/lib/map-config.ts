/**
 * Map defaults. No tile server is assumed: the map is a plain background with the case points,
 * and a deployment that has tiles sets VITE_TILE_URL (e.g. https://tiles.example/{z}/{x}/{y}.png).
 */
export const DEFAULT_CENTER: readonly [number, number] = [25.255, 110.29];
export const DEFAULT_ZOOM = 15;

export const TILE_URL: string | undefined = import.meta.env.VITE_TILE_URL || undefined;
export const TILE_ATTRIBUTION: string = import.meta.env.VITE_TILE_ATTRIBUTION ?? '';
