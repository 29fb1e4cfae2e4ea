import type { Urgency } from '@sigap/contracts';
import type { ModifierRule, NegationRules, UrgencySignalRule } from '../lib/rule-set.types';

const signals = (level: Urgency, phrases: string[], extra: Partial<UrgencySignalRule> = {}): UrgencySignalRule[] =>
  phrases.map((phrase) => ({ phrase, level, ...extra }));
const modifiers = (delta: number, phrases: string[], extra: Partial<ModifierRule> = {}): ModifierRule[] =>
  phrases.map((phrase) => ({ phrase, delta, ...extra }));

/*
 * Words that tell how urgent a message is, whatever its topic.
 * critical: a life or someone's safety is at stake now; high: harm to many or spreading soon;
 * normal: a complaint to handle in the normal course; low: questions, thanks, suggestions.
 * Longer phrases win over the words inside them, so "terjebak macet" is not "terjebak".
 */
export const DEFAULT_SIGNALS: UrgencySignalRule[] = [
  ...signals('critical', [
    'terjebak',
    'terkepung',
    'hanyut',
    'terbawa arus',
    'terseret arus',
    'tenggelam',
    'korban',
    'korban jiwa',
    'meninggal',
    'meninggal dunia',
    'tewas',
    'tertimbun',
    'terjepit',
    'tidak sadarkan diri',
    'sedada',
    'se dada',
    'setinggi dada',
    'seleher',
    'se leher',
    'setinggi leher',
    'sekepala',
    'setinggi atap',
    'naik ke atap',
    'api membesar',
    'api makin besar',
    'merembet',
    'kebakaran hebat',
    'anak hilang',
    'anak saya hilang',
    'anak kami hilang',
    'balita hilang',
    'kehilangan anak',
    'ambruk',
    'runtuh',
    'tanggul jebol',
    'butuh evakuasi',
    'minta evakuasi',
    'perlu evakuasi',
    'mohon evakuasi',
    'sos',
    'tersengat listrik',
    'kesetrum',
    'ditusuk',
    'dibacok',
    'luka parah',
    'kritis',
    'ledakan',
    'meledak',
  ]),
  ...signals('high', ['sepinggang', 'se pinggang', 'setinggi pinggang', 'sepaha', 'se paha', 'setinggi paha'], { score: 74 }),
  // A dam "jebol" is the classic Bandung hoax; a river bank that gives way is a real emergency.
  ...signals('high', ['jebol', 'rame', 'ramai', 'grup wa', 'grup whatsapp', 'banyak yang share', 'banyak yang percaya'], { topics: ['hoaks'] }),
  ...signals('critical', ['jebol'], { topics: ['banjir'] }),
  // Days without water or power hurt; a pothole that old is still a normal complaint.
  ...signals('high', ['berhari hari', 'seminggu', 'dua hari', 'tiga hari', '2 hari', '3 hari', '4 hari', '5 hari', 'sejak minggu lalu'], {
    topics: ['air_pdam', 'listrik', 'banjir'],
  }),
  ...signals('high', [
    'selutut',
    'se lutut',
    'setinggi lutut',
    'air masuk rumah',
    'evakuasi',
    'mengungsi',
    'tertimpa',
    'menimpa',
    'menghalangi jalan',
    'menutup jalan',
    'menutupi jalan',
    'melintang',
    'jalan tertutup',
    'tidak bisa lewat',
    'tidak bisa dilewati',
    'serw',
    'se rw',
    'satu rw',
    'sekampung',
    'satu kampung',
    'satu komplek',
    'viral',
    'pesan berantai',
    'beredar',
    'warga panik',
    'panik',
    'bendungan jebol',
    'waduk jebol',
    'asap tebal',
    'luka',
    'pingsan',
    'sesak napas',
    'kabel putus',
    'kabel menjuntai',
    'tiang listrik roboh',
    'jembatan putus',
    'jalan amblas',
    'macet total',
    'lampu merah mati',
    'darurat',
    'tolong tolong',
    'minta tolong',
    'begal',
    'tawuran',
    'longsor',
    'gempa',
    'keracunan',
    'digigit anjing',
  ]),
  ...signals('normal', ['terjebak macet', 'korban penipuan', 'semata kaki', 'se mata kaki', 'sebetis', 'se betis', 'rawan tumbang', 'pohon miring']),
  ...signals('low', [
    'terima kasih',
    'mantap',
    'keren',
    'salut',
    'apresiasi',
    'gercep',
    'selamat',
    'saran',
    'usul',
    'usulan',
    'sebaiknya',
    'semoga',
    'tanya',
    'mau tanya',
    'mohon info',
    'info dong',
    'bagaimana cara',
    'apakah',
    'kapan',
    'permisi',
  ]),
];

export const DEFAULT_MODIFIERS: ModifierRule[] = [
  // The situation is over or being handled.
  ...modifiers(-35, [
    'sudah surut', 'sudah padam', 'sudah dipadamkan', 'berhasil dipadamkan', 'api padam', 'sudah aman',
    'sudah ditangani', 'sudah beres',
  ]),
  ...modifiers(-30, [
    'sudah diperbaiki', 'sudah diangkut', 'sudah dibersihkan', 'sudah normal', 'kembali normal', 'sudah mengalir',
    'sudah menyala', 'sudah dievakuasi', 'sudah ditemukan', 'sudah dipotong', 'memadamkan',
  ]),
  ...modifiers(-25, ['surut', 'mulai surut', 'berangsur surut', 'mulai aman', 'terkendali']),
  // It happened a while ago, or may happen.
  ...modifiers(-15, [
    'kemarin', 'semalam', 'minggu lalu', 'waktu itu', 'rawan', 'antisipasi', 'kalau hujan', 'setiap hujan',
    'tiap hujan', 'semoga tidak',
  ]),
  ...modifiers(-25, ['bulan lalu', 'tahun lalu', 'simulasi', 'latihan']),
  ...modifiers(-8, ['tadi malam', 'tadi pagi']),
  // Asking how, when or whether: information rather than a report.
  ...modifiers(-12, ['kapan', 'apakah', 'bagaimana', 'gimana ya', 'ada tidak', 'boleh tanya'], { unlessAlarm: true }),
  // A clarification that a hoax is a hoax calms, it does not alarm.
  ...modifiers(-35, ['sudah diklarifikasi', 'dalam kondisi aman', 'kondisi aman']),
  ...modifiers(-20, ['itu hoaks', 'adalah hoaks', 'jangan disebar', 'jangan percaya', 'jangan mudah percaya']),
  ...modifiers(-20, [
    'saran', 'usul', 'usulan', 'sebaiknya', 'masukan', 'bagaimana cara', 'cara', 'syarat', 'persyaratan', 'mau tanya',
    'tanya', 'mohon info', 'info dong', 'jadwal', 'kapan ada', 'kapan buka',
  ], { unlessAlarm: true }),
  // Courtesy: it lowers a chat, never an urgent request that ends with "makasih min".
  ...modifiers(-20, ['terima kasih', 'mantap', 'salut', 'apresiasi', 'gercep', 'alhamdulillah'], { unlessAlarm: true }),
  // Still going on, or getting worse.
  ...modifiers(6, [
    'masih', 'belum surut', 'belum padam', 'belum ada bantuan', 'belum ada petugas', 'tidak ada petugas',
    'belum ditangani', 'belum ada yang datang', 'tidak surut', 'darurat', 'urgent', 'dari kemarin', 'sejak kemarin',
    'dari semalam', 'sejak semalam', 'dari minggu kemarin', 'sejak minggu kemarin', 'dari minggu lalu',
    'sejak minggu lalu',
  ]),
  ...modifiers(16, ['makin tinggi', 'semakin tinggi', 'terus naik', 'naik terus', 'makin deras', 'makin besar', 'semakin besar', 'meluas']),
  ...modifiers(8, ['makin parah', 'semakin parah']),
  ...modifiers(6, ['bahaya', 'membahayakan']),
  ...modifiers(4, ['sekarang', 'saat ini', 'barusan', 'baru saja', 'segera', 'cepat', 'tolong', 'mohon bantuan']),
  // Neutral: read as a whole so their words do not count on their own.
  ...modifiers(0, ['sedang memadamkan', 'masih memadamkan', 'lampu hijau']),
];

export const DEFAULT_NEGATION: NegationRules = {
  negators: ['tidak', 'bukan', 'tanpa', 'tidak ada', 'belum ada', 'jangan'],
  bridge: ['ada', 'yang', 'lagi', 'pernah', 'terjadi', 'kena', 'sampai', 'begitu', 'terlalu', 'kok', 'sih', 'mengalami', 'jadi', 'akan', 'sempat', 'kalau'],
  maxGap: 2,
};
