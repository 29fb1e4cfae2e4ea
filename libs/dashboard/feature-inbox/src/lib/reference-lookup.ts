import { useMemo } from 'react';
import type { AreaView, OpdView } from '@sigap/contracts';
import { bareAreaCode, useAreas, useOpds } from '@sigap/dashboard/data-access';

/** Area names come in capitals ("BANDUNG KULON"); read them in title case. */
export const displayName = (name: string): string =>
  name === name.toUpperCase()
    ? name.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_match, start: string, letter: string) => start + letter.toUpperCase())
    : name;

export interface ReferenceLookup {
  opds: OpdView[];
  kecamatans: AreaView[];
  opdName: (code: string) => string | null;
  areaName: (code: string | null) => string | null;
  error: boolean;
}

/** Names for the codes the API sends; the codes themselves stand in while the lists load. */
export const useReferenceLookup = (): ReferenceLookup => {
  const opds = useOpds();
  const kecamatans = useAreas('kecamatan');
  const kelurahans = useAreas('kelurahan');

  return useMemo(() => {
    const opdNames = new Map((opds.data ?? []).map((opd) => [opd.code, opd.name]));
    const areaNames = new Map<string, string>();
    for (const area of [...(kecamatans.data ?? []), ...(kelurahans.data ?? [])]) {
      areaNames.set(area.code, displayName(area.name));
    }
    return {
      opds: opds.data ?? [],
      kecamatans: kecamatans.data ?? [],
      opdName: (code) => opdNames.get(code) ?? null,
      // Mentions say "KEC-3273010", the area list "3273010"; the OPD list names the office codes too.
      areaName: (code) => (code === null ? null : (areaNames.get(bareAreaCode(code)) ?? opdNames.get(code) ?? code)),
      error: opds.isError || kecamatans.isError,
    };
  }, [opds.data, opds.isError, kecamatans.data, kecamatans.isError, kelurahans.data]);
};
