import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { BrowserContext, chromium, Page } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = join(__dirname, '../../test-output/screenshots');

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** A page and everything it did that a user should never see. */
export interface Tab {
  readonly page: Page;
  /** Dialogs opened, uncaught errors, and console errors such as CSP's. */
  readonly problems: string[];
}

/**
 * Debian's Chromium, headless, with a fresh profile per test file: no
 * download, no first-run or background traffic, nothing left behind.
 */
export class Browser {
  private constructor(
    private readonly context: BrowserContext,
    private readonly profile: string,
  ) {}

  static async launch(): Promise<Browser> {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `${CHROMIUM} is missing; run \`bash tools/ensure-chromium.sh\``,
      );
    }
    const profile = mkdtempSync(join(tmpdir(), 'airline-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: DESKTOP,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    context.setDefaultTimeout(15_000);
    return new Browser(context, profile);
  }

  async open(url: string, viewport = DESKTOP): Promise<Tab> {
    const page = await this.context.newPage();
    const problems: string[] = [];
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => problems.push(`error: ${error.message}`));
    page.on('console', (message) => {
      // Chromium logs every 4xx answer to fetch; those are expected here.
      if (
        message.type() === 'error' &&
        !message.text().startsWith('Failed to load resource')
      ) {
        problems.push(`console: ${message.text()}`);
      }
    });
    await page.setViewportSize(viewport);
    await page.goto(url);
    return { page, problems };
  }

  async close(): Promise<void> {
    await this.context.close();
    rmSync(this.profile, { recursive: true, force: true });
  }
}

/** Saves the whole page under test-output/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({
    path: join(SCREENSHOTS, `${name}.png`),
    fullPage: true,
  });
}
