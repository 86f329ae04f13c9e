import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import type { TestApp } from '../helpers.js';

export const artifactsDir = path.resolve(import.meta.dirname, 'artifacts');

/** How chromium must start on these offline machines (the browser tests and the Lighthouse bench). */
export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Debian's chromium, started the way this offline machine needs it (no background networking).
 * Playwright gives every launch a fresh, empty profile directory of its own.
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  return chromium.launch({
    executablePath,
    headless: true,
    args: chromiumFlags,
  });
}

/** Serves the test app over real HTTP on a loopback port (a free one unless given); returns its base URL. */
export async function serve(t: TestApp, port = 0): Promise<string> {
  const address = await t.app.listen({ port, host: '127.0.0.1' });
  return address.replace('localhost', '127.0.0.1');
}

/**
 * A loopback port free now, for an app that must know its own address before it listens
 * (PUBLIC_URL: the payment gateway sends the browser back there).
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A phone-sized browser context, in Vietnamese, as most buyers and sellers use it. */
export async function phoneContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({
    baseURL,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'vi-VN',
  });
}

/** Saves a full-page screenshot under test/e2e/artifacts/ (not committed). */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: true });
}
