import { z } from 'zod';

export const Currency = z.string().regex(/^[A-Z]{3}$/);

export const Locator = z
  .string()
  .regex(/^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{6}$/);

export const Uuid = z.uuid();

export const IsoDateTime = z.iso.datetime({ offset: true });

export const AmountCents = z.number().int().nonnegative();
