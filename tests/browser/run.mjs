// Browser tests for Samen's web shell, run by ctest as
//   node tests/browser/run.mjs /path/to/samen
// Starts the real binary on a free loopback port with a temporary data dir and
// demo data, drives Debian's Chromium through playwright-core (home page,
// language negotiation and switch, login/logout, wrong password, skip link,
// axe-core WCAG 2.1 AA checks on every shell page, the languages in turn, CSP), then stops
// the server with SIGTERM and checks it shuts down cleanly.
// Prints "ok - name" / "not ok - name: reason" and ends with "N passed, M failed".
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runFinderChecks } from './finder.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const WEB = path.join(ROOT, 'web');
// Each module brings src/<module>/catalogs/<lang>.json; the binary holds them merged.
const SRC = path.join(ROOT, 'src');
const LANGS = ['nl', 'fr', 'en'];
const LANG_NAMES = { nl: 'Nederlands', fr: 'Français', en: 'English' };
const ANON_PAGES = ['/', '/login', '/you-said-we-did', '/you-said-we-did/suggest'];
// Pages whose structure is the same in every language: axe in nl only (the run has a time budget).
const AXE_NL_ONLY_ANON = [];
// transitions: pathways (picture and table), the activities' calendar with its form, and the evaluation's
// results per pathway (the demo's 2026: a chart and a hidden audience) with the start form.
const AXE_NL_ONLY_ADMIN = ['/surveys', '/transitions/pathways', '/transitions/pathways?year=2025', '/transitions/activities?year=2026', '/transitions/evaluations?year=2026'];
const ADMIN_PAGES = ['/', '/profile', '/admin/users', '/admin/audit', '/admin/tokens', '/admin/outbox', '/network',
  '/directory', '/directory/review/organizations', '/directory/link-requests', '/journal', '/journal/new',
  '/journal/coding/codes', '/journal/coding/codes/new', '/journal/coding/frequencies', '/journal/coding/review',
  '/journal/calendar?month=2014-05', '/journal/calendar/feeds', '/journal/search?q=ouders', '/journal/report?from=2014-01-01&to=2014-12-31',
  // journal sources: guides, the expectations register, activity types
  '/journal/sources/guides', '/journal/sources/guides/new', '/journal/sources/expectations',
  '/journal/sources/expectations/new', '/admin/journal/activity-types',
  // parents' voice: the register, its forms, groups, themes, the moderation queue
  '/parents', '/parents/concerns/new', '/parents/groups', '/parents/groups/new', '/parents/themes', '/parents/suggestions',
  // transitions: settings and handover lists, parents' rights (handover pages need a partner of the sending setting)
  '/transitions', '/transitions/rights',
  // monitoring: waves, opening a wave, sectors and language communities (each demo wave's pages are added below)
  '/monitoring', '/monitoring/waves/new', '/monitoring/organizations',
  // toolbox: the catalogue, a new method, package import
  '/toolbox', '/toolbox/new', '/toolbox/import',
  // plan: roll-up, vision, dashboard, timeline, yearly report, the forms
  '/plan', '/plan/vision', '/plan/vision/history', '/plan/vision/edit', '/plan/dashboard', '/plan/timeline',
  '/plan/report?year=2026', '/plan/new?kind=objective'];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const START_TIMEOUT_MS = 30_000;
const ACTION_TIMEOUT_MS = 15_000;
const NAV_TIMEOUT_MS = 30_000;
const OVERALL_TIMEOUT_MS = 1_440_000; // ctest allows 1500 s (five modules of pages, each in nl, fr and en)

// ---------------------------------------------------------------- reporting
let passed = 0;
let failed = 0;
function ok(name) { passed++; console.log(`ok - ${name}`); }
function notOk(name, reason) {
  failed++;
  const lines = String(reason).split('\n');
  console.log(`not ok - ${name}: ${lines[0]}`);
  for (const l of lines.slice(1)) if (l.trim()) console.log(`#   ${l}`);
}
function note(msg) { console.log(`# ${msg}`); }
class Failure extends Error {}
function check(cond, msg) { if (!cond) throw new Failure(msg); }
async function step(name, fn) {
  try {
    await fn();
    ok(name);
    return true;
  } catch (e) {
    let msg = e instanceof Failure ? e.message : (e && e.message) || String(e);
    // Playwright errors carry a long call log; keep the first useful lines.
    msg = msg.split('\n').filter((l) => l.trim() && !/^=+/.test(l.trim())).slice(0, 6).join('\n');
    notOk(name, msg);
    return false;
  }
}

// ---------------------------------------------------------------- catalogs
function loadCatalog(lang) {
  const merged = {};
  for (const module of fs.readdirSync(SRC)) {
    const file = path.join(SRC, module, 'catalogs', `${lang}.json`);
    if (fs.existsSync(file)) Object.assign(merged, JSON.parse(fs.readFileSync(file, 'utf8')));
  }
  if (Object.keys(merged).length === 0) throw new Error(`no src/*/catalogs/${lang}.json`);
  return merged;
}
const catalogs = {};
for (const l of LANGS) {
  try { catalogs[l] = loadCatalog(l); } catch (e) { catalogs[l] = {}; note(`cannot read catalog ${l}: ${e.message}`); }
}
// Message by key; catalogs may be flat ("login.email") or nested ({login:{email}}).
function t(lang, key) {
  const c = catalogs[lang] || {};
  if (typeof c[key] === 'string') return c[key];
  let v = c;
  for (const part of key.split('.')) v = v && typeof v === 'object' ? v[part] : undefined;
  if (typeof v === 'string') return v;
  throw new Failure(`catalog ${lang}.json has no message "${key}"`);
}
function allKeys(obj, prefix = '') {
  const out = [];
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object') out.push(...allKeys(v, key));
    else out.push(key);
  }
  return out;
}
const CATALOG_KEYS = [...new Set(LANGS.flatMap((l) => allKeys(catalogs[l])))].filter((k) => k.includes('.'));

// ---------------------------------------------------------------- server
const binary = process.argv[2];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'samen-browser-'));
const dataDir = path.join(tmp, 'data');
fs.mkdirSync(dataDir);
let server = null;
let serverExit = null; // {code, signal} once exited
let serverStarted = false;
const serverLog = [];
let browser = null;
let finished = false;

function startServer() {
  return new Promise((resolve, reject) => {
    // A public address so e-mails carry links: the survey wave's reminders (the respondent's page below).
    const args = ['serve', '--listen', '127.0.0.1:0', '--data', dataDir, '--demo', '--public-url', 'http://samen.test'];
    note(`starting ${binary} ${args.join(' ')}`);
    server = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env } });
    let baseURL = null;
    let admin = null;
    let settled = false;
    let graceTimer = null;
    const done = (err) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(graceTimer);
      if (err) reject(err); else resolve({ baseURL, admin });
    };
    const timer = setTimeout(() => {
      if (baseURL) done();
      else done(new Error(`no "Samen is listening on http://..." line on stdout within ${START_TIMEOUT_MS / 1000} s`));
    }, START_TIMEOUT_MS);
    const onLine = (line, stream) => {
      serverLog.push(`${stream}: ${line}`);
      if (serverLog.length > 400) serverLog.shift();
      if (stream !== 'stdout') return;
      const m = line.match(/Samen is listening on (http:\/\/[^\s/]+)/);
      if (m && !baseURL) {
        baseURL = m[1];
        // The admin line may come just before or after; give it a moment.
        if (!admin) graceTimer = setTimeout(() => done(), 5000);
      }
      const a = line.match(/Admin login:\s*(\S+)\s*\/\s*(\S+)/);
      if (a) admin = { email: a[1], password: a[2] };
      if (baseURL && admin) done();
    };
    for (const [s, name] of [[server.stdout, 'stdout'], [server.stderr, 'stderr']]) {
      let buf = '';
      s.setEncoding('utf8');
      s.on('data', (d) => {
        buf += d;
        let i;
        while ((i = buf.indexOf('\n')) >= 0) { onLine(buf.slice(0, i).replace(/\r$/, ''), name); buf = buf.slice(i + 1); }
      });
    }
    server.on('error', (e) => {
      serverExit = serverExit || { code: null, signal: null };
      done(new Error(`cannot start ${binary}: ${e.message}`));
    });
    server.on('exit', (code, signal) => {
      serverExit = { code, signal };
      done(new Error(`server exited early (code ${code}, signal ${signal})`));
    });
  });
}

// The server's last lines, leaving out access-log lines of successful requests.
function printServerLog(n = 40) {
  const lines = serverLog.filter((l) => !/"status":[123]\d\d\b/.test(l)).slice(-n);
  if (!lines.length) return;
  note(`last ${lines.length} lines of server output (successful requests left out):`);
  for (const l of lines) note(`  ${l}`);
}

async function stopServer() {
  if (!server) return;
  if (serverExit && !serverStarted) return; // already reported as a start failure
  if (serverExit) {
    notOk('graceful shutdown on SIGTERM', `server had already exited (code ${serverExit.code}, signal ${serverExit.signal})`);
    return;
  }
  const exited = new Promise((resolve) => server.once('exit', (code, signal) => resolve({ code, signal })));
  server.kill('SIGTERM');
  const res = await Promise.race([exited, new Promise((r) => setTimeout(() => r(null), 10_000))]);
  if (!res) {
    server.kill('SIGKILL');
    await exited;
    notOk('graceful shutdown on SIGTERM', 'server still running 10 s after SIGTERM (killed)');
  } else if (res.code !== 0) {
    notOk('graceful shutdown on SIGTERM', `server exited with code ${res.code}, signal ${res.signal}; expected code 0`);
  } else {
    ok('graceful shutdown on SIGTERM');
  }
}

async function cleanup() {
  if (browser) { try { await browser.close(); } catch { /* already gone */ } browser = null; }
  try { fs.rmSync(tmp, { recursive: true, force: true }); } catch (e) { note(`cannot remove ${tmp}: ${e.message}`); }
}

async function finish(code) {
  if (finished) return;
  finished = true;
  if (browser) { try { await browser.close(); } catch { /* ignore */ } browser = null; }
  await stopServer();
  if (failed) printServerLog();
  await cleanup();
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed || code ? 1 : 0);
}

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    notOk('run', `interrupted by ${sig}`);
    if (server && !serverExit) server.kill('SIGKILL');
    try { fs.rmSync(tmp, { recursive: true, force: true }); } catch { /* ignore */ }
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(1);
  });
}
setTimeout(() => {
  notOk('run', `whole run took more than ${OVERALL_TIMEOUT_MS / 1000} s`);
  finish(1);
}, OVERALL_TIMEOUT_MS).unref();

// ---------------------------------------------------------------- browser helpers
const consoleErrors = []; // {url, text} from contexts that enforce CSP
const cspHeaders = new Map(); // url path -> header value (or null)

async function newContext(opts = {}) {
  const { locale = 'nl', bypassCSP = false } = opts;
  const ctx = await browser.newContext({ baseURL, locale, bypassCSP, viewport: { width: 390, height: 844 } });
  ctx.setDefaultTimeout(ACTION_TIMEOUT_MS);
  ctx.setDefaultNavigationTimeout(NAV_TIMEOUT_MS);
  if (!bypassCSP) {
    ctx.on('page', watchPage);
  }
  return ctx;
}
function watchPage(page) {
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push({ url: page.url(), text: m.text() }); });
  page.on('pageerror', (e) => consoleErrors.push({ url: page.url(), text: `uncaught: ${e.message}` }));
}
async function newPage(ctx) { return ctx.newPage(); }

async function goto(page, url, { expectOk = true } = {}) {
  const res = await page.goto(url, { waitUntil: 'load' });
  check(res, `no response for ${url}`);
  const csp = res.headers()['content-security-policy'];
  cspHeaders.set(new URL(res.url()).pathname, csp ?? null);
  if (expectOk) check(res.status() === 200, `GET ${url} answered ${res.status()} (final URL ${res.url()}), expected 200`);
  return res;
}
const htmlLang = (page) => page.evaluate(() => document.documentElement.getAttribute('lang'));
const pathOf = (page) => new URL(page.url()).pathname;

async function waitForLang(page, lang, what) {
  try {
    await page.waitForFunction((l) => document.readyState !== 'loading' && document.documentElement.lang === l, lang, { timeout: ACTION_TIMEOUT_MS });
  } catch {
    throw new Failure(`${what}: <html lang="${await htmlLang(page).catch(() => '?')}">, expected "${lang}" (at ${page.url()})`);
  }
  await page.waitForLoadState('load');
}

// Clicks the language switch link with the language's own name.
async function switchLanguage(page, lang) {
  if ((await htmlLang(page)) === lang) return;
  const link = page.getByRole('link', { name: LANG_NAMES[lang], exact: true });
  const n = await link.count();
  check(n >= 1, `no link named "${LANG_NAMES[lang]}" in the language switch on ${pathOf(page)}`);
  await link.first().click();
  await waitForLang(page, lang, `after clicking "${LANG_NAMES[lang]}"`);
}

// The submit control of the form that holds the password field.
function submitOf(page) {
  return page.locator('form:has(input[type=password])')
    .locator('button[type=submit], button:not([type]), input[type=submit]').first();
}

async function fillLogin(page, lang, email, password) {
  const emailField = page.getByLabel(t(lang, 'login.email'), { exact: true });
  const pwField = page.getByLabel(t(lang, 'login.password'), { exact: true });
  check(await emailField.count() === 1, `no single field labelled "${t(lang, 'login.email')}" on ${pathOf(page)} (found ${await emailField.count()})`);
  check(await pwField.count() === 1, `no single field labelled "${t(lang, 'login.password')}" on ${pathOf(page)} (found ${await pwField.count()})`);
  await emailField.fill(email);
  await pwField.fill(password);
  const submit = submitOf(page);
  check(await submit.count() === 1, 'no submit button in the login form');
  await clickAndWaitForPage(page, submit);
}

// Clicks something that loads a new document (form submission, link) and waits for it.
async function clickAndWaitForPage(page, locator) {
  const navigated = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame(), timeout: NAV_TIMEOUT_MS });
  await locator.click();
  try { await navigated; } catch { throw new Failure(`clicking ${locator} loaded no new page within ${NAV_TIMEOUT_MS / 1000} s`); }
  await page.waitForLoadState('load');
}

async function login(page, lang) {
  check(admin, 'no admin credentials: the server printed no "Admin login: EMAIL / PASSWORD" line');
  await goto(page, '/login');
  await switchLanguage(page, lang);
  await fillLogin(page, lang, admin.email, admin.password);
  check(pathOf(page) !== '/login', `still on /login after submitting the admin's credentials (html lang ${await htmlLang(page)}); page says: ${await alertText(page)}`);
  const landed = pathOf(page);
  if (!admin.chosen) {
    admin.firstNotice = (await page.locator('.notice').allInnerTexts()).join(' ');
    await chooseOwnPassword(page);
  }
  // A saved language preference of the account may differ from this run's language.
  await switchLanguage(page, lang);
  return landed;
}
// The demo admin's password is one-time: until it is changed every page leads
// to the profile, so the first sign-in chooses a new one, as a person would.
async function chooseOwnPassword(page) {
  await goto(page, '/profile');
  const chosen = `${admin.password}-chosen`;
  const form = page.locator('form:has(input[name=new_password])');
  await form.locator('input[name=current_password]').fill(admin.password);
  await form.locator('input[name=new_password]').fill(chosen);
  await form.locator('input[name=confirm_password]').fill(chosen);
  await clickAndWaitForPage(page, form.locator('button[type=submit], input[type=submit]').first());
  check(!(await alertText(page)).includes('|') && (await page.locator('[aria-invalid=true]').count()) === 0,
        `changing the one-time password failed: ${await alertText(page)}`);
  admin.password = chosen;
  admin.chosen = true;
}
async function alertText(page) {
  const texts = await page.locator('.notice.error, [role=alert], .field-error').allInnerTexts().catch(() => []);
  return texts.map((s) => s.trim()).filter(Boolean).join(' | ') || '(no error message)';
}
function logoutButton(page, lang) { return page.getByRole('button', { name: t(lang, 'nav.logout'), exact: true }); }
function loginLink(page, lang) { return page.getByRole('link', { name: t(lang, 'nav.login'), exact: true }); }

// Page text that is a raw catalog key (an untranslated message). Text in <code>
// is skipped: audit action codes such as login.failed look like keys.
async function rawKeysShown(page) {
  const text = await page.evaluate(() => {
    const out = [];
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      if (!n.parentElement.closest('code, pre, script, style')) out.push(n.nodeValue);
    }
    return out.join(' ');
  });
  return CATALOG_KEYS.filter((k) => new RegExp(`(^|[^\\w.])${k.replace(/\./g, '\\.')}($|[^\\w.])`).test(text));
}

async function runAxe(page) {
  const src = fs.readFileSync(path.join(WEB, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.addScriptTag({ content: src });
  return page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }), AXE_TAGS);
}
async function axeStep(page, label) {
  const r = await runAxe(page);
  const bad = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of r.violations.filter((x) => !bad.includes(x))) {
    note(`axe ${label}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(', ')}`);
  }
  check(!bad.length, `${bad.length} serious/critical axe violation(s):\n` + bad.map((v) =>
    `${v.id} (${v.impact}): ${v.help} → ${v.nodes.slice(0, 8).map((n) => n.target.join(' ')).join(', ')}${v.nodes.length > 8 ? ` (+${v.nodes.length - 8} more)` : ''}`,
  ).join('\n'));
}

// ---------------------------------------------------------------- main
if (!binary) {
  console.error('usage: node tests/browser/run.mjs /path/to/samen');
  notOk('setup', 'no path to the samen binary given');
  await finish(1);
}
let chromium;
try {
  ({ chromium } = await import(pathToFileURL(path.join(WEB, 'node_modules', 'playwright-core', 'index.mjs')).href));
  check(fs.existsSync(path.join(WEB, 'node_modules', 'axe-core', 'axe.min.js')), 'axe-core missing');
} catch (e) {
  notOk('setup', `playwright-core/axe-core not installed in web/node_modules (run: cd web && npm ci): ${e.message}`);
  await finish(1);
}

let baseURL;
let admin;
try {
  ({ baseURL, admin } = await startServer());
  serverStarted = true;
  ok('server starts and prints its address');
  note(`server at ${baseURL}`);
} catch (e) {
  notOk('server starts and prints its address', e.message);
  await finish(1);
}
if (!admin) notOk('server prints the admin login', 'no "Admin login: EMAIL / PASSWORD" line on stdout');
else ok('server prints the admin login');

try {
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  browser = await chromium.launch({
    executablePath,
    timeout: 60_000,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
} catch (e) {
  notOk('chromium launches', `${e.message.split('\n')[0]} (install Debian's chromium or set CHROMIUM)`);
  await finish(1);
}

// (a) anonymous home page in Dutch
const anonNl = await newContext({ locale: 'nl' });
const home = await newPage(anonNl);
await step('(a) anonymous home page: 200 and <html lang="nl"> for Accept-Language nl', async () => {
  await goto(home, '/');
  const lang = await htmlLang(home);
  check(lang === 'nl', `<html lang="${lang}">, expected "nl"`);
  check(await loginLink(home, 'nl').count() >= 1, `no "${t('nl', 'nav.login')}" link for an anonymous visitor`);
});
for (const [locale, lang] of [['fr-BE', 'fr'], ['en-GB', 'en']]) {
  await step(`(a) Accept-Language ${locale} gives <html lang="${lang}">`, async () => {
    const ctx = await newContext({ locale });
    try {
      const p = await newPage(ctx);
      await goto(p, '/');
      const got = await htmlLang(p);
      check(got === lang, `<html lang="${got}">, expected "${lang}"`);
      check(await p.getByRole('link', { name: t(lang, 'nav.home'), exact: true }).count() >= 1, `no "${t(lang, 'nav.home')}" link`);
    } finally { await ctx.close(); }
  });
}
await step('(a) stylesheet is served and applied', async () => {
  const sheets = await home.evaluate(() => [...document.querySelectorAll('link[rel=stylesheet]')].map((l) => l.href));
  check(sheets.length >= 1, 'no <link rel="stylesheet"> in the page');
  for (const href of sheets) {
    const res = await anonNl.request.get(href);
    check(res.status() === 200, `${href} answered ${res.status()}`);
    const ct = res.headers()['content-type'] || '';
    check(/^text\/css/.test(ct), `${href} has Content-Type "${ct}", expected text/css`);
  }
  const pos = await home.evaluate(() => { const s = document.querySelector('.skip-link'); return s && getComputedStyle(s).position; });
  check(pos === 'absolute', `.skip-link is position "${pos}": samen.css not applied?`);
});

// (f) keyboard: the first Tab reaches the skip link, which then shows
await step('(f) first Tab focuses the visible skip link', async () => {
  await goto(home, '/');
  await home.keyboard.press('Tab');
  await home.waitForTimeout(500); // let any reveal transition finish
  const info = await home.evaluate(() => {
    const a = document.activeElement;
    const r = a.getBoundingClientRect();
    return { tag: a.tagName, cls: a.className, href: a.getAttribute('href'), text: a.textContent.trim(), top: r.top, left: r.left, w: r.width, h: r.height };
  });
  check(/\bskip-link\b/.test(info.cls || ''), `first Tab focused <${info.tag.toLowerCase()} class="${info.cls}"> "${info.text}", expected the .skip-link`);
  check(info.text === t('nl', 'nav.skip'), `skip link says "${info.text}", expected "${t('nl', 'nav.skip')}"`);
  check(info.href && info.href.startsWith('#') && await home.locator(info.href).count() === 1, `skip link target ${info.href} does not exist`);
  check(info.w > 10 && info.h > 10 && info.top >= 0 && info.left >= 0 && info.top < 844, `focused skip link is not visible (box ${JSON.stringify(info)})`);
});

// login form labels in every language
for (const lang of LANGS) {
  await step(`(b) login fields labelled in ${lang}`, async () => {
    const ctx = await newContext({ locale: lang });
    try {
      const p = await newPage(ctx);
      await goto(p, '/login');
      await switchLanguage(p, lang);
      for (const key of ['login.email', 'login.password']) {
        const n = await p.getByLabel(t(lang, key), { exact: true }).count();
        check(n === 1, `${n} fields labelled "${t(lang, key)}" (${key}), expected 1`);
      }
    } finally { await ctx.close(); }
  });
}

// (d) wrong password
await step('(d) wrong password shows an error and opens no session', async () => {
  check(admin, 'no admin credentials printed');
  const ctx = await newContext({ locale: 'nl' });
  try {
    const p = await newPage(ctx);
    await goto(p, '/login');
    await fillLogin(p, 'nl', admin.email, `${admin.password}-wrong`);
    const msg = await p.locator('.notice.error, [role=alert], .field-error').filter({ visible: true }).count();
    check(msg >= 1, `no visible error message (.notice.error, [role=alert] or .field-error) after a wrong password; at ${p.url()}`);
    const text = await alertText(p);
    check(!CATALOG_KEYS.some((k) => text.includes(k)), `error message is an untranslated key: ${text}`);
    check(await logoutButton(p, 'nl').count() === 0, 'a logout button is shown after a wrong password');
    const pw = p.locator('input[type=password]');
    if (await pw.count()) check((await pw.first().inputValue()) === '', 'the wrong password is echoed back into the form');
    const res = await goto(p, '/profile', { expectOk: false });
    check(pathOf(p) === '/login' || [401, 403].includes(res.status()),
      `/profile is reachable after a failed login (status ${res.status()}, at ${p.url()})`);
  } finally { await ctx.close(); }
});

// (b) login as admin
const adminCtx = await newContext({ locale: 'nl' });
const ap = await newPage(adminCtx);
const loggedIn = await step('(b) login by labelled fields; home page then shows the name and a logout button', async () => {
  const landed = await login(ap, 'nl');
  if (landed === '/profile') {
    // The demo admin's password is one-time: the server sends it to its profile first.
    const notice = admin.firstNotice || '';
    check(notice.includes(t('nl', 'profile.must_change')), `landed on /profile without the "${t('nl', 'profile.must_change')}" notice`);
    note('first login with the one-time demo password lands on /profile (must change password), not on /');
  } else {
    check(landed === '/', `landed on ${ap.url()}, expected the home page /`);
  }
  await goto(ap, '/profile');
  const name = (await ap.getByLabel(t('nl', 'profile.name'), { exact: true }).inputValue()).trim();
  check(name, `the profile's "${t('nl', 'profile.name')}" field is empty`);
  await goto(ap, '/');
  check(await logoutButton(ap, 'nl').count() >= 1, `no "${t('nl', 'nav.logout')}" button after login`);
  const h1 = (await ap.locator('h1').first().innerText()).trim();
  check(h1.includes(name), `home page heading "${h1}" does not show the user's name "${name}"`);
  const header = await ap.locator('header').first().innerText();
  check(header.includes(name), `the header does not show the user's name "${name}"`);
});

// (c) language switch
await step('(c) language switch "Français" → <html lang="fr">, French nav, persists', async () => {
  check(loggedIn, 'login failed');
  await goto(ap, '/');
  await switchLanguage(ap, 'fr');
  check(await ap.getByRole('link', { name: t('fr', 'nav.home'), exact: true }).count() >= 1, `nav has no "${t('fr', 'nav.home')}" link after switching`);
  check(await ap.getByRole('link', { name: t('nl', 'nav.home'), exact: true }).count() === 0, `nav still shows "${t('nl', 'nav.home')}"`);
  const current = await ap.locator('[aria-current=true]').allInnerTexts();
  check(current.some((s) => s.trim() === LANG_NAMES.fr), `the language switch does not mark "${LANG_NAMES.fr}" with aria-current="true" (marked: ${JSON.stringify(current)})`);
  await goto(ap, '/profile');
  const lang = await htmlLang(ap);
  check(lang === 'fr', `next page (/profile) is <html lang="${lang}">: the choice did not persist`);
});

// (h) every page in every language in CSP-enforcing contexts; then the header and console checks
// The demo's survey waves have random ids: their pages join ADMIN_PAGES from the waves list.
let WAVE_HREF = null;  // the newest demo wave (open)
await step('monitoring: the demo waves are listed', async () => {
  check(loggedIn, 'login failed');
  await goto(ap, '/monitoring');
  const hrefs = [...new Set(await ap.locator('a[href^="/monitoring/waves/"]').evaluateAll(
    (links) => links.map((a) => a.getAttribute('href')).filter((h) => /^\/monitoring\/waves\/[0-9a-f-]{36}$/.test(h))))];
  check(hrefs.length === 2, `expected the demo's two waves, found ${JSON.stringify(hrefs)}`);
  // The newest (listed first) is enough: the older one's pages are the same templates (the run has a time budget).
  const h = hrefs[0];
  WAVE_HREF = h;
  if (h) ADMIN_PAGES.push(h, `${h}?show=not_answered`, `${h}/metrics`, `${h}/metrics?ties=confirmed&by=team`, `${h}/comparison`);
  // The diagram, the charts across waves and the report: the same structure in every language, so axe in nl only.
  if (h) AXE_NL_ONLY_ADMIN.push(`${h}/diagram`, `${h}/diagram?ties=confirmed&level=cooperating`, `${h}/trends`, `${h}/report`);
});
// A wave respondent's page (/survey/{token}): the token is only ever e-mailed, so the test sends the open demo
// wave's reminders (a new link for each respondent who has not answered) and reads one link from the outbox in
// the server's database. The overview and a group's list of forms; the same structure in every language.
await step('monitoring: a respondent\'s survey link from a reminder', async () => {
  check(loggedIn, 'login failed');
  check(WAVE_HREF, 'no demo wave found');
  await goto(ap, WAVE_HREF);
  const remind = ap.locator('form[action$="/reminders"] button');
  check(await remind.count() === 1, `no reminders button on ${WAVE_HREF} (the newest demo wave is open with respondents to answer)`);
  await clickAndWaitForPage(ap, remind);
  const body = execFileSync('sqlite3', ['-readonly', path.join(dataDir, 'samen.db'),
    "SELECT body_text FROM outbox WHERE body_text LIKE '%/survey/%' ORDER BY created_at DESC LIMIT 1"], { encoding: 'utf8' });
  const m = body.match(/http:\/\/samen\.test(\/survey\/[A-Za-z0-9_-]+)/);
  check(m, `no survey link in the reminder e-mail: ${body.slice(0, 300)}`);
  if (m) AXE_NL_ONLY_ANON.push(`${m[1]}?lang=nl`, `${m[1]}?lang=nl&group=childcare`);
});
// The demo's parents' survey has a random id and public token: its results and respondent pages are found from /surveys.
await step('surveys: the demo parents\' survey is listed', async () => {
  check(loggedIn, 'login failed');
  await goto(ap, '/surveys');
  const results = await ap.locator('a[href$="/results"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  check(results.length >= 2, `expected the demo's two surveys, found ${JSON.stringify(results)}`);
  const parents = results[results.length - 1];  // newest first: the parents' survey was made first
  if (parents) {
    AXE_NL_ONLY_ADMIN.push(parents, `${parents}/texts/wish`);  // and its open question's texts, page by page
    await goto(ap, parents.replace(/\/results$/, ''));
    const link = (await ap.locator('code.secret').first().textContent()) || '';
    const m = link.match(/\/s\/[A-Za-z0-9_-]+$/);
    check(m, `no public link on the survey's page: ${link}`);
    if (m) AXE_NL_ONLY_ANON.push(`${m[0]}?lang=nl`);
  }
});
await step('(h) all shell pages load in nl, fr and en with CSP enforced', async () => {
  check(loggedIn, 'login failed');
  const problems = [];
  for (const lang of LANGS) {
    const ctx = await newContext({ locale: lang });
    try {
      const p = await newPage(ctx);
      for (const url of ANON_PAGES) {
        try {
          await goto(p, url);
          await switchLanguage(p, lang);
          const raw = await rawKeysShown(p);
          if (raw.length) problems.push(`${url} [${lang}, anonymous]: untranslated keys shown: ${raw.join(', ')}`);
        } catch (e) { problems.push(`${url} [${lang}, anonymous]: ${e.message}`); }
      }
    } finally { await ctx.close(); }
    await goto(ap, '/');
    await switchLanguage(ap, lang);
    for (const url of ADMIN_PAGES) {
      try {
        await goto(ap, url);
        const got = await htmlLang(ap);
        if (got !== lang) problems.push(`${url} [${lang}, admin]: <html lang="${got}">`);
        const raw = await rawKeysShown(ap);
        if (raw.length) problems.push(`${url} [${lang}, admin]: untranslated keys shown: ${raw.join(', ')}`);
      } catch (e) { problems.push(`${url} [${lang}, admin]: ${e.message}`); }
    }
  }
  check(!problems.length, problems.join('\n'));
});
await step('(h) Content-Security-Policy header without \'unsafe-inline\' scripts', async () => {
  check(cspHeaders.size > 0, 'no page was loaded');
  const problems = [];
  for (const [url, csp] of cspHeaders) {
    if (!csp) { problems.push(`${url}: no Content-Security-Policy header`); continue; }
    const dirs = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([n, ...v]) => [n.toLowerCase(), v]));
    const script = dirs['script-src'] || dirs['default-src'];
    if (!script) problems.push(`${url}: CSP has neither script-src nor default-src: ${csp}`);
    else if (script.includes("'unsafe-inline'")) problems.push(`${url}: script sources allow 'unsafe-inline': ${csp}`);
  }
  check(!problems.length, problems.join('\n'));
});
await step('(h) no CSP violations in the browser console', async () => {
  const csp = consoleErrors.filter((e) => /Content[- ]Security[- ]Policy|Refused to (execute|load|apply|evaluate|connect|frame)/i.test(e.text));
  for (const e of consoleErrors.filter((x) => !csp.includes(x))) note(`console error (not CSP) at ${e.url}: ${e.text}`);
  check(!csp.length, csp.slice(0, 10).map((e) => `${e.url}: ${e.text}`).join('\n'));
});

// (g) axe-core on every page, in one language each, the language taking turns page by page (CSP bypassed so
// axe can be injected). Every page's markup is the same in nl, fr and en (one template, strings from the
// catalogs); (h) above loads every page in all three and checks <html lang> and untranslated keys. Running axe
// three times on each of ~200 pages took most of the test's time.
const inTurn = (pages, lang) => pages.filter((_, i) => LANGS[i % LANGS.length] === lang);
for (const lang of LANGS) {
  const ctx = await newContext({ locale: lang, bypassCSP: true });
  const p = await newPage(ctx);
  for (const url of [...inTurn(ANON_PAGES, lang), ...(lang === 'nl' ? AXE_NL_ONLY_ANON : [])]) {
    await step(`(g) axe ${url} [${lang}, anonymous]`, async () => {
      await goto(p, url);
      await switchLanguage(p, lang);
      await axeStep(p, `${url} [${lang}]`);
    });
  }
  const axeLoggedIn = await step(`(g) log in for axe [${lang}]`, () => login(p, lang));
  for (const url of [...inTurn(ADMIN_PAGES, lang), ...(lang === 'nl' ? AXE_NL_ONLY_ADMIN : [])]) {
    await step(`(g) axe ${url} [${lang}, admin]`, async () => {
      check(axeLoggedIn, 'login failed');
      await goto(p, url);
      const got = await htmlLang(p);
      check(got === lang, `<html lang="${got}">, expected "${lang}"`);
      await axeStep(p, `${url} [${lang}]`);
    });
  }
  await ctx.close();
}

// The public service finder: axe, map, suggestions, no-JS search, print (tests/browser/finder.mjs)
await runFinderChecks({ step, check, newContext, goto, switchLanguage, axeStep, t, LANGS, htmlLang, pathOf,
  clickAndWaitForPage, baseURL, get browser() { return browser; } });

// (e) logout
await step('(e) logout returns to anonymous', async () => {
  check(loggedIn, 'login failed');
  await goto(ap, '/');
  const lang = await htmlLang(ap);
  const button = logoutButton(ap, lang);
  check(await button.count() >= 1, `no "${t(lang, 'nav.logout')}" button`);
  await clickAndWaitForPage(ap, button.first());
  const now = await htmlLang(ap);
  await loginLink(ap, now).first().waitFor({ state: 'visible' }).catch(() => {});
  check(await loginLink(ap, now).filter({ visible: true }).count() >= 1, `no visible "${t(now, 'nav.login')}" link after logout (at ${ap.url()})`);
  check(await logoutButton(ap, now).count() === 0, 'the logout button is still shown');
  for (const url of ['/profile', '/admin/users']) {
    const res = await goto(ap, url, { expectOk: false });
    check(pathOf(ap) === '/login' || [401, 403].includes(res.status()),
      `${url} still reachable after logout (status ${res.status()}, at ${ap.url()})`);
  }
});
await adminCtx.close();
await anonNl.close();

await finish(0);
