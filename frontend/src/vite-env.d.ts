/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_TILE_SOURCE?: string;
  readonly VITE_TILE_URL?: string;
  readonly VITE_TILE_CRS?: string;
  readonly VITE_TILE_ATTRIBUTION?: string;
  readonly VITE_TILE_SUBDOMAINS?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
