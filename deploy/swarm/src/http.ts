/**
 * True when `url` answers 2xx within `timeoutMs`. The deadline is an
 * ordinary (ref'd) timer on purpose: right after `docker swarm init` a fetch
 * can hang in a state where undici holds no ref'd handle, and with
 * `AbortSignal.timeout`'s unref'd timer nothing then keeps Node alive. A
 * Jest global setup waiting on it simply ended, with exit code 0, and no
 * test ran.
 */
export async function answersOk(
  url: string,
  timeoutMs = 5_000,
): Promise<boolean> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const answer = await fetch(url, { signal: controller.signal });
    await answer.arrayBuffer();
    return answer.ok;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
