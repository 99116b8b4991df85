import { BrokerReadiness, MessagingModule } from '@airline/messaging';
import {
  DatabaseModule,
  HealthModule,
  MaintenanceModule,
  MetricsController,
} from '@airline/platform';
import { DynamicModule, Module } from '@nestjs/common';

import { Cancellation } from './cancellations/cancellation.entity';
import { CancellationsController } from './cancellations/cancellations.controller';
import { CancellationsService } from './cancellations/cancellations.service';
import { CANCELLATION_CONFIG, CancellationConfig } from './config';
import { BookingTracker } from './messaging/booking-tracker.consumer';
import { CompleteCancellationConsumer } from './messaging/complete-cancellation.consumer';
import { InitialSchema1764800000000 } from './migrations/1764800000000-initial-schema';
import { Booking } from './reservations/booking.entity';
import { UiController } from './ui/ui.controller';

@Module({})
export class AppModule {
  static forRoot(config: CancellationConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        DatabaseModule.forRoot(config, {
          entities: [Booking, Cancellation],
          migrations: [InitialSchema1764800000000],
        }),
        MessagingModule.forRoot('cancellation', config),
        HealthModule.forRoot([BrokerReadiness]),
        MaintenanceModule,
      ],
      controllers: [
        CancellationsController,
        BookingTracker,
        CompleteCancellationConsumer,
        MetricsController,
        UiController,
      ],
      providers: [
        { provide: CANCELLATION_CONFIG, useValue: config },
        CancellationsService,
      ],
    };
  }
}
