import { useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../api/client';

/** The geography catalog (departments, municipalities, districts, zones) behind the address pickers. */
const BASE = '/api/v1/geo';

export interface Place { id: string; code: string | null; name: string }

/** What of an address names places of the catalog. */
interface PlacedAddress { departmentId: string; municipalityId: string; districtId: string | null }

export const geoKeys = {
  departments: (country: string | undefined) => ['geo', 'departments', country] as const,
  municipalities: (departmentId: string | undefined) => ['geo', 'municipalities', departmentId] as const,
  districts: (municipalityId: string | undefined) => ['geo', 'districts', municipalityId] as const,
  zones: (municipalityId: string | undefined) => ['geo', 'zones', municipalityId] as const,
};

export const geoApi = {
  departments: (country: string) => api<Place[]>(`${BASE}/countries/${country}/departments`),
  municipalities: (departmentId: string) => api<Place[]>(`${BASE}/departments/${departmentId}/municipalities`),
  districts: (municipalityId: string) => api<Place[]>(`${BASE}/municipalities/${municipalityId}/districts`),
  zones: (municipalityId: string) => api<Place[]>(`${BASE}/municipalities/${municipalityId}/zones`),
};

// the catalog changes only with a migration: keep it for the session
const GEO = { staleTime: Infinity, gcTime: Infinity };

export function useDepartments(country: string | undefined) {
  return useQuery({
    queryKey: geoKeys.departments(country), enabled: !!country, ...GEO,
    queryFn: () => geoApi.departments(country!),
  });
}

export function useMunicipalities(departmentId: string | undefined) {
  return useQuery({
    queryKey: geoKeys.municipalities(departmentId), enabled: !!departmentId, ...GEO,
    queryFn: () => geoApi.municipalities(departmentId!),
  });
}

export function useDistricts(municipalityId: string | undefined) {
  return useQuery({
    queryKey: geoKeys.districts(municipalityId), enabled: !!municipalityId, ...GEO,
    queryFn: () => geoApi.districts(municipalityId!),
  });
}

export function useZones(municipalityId: string | undefined) {
  return useQuery({
    queryKey: geoKeys.zones(municipalityId), enabled: !!municipalityId, ...GEO,
    queryFn: () => geoApi.zones(municipalityId!),
  });
}

/** Names for the places the addresses mention: the same catalog queries the pickers use, so they are shared. */
export function usePlaceNames(country: string | undefined, addresses: PlacedAddress[]): Map<string, string> {
  const departmentIds = [...new Set(addresses.map((a) => a.departmentId))];
  const municipalityIds = [...new Set(addresses.filter((a) => a.districtId).map((a) => a.municipalityId))];
  const departments = useDepartments(addresses.length ? country : undefined);
  const municipalities = useQueries({
    queries: departmentIds.map((id) => ({
      queryKey: geoKeys.municipalities(id), ...GEO,
      queryFn: () => geoApi.municipalities(id),
    })),
  });
  const districts = useQueries({
    queries: municipalityIds.map((id) => ({
      queryKey: geoKeys.districts(id), ...GEO,
      queryFn: () => geoApi.districts(id),
    })),
  });
  const names = new Map<string, string>();
  [departments.data, ...municipalities.map((q) => q.data), ...districts.map((q) => q.data)]
    .forEach((list) => list?.forEach((p) => names.set(p.id, p.name)));
  return names;
}
