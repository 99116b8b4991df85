/** The stack the swarm tests deploy, on ports of its own. */
export const SWARM = {
  stack: process.env.SWARM_STACK_NAME ?? 'airline-swarm-test',
  gatewayPort: Number(process.env.SWARM_GATEWAY_PORT ?? 18_090),
};

export function serviceName(service: string): string {
  return `${SWARM.stack}_${service}`;
}
