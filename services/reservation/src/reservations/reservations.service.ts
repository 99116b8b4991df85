import { randomUUID } from 'node:crypto';

import { Outbox } from '@airline/messaging';
import {
  ConflictError,
  createLogger,
  inTransaction,
  NotFoundError,
  UnprocessableError,
} from '@airline/platform';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { RESERVATION_CONFIG } from '../config';
import type { ReservationConfig } from '../config';
import { Flight } from '../flights/flight.entity';
import { CreateReservationDto } from './create-reservation.dto';
import { generateLocator } from './locator';
import { Passenger } from './passenger.entity';
import { Reservation } from './reservation.entity';

const LOCATOR_DRAWS = 5;

@Injectable()
export class ReservationsService {
  private readonly log = createLogger(ReservationsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    @Inject(RESERVATION_CONFIG) private readonly config: ReservationConfig,
  ) {}

  /** Holds seats for the passengers and records the reservation. */
  async create(request: CreateReservationDto): Promise<Reservation> {
    return inTransaction(this.dataSource, (manager) =>
      this.hold(manager, request),
    );
  }

  /** Finds a reservation for a caller who knows a passenger's last name. */
  async findForPassenger(
    locator: string,
    lastName: string,
  ): Promise<Reservation> {
    // find, not findOne: with relations, findOne adds a DISTINCT query to
    // limit the joined rows, and a locator is unique anyway.
    const [reservation] = await this.dataSource
      .getRepository(Reservation)
      .find({
        where: { locator: locator.toUpperCase() },
        relations: { passengers: true, history: true },
      });
    const name = lastName.trim().toLocaleLowerCase();
    const known = reservation?.passengers.some(
      (passenger) => passenger.lastName.toLocaleLowerCase() === name,
    );
    if (!reservation || !name || !known) {
      // One answer for both: a locator must not be confirmed by guessing.
      throw new NotFoundError(
        'RESERVATION_NOT_FOUND',
        'No reservation matches this locator and last name.',
      );
    }
    return reservation;
  }

  private async hold(
    manager: EntityManager,
    request: CreateReservationDto,
  ): Promise<Reservation> {
    const flight = await this.bookableFlight(manager, request.flightId);
    const seats = request.passengers.length;
    const reservation = this.newReservation(flight, request);

    await this.insertWithFreeLocator(manager, reservation);
    // A plain insert: save() would first select what it is about to insert.
    await manager.insert(Passenger, reservation.passengers);
    await manager.query(
      `INSERT INTO reservation_history
         (reservation_id, from_status, to_status, actor, reason)
       VALUES ($1, NULL, 'AWAITING_PAYMENT', 'customer', 'seats held')`,
      [reservation.id],
    );
    await this.outbox.record(manager, 'ReservationCreated', reservation.id, {
      reservationId: reservation.id,
      locator: reservation.locator,
      flightId: flight.id,
      flightNumber: flight.flightNumber,
      departureAt: flight.departureAt.toISOString(),
      passengerLastNames: request.passengers.map((p) => p.lastName),
      amountCents: reservation.amountCents,
      currency: reservation.currency,
      holdExpiresAt: reservation.holdExpiresAt.toISOString(),
    });

    // Last before COMMIT, so the flight's row lock is held for the least time.
    await this.takeSeats(manager, flight.id, seats);
    this.log.info(
      { reservationId: reservation.id, locator: reservation.locator, seats },
      'Held seats',
    );
    return reservation;
  }

  /**
   * A locator drawn twice inserts nothing rather than failing, so the
   * transaction stays usable and needs no savepoint to draw again.
   */
  private async insertWithFreeLocator(
    manager: EntityManager,
    reservation: Reservation,
  ): Promise<void> {
    for (let draw = 1; draw <= LOCATOR_DRAWS; draw++) {
      const { raw } = await manager
        .createQueryBuilder()
        .insert()
        .into(Reservation)
        .values(reservation)
        .orIgnore()
        .execute();
      if ((raw as unknown[]).length === 1) {
        return;
      }
      reservation.locator = generateLocator();
    }
    throw new Error(`No free locator in ${LOCATOR_DRAWS} draws`);
  }

  private async bookableFlight(
    manager: EntityManager,
    flightId: string,
  ): Promise<Flight> {
    const flight = await manager.findOneBy(Flight, { id: flightId });
    if (!flight) {
      throw new NotFoundError('FLIGHT_NOT_FOUND', 'No flight has this id.');
    }
    if (flight.departureAt.getTime() <= Date.now()) {
      throw new UnprocessableError(
        'FLIGHT_DEPARTED',
        'This flight has already departed.',
      );
    }
    return flight;
  }

  /** One conditional update: it either takes every seat asked for or none. */
  private async takeSeats(
    manager: EntityManager,
    flightId: string,
    seats: number,
  ): Promise<void> {
    const [, updated] = (await manager.query(
      `UPDATE flights SET seats_available = seats_available - $2
       WHERE id = $1 AND seats_available >= $2 AND departure_at > now()`,
      [flightId, seats],
    )) as [unknown, number];
    if (updated !== 1) {
      throw new ConflictError(
        'SEATS_UNAVAILABLE',
        `The flight has fewer than ${seats} seats left.`,
      );
    }
  }

  private newReservation(
    flight: Flight,
    request: CreateReservationDto,
  ): Reservation {
    const id = randomUUID();
    return Object.assign(new Reservation(), {
      id,
      locator: generateLocator(),
      flightId: flight.id,
      status: 'AWAITING_PAYMENT',
      passengerCount: request.passengers.length,
      amountCents: flight.fareCents * request.passengers.length,
      currency: flight.currency,
      holdExpiresAt: new Date(Date.now() + this.config.HOLD_MINUTES * 60_000),
      paymentId: null,
      passengers: request.passengers.map((passenger, position) => ({
        id: randomUUID(),
        reservationId: id,
        position,
        firstName: passenger.firstName,
        lastName: passenger.lastName,
        email: passenger.email,
      })),
    });
  }
}
