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

  it('finds a CVC field', () => {
    expect(findings('x', '{"cvc":"123"}')).toEqual(['x: a CVC field']);
  });
});
