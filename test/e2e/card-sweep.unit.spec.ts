import { findings } from './card-sweep';

describe('findings', () => {
  it('finds a Luhn-valid number, bare or grouped', () => {
    const text = 'a 4242424242424242 b 4000 0000 0000 0002 c';

    expect(findings('x', text)).toEqual([
      'x: a card number ending 4242',
      'x: a card number ending 0002',
    ]);
  });

  it('ignores digit runs that fail the Luhn check or are too short', () => {
    expect(findings('x', '4242424242424241 424242424242 2026-12-04')).toEqual(
      [],
    );
  });

  it('ignores the digit groups of a UUID', () => {
    // 3994-4836-9380-9683 passes Luhn; a run failed on an id like this one.
    expect(findings('x', 'id 1b473bba-3994-4836-9380-9683debae3f8')).toEqual(
      [],
    );
  });

  it('finds a number in a JSON string or after an equals sign', () => {
    expect(
      findings('x', '{"number":"4242424242424242"} pan=4000-0000-0000-0002'),
    ).toEqual(['x: a card number ending 4242', 'x: a card number ending 0002']);
  });

  it('finds a CVC field', () => {
    expect(findings('x', '{"cvc":"123"}')).toEqual(['x: a CVC field']);
  });
});
