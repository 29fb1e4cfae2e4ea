import type { Channel, MentionAuthorInput } from '@sigap/contracts';
import { hashSeed, type Random } from './random';

/*
 * Made-up residents and community accounts. Names are common Sundanese and Indonesian names;
 * no handle belongs to a real account.
 */
const FIRST_NAMES = [
  'Asep', 'Ujang', 'Dadang', 'Cecep', 'Yayan', 'Dede', 'Agus', 'Budi', 'Iwan', 'Hendra', 'Rizky', 'Fajar',
  'Ilham', 'Rendi', 'Gilang', 'Dimas', 'Bayu', 'Kang Jajang', 'Mang Oleh', 'Wawan', 'Yudi', 'Deden', 'Ade',
  'Euis', 'Neneng', 'Iis', 'Rina', 'Siti', 'Dewi', 'Nurul', 'Rani', 'Fitri', 'Tika', 'Lilis', 'Teh Imas',
  'Cucu', 'Nining', 'Yuyun', 'Sri', 'Intan', 'Anisa', 'Putri', 'Salsa', 'Nabila', 'Ceu Popon', 'Bu Ani',
  'Pak Engkos', 'Abah Odon', 'Ambu Enok', 'Kevin', 'Reza', 'Dinda', 'Aulia', 'Raka', 'Galih', 'Sandi',
];
const LAST_NAMES = [
  'Sunandar', 'Supriatna', 'Hidayat', 'Permana', 'Kurniawan', 'Setiawan', 'Gunawan', 'Suryana', 'Mulyana',
  'Rahmat', 'Saputra', 'Nugraha', 'Ramdani', 'Kusnadi', 'Sukmawati', 'Rohaeti', 'Maryani', 'Nurhayati',
  'Fauziah', 'Wulandari', 'Pratama', 'Firmansyah', 'Hermawan', 'Sobari', 'Sumarna', 'Komara', '',
];
const HANDLE_TAILS = ['', '', '', '99', '_bdg', '.bdg', '87', '_', '22', '01', '_real', 'xx', '.id', '_ofc'];
const HANDLE_PLACES = ['gedebage', 'rancasari', 'cinambo', 'ujbr', 'antapani', 'buahbatu', 'kopo', 'dago', 'cibiru', 'sukajadi'];

export interface Persona {
  name: string;
  /** The base handle; each channel writes it its own way. */
  handle: string;
  followers: number;
  verified: boolean;
  /** A community or media account whose posts get reposted. */
  media: boolean;
}

const MEDIA_ACCOUNTS: readonly Omit<Persona, 'media'>[] = [
  { name: 'Info Bandung Kiwari', handle: 'infobandungkiwari', followers: 412_000, verified: true },
  { name: 'Kabar Bandung Timur', handle: 'kabarbandungtimur', followers: 86_500, verified: false },
  { name: 'Seputar Gedebage', handle: 'seputargedebage', followers: 23_400, verified: false },
  { name: 'Bandung Update 24', handle: 'bdgupdate24', followers: 198_000, verified: true },
  { name: 'Lalin Bandung Raya', handle: 'lalinbdgraya', followers: 57_300, verified: false },
  { name: 'Warta Urang Bandung', handle: 'wartaurangbdg', followers: 131_000, verified: true },
  { name: 'Relawan Siaga Bandung', handle: 'relawansiagabdg', followers: 14_800, verified: false },
  { name: 'Kuliner & Kabar Bdg', handle: 'kabarbdgkuy', followers: 264_000, verified: false },
];

export interface Cast {
  residents: Persona[];
  media: Persona[];
}

export function createCast(random: Random, size = 700): Cast {
  const residents: Persona[] = [];
  const taken = new Set<string>();
  while (residents.length < size) {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const name = last ? `${first} ${last}` : first;
    const base = first.toLowerCase().replace(/^(kang|mang|teh|ceu|bu|pak|abah|ambu) /, '');
    const style = random.int(0, 4);
    const handle =
      style === 0
        ? `${base}${last ? `.${last.toLowerCase()}` : ''}`
        : style === 1
          ? `${base}_${random.pick(HANDLE_PLACES)}`
          : style === 2
            ? `${base}${random.pick(HANDLE_TAILS)}${random.int(1, 99)}`
            : style === 3
              ? `${random.pick(['kang', 'teh', 'mang', 'si', 'urang'])}${base}${random.pick(HANDLE_TAILS)}`
              : `${base}${(last || 'bdg').slice(0, 3).toLowerCase()}${random.int(10, 2025)}`;
    const clean = handle.replace(/[^a-z0-9._]/g, '');
    if (taken.has(clean)) continue;
    taken.add(clean);
    residents.push({
      name,
      handle: clean,
      followers: Math.max(0, Math.round(Math.exp(random.normal(5.2, 1.4)))),
      verified: false,
      media: false,
    });
  }
  return { residents, media: MEDIA_ACCOUNTS.map((account) => ({ ...account, media: true })) };
}

const PHONE_PREFIXES = ['12', '13', '21', '22', '52', '57', '78', '96'];

/** How the author of a post looks on one channel. */
export function authorOn(channel: Channel, persona: Persona, random: Random): MentionAuthorInput {
  const number = hashSeed(persona.handle);
  switch (channel) {
    case 'whatsapp':
      // The hotline sees a phone number and the name the sender saved.
      return { handle: `628${PHONE_PREFIXES[number % PHONE_PREFIXES.length]}${String(number % 100_000_000).padStart(8, '0')}`, name: persona.name };
    case 'lapor':
      return { handle: `pelapor-${String(number % 1_000_000).padStart(6, '0')}`, name: random.chance(0.3) ? 'Anonim' : persona.name };
    case 'email':
      return { handle: `${persona.handle.replace(/[._]/g, '')}@mail.example`, name: persona.name };
    case 'web':
      return { handle: `warga-${persona.handle}`, name: persona.name };
    case 'facebook':
      return { handle: persona.name.toLowerCase().replace(/\s+/g, '.'), name: persona.name, followers: persona.followers };
    case 'x':
    case 'instagram':
    case 'tiktok':
    case 'youtube':
    case 'telegram':
      return { handle: persona.handle, name: persona.name, followers: persona.followers, verified: persona.verified };
  }
}
