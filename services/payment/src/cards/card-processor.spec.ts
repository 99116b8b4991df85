import { SimulatedCardProcessor } from './card-processor';

const charge = (cardNumber: string) => ({
  cardNumber,
  expiryMonth: 12,
  expiryYear: 2030,
  cvc: '123',
  amountCents: 10_000,
  currency: 'EUR',
  idempotencyKey: 'k',
});

describe('SimulatedCardProcessor', () => {
  const processor = new SimulatedCardProcessor();

  it('captures 4242 4242 4242 4242', async () => {
    const result = await processor.charge(charge('4242424242424242'));

    expect(result.outcome).toBe('CAPTURED');
  });

  it.each([
    ['4000000000000002', 'card_declined'],
    ['4000000000009995', 'insufficient_funds'],
  ])('declines %s with %s', async (number, reason) => {
    const result = await processor.charge(charge(number));

    expect(result).toEqual({ outcome: 'DECLINED', reason });
  });
});
