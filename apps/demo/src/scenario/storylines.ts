import type { Channel } from '@sigap/contracts';

/*
 * The demo's story, written for it: one afternoon and evening in Bandung. A flash flood builds up
 * in the east (Gedebage, Rancasari, Cinambo), a tree falls on a car on a main road, a market burns,
 * a hoax about a dam spreads, and the everyday complaints and chatter go on underneath.
 *
 * Times are seconds from the start of a loop. `{slot}`s are filled by the generator (see SLOTS).
 */

export const STORYLINE_IDS = ['banjir-timur', 'pohon-tumbang', 'kebakaran-pasar', 'hoaks-bendungan', 'keluhan-harian', 'obrolan'] as const;
export type StorylineId = (typeof STORYLINE_IDS)[number];

export type ChannelMix = readonly (readonly [Channel, number])[];

export interface StoryPhase {
  id: string;
  /** Mentions per second at given times, linear in between; the phase lasts from the first point to the last. */
  rate: readonly (readonly [number, number])[];
  templates: readonly string[];
  /** Chance that a mention re-posts an earlier post of the phase (retweet, forward, share). */
  repostShare?: number;
  /** The phase's first posts, by community accounts: the ones that get reposted most. */
  viral?: readonly string[];
  channels?: ChannelMix;
  /** Chance that a mention carries a photo or video. */
  mediaShare?: number;
  /** Chance that a mention carries the sender's location (WhatsApp shares, geotagged posts). */
  locationShare?: number;
  /** Roughly where, for the location: [lat, lon]. */
  near?: readonly [number, number];
}

export interface Storyline {
  id: StorylineId;
  phases: readonly StoryPhase[];
}

/** Length of one loop of the scenario, in seconds (25 minutes). */
export const SCENARIO_SECONDS = 1500;

const SOCIAL: ChannelMix = [
  ['x', 38],
  ['instagram', 20],
  ['facebook', 12],
  ['tiktok', 8],
  ['whatsapp', 12],
  ['youtube', 2],
  ['telegram', 2],
  ['web', 3],
  ['lapor', 3],
];
const COMPLAINTS: ChannelMix = [
  ['x', 26],
  ['instagram', 16],
  ['facebook', 10],
  ['whatsapp', 16],
  ['lapor', 16],
  ['web', 10],
  ['email', 4],
  ['tiktok', 2],
];
const FORWARDS: ChannelMix = [
  ['whatsapp', 45],
  ['facebook', 20],
  ['x', 20],
  ['telegram', 8],
  ['instagram', 5],
  ['tiktok', 2],
];

const GEDEBAGE: [number, number] = [-6.9445, 107.6895];

export const STORYLINES: readonly Storyline[] = [
  {
    id: 'banjir-timur',
    phases: [
      {
        id: 'hujan',
        rate: [
          [60, 0.1],
          [300, 0.6],
        ],
        channels: SOCIAL,
        templates: [
          'hujan deras pisan di {timur} dari {jam}, mulai ada genangan{emoBanjir}',
          'Air mulai naik di {timur}, selokan udah gak nampung {akun}',
          'Soetta arah Gedebage udah cileuncang, motor hati2 ya{emoBanjir}',
          'hujan gede + angin di {timur}, waspada warga {rt}',
          'gorong2 di {timur} mampet lagi, air nyebrang ke jalan {akun}',
          'Langit Bandung Timur gelap banget, semoga gak banjir lagi kayak tahun lalu 🙏',
          'di {timur} air selokan udah semata kaki, masih hujan terus',
        ],
      },
      {
        id: 'naik',
        rate: [
          [300, 0.6],
          [500, 8],
          [520, 20],
        ],
        channels: SOCIAL,
        mediaShare: 0.3,
        locationShare: 0.1,
        near: GEDEBAGE,
        repostShare: 0.15,
        viral: [
          'Banjir mulai merendam permukiman di Gedebage dan Rancasari sore ini, air selutut di Cipamokolan. Warga diminta waspada #banjirbandung',
        ],
        templates: [
          'Banjir selutut di {timur}, {rt}. Air masuk ke halaman rumah warga {akun}{tag}',
          'BANJIR lagi di {timur}!! air udah masuk rumah, barang2 belum sempat diangkat{emoBanjir}',
          'caah di {timur} geus sa-tuur, cai asup ka imah {akun}',
          'Jl. Soekarno-Hatta Gedebage banjir, mobil kecil jangan lewat dulu, air sepaha{tag}',
          'Update {jam2}: air di {timur} makin tinggi, sekarang sepaha orang dewasa{tag}',
          '{akun} tolong pantau {timur}, banjir makin tinggi, warga mulai ngungsi ke masjid',
          'Motor mogok semua di {timur}, banjiiir{emoBanjir}',
          'banjir di {timur} udah sepinggang, anak2 sama lansia mulai diungsikan{tag}',
          'Warga {timur} {rt} mulai ngungsi, air masuk rumah ±50 cm {akun}',
          'Sungai Cinambo meluap, air masuk ke perumahan warga {rt}{emoBanjir}',
        ],
      },
      {
        id: 'puncak',
        rate: [
          [520, 20],
          [532, 40],
          [544, 54],
          [556, 36],
          [567, 20],
        ],
        channels: SOCIAL,
        mediaShare: 0.35,
        locationShare: 0.15,
        near: GEDEBAGE,
        repostShare: 0.55,
        viral: [
          'DARURAT: banjir di Cipamokolan, Rancanumpang dan Cinambo setinggi dada orang dewasa. Banyak warga terjebak di rumah, butuh perahu karet dan evakuasi segera! 🆘 @humasbdg',
          'Video warga Derwati terjebak banjir di lantai 2, air terus naik. Tolong sebarkan agar cepat dievakuasi 🙏 #banjirbandung',
          'Info evakuasi: yang terjebak banjir di Gedebage/Rancasari/Cinambo hubungi 112 (gratis). Sebutkan alamat lengkap dan RT/RW.',
        ],
        templates: [
          'TOLONG!! Keluarga saya terjebak banjir di {timur} {rt}, air sudah sedada 🆘 {akun}',
          'Mohon evakuasi segera, ada lansia & bayi terjebak di lantai 2 rumah di {timur}{emoBanjir}',
          '{akun} darurat! air sedada di {timur}, warga naik ke atap, butuh perahu karet SEKARANG',
          'tulung... caah di {timur} geus sadada, nini abdi teu tiasa kaluar ti imah 😭',
          'ada warga hanyut di kali dekat {timur}, tolong tim SAR!!{emoBanjir}',
          'Banjir bandang {timur} parah bgt, air makin tinggi, sy kejebak sama 3 anak kecil {akun}',
          'Info: banjir di {timur} setinggi dada orang dewasa, ratusan warga terjebak{tag}',
          'Butuh perahu karet di {timur} {rt}, banyak yang belum bisa keluar rumah{emoBanjir}',
          'Anak saya umur {usia} th terpisah waktu evakuasi di {timur}, mohon bantuan{emoBanjir}',
          'min {akun} tolong kirim damkar / basarnas ke {timur}, air sudah seleher anak2!!',
          'Listrik mati total di {timur} karena banjir, gelap, kami terjebak di rumah{emoBanjir}',
          'Ya Allah {timur} banjir sedada, mobil2 hanyut kebawa arus{tag}',
          'SOS {timur}!! orang tua saya masih di dalam rumah, air terus naik',
        ],
      },
      {
        id: 'pengungsian',
        rate: [
          [567, 18],
          [590, 6],
          [630, 2],
          [780, 0.6],
        ],
        channels: SOCIAL,
        mediaShare: 0.25,
        repostShare: 0.3,
        templates: [
          'Posko pengungsian banjir dibuka di Masjid {masjid}, warga {timur} yang butuh tempat bisa ke sana{tag}',
          'Pengungsi di {timur} butuh selimut, makanan bayi, dan air bersih {akun}',
          'Perahu karet damkar sudah masuk {timur}, alhamdulillah warga mulai dievakuasi',
          'Air masih sepinggang di {timur}, tapi evakuasi lansia sudah jalan {akun}',
          'Dapur umum di {timur} kekurangan relawan, yang bisa bantu merapat{emoBanjir}',
          'Terima kasih petugas yang sudah turun ke {timur}, mohon logistik ditambah 🙏',
          'Data sementara: ratusan KK di {timur} terdampak banjir{tag}',
        ],
      },
      {
        id: 'surut',
        rate: [
          [1000, 1.2],
          [1350, 0.3],
        ],
        channels: SOCIAL,
        mediaShare: 0.3,
        templates: [
          'Alhamdulillah banjir di {timur} sudah surut, tinggal lumpur tebal {akun}',
          'air di {timur} udah surut, sekarang bersih2 rumah. sampah kiriman numpuk di jalan{emoBanjir}',
          '{timur} sudah surut, mohon DLH angkut sampah sisa banjir di {rt}',
          'caah di {timur} atos surut, hatur nuhun ka sadaya petugas 🙏',
          'Jl. Soekarno-Hatta Gedebage sudah bisa dilalui, air sudah surut{tag}',
          'Kenapa {timur} tiap hujan pasti banjir? mohon drainasenya diperbaiki {akun}',
          'Terima kasih damkar & relawan, banjir di {timur} sudah surut. semoga gak terulang',
        ],
      },
    ],
  },
  {
    id: 'pohon-tumbang',
    phases: [
      {
        id: 'kejadian',
        rate: [
          [240, 1],
          [260, 6],
          [300, 3],
          [420, 0.5],
          [540, 0.2],
        ],
        channels: SOCIAL,
        mediaShare: 0.45,
        repostShare: 0.4,
        viral: ['Pohon besar tumbang menimpa mobil di {pohonJalan} {patokan}, pengemudi terjepit. Lalu lintas dialihkan, hindari ruas ini.'],
        templates: [
          'Pohon tumbang menimpa {mobil} di {pohonJalan}, pengemudi masih terjebak di dalam!! {akun}',
          'Barusan pohon besar tumbang di {pohonJalan} {patokan}, nimpa mobil. lalin macet total{emo}',
          '{akun} pohon tumbang menghalangi jalan di {pohonJalan}, tolong segera dievakuasi',
          'Hati2 yang lewat {pohonJalan}, ada pohon tumbang melintang, jalan tertutup{tag}',
          'tangkal ageung rubuh di {pohonJalan}, ngahalangan jalan, aya mobil katinggang 😱',
          'Video: detik2 pohon tumbang nimpa {mobil} di {pohonJalan}{emo}',
          'Supir {mobil} yang ketimpa pohon di {pohonJalan} luka2, ambulans belum datang {akun}',
          'Macet parah dari {patokan} gara2 pohon tumbang di {pohonJalan}, cari jalan lain gaes',
          'Kabel listrik ikut putus ketimpa pohon di {pohonJalan}, bahaya{emo}',
        ],
      },
      {
        id: 'ditangani',
        rate: [
          [620, 0.4],
          [760, 0.1],
        ],
        channels: SOCIAL,
        templates: [
          'Pohon tumbang di {pohonJalan} sudah dipotong & dievakuasi, jalan sudah bisa dilalui',
          'Alhamdulillah pengemudi yang ketimpa pohon di {pohonJalan} sudah dievakuasi, terima kasih damkar',
          '{pohonJalan} udah lancar lagi, makasih petugas gercep 👍',
          'Tolong pohon2 tua di {pohonJalan} dicek & dipangkas sebelum tumbang lagi {akun}',
        ],
      },
    ],
  },
  {
    id: 'kebakaran-pasar',
    phases: [
      {
        id: 'api',
        rate: [
          [780, 0.5],
          [810, 5],
          [870, 4],
          [960, 1.5],
          [1080, 0.4],
        ],
        channels: SOCIAL,
        mediaShare: 0.5,
        repostShare: 0.45,
        viral: ['Kebakaran hebat melanda {pasar} sore ini, api membesar dan merembet ke kios-kios lain. Damkar menuju lokasi 🔥'],
        templates: [
          'KEBAKARAN di {pasar}!! api membesar, kios2 udah kebakar {akun}🔥🔥',
          'Asap hitam tebal keliatan dari {arahAsap}, katanya {pasar} kebakaran{emo}',
          '{akun} tolong damkar ke {pasar}, api makin besar, merembet ke los sebelah',
          'Pedagang {pasar} panik nyelamatin barang, api belum padam{emo}',
          'kahuruan di {pasar}, seuneu ageung pisan, pedagang pada lumpat 😭',
          'Live: damkar sudah datang di {pasar}, api masih menyala{tag}',
          'Ada pedagang yang masih terjebak di lantai 2 {pasar}?? mohon info{emo}',
          'Jalan sekitar {pasar} ditutup, banyak mobil damkar. hindari dulu ya',
          'Ya Allah {pasar} kebakaran lagi, kasihan pedagang kecil 😢',
        ],
      },
      {
        id: 'padam',
        rate: [
          [1080, 0.6],
          [1250, 0.1],
        ],
        channels: SOCIAL,
        templates: [
          'Api di {pasar} sudah padam, tinggal pendinginan. tidak ada korban jiwa katanya',
          'Terima kasih damkar, kebakaran {pasar} berhasil dipadamkan 🙏',
          'Pedagang {pasar} yang kiosnya kebakar minta direlokasi sementara, mohon perhatian {akun}',
          'Penyebab kebakaran {pasar} diduga korsleting listrik. semoga pasar direnovasi lebih aman',
        ],
      },
    ],
  },
  {
    id: 'hoaks-bendungan',
    phases: [
      {
        id: 'menyebar',
        rate: [
          [950, 0.2],
          [1010, 3],
          [1100, 4.5],
          [1200, 1.5],
          [1350, 0.3],
        ],
        channels: FORWARDS,
        repostShare: 0.6,
        viral: [
          '*PENTING* Bendungan {bendungan} JEBOL!! air menuju Bandung, warga Bandung Timur segera mengungsi ke tempat tinggi. SEBARKAN ke keluarga!!',
        ],
        templates: [
          '*PENTING* Bendungan {bendungan} JEBOL!! air menuju Bandung, warga segera mengungsi ke tempat tinggi. SEBARKAN!!',
          'Info dari grup RW: bendungan {bendungan} jebol, air bakal sampai Bandung 2 jam lagi. bener gak ini?',
          '{akun} bendungan {bendungan} jebol itu hoaks gak sih? grup WA keluarga udah rame',
          'min, beneran {bendungan} jebol? orang tua saya udah panik mau ngungsi',
          'Pesan berantai {bendungan} jebol beredar lagi, ada yang bisa konfirmasi? {akun}',
          'punten, aya nu terang leres {bendungan} jebol? di grup WA rame pisan',
          'Viral video katanya {bendungan} jebol, padahal itu video lama bukan? {akun}',
          'Mohon klarifikasi resmi soal {bendungan} jebol, warga {timur} udah pada panik',
        ],
      },
      {
        id: 'klarifikasi',
        rate: [
          [1150, 0.5],
          [1400, 0.1],
        ],
        channels: SOCIAL,
        repostShare: 0.3,
        viral: ['[KLARIFIKASI] Informasi Bendungan {bendungan} jebol yang beredar di grup WhatsApp adalah HOAKS. Bendungan dalam kondisi aman. Cek info resmi di kanal Pemkot Bandung.'],
        templates: [
          'Info {bendungan} jebol itu HOAKS ya, sudah diklarifikasi Pemkot. jangan disebar lagi',
          'Terima kasih {akun} sudah klarifikasi cepat soal hoaks bendungan {bendungan} 🙏',
          'Cek fakta: video bendungan jebol yang beredar itu kejadian lama di luar negeri',
          'Tolong yang nyebar hoaks {bendungan} jebol ditindak, bikin warga panik',
        ],
      },
    ],
  },
  {
    id: 'keluhan-harian',
    phases: [
      {
        id: 'sepanjang-hari',
        rate: [
          [0, 0.9],
          [400, 0.7],
          [800, 1.1],
          [1200, 0.8],
          [1500, 0.9],
        ],
        channels: COMPLAINTS,
        mediaShare: 0.2,
        templates: [
          'Jalan berlubang di {jalanKota} makin parah, udah 2 bulan gak diperbaiki {akun}',
          'Lubang di {jalanKota} depan {patokanKota} bahaya bgt buat motor, semalem ada yg jatuh',
          'jalan butut di {tempat} {rt}, teu acan dibenerkeun ti taun kamari',
          'Sampah numpuk di TPS {tempat} belum diangkut 3 hari, bau banget {akun}',
          'Tolong sampah di pinggir {jalanKota} diangkut, udah kayak gunung{emo}',
          'runtah di {tempat} numpuk, baseuh ku hujan, bau pisan',
          'Min, cara bikin KTP el yang hilang gimana ya? harus ke kecamatan atau ke disdukcapil?',
          'Blangko KTP di kecamatan {kecamatan} kosong terus, udah 3x bolak balik {akun}',
          'KK saya belum jadi padahal udah 2 minggu, mohon dicek {akun}',
          'Air PDAM di {tempat} mati dari kemarin, se-RW gak ada air {akun}',
          'PDAM kapan nyala lagi? {tempat} {rt} airnya mati total{emo}',
          'air PDAM keruh kecoklatan di {tempat}, ga bisa dipake masak',
          'Lampu PJU di {jalanKota} mati semua, gelap rawan begal {akun}',
          'lampu jalan di {tempat} pareum ti minggu kamari, poek pisan',
          'Parkir liar di trotoar {jalanKota} bikin macet, jukir minta 5rb {akun}',
          'Jukir liar di depan minimarket {tempat} maksa bayar, padahal ada tulisan gratis parkir',
          'Macet parah di {jalanKota}, lampu merah mati {akun}',
          'PKL menutupi trotoar di {jalanKota}, pejalan kaki harus turun ke jalan',
          'Drainase di {tempat} mampet, tiap hujan pasti genangan {akun}',
          'Bansos PKH ibu saya di {tempat} belum cair, harus lapor ke mana?',
          'Fogging DBD di {tempat} kapan ya? udah 2 warga kena demam berdarah {akun}',
          'Listrik padam di {tempat} dari jam 7, kapan nyala PLN?',
          'Ada anjing liar berkeliaran di {tempat}, anak2 takut main {akun}',
          'Saluran air di {tempat} {rt} bau, banyak jentik nyamuk',
        ],
      },
    ],
  },
  {
    id: 'obrolan',
    phases: [
      {
        id: 'sepanjang-hari',
        rate: [
          [0, 0.7],
          [500, 0.5],
          [1000, 0.8],
          [1500, 0.6],
        ],
        channels: SOCIAL,
        templates: [
          'Wilujeng enjing Bandung! cuaca mendung euy{emo}',
          'Terima kasih {akun}, jalan di {tempat} sudah mulus sekarang 👍',
          'Mantap pemkot, taman di {tempat} jadi rapi 🔥🔥',
          'Saran min, sebaiknya ada tempat sampah lebih banyak di {jalanKota}',
          'Kapan car free day di Dago dibuka lagi {akun}?',
          'Hatur nuhun {akun} atos gercep ngabales laporan abdi 🙏',
          'Info lowongan kerja pemkot ada gak min?',
          'Bandung hari ini macet dimana2 ya, sabar gaes{emo}',
          'Seblak di {tempat} enak pisan, recommended!',
          'Min boleh tanya, syarat bikin akta kelahiran apa aja?',
          'Selamat ulang tahun Persib! 💙',
          'Kangen Bandung jaman dulu, adem euy',
          'Jadwal vaksinasi di puskesmas {tempat} kapan ya?',
          'Respon {akun} cepet banget, makasih ya min',
        ],
      },
    ],
  },
];

/** Values drawn for the `{slot}`s of the templates. */
export const SLOTS = {
  timur: [
    'Cipamokolan',
    'Derwati',
    'Rancanumpang',
    'Rancabolang',
    'Cisaranten Kidul',
    'Cimincrang',
    'Babakan Penghulu',
    'Pakemitan',
    'Sukamulya Cinambo',
    'Cisaranten Wetan',
    'Gedebage',
    'Rancasari',
    'Cinambo',
    'Riung Bandung',
    'Jl. Cipamokolan',
    'Manjahlega',
    'Mekarjaya',
  ],
  tempat: [
    'Sukaluyu',
    'Cicadas',
    'Antapani Kidul',
    'Sekeloa',
    'Cijagra',
    'Kebon Lega',
    'Cibaduyut',
    'Sukajadi',
    'Ciroyom',
    'Pasirluyu',
    'Cigadung',
    'Margasari',
    'Cijerah',
    'Babakan Sari',
    'Pasir Impun',
    'Cipadung',
    'Gegerkalong',
    'Jamika',
    'Ujungberung',
    'Arcamanik',
    'kec. Coblong',
    'Bojongloa Kaler',
    'Lengkong',
    'Ujbr',
    'Buah Batu',
  ],
  kecamatan: ['Coblong', 'Sukajadi', 'Antapani', 'Kiaracondong', 'Buahbatu', 'Bandung Kulon', 'Cibiru', 'Regol', 'Andir'],
  jalanKota: [
    'Jl. Soekarno-Hatta',
    'Jl. Kiaracondong',
    'Jl. AH Nasution',
    'Jl. Cibaduyut',
    'Jl. Kopo',
    'Jl. Buah Batu',
    'Jl. Ciwastra',
    'Jl. Terusan Jakarta',
    'Jl. Sudirman',
    'Jl. Moh. Toha',
    'jln Cihampelas',
    'Jl. Setiabudi',
    'Jl. Gatot Subroto',
    'jl. Surapati',
  ],
  patokanKota: ['Borma', 'Alfamart', 'SD negeri', 'masjid', 'pom bensin', 'kantor kelurahan', 'warung kopi'],
  rt: ['RT 02 RW 05', 'RT 04/RW 07', 'RT 01 RW 11', 'RT.03/RW.02', 'RT 06 RW 09', 'rt 05 rw 03', 'RW 08'],
  jam: ['jam 2 siang', 'tadi siang', 'jam 1', 'siang tadi', 'dari jam 12', 'sejam terakhir'],
  jam2: ['15.10', '15.25', '15.40', '15.45', '16.05'],
  usia: ['4', '5', '6', '7', '9'],
  masjid: ['Al-Ikhlas', 'Nurul Huda', 'At-Taqwa', 'Al-Muhajirin'],
  arahAsap: ['Jl. Ahmad Yani', 'flyover Pasupati', 'Cicadas', 'Jl. Soekarno-Hatta', 'Leuwipanjang', 'Kiaracondong'],
  mobil: ['mobil sedan putih', 'Avanza silver', 'angkot hijau', 'mobil box', 'taksi online', 'mobil pikap'],
  akun: ['@humasbdg', '@pemkotbandung', '@humasbdg @pemkotbandung', 'min', '', '', ''],
  emo: ['', '', '', ' 😭', ' 🙏', ' 😱', '!!', ' 😢🙏', '...', ' 😤'],
  emoBanjir: ['', '', ' 😭', ' 🙏', ' 🆘', ' 🌊🌊', '!!', ' 😢🙏', ' 🆘🆘', '...'],
  tag: ['', '', '', ' #banjirbandung', ' #BandungBanjir', ' #infobandung', ' #caah', ' #gedebage'],
} as const;

export type SlotName = keyof typeof SLOTS;

/** Facts that stay the same for a whole loop, so one story reads as one story. */
export const LOOP_FACTS = {
  pohon: [
    { pohonJalan: 'Jl. Dago', patokan: 'dekat Simpang Dago' },
    { pohonJalan: 'Jl. Ir. H. Juanda', patokan: 'depan kampus' },
    { pohonJalan: 'Jl. Pasteur', patokan: 'arah gerbang tol Pasteur' },
    { pohonJalan: 'Jl. Dr. Djunjunan', patokan: 'depan BTC' },
  ],
  pasar: ['Pasar Kosambi', 'Pasar Caringin', 'Pasar Induk Caringin'],
  bendungan: ['Saguling', 'Jatiluhur'],
} as const;
