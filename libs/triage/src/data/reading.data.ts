import type { MisinformationRules, QuestionRules, SentimentRules } from '../lib/rule-set.types';

/*
 * How a message is read beyond its topic: its sentiment, whether it passes on a rumour, whether it
 * only asks. Phrases are written the way people write them and normalised like messages.
 */

export const DEFAULT_SENTIMENT: SentimentRules = {
  // Complaint and emergency words the review and tweet sets say little about, and courtesy that
  // reads as neutral there but is praise in a message to the city.
  words: {
    tolong: -0.6,
    darurat: -1,
    terjebak: -1.2,
    terendam: -0.8,
    banjir: -0.8,
    kebakaran: -1,
    korban: -1,
    rusak: -1,
    hancur: -1.2,
    berlubang: -0.9,
    mampet: -0.9,
    menumpuk: -0.7,
    'belum diangkut': -0.9,
    bau: -0.7,
    'bau busuk': -1.2,
    bocor: -0.8,
    keruh: -0.8,
    mati: -0.7,
    padam: -0.6,
    gelap: -0.4,
    macet: -0.6,
    liar: -0.5,
    pungli: -1.2,
    lambat: -0.8,
    lelet: -1,
    lama: -0.4,
    ribet: -0.9,
    susah: -0.7,
    error: -0.9,
    kecewa: -1.5,
    parah: -1,
    bahaya: -0.8,
    panik: -1,
    takut: -0.9,
    meresahkan: -1.2,
    'tidak ada kabar': -0.8,
    'tidak ada tindak lanjut': -1,
    'belum ada tindak lanjut': -1,
    'sampai kapan': -1,
    'tidak diperbaiki': -1,
    'belum diperbaiki': -1,
    'tidak jadi': -0.3,
    'belum jadi': -0.8,
    'belum cair': -0.9,
    'tidak cair': -0.9,
    'terima kasih': 1.5,
    'hatur terima kasih': 1.5,
    alhamdulillah: 0.8,
    mantap: 1.5,
    keren: 1.3,
    salut: 1.5,
    apresiasi: 1.5,
    gercep: 1.5,
    bangga: 1.4,
    semangat: 0.8,
    sigap: 1.2,
    cepat: 0.3,
    rapi: 1,
    bagus: 1.2,
    nyaman: 1,
    cantik: 1,
    amanah: 0.8,
    semoga: 0.3,
    suka: 1,
    senang: 1.2,
    sedih: -1.2,
    marah: -1.5,
    kesal: -1.3,
  },
  thresholds: { negative: -0.35, positive: 0.45 },
  problemBias: -0.6,
  praiseDelta: -20,
};

export const DEFAULT_MISINFORMATION: MisinformationRules = {
  strong: [
    'hoaks', 'berita bohong', 'kabar bohong', 'info bohong', 'cek fakta', 'pesan berantai', 'broadcast', 'akun palsu',
    'mengatasnamakan', 'disinformasi', 'misinformasi', 'video lama', 'foto lama', 'berita palsu', 'info palsu',
  ],
  hearsay: [
    'katanya', 'kabarnya', 'konon', 'beredar', 'viral', 'isu', 'rumor', 'desas desus', 'grup wa', 'grup whatsapp',
    'di grup', 'banyak yang share', 'dishare', 'disebar', 'menyebar', 'cenah',
  ],
  verification: [
    'benarkah', 'benar tidak', 'benar atau', 'benar apa', 'asli tidak', 'valid tidak', 'apa benar', 'apakah benar',
    'resmi tidak', 'klarifikasi', 'mohon klarifikasi', 'tolong klarifikasi', 'luruskan', 'diluruskan', 'sumbernya',
    'info resmi', 'informasi resmi', 'benar tidak sih', 'hoaks tidak', 'hoaks bukan', 'hoaks atau', 'hoaks kan',
  ],
  settled: [
    'sudah diklarifikasi', 'ternyata hoaks', 'itu hoaks', 'adalah hoaks', 'bukan hoaks', 'tidak hoaks', 'jangan disebar',
    'jangan percaya', 'klarifikasinya', 'terima kasih klarifikasi', 'sudah dibantah', 'itu foto lama', 'itu video lama',
    'bukan sekarang', 'bukan kejadian sekarang',
  ],
  topic: 'hoaks',
  topicWeight: 3,
};

export const DEFAULT_QUESTIONS: QuestionRules = {
  cues: [
    'bagaimana', 'gimana', 'kapan', 'apakah', 'berapa', 'dimana', 'di mana', 'kemana', 'ke mana', 'siapa', 'apa saja',
    'bisa tidak', 'boleh tidak', 'ada tidak', 'mau tanya', 'boleh tanya', 'tanya', 'mohon info', 'info dong', 'syarat',
    'prosedur', 'cara', 'jam buka', 'jadwal', 'saran', 'usul', 'usulan', 'sebaiknya', 'masukan',
  ],
  // Words of a complaint, not of its subject: "kalau mau lapor jalan rusak, lewat aplikasi apa?" only asks.
  complaint: [
    'belum', 'tidak ada', 'tidak bisa', 'tidak pernah', 'tidak jelas', 'tidak dapat', 'tidak sesuai', 'hancur', 'mampet',
    'tersumbat', 'menumpuk', 'error', 'lama', 'lambat', 'lelet', 'susah', 'sulit', 'ribet', 'kenapa', 'padahal', 'parah',
    'kecewa', 'ditolak', 'pungli', 'dipungut', 'pungutan', 'sampai kapan', 'bagaimana ini', 'gimana ini', 'kemana saja',
    'ke mana saja', 'dibiarkan', 'terbengkalai', 'mahal', 'terus', 'terjebak', 'darurat', 'palsu', 'salah', 'diperbaiki',
    'dibersihkan', 'diangkut', 'ditangani', 'ditindak', 'ditindaklanjuti', 'ditertibkan', 'dicek', 'diganti', 'dipangkas',
    'diaspal', 'ditambal', 'dikeruk', 'menyala lagi', 'mengalir lagi', 'kapan jadi', 'kapan selesai', 'gimana mau',
    'bagaimana mau', 'disuruh bayar', 'minta uang', 'minta bayaran', 'dimintai', 'tidak dibayar', 'belum dibayar',
    'naik lagi', 'naik terus', 'pemerintah ke mana', 'lapor ke mana', 'melapor ke mana', 'mengadu ke mana', 'ngadu ke mana',
    'harus ke mana', 'ke mana harus',
  ],
  maxScore: 24,
};
