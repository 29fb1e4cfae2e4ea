import { describe, expect, it } from 'vitest';
import { statusRequestOf, validateStatusForm } from './forward-form';

describe('validateStatusForm', () => {
  it('requires a target OPD and a reason for bukan wewenang', () => {
    expect(validateStatusForm({ status: 'bukan_wewenang', reason: '  ', forwardTo: '' }, ['DLH'])).toEqual({
      reason: 'required',
      forwardTo: 'required',
    });
    expect(validateStatusForm({ status: 'bukan_wewenang', reason: 'lampu lalu lintas', forwardTo: 'DISHUB' }, ['DLH'])).toEqual({});
  });

  it('refuses forwarding to the only OPD it is already routed to', () => {
    expect(validateStatusForm({ status: 'bukan_wewenang', reason: 'x', forwardTo: 'DLH' }, ['DLH']).forwardTo).toBe('sameOpd');
  });

  it('takes an optional reason for the other statuses, bounded like the server', () => {
    expect(validateStatusForm({ status: 'selesai', reason: '', forwardTo: '' }, ['DLH'])).toEqual({});
    expect(validateStatusForm({ status: 'spam', reason: 'x'.repeat(1001), forwardTo: '' }, ['DLH'])).toEqual({ reason: 'tooLong' });
  });
});

describe('statusRequestOf', () => {
  it('sends the reason only when given and the target only when forwarding', () => {
    expect(statusRequestOf({ status: 'selesai', reason: ' ', forwardTo: 'DISHUB' })).toEqual({ status: 'selesai' });
    expect(statusRequestOf({ status: 'bukan_wewenang', reason: ' urusan dishub ', forwardTo: 'DISHUB' })).toEqual({
      status: 'bukan_wewenang',
      reason: 'urusan dishub',
      forwardTo: 'DISHUB',
    });
  });
});
