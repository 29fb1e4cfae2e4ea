/// <reference lib="dom" />
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium; no browser is downloaded. */
export const CHROMIUM_PATH = process.env.SIGAP_TEST_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run', '--disable-sync'];

export const LAPTOP = { width: 1366, height: 768 };
export const PHONE = { width: 390, height: 844 };
export const BROWSER_WAIT_MS = 30_000;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface SignedInPage {
  page: Page;
  /** Uncaught page errors, console errors and HTTP responses >= 400 seen so far, one line each. */
  errors: string[];
  /** Uncaught page errors only: for tests where a refused request (a 409 claim) is expected. */
  pageErrors: string[];
}

export interface SignInOptions {
  email: string;
  password: string;
  viewport?: { width: number; height: number };
  /** Open this path after signing in (the app lands on the inbox otherwise). */
  path?: string;
}

/**
 * A fresh context (Indonesian locale, Jakarta time) signed in through the login page, as a user
 * would; every page, console and HTTP error is collected so a test can require there were none.
 */
export async function signInPage(browser: Browser, baseUrl: string, options: SignInOptions): Promise<SignedInPage> {
  const context = await browser.newContext({ viewport: options.viewport ?? LAPTOP, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  const page = await context.newPage();
  page.setDefaultTimeout(BROWSER_WAIT_MS);
  const errors: string[] = [];
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => {
    pageErrors.push(error.message);
    errors.push(`pageerror: ${error.message}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`http ${response.status()}: ${response.request().method()} ${new URL(response.url()).pathname}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-email').fill(options.email);
  await page.getByTestId('login-password').fill(options.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  if (options.path) await page.goto(`${baseUrl}${options.path}`);
  return { page, errors, pageErrors };
}
