import { PhraseTrie } from './phrase-trie';

describe('PhraseTrie', () => {
  const trie = new PhraseTrie<string>();
  trie.add(['terjebak'], 'critical');
  trie.add(['terjebak', 'macet'], 'normal');
  trie.add(['pohon', 'tumbang'], 'tree');
  trie.add(['pohon', 'tumbang', 'menimpa'], 'tree-hit');
  trie.add(['macet'], 'traffic');

  const scan = (text: string) => trie.scan(text.split(' ')).map((m) => [m.start, m.end, [...m.payloads]]);

  it('takes the longest phrase at a position and goes on after it', () => {
    expect(scan('warga terjebak macet di dago')).toEqual([[1, 3, ['normal']]]);
    expect(scan('terjebak banjir lalu macet')).toEqual([
      [0, 1, ['critical']],
      [3, 4, ['traffic']],
    ]);
  });

  it('keeps the shorter phrases a longer one swallowed', () => {
    const [match] = trie.scan(['pohon', 'tumbang', 'menimpa']);
    expect(match.payloads).toEqual(['tree-hit']);
    expect(match.shorter).toEqual([['tree']]);
  });

  it('falls back to a shorter phrase when the longer one does not complete', () => {
    expect(scan('pohon tumbang di jalan')).toEqual([[0, 2, ['tree']]]);
  });

  it('finds nothing in an empty text', () => {
    expect(trie.scan([])).toEqual([]);
  });
});
