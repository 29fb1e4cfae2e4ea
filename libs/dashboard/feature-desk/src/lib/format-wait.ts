import type { Language } from '@sigap/dashboard/ui';

const UNITS: Record<Language, { s: string; m: string; h: string; d: string }> = {
  id: { s: 'dtk', m: 'mnt', h: 'jam', d: 'hari' },
  en: { s: 's', m: 'min', h: 'h', d: 'd' },
};

/** A waiting time as people read it on a board: "45 dtk", "12 mnt", "1 jam 5 mnt", "2 hari 3 jam". */
export const formatWait = (seconds: number, language: Language = 'id'): string => {
  const unit = UNITS[language];
  const total = Math.max(0, Math.floor(seconds));
  if (total < 60) return `${total} ${unit.s}`;
  const minutes = Math.floor(total / 60);
  if (minutes < 60) return `${minutes} ${unit.m}`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} ${unit.h} ${minutes % 60} ${unit.m}` : `${hours} ${unit.h}`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} ${unit.d} ${hours % 24} ${unit.h}` : `${days} ${unit.d}`;
};
