import { DEFAULT_RULE_SET } from '../data/default-rule-set';
import { KECAMATAN_PLACES, KELURAHAN_PLACES } from '../data/wilayah.data';
import { createGazetteer } from './gazetteer';
import { createTextNormalizer } from './text-normalizer';

describe('gazetteer', () => {
  const normalizer = createTextNormalizer(DEFAULT_RULE_SET.lexicon);
  const gazetteer = createGazetteer(DEFAULT_RULE_SET.places, DEFAULT_RULE_SET.placeCues, (p) => normalizer.normalize(p).words);
  const locate = (text: string) => {
    const { kecamatan, kelurahan } = gazetteer.resolve(normalizer.normalize(text));
    return { kecamatan, kelurahan };
  };

  const UJUNG_BERUNG = 'KEC-3273120';
  const BUAHBATU = 'KEC-3273090';
  const COBLONG = 'KEC-3273230';

  it.each(['Ujungberung', 'Ujung Berung', 'ujbr', 'kec. Ujung Berung', 'UJUNGBERUNG'])('knows %s as Kecamatan Ujung Berung', (name) => {
    expect(locate(`banjir di ${name}`)).toEqual({ kecamatan: UJUNG_BERUNG, kelurahan: null });
  });

  it.each(['Buah Batu', 'Buahbatu', 'bubat'])('knows %s as Kecamatan Buahbatu', (name) => {
    expect(locate(`macet parah di ${name}`).kecamatan).toBe(BUAHBATU);
  });

  it('takes a kelurahan name to imply its kecamatan', () => {
    expect(locate('air masuk rumah di Cipamokolan')).toEqual({ kecamatan: 'KEC-3273100', kelurahan: 'KEL-3273100002' });
    expect(locate('Dago banjir cileuncang')).toEqual({ kecamatan: COBLONG, kelurahan: 'KEL-3273230006' });
  });

  it('prefers the longest name', () => {
    // Kelurahan Babakan Ciparay, not Kelurahan Babakan, and the kecamatan of the same name.
    expect(locate('banjir di Babakan Ciparay').kecamatan).toBe('KEC-3273020');
    // Pasar Caringin lies in Babakan Ciparay, not in Kelurahan Caringin (Bandung Kulon).
    expect(locate('kebakaran pasar caringin')).toEqual({ kecamatan: 'KEC-3273020', kelurahan: 'KEL-3273020005' });
    expect(locate('macet di caringin')).toEqual({ kecamatan: 'KEC-3273010', kelurahan: 'KEL-3273010005' });
  });

  it('reads "kel." and "kec." to choose between a kelurahan and a kecamatan of the same name', () => {
    expect(locate('banjir di Batununggal')).toEqual({ kecamatan: 'KEC-3273160', kelurahan: null });
    expect(locate('banjir di kel. Batununggal')).toEqual({ kecamatan: 'KEC-3273080', kelurahan: 'KEL-3273080003' });
  });

  it('takes names that are everyday words only after a place cue', () => {
    expect(locate('dirgahayu RI, merdeka!').kecamatan).toBeNull();
    expect(locate('sampah menumpuk di kelurahan Merdeka')).toEqual({ kecamatan: 'KEC-3273170', kelurahan: 'KEL-3273170003' });
  });

  it('maps roads and landmarks to their kecamatan', () => {
    expect(locate('pohon tumbang di Jl. Pasteur')).toEqual({ kecamatan: 'KEC-3273240', kelurahan: 'KEL-3273240005' });
    expect(locate('kemacetan di jln dago')).toEqual({ kecamatan: COBLONG, kelurahan: null });
    expect(locate('kebakaran di Pasar Kosambi').kecamatan).toBe('KEC-3273170');
    expect(locate('ramai di alun-alun bandung').kecamatan).toBe('KEC-3273060');
    expect(locate('macet di Terminal Cicaheum').kelurahan).toBe('KEL-3273150006');
    expect(locate('ada apa di Gasibu').kecamatan).toBe(COBLONG);
    expect(locate('pasar baru rame').kecamatan).toBe('KEC-3273180');
  });

  it('lets the other places in the message decide which stretch of a long road is meant', () => {
    expect(locate('banjir di jl soekarno hatta').kecamatan).toBe('KEC-3273101');
    expect(locate('banjir di soetta dekat Cibiru').kecamatan).toBe('KEC-3273110');
    expect(locate('Jl. Soekarno-Hatta arah Buahbatu banjir').kecamatan).toBe(BUAHBATU);
  });

  it('gives the most named kecamatan when several are named', () => {
    expect(locate('banjir di Cisaranten Kidul, Gedebage, juga di Derwati')).toEqual({ kecamatan: 'KEC-3273101', kelurahan: 'KEL-3273101003' });
  });

  it('answers nothing inside the city for places outside it', () => {
    const found = gazetteer.resolve(normalizer.normalize('banjir di Dayeuhkolot dan Baleendah'));
    expect(found.kecamatan).toBeNull();
    expect(found.outside.map((m) => m.place.code)).toEqual(['OUT-DAYEUHKOLOT', 'OUT-BALEENDAH']);
  });

  it('finds every kecamatan by its name', () => {
    for (const place of KECAMATAN_PLACES) {
      expect([place.name, locate(`warga kecamatan ${place.name} mengeluh`).kecamatan]).toEqual([place.name, place.code]);
    }
  });

  it('finds every kelurahan by its name after "kel."', () => {
    for (const place of KELURAHAN_PLACES) {
      expect([place.name, locate(`warga kel. ${place.name} mengeluh`)]).toEqual([
        place.name,
        { kecamatan: place.kecamatan[0], kelurahan: place.code },
      ]);
    }
  });

  it('says nothing when no place is named', () => {
    expect(locate('air pdam mati dari pagi')).toEqual({ kecamatan: null, kelurahan: null });
  });
});
