import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { collectDefaultMetrics, register } from 'prom-client';

let collecting = false;

@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor() {
    if (!collecting) {
      collectDefaultMetrics();
      collecting = true;
    }
  }

  /** Prometheus text format: process, HTTP and messaging figures. */
  @Get()
  @Header('Content-Type', register.contentType)
  async metrics(): Promise<string> {
    return register.metrics();
  }
}
