import { useCallback, useState } from 'react';

export interface GeoFix {
  latitude: number;
  longitude: number;
  accuracy: number;
}

export type GeolocationState =
  | { status: 'idle' }
  | { status: 'locating' }
  | { status: 'located'; fix: GeoFix }
  | { status: 'failed'; reason: 'unsupported' | 'denied' | 'unavailable' | 'timeout' };

export function useGeolocation(onFix: (fix: GeoFix) => void) {
  const [state, setState] = useState<GeolocationState>({ status: 'idle' });

  const locate = useCallback(() => {
    if (!('geolocation' in navigator)) {
      setState({ status: 'failed', reason: 'unsupported' });
      return;
    }
    setState({ status: 'locating' });
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const fix = {
          latitude: position.coords.latitude,
          longitude: position.coords.longitude,
          accuracy: position.coords.accuracy,
        };
        setState({ status: 'located', fix });
        onFix(fix);
      },
      (error) => {
        const reason =
          error.code === error.PERMISSION_DENIED ? 'denied' : error.code === error.TIMEOUT ? 'timeout' : 'unavailable';
        setState({ status: 'failed', reason });
      },
      { enableHighAccuracy: true, timeout: 15000, maximumAge: 0 },
    );
  }, [onFix]);

  return { state, locate };
}
