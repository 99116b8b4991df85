import {
  Controller,
  DynamicModule,
  Get,
  HttpCode,
  Inject,
  Injectable,
  Module,
  ServiceUnavailableException,
  Type,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DataSource } from 'typeorm';

/** One dependency `GET /health/ready` asks about. */
export interface ReadinessCheck {
  readonly name: string;
  check(): Promise<boolean>;
}

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

@Injectable()
export class DatabaseReadiness implements ReadinessCheck {
  readonly name = 'database';

  constructor(private readonly dataSource: DataSource) {}

  async check(): Promise<boolean> {
    await this.dataSource.query('SELECT 1');
    return true;
  }
}

type CheckResults = Record<string, 'up' | 'down'>;

@ApiExcludeController()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[],
  ) {}

  /** The process is alive; restarting it would not help anything else. */
  @Get('live')
  @HttpCode(200)
  live(): { status: 'up' } {
    return { status: 'up' };
  }

  @Get('ready')
  async ready(): Promise<{ status: 'up'; checks: CheckResults }> {
    const results: CheckResults = {};
    await Promise.all(
      this.checks.map(async (check) => {
        const up = await withTimeout(check.check(), 2_000).catch(() => false);
        results[check.name] = up ? 'up' : 'down';
      }),
    );
    if (Object.values(results).includes('down')) {
      throw new ServiceUnavailableException({
        message: `Not ready: ${describeDown(results)}`,
      });
    }
    return { status: 'up', checks: results };
  }
}

function describeDown(results: CheckResults): string {
  return Object.entries(results)
    .filter(([, state]) => state === 'down')
    .map(([name]) => `${name} down`)
    .join(', ');
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), ms);
    work.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

@Module({})
export class HealthModule {
  /** Readiness asks each given check; their classes must be injectable here. */
  static forRoot(checks: Type<ReadinessCheck>[]): DynamicModule {
    return {
      module: HealthModule,
      controllers: [HealthController],
      providers: [
        DatabaseReadiness,
        {
          provide: READINESS_CHECKS,
          useFactory: (...instances: ReadinessCheck[]) => instances,
          inject: [DatabaseReadiness, ...checks],
        },
      ],
    };
  }
}
