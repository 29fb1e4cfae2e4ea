// Realistic made-up Indonesian (Bandung) mentions for the benchmark: the mix of topics, slang,
// places, channels and lengths a city desk sees, so triage does its ordinary amount of work.
// Deterministic for a given seed; no text or handle refers to a real person or account.

/** mulberry32 seeded from a string (FNV-1a). */
export function createRandom(seed) {
  let state = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) state = Math.imul(state ^ seed.charCodeAt(i), 0x01000193);
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
    weighted(entries) {
      const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = next() * total;
      for (const [value, weight] of entries) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return entries[entries.length - 1][0];
    },
  };
}

const KECAMATAN = [
  'Gedebage', 'Rancasari', 'Cinambo', 'Antapani', 'Buahbatu', 'Kiaracondong', 'Coblong', 'Sukajadi', 'Cibiru',
  'Ujungberung', 'Arcamanik', 'Bojongloa Kaler', 'Babakan Ciparay', 'Bandung Kulon', 'Lengkong', 'Regol',
  'Batununggal', 'Cicendo', 'Andir', 'Astanaanyar', 'Sumur Bandung', 'Bandung Wetan', 'Cidadap', 'Sukasari',
  'Mandalajati', 'Panyileukan', 'Cibeunying Kidul', 'Cibeunying Kaler', 'Bandung Kidul', 'Bojongloa Kidul',
];
const JALAN = [
  'Jl. Soekarno-Hatta', 'Jl. Pasteur', 'Jl. Dago', 'Jl. Kiaracondong', 'Jl. Cicaheum', 'Jl. AH Nasution',
  'Jl. Peta', 'Jl. Buah Batu', 'Jl. Riau', 'Jl. Asia Afrika', 'Jl. Cibaduyut', 'Jl. Jakarta', 'Jl. Terusan Jakarta',
  'Jl. Surapati', 'Jl. Setiabudi', 'Jl. Gatot Subroto', 'Jl. Moh. Toha', 'Jl. Kopo', 'Jl. Rumah Sakit', 'Jl. Cipamokolan',
];
const AKUN = ['@humasbdg', '@PemkotBandung', '@dinaspupr_bdg', '@dlh_bdg', '@disdukcapilbdg', '@damkarbdg', '@dishub_bdg', '@pdamtirtawening', ''];
const JAM = ['tadi pagi', 'jam 6 pagi', 'dari subuh', 'sejak kemarin', 'jam 10an', 'dari siang', 'sore ini', 'tadi malam', 'dari jam 3'];

const TEMPLATES = [
  // banjir / cuaca
  ['banjir', 8, [
    'Banjir selutut di {kec}, {rt}. Air masuk ke rumah warga, tolong segera ditangani {akun} #banjirbandung',
    'hujan deras pisan di {kec} {jam}, selokan mampet jadi cileuncang. Motor banyak yang mogok di {jalan}',
    'Update: air di {kec} makin tinggi, sekarang sepaha orang dewasa. Lansia sama anak2 mulai diungsikan ke masjid {akun}',
    'gorong2 di {jalan} deket {kec} mampet lagi, tiap hujan pasti banjir. udah lapor dari bulan lalu blm ada tindakan',
  ]],
  // jalan rusak
  ['jalan', 10, [
    '{jalan} arah {kec} bolong2 gede banget, tadi ada pemotor jatuh. Mohon diperbaiki sebelum ada korban {akun}',
    'Lubang di {jalan} makin lebar, kalau malam gak keliatan karena lampu PJU mati. bahaya pisan min',
    'jalan di {rt} {kec} rusak parah udah 3 bulan, tiap hujan jadi kubangan. kapan diaspal ulang? {akun}',
  ]],
  // sampah / lingkungan
  ['sampah', 9, [
    'Sampah numpuk di TPS {kec} udah seminggu gak diangkut, bau banget sampai ke {rt}. {akun} tolong dong',
    'Ada yang buang sampah sembarangan di pinggir {jalan} tiap malam, numpuk sampai ke badan jalan. mohon ditertibkan',
    'sungai di {kec} penuh sampah plastik, airnya item dan bau. warga sekitar udah pada gatal2 {akun}',
  ]],
  // PJU / listrik / air
  ['layanan', 9, [
    'Lampu PJU di {jalan} mati semua dari {jam}, gelap gulita rawan begal. mohon dicek {akun}',
    'air PDAM di {kec} mati lagi {jam}, udah 2 hari warga {rt} beli air galon. ada info kapan nyala?',
    'Lampu lalu lintas di perempatan {jalan} mati, macet parah dari arah {kec}. butuh petugas dishub segera',
  ]],
  // darurat
  ['darurat', 4, [
    'TOLONG!! kebakaran rumah di {kec} {rt}, api makin besar, damkar belum datang {akun}',
    'Pohon tumbang menimpa mobil di {jalan} dekat {kec}, ada orang terjepit di dalam. butuh ambulans segera!',
    'kecelakaan beruntun di {jalan} arah {kec}, korban masih di lokasi. mohon bantuan {akun}',
  ]],
  // administrasi
  ['adm', 8, [
    'Min mau tanya, bikin KTP-el di kecamatan {kec} sekarang harus daftar online dulu atau bisa langsung datang? makasih {akun}',
    'Akta kelahiran anak saya udah sebulan belum jadi, padahal katanya 14 hari kerja. gimana ya prosedurnya {akun}',
    'pelayanan di kantor kelurahan {kec} lama banget, antri dari pagi sampai siang belum dipanggil. tolong dievaluasi',
  ]],
  // ketertiban
  ['tertib', 6, [
    'Parkir liar di {jalan} makin parah, juru parkir minta 5 ribu padahal cuma sebentar. pungli gak sih ini {akun}',
    'PKL di trotoar {jalan} {kec} bikin pejalan kaki harus turun ke jalan. mohon ditertibkan satpol PP',
    'Balap liar tiap malam minggu di {jalan}, berisik dan bahaya buat warga {kec}. {akun}',
  ]],
  // obrolan / apresiasi / hoaks
  ['obrolan', 8, [
    'Makasih {akun} jalan di {kec} udah diaspal, sekarang mulus. semoga awet ya 🙏',
    'Taman di {kec} sekarang bersih dan rapi, enak buat sore2 sama anak. mantul pemkot',
    'Katanya bendungan mau jebol dan {kec} bakal kebanjiran, bener gak sih? jangan2 hoax, mohon klarifikasi {akun}',
    'macet parah dari {jalan} sampai {kec}, ada apa ya? udah 45 menit gak gerak',
  ]],
];

const CHANNELS = [
  ['x', 34], ['instagram', 18], ['facebook', 12], ['whatsapp', 12], ['tiktok', 6], ['lapor', 6], ['web', 5],
  ['telegram', 3], ['youtube', 2], ['email', 2],
];
const FIRST = ['asep', 'ujang', 'dadang', 'euis', 'neneng', 'rina', 'siti', 'dewi', 'budi', 'iwan', 'rizky', 'fajar', 'yuyun', 'intan', 'galih', 'sandi'];
const LAST = ['sunandar', 'hidayat', 'permana', 'setiawan', 'suryana', 'nugraha', 'rohaeti', 'maryani', 'pratama', 'komara'];
const TAILS = ['', '_bdg', '87', '.id', '22', '_real', '01'];

const fill = (random, template) =>
  template
    .replaceAll('{kec}', () => random.pick(KECAMATAN))
    .replaceAll('{jalan}', () => random.pick(JALAN))
    .replaceAll('{akun}', () => random.pick(AKUN))
    .replaceAll('{jam}', () => random.pick(JAM))
    .replaceAll('{rt}', () => `RT 0${random.int(1, 9)} RW 0${random.int(1, 9)}`)
    .replace(/\s+$/, '');

const TOPICS = TEMPLATES.map(([topic, weight]) => [topic, weight]);

/**
 * A generator of mentions whose externalIds are `${idPrefix}-${i}` (i from 0). Texts are built
 * up front per call, so generation cost stays out of timed loops when callers pre-build.
 */
export function mentionFactory(idPrefix, seed = idPrefix) {
  const random = createRandom(seed);
  const authors = Array.from({ length: 500 }, () => {
    const first = random.pick(FIRST);
    const last = random.pick(LAST);
    return {
      handle: `${first}${random.chance(0.5) ? `.${last}` : ''}${random.pick(TAILS)}${random.int(1, 99)}`,
      name: `${first[0].toUpperCase()}${first.slice(1)} ${last[0].toUpperCase()}${last.slice(1)}`,
      followers: Math.round(Math.exp(4 + random.next() * 5)),
      verified: random.chance(0.02),
    };
  });
  return function mention(i) {
    const topic = random.weighted(TOPICS);
    const templates = TEMPLATES.find(([name]) => name === topic)[2];
    let text = fill(random, random.pick(templates));
    // Some people write a second sentence; keeps the length spread (≈70-330 chars, mean ≈ 180).
    if (random.chance(0.6)) text += ` ${fill(random, random.pick(random.pick(TEMPLATES)[2]))}`;
    const channel = random.weighted(CHANNELS);
    const author = random.pick(authors);
    const item = {
      channel,
      externalId: `${idPrefix}-${i}`,
      text,
      author: { handle: author.handle, name: author.name, followers: author.followers, verified: author.verified },
      postedAt: new Date(Date.now() - random.int(0, 120_000)).toISOString(),
    };
    if (channel === 'x' || channel === 'instagram' || channel === 'facebook') item.url = `https://example.org/${channel}/${idPrefix}/${i}`;
    if (random.chance(0.15)) item.media = [{ url: `https://example.org/media/${idPrefix}-${i}.jpg`, type: 'image' }];
    if (random.chance(0.08)) item.location = { lat: -6.9 - random.next() * 0.08, lon: 107.57 + random.next() * 0.15 };
    return item;
  };
}
