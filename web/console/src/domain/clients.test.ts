import { describe, expect, it } from 'vitest';
import { appendPage, clientFromHash, clientHash, describeEvent, formatPoints, overallSatisfaction, personLabel, satisfactionBars } from './clients';

describe('client 360', () => {
  it('routes #/clients/{id} to the client and everything else to the pages', () => {
    const id = '11111111-1111-1111-1111-111111111111';
    expect(clientFromHash(clientHash(id))).toBe(id);
    expect(clientFromHash(`#clients/${id}`)).toBe(id);
    expect(clientFromHash('#/requests')).toBeNull();
    expect(clientFromHash('#/clients/')).toBeNull();
    expect(clientFromHash('#/clients/a/b')).toBeNull();
  });

  it('appends a page of the book without repeating a client already shown', () => {
    const shown = [{ id: 'a' }, { id: 'b' }];
    expect(appendPage(shown, [{ id: 'b' }, { id: 'c' }]).map((c) => c.id)).toEqual(['a', 'b', 'c']);
    expect(appendPage([], [{ id: 'a' }])).toEqual([{ id: 'a' }]);
  });

  it('shows a reason’s points signed to one decimal', () => {
    expect(formatPoints(-31.46)).toBe('−31.5');
    expect(formatPoints(4)).toBe('+4.0');
    expect(formatPoints(0.04)).toBe('±0');
  });

  it('says what happened in words, with the status or department', () => {
    expect(describeEvent({ kind: 'status-changed', status: 'Fulfilled', departmentCode: null })).toBe('Status changed (Fulfilled)');
    expect(describeEvent({ kind: 'work-item-claimed', status: null, departmentCode: 'billing' })).toBe('Claimed (billing)');
    expect(describeEvent({ kind: 'comment', status: null, departmentCode: null })).toBe('Comment');
    expect(describeEvent({ kind: 'something-new', status: null, departmentCode: null })).toBe('something new');
  });

  it('draws months without ratings as empty bars, not as zero scores', () => {
    const bars = satisfactionBars([
      { month: '2026-11', ratings: 0, average: null },
      { month: '2026-12', ratings: 2, average: 5 },
      { month: '2027-01', ratings: 1, average: 1 },
    ]);
    expect(bars.map((b) => [b.label, b.height, b.average])).toEqual([
      ['Nov 26', 0, null],
      ['Dec 26', 100, 5],
      ['Jan 27', 10, 1],
    ]);
  });

  it('averages the months by their number of ratings', () => {
    expect(overallSatisfaction([{ ratings: 3, average: 5 }, { ratings: 1, average: 1 }, { ratings: 0, average: null }])).toBe(4);
    expect(overallSatisfaction([{ ratings: 0, average: null }])).toBeNull();
  });

  it('names a person, or shows their id until their name is known', () => {
    expect(personLabel({ id: 'alice', name: 'Alice Martin' })).toBe('Alice Martin');
    expect(personLabel({ id: 'bob', name: null })).toBe('bob');
  });
});
