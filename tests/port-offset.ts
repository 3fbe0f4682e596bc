// Test and bench stacks listen on fixed ports; HUB_TEST_PORT_OFFSET shifts them all, so
// two checkouts of the hub can run their tests on one machine at once.
const offset = Number(process.env.HUB_TEST_PORT_OFFSET ?? 0) || 0;

/** `port` moved by HUB_TEST_PORT_OFFSET (0 unless set). */
export const testPort = (port: number): number => port + offset;

/** Every port of a stack's set moved by HUB_TEST_PORT_OFFSET. */
export function testPorts<T extends Record<string, number>>(ports: T): T {
  return Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, testPort(v)])) as T;
}
