import { Announcements } from '@airline/platform';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** NOTIFYed with a booking's locator when its copy is recorded here. */
export const BOOKING_RECORDED = 'booking_recorded';

/**
 * A payment sent right after its reservation was made usually arrives
 * before the reservation's event; it waits here, woken the moment any
 * replica records the booking rather than at its next poll.
 */
@Injectable()
export class BookingArrivals extends Announcements {
  constructor(dataSource: DataSource) {
    super(dataSource, BOOKING_RECORDED);
  }
}
