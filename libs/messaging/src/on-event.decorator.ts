import { EventName, Events } from '@airline/contracts';
import { EventPattern } from '@nestjs/microservices';

/**
 * `@EventPattern` for an event of the catalogue, named by its catalogue key
 * so a typo fails to compile. The handler receives `(@Payload(), @Ctx())`.
 */
export function OnEvent(name: EventName): MethodDecorator {
  return EventPattern<string>(Events[name].type);
}
