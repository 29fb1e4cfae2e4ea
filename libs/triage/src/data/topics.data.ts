import type { KeywordRule, TopicRule } from '../lib/rule-set.types';

/** `kw(3, 'banjir', 'kebanjiran')`: several phrases with one weight. */
const kw = (weight: number, ...phrases: string[]): KeywordRule[] => phrases.map((phrase) => ({ phrase, weight }));

/*
 * Topics people raise, the words they use for them and who answers, after
 * shared/reference/bandung-opd.md. Order matters only for ties: emergencies come first.
 * baseScore is the urgency of a plain report on the topic (thresholds: 80 critical, 60 high, 30 normal).
 */
export const DEFAULT_TOPICS: TopicRule[] = [
  {
    id: 'banjir',
    label: 'banjir',
    keywords: [
      ...kw(3, 'banjir', 'banjir bandang', 'kebanjiran', 'air masuk rumah', 'sungai meluap', 'tanggul jebol', 'air terus naik', 'air naik terus'),
      ...kw(2, 'terendam', 'meluap', 'luapan', 'air naik', 'banjir cileuncang', 'perahu karet', 'hanyut', 'terbawa arus'),
      ...kw(1, 'mengungsi', 'pengungsi', 'posko', 'gelombang'),
    ],
    baseScore: 64,
    opd: [
      { code: 'DISKARPB', confidence: 0.85 },
      { code: 'DSDABM', confidence: 0.75 },
    ],
    routing: [
      { whenAny: ['citarum', 'cikapundung', 'tanggul sungai', 'tanggul jebol'], mode: 'append', opd: [{ code: 'EXT-BBWS', confidence: 0.5 }] },
      { whenAny: ['mengungsi', 'pengungsi', 'posko', 'logistik'], mode: 'append', opd: [{ code: 'DINSOS', confidence: 0.45 }] },
    ],
  },
  {
    id: 'kebakaran',
    label: 'kebakaran',
    keywords: [
      ...kw(3, 'kebakaran', 'terbakar', 'dilalap api', 'api membesar', 'api makin besar', 'api belum padam'),
      ...kw(2, 'asap tebal', 'asap hitam', 'ledakan', 'meledak', 'tabung gas meledak', 'korsleting', 'belum padam', 'merembet', 'mobil damkar'),
      ...kw(2, 'pemadam kebakaran'),
      // Alone these are praise ("mantap 🔥") or thanks to the fire service; together they are a fire.
      ...kw(1, 'api', 'damkar', 'pemadam', 'menyala', 'asap'),
    ],
    baseScore: 70,
    opd: [{ code: 'DISKARPB', confidence: 0.92 }],
    routing: [
      { whenAny: ['pasar', 'kios', 'los'], mode: 'append', opd: [{ code: 'DISDAGIN', confidence: 0.4 }] },
      { whenAny: ['korban', 'luka', 'luka bakar', 'sesak napas'], mode: 'append', opd: [{ code: 'DINKES', confidence: 0.45 }] },
      { whenAny: ['korsleting', 'korsleting listrik', 'kabel listrik'], mode: 'append', opd: [{ code: 'EXT-PLN', confidence: 0.3 }] },
    ],
  },
  {
    id: 'pohon_tumbang',
    label: 'pohon tumbang',
    keywords: [
      // Heavier than the traffic jam it causes: "pohon tumbang, lalin macet total" is about the tree.
      ...kw(4, 'pohon tumbang', 'pohon roboh', 'pohon ambruk', 'pohon besar tumbang', 'tertimpa pohon'),
      ...kw(2, 'dahan patah', 'pohon patah', 'pohon miring', 'rawan tumbang', 'pemangkasan pohon'),
      ...kw(1.5, 'tumbang', 'ranting patah', 'dahan', 'menimpa'),
      ...kw(0.5, 'pohon'),
    ],
    baseScore: 55,
    opd: [
      { code: 'DPKP', confidence: 0.85 },
      { code: 'DISKARPB', confidence: 0.55 },
    ],
    routing: [
      {
        whenAny: ['menimpa', 'tertimpa', 'terjepit', 'terjebak', 'korban', 'menghalangi jalan', 'menutup jalan', 'melintang'],
        mode: 'replace',
        opd: [
          { code: 'DISKARPB', confidence: 0.9 },
          { code: 'DPKP', confidence: 0.75 },
        ],
      },
      { whenAny: ['menghalangi jalan', 'menutup jalan', 'melintang', 'macet'], mode: 'append', opd: [{ code: 'DISHUB', confidence: 0.4 }] },
      { whenAny: ['kabel', 'kabel listrik', 'tiang listrik'], mode: 'append', opd: [{ code: 'EXT-PLN', confidence: 0.4 }] },
    ],
  },
  {
    id: 'bencana',
    label: 'longsor, gempa, bangunan ambruk',
    keywords: [
      ...kw(3, 'longsor', 'tanah longsor', 'gempa', 'rumah ambruk', 'bangunan ambruk', 'tembok roboh', 'atap ambruk', 'puting beliung', 'angin puting beliung'),
      ...kw(2, 'ambruk', 'runtuh', 'roboh', 'angin kencang', 'tanah amblas', 'retak'),
    ],
    baseScore: 66,
    opd: [{ code: 'DISKARPB', confidence: 0.88 }],
    routing: [
      { whenAny: ['korban', 'luka'], mode: 'append', opd: [{ code: 'DINKES', confidence: 0.45 }] },
      { whenAny: ['rumah tidak layak huni', 'rutilahu'], mode: 'append', opd: [{ code: 'DPKP', confidence: 0.4 }] },
    ],
  },
  {
    id: 'penyelamatan',
    label: 'penyelamatan (hewan/orang terjebak)',
    keywords: [
      ...kw(3, 'sarang tawon', 'sarang lebah', 'ular masuk rumah', 'kucing terjebak', 'cincin tidak bisa lepas', 'terkunci di dalam'),
      ...kw(2, 'ular', 'ular kobra', 'biawak', 'tawon', 'evakuasi hewan', 'tim sar', 'basarnas'),
      // Calls for rescue that name no disaster still go to the rescue service.
      ...kw(1.5, 'evakuasi', 'terjebak', 'sos', 'mohon evakuasi', 'butuh evakuasi', 'minta evakuasi', 'perlu evakuasi'),
    ],
    baseScore: 56,
    opd: [{ code: 'DISKARPB', confidence: 0.85 }],
  },
  {
    id: 'pengungsian',
    label: 'pengungsian dan logistik',
    keywords: [
      ...kw(3, 'posko pengungsian', 'dapur umum', 'tempat pengungsian'),
      ...kw(2, 'pengungsi', 'pengungsian', 'logistik', 'makanan bayi', 'selimut', 'air bersih'),
      ...kw(1, 'relawan', 'bantuan'),
    ],
    baseScore: 58,
    opd: [
      { code: 'DINSOS', confidence: 0.8 },
      { code: 'DISKARPB', confidence: 0.6 },
    ],
  },
  {
    id: 'kecelakaan',
    label: 'kecelakaan lalu lintas',
    keywords: [
      ...kw(3, 'kecelakaan', 'tabrakan', 'ditabrak', 'tertabrak', 'tabrak lari', 'lakalantas', 'kecelakaan lalu lintas', 'terlindas'),
      ...kw(2, 'menabrak', 'laka', 'terjatuh dari motor', 'motor jatuh', 'terguling'),
    ],
    baseScore: 66,
    opd: [
      { code: 'EXT-POLRI', confidence: 0.85 },
      { code: 'DISHUB', confidence: 0.45 },
    ],
    routing: [
      { whenAny: ['korban', 'luka', 'ambulans', 'pingsan', 'meninggal'], mode: 'append', opd: [{ code: 'DINKES', confidence: 0.5 }] },
      { whenAny: ['kereta', 'kereta api', 'perlintasan'], mode: 'append', opd: [{ code: 'EXT-KAI', confidence: 0.55 }] },
    ],
  },
  {
    id: 'kriminalitas',
    label: 'kriminalitas dan keamanan',
    keywords: [
      ...kw(3, 'begal', 'dibegal', 'pembegalan', 'perampokan', 'dirampok', 'tawuran', 'geng motor', 'balap liar', 'penusukan', 'ditusuk', 'dibacok', 'penjambretan', 'dijambret'),
      ...kw(2, 'jambret', 'copet', 'kecopetan', 'maling', 'kemalingan', 'pencurian', 'curanmor', 'motor hilang', 'penipuan', 'narkoba'),
    ],
    baseScore: 62,
    opd: [{ code: 'EXT-POLRI', confidence: 0.9 }],
    routing: [{ whenAny: ['ditusuk', 'dibacok', 'luka', 'korban'], mode: 'append', opd: [{ code: 'DINKES', confidence: 0.35 }] }],
  },
  {
    id: 'orang_hilang',
    label: 'orang hilang',
    keywords: [
      ...kw(3, 'anak hilang', 'anak saya hilang', 'anak kami hilang', 'kehilangan anak', 'orang hilang', 'lansia hilang', 'hilang sejak', 'belum pulang sejak'),
      ...kw(2, 'belum pulang', 'mohon bantu cari', 'dicari keluarga', 'terpisah dari orang tua'),
    ],
    baseScore: 70,
    opd: [
      { code: 'EXT-POLRI', confidence: 0.8 },
      { code: 'DISKARPB', confidence: 0.5 },
    ],
    routing: [{ whenAny: ['anak', 'anak hilang', 'anak saya hilang', 'anak kami hilang', 'kehilangan anak', 'balita'], mode: 'append', opd: [{ code: 'DP3A', confidence: 0.45 }] }],
  },
  {
    id: 'listrik',
    label: 'listrik PLN',
    keywords: [
      ...kw(3, 'listrik padam', 'listrik mati', 'mati listrik', 'mati lampu', 'pemadaman listrik', 'pln', 'tiang listrik', 'kabel listrik'),
      ...kw(2, 'pemadaman', 'kabel menjuntai', 'kabel putus', 'trafo', 'gardu listrik', 'korsleting listrik', 'lampu padam'),
      ...kw(1, 'listrik', 'token'),
    ],
    baseScore: 48,
    opd: [{ code: 'EXT-PLN', confidence: 0.9 }],
  },
  {
    id: 'hoaks',
    label: 'hoaks dan informasi resmi',
    keywords: [
      ...kw(3, 'hoaks', 'berita bohong', 'kabar bohong', 'cek fakta', 'pesan berantai', 'bendungan jebol', 'waduk jebol', 'dam jebol'),
      // Asking, not saying: "itu hoaks gak?" must not read as "itu hoaks".
      ...kw(3, 'hoaks tidak', 'itu hoaks tidak', 'hoaks atau bukan', 'hoaks atau tidak', 'hoaks bukan'),
      ...kw(2.5, 'jatiluhur', 'saguling', 'cirata'),
      ...kw(1.5, 'klarifikasi', 'benarkah', 'benar tidak', 'beneran tidak', 'broadcast', 'beredar', 'isu'),
      ...kw(1, 'viral', 'informasi resmi', 'sumber resmi'),
    ],
    baseScore: 50,
    opd: [{ code: 'DISKOMINFO', confidence: 0.9 }],
    routing: [
      { whenAny: ['bendungan', 'waduk', 'jatiluhur', 'saguling', 'cirata', 'tsunami', 'gempa'], mode: 'append', opd: [{ code: 'DISKARPB', confidence: 0.4 }] },
    ],
    local: false,
  },
  {
    id: 'jalan_rusak',
    label: 'jalan dan jembatan',
    keywords: [
      ...kw(3, 'jalan rusak', 'jalan berlubang', 'jalan amblas', 'jalan retak', 'jalan bergelombang', 'jalan hancur', 'jembatan rusak', 'jembatan putus', 'jembatan ambruk', 'perbaikan jalan'),
      ...kw(2, 'berlubang', 'lubang jalan', 'aspal', 'aspal mengelupas', 'trotoar rusak', 'amblas'),
      ...kw(1.5, 'lubang', 'jembatan', 'trotoar', 'tambal'),
    ],
    baseScore: 45,
    opd: [{ code: 'DSDABM', confidence: 0.9 }],
    routing: [{ whenAny: ['jalan provinsi', 'jalan nasional'], mode: 'append', opd: [{ code: 'EXT-JABAR', confidence: 0.5 }] }],
  },
  {
    id: 'drainase',
    label: 'drainase dan genangan',
    keywords: [
      ...kw(3, 'saluran mampet', 'gorong gorong', 'drainase', 'got mampet', 'selokan mampet', 'genangan'),
      ...kw(2, 'tergenang', 'cileuncang', 'selokan', 'saluran air', 'gorong'),
    ],
    baseScore: 46,
    opd: [{ code: 'DSDABM', confidence: 0.88 }],
  },
  {
    id: 'sungai',
    label: 'sungai besar',
    keywords: [...kw(3, 'normalisasi sungai', 'pengerukan sungai', 'sedimentasi'), ...kw(2, 'citarum', 'cikapundung', 'tanggul sungai', 'bantaran sungai')],
    baseScore: 42,
    opd: [
      { code: 'EXT-BBWS', confidence: 0.65 },
      { code: 'DSDABM', confidence: 0.6 },
    ],
  },
  {
    id: 'sampah',
    label: 'sampah dan lingkungan',
    keywords: [
      ...kw(3, 'sampah', 'tumpukan sampah', 'sampah menumpuk', 'tps penuh', 'pengangkutan sampah', 'pembakaran sampah', 'buang sampah sembarangan'),
      ...kw(2, 'tps', 'limbah', 'pencemaran', 'tercemar', 'bau busuk', 'belum diangkut'),
      ...kw(1, 'bau', 'kotor'),
    ],
    baseScore: 42,
    opd: [{ code: 'DLH', confidence: 0.9 }],
  },
  {
    id: 'air_pdam',
    label: 'air PDAM',
    keywords: [
      ...kw(3, 'pdam', 'tirtawening', 'air mati', 'air tidak mengalir', 'air tidak keluar', 'air tidak menyala', 'air keruh', 'pipa bocor', 'pipa pdam', 'tagihan air', 'air ledeng'),
      ...kw(2, 'tidak mengalir', 'air macet', 'air kecil', 'air bau', 'meteran air'),
    ],
    baseScore: 45,
    opd: [{ code: 'PDAM', confidence: 0.92 }],
  },
  {
    id: 'pju',
    label: 'penerangan jalan umum',
    keywords: [
      ...kw(3, 'pju', 'lampu jalan', 'lampu jalan mati', 'lampu jalan padam', 'penerangan jalan', 'lampu pju'),
      ...kw(2, 'jalan gelap', 'gelap gulita'),
    ],
    baseScore: 42,
    opd: [{ code: 'DISHUB', confidence: 0.9 }],
  },
  {
    id: 'lalu_lintas',
    label: 'lalu lintas dan angkutan',
    keywords: [
      ...kw(3, 'lampu merah mati', 'apill', 'lampu lalu lintas', 'traffic light', 'macet total', 'rambu lalu lintas', 'trans metro bandung'),
      ...kw(2, 'macet', 'kemacetan', 'lampu merah', 'rambu', 'angkot', 'ngetem', 'terjebak macet', 'bus tmb', 'tmb'),
      ...kw(1, 'lalu lintas'),
    ],
    baseScore: 40,
    opd: [{ code: 'DISHUB', confidence: 0.88 }],
  },
  {
    id: 'parkir',
    label: 'parkir liar',
    keywords: [...kw(3, 'parkir liar', 'juru parkir liar', 'jukir liar', 'parkir sembarangan', 'parkir di trotoar'), ...kw(2, 'jukir', 'juru parkir', 'tukang parkir', 'tarif parkir', 'parkir')],
    baseScore: 38,
    opd: [{ code: 'DISHUB', confidence: 0.88 }],
    routing: [{ whenAny: ['pajak parkir'], mode: 'append', opd: [{ code: 'BAPENDA', confidence: 0.4 }] }],
  },
  {
    id: 'kesehatan',
    label: 'kesehatan',
    keywords: [
      ...kw(3, 'dbd', 'demam berdarah', 'fogging', 'puskesmas', 'wabah', 'keracunan', 'gizi buruk', 'stunting', 'vaksinasi', 'imunisasi'),
      ...kw(2, 'vaksin', 'diare', 'ambulans', 'nakes', 'posyandu', 'jentik'),
    ],
    baseScore: 45,
    opd: [{ code: 'DINKES', confidence: 0.88 }],
  },
  {
    id: 'rumah_sakit',
    label: 'layanan rumah sakit',
    keywords: [...kw(3, 'rsud', 'antrean igd', 'antrian igd', 'igd', 'rujukan'), ...kw(2, 'rumah sakit', 'dokter', 'pasien', 'kamar rawat')],
    baseScore: 48,
    opd: [
      { code: 'RSUD', confidence: 0.85 },
      { code: 'DINKES', confidence: 0.45 },
    ],
    routing: [{ whenAny: ['bpjs'], mode: 'append', opd: [{ code: 'EXT-BPJS', confidence: 0.45 }] }],
  },
  {
    id: 'kependudukan',
    label: 'administrasi kependudukan',
    keywords: [
      ...kw(3, 'ktp', 'ktp el', 'e ktp', 'kartu keluarga', 'akta kelahiran', 'akta kematian', 'akta lahir', 'pindah domisili', 'ikd', 'dukcapil', 'disdukcapil'),
      ...kw(2, 'kk', 'blangko', 'perekaman', 'nik', 'domisili', 'kartu identitas anak'),
    ],
    baseScore: 36,
    opd: [{ code: 'DISDUKCAPIL', confidence: 0.92 }],
  },
  {
    id: 'bansos',
    label: 'bantuan sosial',
    keywords: [
      ...kw(3, 'bansos', 'bantuan sosial', 'pkh', 'dtks', 'blt', 'odgj', 'manusia silver'),
      ...kw(2, 'gelandangan', 'pengemis', 'anak jalanan', 'mbr', 'pbi', 'orang terlantar', 'terlantar'),
    ],
    baseScore: 40,
    opd: [{ code: 'DINSOS', confidence: 0.88 }],
  },
  {
    id: 'ketertiban',
    label: 'ketertiban umum',
    keywords: [
      ...kw(3, 'pkl', 'pedagang kaki lima', 'bangunan liar', 'miras', 'minuman keras', 'reklame liar', 'spanduk liar'),
      ...kw(2, 'tempat hiburan', 'karaoke', 'baliho', 'pengamen', 'berisik', 'ketertiban', 'satpol pp'),
    ],
    baseScore: 40,
    opd: [{ code: 'SATPOLPP', confidence: 0.88 }],
  },
  {
    id: 'pasar_harga',
    label: 'pasar dan harga',
    keywords: [
      ...kw(3, 'minyak goreng', 'gas elpiji', 'gas melon', 'elpiji', 'harga beras', 'harga cabai', 'harga bahan pokok', 'sembako mahal'),
      ...kw(2, 'sembako', 'harga naik', 'pasar tradisional', 'los pasar', 'pedagang pasar', 'revitalisasi pasar'),
      // Markets are named in fire and traffic reports too: alone, "pasar" says little.
      ...kw(1, 'pasar', 'kios', 'pedagang'),
    ],
    baseScore: 38,
    opd: [{ code: 'DISDAGIN', confidence: 0.85 }],
  },
  {
    id: 'pendidikan',
    label: 'pendidikan',
    keywords: [...kw(3, 'ppdb', 'spmb', 'pungli sekolah', 'zonasi', 'kip'), ...kw(2, 'sekolah', 'guru', 'siswa', 'murid', 'sd negeri', 'smp negeri')],
    baseScore: 38,
    opd: [{ code: 'DISDIK', confidence: 0.88 }],
    routing: [{ whenAny: ['sma', 'smk', 'sma negeri', 'smk negeri'], mode: 'append', opd: [{ code: 'EXT-JABAR', confidence: 0.5 }] }],
  },
  {
    id: 'perlindungan_anak_perempuan',
    label: 'perlindungan perempuan dan anak',
    keywords: [
      ...kw(3, 'kdrt', 'kekerasan anak', 'kekerasan terhadap anak', 'kekerasan seksual', 'perundungan', 'bullying', 'pernikahan anak', 'pelecehan', 'pelecehan seksual'),
      ...kw(2, 'dipukuli', 'dianiaya', 'kekerasan'),
    ],
    baseScore: 62,
    opd: [{ code: 'DP3A', confidence: 0.88 }],
    routing: [{ whenAny: ['pelecehan', 'kekerasan seksual', 'pencabulan', 'dianiaya'], mode: 'append', opd: [{ code: 'EXT-POLRI', confidence: 0.5 }] }],
  },
  {
    id: 'taman_permukiman',
    label: 'taman, pemakaman, permukiman',
    keywords: [
      ...kw(3, 'tpu', 'pemakaman', 'rumah tidak layak huni', 'rutilahu', 'rusunawa', 'taman kota', 'psu perumahan'),
      ...kw(2, 'taman', 'makam', 'pemangkasan'),
    ],
    baseScore: 35,
    opd: [{ code: 'DPKP', confidence: 0.85 }],
  },
  {
    id: 'perizinan',
    label: 'perizinan',
    keywords: [...kw(3, 'perizinan', 'izin usaha', 'pbg', 'imb', 'oss', 'nib'), ...kw(2, 'izin', 'mpp', 'mal pelayanan publik')],
    baseScore: 34,
    opd: [{ code: 'DPMPTSP', confidence: 0.85 }],
  },
  {
    id: 'pajak_daerah',
    label: 'pajak daerah',
    keywords: [...kw(3, 'pbb', 'pajak daerah', 'pajak restoran', 'pajak hotel', 'pajak parkir', 'bapenda'), ...kw(2, 'pajak')],
    baseScore: 34,
    opd: [{ code: 'BAPENDA', confidence: 0.85 }],
  },
  {
    id: 'tenaga_kerja',
    label: 'tenaga kerja',
    keywords: [...kw(3, 'lowongan kerja', 'loker', 'phk', 'pelatihan kerja', 'umk', 'kartu kuning'), ...kw(2, 'upah', 'pengangguran', 'pesangon')],
    baseScore: 34,
    opd: [{ code: 'DISNAKER', confidence: 0.85 }],
  },
  {
    id: 'umkm',
    label: 'UMKM dan koperasi',
    keywords: [...kw(3, 'umkm', 'koperasi', 'bantuan usaha', 'modal usaha'), ...kw(2, 'usaha kecil', 'pelaku usaha')],
    baseScore: 32,
    opd: [{ code: 'DISKOPUKM', confidence: 0.85 }],
  },
  {
    id: 'wisata_budaya',
    label: 'wisata dan budaya',
    keywords: [...kw(3, 'cagar budaya', 'tempat wisata', 'objek wisata', 'destinasi wisata'), ...kw(2, 'wisata', 'event', 'festival', 'konser', 'museum')],
    baseScore: 30,
    opd: [{ code: 'DISBUDPAR', confidence: 0.82 }],
  },
  {
    id: 'olahraga_pemuda',
    label: 'olahraga dan kepemudaan',
    keywords: [...kw(3, 'gor', 'gelanggang olahraga', 'kepemudaan', 'karang taruna'), ...kw(2, 'lapangan olahraga', 'olahraga', 'atlet')],
    baseScore: 30,
    opd: [{ code: 'DISPORA', confidence: 0.82 }],
  },
  {
    id: 'tata_ruang',
    label: 'tata ruang dan bangunan',
    keywords: [...kw(3, 'tata ruang', 'sempadan', 'bangunan melanggar', 'alih fungsi lahan', 'kawasan bandung utara', 'kbu'), ...kw(2, 'gedung pemerintah', 'alih fungsi')],
    baseScore: 34,
    opd: [{ code: 'DISTARU', confidence: 0.82 }],
  },
  {
    id: 'kepegawaian',
    label: 'ASN dan pelayanan pegawai',
    keywords: [...kw(3, 'asn', 'pns', 'cpns', 'pppk', 'pegawai pemkot'), ...kw(2, 'pegawai', 'honorer', 'oknum pegawai', 'pungli', 'tidak disiplin')],
    baseScore: 36,
    opd: [{ code: 'BKPSDM', confidence: 0.8 }],
  },
  {
    id: 'layanan_digital',
    label: 'layanan digital Pemkot',
    keywords: [...kw(3, 'wifi', 'wi fi', 'website pemkot', 'web pemkot', 'aplikasi pemkot', 'situs pemkot'), ...kw(2, 'website', 'aplikasi', 'server down', 'error')],
    baseScore: 32,
    opd: [{ code: 'DISKOMINFO', confidence: 0.82 }],
  },
  {
    id: 'perpustakaan',
    label: 'perpustakaan dan arsip',
    keywords: [...kw(3, 'perpustakaan', 'dispusip'), ...kw(2, 'arsip', 'buku perpustakaan')],
    baseScore: 28,
    opd: [{ code: 'DISPUSIP', confidence: 0.82 }],
  },
  {
    id: 'konflik_sosial',
    label: 'konflik sosial',
    keywords: [...kw(3, 'ormas', 'isu sara', 'berbau sara', 'intoleransi', 'konflik sosial'), ...kw(2, 'bentrok', 'bentrokan', 'konflik')],
    baseScore: 50,
    opd: [{ code: 'KESBANGPOL', confidence: 0.8 }],
    routing: [{ whenAny: ['bentrok', 'bentrokan'], mode: 'append', opd: [{ code: 'EXT-POLRI', confidence: 0.5 }] }],
  },
  {
    id: 'pangan_hewan',
    label: 'pangan dan kesehatan hewan',
    keywords: [
      ...kw(3, 'rabies', 'anjing liar', 'digigit anjing', 'hewan ternak', 'urban farming', 'stok pangan', 'penyakit mulut dan kuku', 'pmk'),
      ...kw(2, 'hewan kurban', 'ternak', 'kesehatan hewan'),
    ],
    baseScore: 40,
    opd: [{ code: 'DKPP', confidence: 0.85 }],
  },
  {
    id: 'kereta',
    label: 'kereta dan perlintasan',
    keywords: [...kw(3, 'perlintasan kereta', 'palang pintu kereta', 'kai', 'perlintasan sebidang'), ...kw(2, 'kereta', 'kereta api', 'stasiun', 'palang pintu')],
    baseScore: 40,
    opd: [{ code: 'EXT-KAI', confidence: 0.82 }],
  },
  {
    id: 'provinsi',
    label: 'urusan Provinsi Jawa Barat',
    keywords: [...kw(3, 'samsat', 'pajak kendaraan', 'pajak motor', 'sma negeri', 'smk negeri', 'pemprov jabar', 'pemprov'), ...kw(2, 'jalan provinsi', 'gubernur', 'sma', 'smk')],
    baseScore: 34,
    opd: [{ code: 'EXT-JABAR', confidence: 0.75 }],
    local: false,
  },
  {
    id: 'bpjs',
    label: 'BPJS',
    keywords: [...kw(3, 'bpjs', 'bpjs kesehatan', 'bpjs ketenagakerjaan', 'jkn', 'kis')],
    baseScore: 36,
    opd: [{ code: 'EXT-BPJS', confidence: 0.82 }],
    routing: [{ whenAny: ['pbi'], mode: 'append', opd: [{ code: 'DINSOS', confidence: 0.45 }] }],
  },
  {
    id: 'pimpinan',
    label: 'surat dan kebijakan pimpinan',
    keywords: [...kw(3, 'audiensi', 'undangan wali kota', 'surat untuk wali kota'), ...kw(2, 'wali kota', 'walikota', 'wakil wali kota', 'sekda', 'kebijakan pemkot')],
    baseScore: 32,
    opd: [{ code: 'SETDA', confidence: 0.72 }],
  },
];
