import { BrokerReadiness, MessagingModule } from '@airline/messaging';
import {
  DatabaseModule,
  HealthModule,
  MaintenanceModule,
  MetricsController,
} from '@airline/platform';
import { DynamicModule, Module } from '@nestjs/common';

import { RESERVATION_CONFIG, ReservationConfig } from './config';
import { FlightSeeder } from './flights/flight-seeder';
import { Flight } from './flights/flight.entity';
import { FlightsController } from './flights/flights.controller';
import { CancelReservationWhenRequested } from './messaging/cancellation-requested.consumer';
import { PaymentOutcomeConsumer } from './messaging/payment-outcome.consumer';
import { InitialSchema1764800000000 } from './migrations/1764800000000-initial-schema';
import { HoldExpiryWorker } from './reservations/hold-expiry.worker';
import { Passenger } from './reservations/passenger.entity';
import { ReservationHistoryEntry } from './reservations/reservation-history.entity';
import { Reservation } from './reservations/reservation.entity';
import { ReservationTransitions } from './reservations/reservation-transitions';
import { ReservationsController } from './reservations/reservations.controller';
import { ReservationsService } from './reservations/reservations.service';
import { UiController } from './ui/ui.controller';

@Module({})
export class AppModule {
  static forRoot(config: ReservationConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        DatabaseModule.forRoot(config, {
          entities: [Flight, Reservation, Passenger, ReservationHistoryEntry],
          migrations: [InitialSchema1764800000000],
        }),
        MessagingModule.forRoot('reservation', config),
        HealthModule.forRoot([BrokerReadiness]),
        MaintenanceModule,
      ],
      controllers: [
        FlightsController,
        ReservationsController,
        PaymentOutcomeConsumer,
        CancelReservationWhenRequested,
        MetricsController,
        UiController,
      ],
      providers: [
        { provide: RESERVATION_CONFIG, useValue: config },
        FlightSeeder,
        ReservationsService,
        ReservationTransitions,
        HoldExpiryWorker,
      ],
    };
  }
}
