import { BrokerReadiness, MessagingModule } from '@airline/messaging';
import {
  DatabaseModule,
  HealthModule,
  MaintenanceModule,
  MetricsController,
} from '@airline/platform';
import { DynamicModule, Module } from '@nestjs/common';

import { CardProcessor, SimulatedCardProcessor } from './cards/card-processor';
import { PAYMENT_CONFIG, PaymentConfig } from './config';
import { BookingTracker } from './messaging/booking-tracker.consumer';
import { RefundPaymentConsumer } from './messaging/refund-payment.consumer';
import { InitialSchema1764800000000 } from './migrations/1764800000000-initial-schema';
import { Payment } from './payments/payment.entity';
import { PaymentsController } from './payments/payments.controller';
import { PaymentsService } from './payments/payments.service';
import { Refund } from './payments/refund.entity';
import { BookingArrivals } from './reservations/booking-arrivals';
import { Booking } from './reservations/booking.entity';
import { UiController } from './ui/ui.controller';

@Module({})
export class AppModule {
  static forRoot(config: PaymentConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        DatabaseModule.forRoot(config, {
          entities: [Booking, Payment, Refund],
          migrations: [InitialSchema1764800000000],
        }),
        MessagingModule.forRoot('payment', config),
        HealthModule.forRoot([BrokerReadiness]),
        MaintenanceModule,
      ],
      controllers: [
        PaymentsController,
        BookingTracker,
        RefundPaymentConsumer,
        MetricsController,
        UiController,
      ],
      providers: [
        { provide: PAYMENT_CONFIG, useValue: config },
        { provide: CardProcessor, useClass: SimulatedCardProcessor },
        PaymentsService,
        BookingArrivals,
      ],
    };
  }
}
