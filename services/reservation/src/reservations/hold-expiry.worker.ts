import { Outbox } from '@airline/messaging';
import { createLogger } from '@airline/platform';
import {
  Inject,
  Injectable,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';

import { RESERVATION_CONFIG } from '../config';
import type { ReservationConfig } from '../config';
import { Reservation } from './reservation.entity';
import { ReservationTransitions } from './reservation-transitions';

const BATCH_SIZE = 100;

/**
 * Expires unpaid holds. Each sweep locks the holds it takes and skips those
 * another replica holds, so every hold expires exactly once.
 */
@Injectable()
export class HoldExpiryWorker
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly log = createLogger(HoldExpiryWorker.name);
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<number>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transitions: ReservationTransitions,
    private readonly outbox: Outbox,
    @Inject(RESERVATION_CONFIG) private readonly config: ReservationConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (!this.sweeping) {
        this.sweeping = this.sweep()
          .catch((error: Error) => {
            this.log.warn({ reason: error.message }, 'Hold sweep failed');
            return 0;
          })
          .finally(() => (this.sweeping = undefined));
      }
    }, this.config.HOLD_SWEEP_INTERVAL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  /** Expires one batch of overdue holds; returns how many it expired. */
  async sweep(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const overdue = await manager
        .createQueryBuilder(Reservation, 'r')
        .where(`r.status = 'AWAITING_PAYMENT'`)
        .andWhere('r.hold_expires_at <= now()')
        .orderBy('r.hold_expires_at')
        .limit(BATCH_SIZE)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();

      for (const reservation of overdue) {
        await this.transitions.apply(manager, reservation, {
          to: 'EXPIRED',
          actor: 'hold-expiry',
          reason: 'hold expired before payment',
        });
        await this.outbox.record(
          manager,
          'ReservationExpired',
          reservation.id,
          {
            reservationId: reservation.id,
            locator: reservation.locator,
          },
        );
      }
      return overdue.length;
    });
  }
}
