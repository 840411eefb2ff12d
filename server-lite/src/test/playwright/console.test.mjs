// Browser test of the Braid admin console: Debian's chromium, driven by playwright-core, against a
// real server-lite started by ConsoleBrowserTest (which also enrolls devices on request, through the
// "driver" URL, with Braid's real enrollment client). Every step asserts what a user would check.
//
// Environment (set by ConsoleBrowserTest):
//   BRAID_URL            https://127.0.0.1:PORT (the manager)
//   BRAID_SPKI           base64 SHA-256 of the manager certificate's public key (pinned in chromium)
//   BRAID_ADMIN_TOKEN    the bootstrap admin token
//   BRAID_DRIVER_URL     http://127.0.0.1:PORT of the test driver (enroll, manager clock)
//   BRAID_CHROMIUM       chromium binary (default /usr/bin/chromium)
//   BRAID_USER_DATA_DIR  a fresh, empty profile directory
//   BRAID_SCREENSHOTS    where page screenshots go
//   BRAID_RESULTS        where the JSON results (page-load figures, steps) go

import {chromium} from 'playwright-core';
import {createHmac} from 'node:crypto';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import assert from 'node:assert/strict';

const env = (name, fallback) => {
  const v = process.env[name] ?? fallback;
  if (!v) throw new Error('missing environment variable ' + name);
  return v;
};
const BASE = env('BRAID_URL').replace(/\/$/, '');
const CONSOLE = BASE + '/console/';
const SPKI = env('BRAID_SPKI');
const TOKEN = env('BRAID_ADMIN_TOKEN');
const DRIVER = env('BRAID_DRIVER_URL').replace(/\/$/, '');
const SHOTS = env('BRAID_SCREENSHOTS');
const RESULTS = env('BRAID_RESULTS');
mkdirSync(SHOTS, {recursive: true});

const results = {steps: [], pageLoad: {}};
const step = (name) => { results.steps.push(name); console.log('step: ' + name); };

// ---- the test driver: devices and the manager's clock ----
async function driver(path, body) {
  const r = await fetch(DRIVER + path, {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body || {})});
  assert.equal(r.status, 200, 'driver ' + path + ': ' + await r.clone().text());
  return r.json();
}

// RFC 6238 TOTP computed here, independently of the server's code, at the manager's (test-controlled) time.
function base32(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of text.replace(/=+$/, '')) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}
async function totp(secret) {
  const {epochSeconds} = await driver('/now');
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(epochSeconds / 30)));
  const mac = createHmac('sha1', base32(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

// ---- page helpers ----
async function rendered(page, pagePath) {
  await page.waitForFunction((p) => performance.getEntriesByName('braid:page-rendered').some((m) => m.detail === p),
    pagePath, {timeout: 10_000});
}

async function go(page, pagePath) {
  await page.evaluate(() => performance.clearMarks('braid:page-rendered'));
  await page.evaluate((p) => { location.hash = '#/' + p; }, pagePath);
  await rendered(page, pagePath.split('/')[0]);
}

async function shot(page, name) {
  await page.evaluate(() => document.getElementById('toasts').replaceChildren()); // passing notifications are not the page
  await page.screenshot({path: join(SHOTS, name + '.png'), fullPage: true});
}

/** Every form control has a label, every button a name, every image an alt, one h1: checked on each page. */
async function accessible(page, where) {
  const problems = await page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll('input, select, textarea')) {
      if (el.type === 'hidden' || el.closest('[hidden]')) continue;
      if (!el.labels?.length && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby')) out.push('unlabelled ' + el.outerHTML.slice(0, 80));
    }
    for (const b of document.querySelectorAll('button, a[href]')) {
      if (!(b.textContent.trim() || b.getAttribute('aria-label'))) out.push('nameless ' + b.outerHTML.slice(0, 80));
    }
    for (const img of document.querySelectorAll('img')) if (!img.hasAttribute('alt')) out.push('img without alt');
    if (document.querySelectorAll('main h1').length !== 1) out.push(document.querySelectorAll('main h1').length + ' h1 in main');
    return out;
  });
  assert.deepEqual(problems, [], 'accessibility problems on ' + where);
}

/** A request from this page's own script, as an attacker's script could not make it (or could, without the token). */
function pageFetch(page, method, path, {csrf = 'cookie', body} = {}) {
  return page.evaluate(async ({method, path, csrf, body}) => {
    const cookie = (document.cookie.split('; ').find((c) => c.startsWith('__Host-braid_csrf=')) || '').split('=')[1] || '';
    const headers = {'Content-Type': 'application/json'};
    if (csrf === 'cookie') headers['X-Braid-CSRF'] = cookie;
    else if (csrf) headers['X-Braid-CSRF'] = csrf;
    const r = await fetch(path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body)});
    const text = await r.text();
    let json = null;
    try { json = JSON.parse(text); } catch (e) { /* not JSON */ }
    return {status: r.status, json};
  }, {method, path, csrf, body});
}

async function signInWithPassword(page, username, password, secret) {
  // A code works once: like a user waiting for the app's next code, move the manager's clock a step on.
  await driver('/advance', {seconds: 30});
  await page.getByLabel('Username').fill(username);
  // The rest by keyboard, as a user would: tab through the form and press Enter.
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Tab');
  await page.keyboard.type(await totp(secret));
  await page.keyboard.press('Enter');
  await page.locator('#whoami').filter({hasText: 'user:' + username}).waitFor();
}

async function signOut(page) {
  await page.getByRole('button', {name: 'Sign out'}).click();
  await page.getByRole('heading', {name: 'Sign in to Braid'}).waitFor();
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// ---- the run ----
const context = await chromium.launchPersistentContext(env('BRAID_USER_DATA_DIR'), {
  executablePath: env('BRAID_CHROMIUM', '/usr/bin/chromium'),
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--ignore-certificate-errors-spki-list=' + SPKI],
  viewport: {width: 1280, height: 860},
  colorScheme: 'light',
  acceptDownloads: true,
});
const page = context.pages()[0] || await context.newPage();
const requests = [];
page.on('request', (r) => requests.push({url: r.url(), method: r.method(), at: Date.now()}));
const consoleErrors = [];
// The refusals this test provokes on purpose (400, 401, 403) show up as failed loads; anything else is a bug.
page.on('console', (m) => { if (m.type() === 'error' && !/the server responded with a status of 40[013]/.test(m.text())) consoleErrors.push(m.text()); });
page.on('pageerror', (e) => consoleErrors.push(String(e)));

try {
  // 1. First visit, empty cache: the sign-in page. Its TLS certificate is the manager's, pinned by key.
  // The browser and the server have just started; one request to /healthz first stands for "both have
  // been running a while", so the figure is the console's first visit, not a browser's first start.
  await page.goto(BASE + '/healthz');
  await page.goto(CONSOLE);
  await rendered(page, 'signin');
  results.pageLoad.coldSignInMs = await page.evaluate(() => performance.getEntriesByName('braid:page-rendered')[0].startTime);
  results.pageLoad.coldTimeline = await page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0];
    return [{name: 'document', requestStart: n.requestStart, responseEnd: n.responseEnd, connectMs: n.connectEnd - n.connectStart}]
      .concat(performance.getEntriesByType('resource').map((r) => ({name: r.name.replace(/^https:\/\/[^/]+/, ''),
        start: Math.round(r.startTime), end: Math.round(r.responseEnd)})));
  });
  await accessible(page, 'sign-in');
  assert.equal(await page.getByRole('button', {name: 'Sign out'}).isVisible(), false, 'no sign-out button before signing in');
  await shot(page, 'signin');
  step('sign-in page loads from the jar in ' + Math.round(results.pageLoad.coldSignInMs) + ' ms (first visit, empty cache)');

  // 2. The first sign-in uses the admin token and lands on "create the first admin account".
  await page.getByText('Sign in with the admin token').click();
  await page.getByLabel('Admin token').fill(TOKEN);
  await page.getByRole('button', {name: 'Sign in with token'}).click();
  await page.getByRole('heading', {name: 'Create the first admin account'}).waitFor();
  await rendered(page, 'accounts');
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === '__Host-braid_session');
  assert.ok(session && session.httpOnly && session.secure && session.sameSite === 'Strict', 'session cookie attributes');
  assert.equal(await page.evaluate(() => document.cookie.includes('__Host-braid_session')), false, 'scripts cannot read the session');
  await page.getByLabel('Username').fill('alice');
  await page.getByLabel('Role').selectOption('admin');
  await page.getByLabel('Password').fill('alice has a long password');
  await page.getByRole('button', {name: 'Create account'}).click();
  const aliceSecret = (await page.locator('[data-totp-secret]').textContent()).trim();
  assert.match(aliceSecret, /^[A-Z2-7]{32}$/);
  await page.locator('img.qr').waitFor();
  await page.getByRole('heading', {name: 'Create the first admin account'}).waitFor({state: 'detached'});
  step('admin token signs in, creates the first admin account with a TOTP secret and QR code');

  // 3. From now on, the account: password and a code from the authenticator (computed here).
  await signOut(page);
  await signInWithPassword(page, 'alice', 'alice has a long password', aliceSecret);
  await rendered(page, 'overview');
  step('alice signs in with password + TOTP, by keyboard');

  // 4. Page load: the signed-in overview, reloaded (warm cache), time until it shows its data.
  const loads = [];
  for (let i = 0; i < 8; i++) {
    await page.reload();
    await rendered(page, 'overview');
    const t = await page.evaluate(() => performance.getEntriesByName('braid:page-rendered')[0].startTime);
    if (i > 0) loads.push(t);
  }
  const nav = await page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0];
    return {domContentLoadedMs: n.domContentLoadedEventEnd, loadMs: n.loadEventEnd, transferBytes: performance.getEntriesByType('resource')
      .reduce((s, r) => s + r.transferSize, n.transferSize)};
  });
  results.pageLoad.overviewRunsMs = loads.map((x) => Math.round(x * 10) / 10);
  results.pageLoad.overviewMedianMs = median(loads);
  results.pageLoad.overviewMaxMs = Math.max(...loads);
  results.pageLoad.lastNavigation = nav;
  assert.ok(results.pageLoad.overviewMedianMs < 1000, 'overview rendered with data in under 1 s: ' + loads);
  // The first visit also fetches every file and meets a server whose console code has not been JIT-compiled:
  // recorded, and bounded loosely so that only a real regression (not a busy shared machine) fails here.
  assert.ok(results.pageLoad.coldSignInMs < 3000, 'first visit to the sign-in page: ' + results.pageLoad.coldSignInMs);
  await page.getByText('No headend has connected yet.').waitFor();
  await accessible(page, 'overview');
  step('overview renders in ' + Math.round(results.pageLoad.overviewMedianMs) + ' ms median; honest empty state without a headend');

  // 5. Create an enrollment key: link and QR code, shown once.
  await go(page, 'keys');
  await page.getByLabel('Name').fill('laptops');
  await page.getByLabel('Groups').fill('staff');
  await page.getByRole('button', {name: 'Create key'}).click();
  const link = await page.getByLabel('Enrollment link').inputValue();
  assert.match(link, /^braid:\/\/127\.0\.0\.1:\d+\/enroll\?key=k[a-z2-7]+\.[A-Za-z0-9_-]+&ca=sha256:[0-9a-f]{64}$/);
  const qr = page.locator('img.qr');
  await qr.waitFor();
  assert.ok((await qr.boundingBox()).width >= 200, 'QR code is drawn');
  await accessible(page, 'keys');
  await shot(page, 'keys');
  step('enrollment key created with its braid:// link and QR code');

  // 6. See a device enroll live: the list updates from the event stream, with no polling.
  await go(page, 'devices');
  await page.getByText('No device has enrolled yet.').waitFor();
  const before = requests.length;
  const laptop = await driver('/enroll', {link, name: 'alice-laptop'});
  await page.locator(`tr[data-device="${laptop.deviceId}"]`).waitFor({timeout: 10_000});
  await page.getByText('Device alice-laptop enrolled').waitFor();
  const polled = requests.slice(before).filter((r) => r.url.includes('/api/'));
  assert.deepEqual(polled.map((r) => r.url), [], 'the new device arrived over the event stream, without any API request');
  step('device enrolled and appeared live (0 API requests while waiting)');

  // A second device for the viewer to try to revoke later; and search.
  const keyTwo = await pageFetch(page, 'POST', '/api/v1/keys', {body: {name: 'desk', groups: ['staff']}});
  assert.equal(keyTwo.status, 201);
  const desktop = await driver('/enroll', {link: keyTwo.json.link, name: 'front-desk-pc'});
  await page.locator(`tr[data-device="${desktop.deviceId}"]`).waitFor();
  await page.getByLabel('Search').fill('front');
  await page.locator(`tr[data-device="${laptop.deviceId}"]`).waitFor({state: 'detached'});
  await page.getByText('1 of 2 devices').waitFor();
  await page.getByLabel('Search').fill('');
  await accessible(page, 'devices');
  await shot(page, 'devices');

  // 7. Revoke it from its detail page, with confirmation.
  await page.getByRole('link', {name: 'alice-laptop'}).click();
  await rendered(page, 'devices');
  await page.getByRole('heading', {name: 'Certificates'}).waitFor();
  await page.getByRole('button', {name: 'Revoke'}).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', {name: 'Revoke'}).click();
  await page.locator('.facts .badge', {hasText: 'revoked'}).waitFor();
  await page.getByRole('button', {name: 'Revoke'}).waitFor({state: 'detached'});
  await accessible(page, 'device detail');
  await shot(page, 'device');
  step('device revoked from its page');

  // 8. The audit entry, and the CSV export of it.
  await go(page, 'audit');
  await page.getByLabel('Action').fill('device.revoke');
  await page.getByRole('button', {name: 'Filter'}).click();
  await page.getByText('1 entry', {exact: true}).waitFor();
  const row = page.locator('tbody tr');
  assert.equal(await row.count(), 1);
  for (const text of ['user:alice', 'device.revoke', laptop.deviceId, 'success']) assert.ok((await row.textContent()).includes(text), text);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', {name: 'Export CSV'}).click()]);
  const csv = readFileSync(await download.path(), 'utf8');
  assert.match(csv, /^id,at,actor,action,target,source,outcome,details\r\n/);
  assert.ok(csv.includes(',user:alice,device.revoke,' + laptop.deviceId + ','), csv);
  assert.equal(csv.trim().split('\r\n').length, 2, 'the export holds exactly the filtered entry');
  await page.getByLabel('Action').fill('');
  await page.getByRole('button', {name: 'Filter'}).click();
  await page.locator('tbody tr', {hasText: 'audit.export'}).first().waitFor();
  await accessible(page, 'audit');
  await shot(page, 'audit');
  step('audit shows who revoked it; CSV export holds it');

  // 9. Policies: the default rule, a refused rule with its reason, an added one.
  await go(page, 'policies');
  await page.locator('tbody tr', {hasText: '198.18.10.0/24'}).waitFor();
  await page.getByLabel('Group').fill('staff');
  await page.getByLabel('Destination').fill('198.18.10.7/24');
  await page.getByLabel('Protocol').selectOption('tcp');
  await page.getByLabel('From port').fill('443');
  await page.getByRole('button', {name: 'Add rule'}).click();
  await page.getByRole('alert').filter({hasText: 'host bits set; the network is 198.18.10.0/24'}).waitFor();
  await page.getByLabel('Destination').fill('198.18.10.7/32');
  await page.getByLabel('Description').fill('intranet over HTTPS');
  await page.getByRole('button', {name: 'Add rule'}).click();
  await page.locator('tbody tr', {hasText: '198.18.10.7/32'}).waitFor();
  await accessible(page, 'policies');
  await shot(page, 'policies');
  step('policy rule validated by the server, then added');

  // 10. Headends: none yet, and the page says so.
  await go(page, 'headends');
  await page.getByRole('heading', {name: 'No headend has connected yet'}).waitFor();
  await accessible(page, 'headends');
  await shot(page, 'headends');
  await go(page, 'overview');
  await page.locator('.card', {hasText: 'Devices'}).getByText('2', {exact: true}).waitFor();
  await shot(page, 'overview');

  // 10b. Live fleet figures, from the events a headend publishes (simulated here: the headend is not built yet).
  const liveBefore = requests.length;
  await driver('/headend', {event: 'headend.up'});
  await page.locator('.card', {hasText: 'Headends'}).getByText('connected now').waitFor();
  await driver('/headend', {event: 'session.up', deviceId: desktop.deviceId});
  const online = page.locator('.card', {hasText: 'Devices online'});
  await online.getByText('1', {exact: true}).waitFor();
  await page.locator('.card', {hasText: 'Throughput'}).getByText('51.0 Mbit/s').waitFor();
  await driver('/headend', {event: 'wan.down', deviceId: desktop.deviceId, wan: 'lte'});
  await page.locator('.card.warn', {hasText: 'WAN health'}).getByText('0 degraded · 1 down').waitFor();
  await page.getByText('WAN lte of device ' + desktop.deviceId + ' is down').waitFor();
  const liveApi = requests.slice(liveBefore).filter((r) => r.url.includes('/api/')).map((r) => new URL(r.url).pathname);
  assert.ok(liveApi.every((p) => p === '/api/v1/overview'), 'only the overview figures were re-read: ' + liveApi);
  await shot(page, 'overview-live-simulated');
  await go(page, 'devices/' + desktop.deviceId);
  const lte = page.locator('tr', {hasText: 'lte'});
  await lte.getByText('down').waitFor();
  await page.locator('tr', {hasText: 'fiber'}).getByText('4.2 ms').waitFor();
  await driver('/headend', {event: 'session.down', deviceId: desktop.deviceId});
  await page.getByText('No live session.').waitFor();
  await driver('/headend', {event: 'headend.down'});
  await go(page, 'overview');
  await page.getByText('No headend has connected yet.').waitFor();
  step('headend, session and WAN-down events reach the overview and device pages live');

  // 11. CSRF: this page's own script, without the token or with a wrong one, or from another origin, changes nothing.
  const keysBefore = (await pageFetch(page, 'GET', '/api/v1/keys')).json.length;
  for (const csrf of [null, 'forged-token']) {
    const r = await pageFetch(page, 'POST', '/api/v1/keys', {csrf, body: {name: 'forged'}});
    assert.equal(r.status, 403, 'csrf ' + csrf);
    assert.equal(r.json.error, 'csrf_rejected');
  }
  const csrfCookie = (await context.cookies()).find((c) => c.name === '__Host-braid_csrf').value;
  const foreign = await page.request.post(BASE + '/api/v1/keys', {
    headers: {'Origin': 'https://evil.example', 'X-Braid-CSRF': csrfCookie, 'Content-Type': 'application/json'},
    data: {name: 'forged'},
  });
  assert.equal(foreign.status(), 403);
  assert.equal((await foreign.json()).error, 'csrf_rejected');
  assert.equal((await pageFetch(page, 'GET', '/api/v1/keys')).json.length, keysBefore);
  step('requests without the CSRF token, with a wrong one or from another origin are refused (403)');

  // 12. A viewer: no revoke button, and the API itself refuses (403) when asked directly.
  await go(page, 'accounts');
  await page.getByLabel('Username').fill('victor');
  await page.getByLabel('Role').selectOption('viewer');
  await page.getByLabel('Password').fill('victor reads but never writes');
  await page.getByRole('button', {name: 'Create account'}).click();
  const victorSecret = (await page.locator('[data-totp-secret]').textContent()).trim();
  await page.locator('tr[data-account="victor"]').waitFor();
  await accessible(page, 'accounts');
  await shot(page, 'accounts');
  await signOut(page);
  await signInWithPassword(page, 'victor', 'victor reads but never writes', victorSecret);
  await rendered(page, 'overview');
  assert.equal(await page.getByRole('link', {name: 'Audit log'}).count(), 0, 'no audit page for a viewer');
  await go(page, 'devices/' + desktop.deviceId);
  await page.getByText('Your role can look at devices but not change them.').waitFor();
  assert.equal(await page.getByRole('button', {name: 'Revoke'}).count(), 0);
  const refused = await pageFetch(page, 'POST', '/api/v1/devices/' + desktop.deviceId + '/revoke', {body: {}});
  assert.equal(refused.status, 403);
  assert.equal(refused.json.error, 'forbidden');
  assert.equal((await pageFetch(page, 'GET', '/api/v1/devices/' + desktop.deviceId)).json.device.status, 'enabled');
  step('a viewer sees no revoke button and the API answers 403');

  // 13. A session idle for more than 30 minutes is over: the next click lands on the sign-in page.
  await driver('/advance', {seconds: 31 * 60});
  await page.getByRole('link', {name: 'Overview', exact: true}).click();
  await page.getByRole('heading', {name: 'Sign in to Braid'}).waitFor();
  await page.getByText('Your session has ended. Please sign in again.').waitFor();
  step('an idle session ends and the console asks to sign in again');

  // 14. Dark theme follows the OS.
  await page.emulateMedia({colorScheme: 'dark'});
  await signInWithPassword(page, 'alice', 'alice has a long password', aliceSecret);
  await rendered(page, 'overview'); // back where the session ended
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.notEqual(background, 'rgb(246, 247, 249)', 'dark background');
  await shot(page, 'overview-dark');
  step('dark theme follows the OS setting');

  // 15. Signed out, there is no session: the cookie is gone and the API answers 401.
  await signOut(page);
  assert.equal((await context.cookies()).some((c) => c.name === '__Host-braid_session'), false);
  const anonymous = await pageFetch(page, 'GET', '/api/v1/devices');
  assert.equal(anonymous.status, 401);
  const anonymousWrite = await pageFetch(page, 'POST', '/api/v1/keys', {csrf: csrfCookie, body: {name: 'x'}});
  assert.equal(anonymousWrite.status, 401);
  step('without a session cookie the API answers 401');

  assert.deepEqual(consoleErrors, [], 'no script errors in the page');
  results.ok = true;
} catch (e) {
  results.ok = false;
  results.error = String(e && e.stack || e);
  try { await shot(page, 'failure'); } catch (ignored) { /* the browser may be gone */ }
  console.error(e);
  process.exitCode = 1;
} finally {
  writeFileSync(RESULTS, JSON.stringify(results, null, 2));
  await context.close();
}
