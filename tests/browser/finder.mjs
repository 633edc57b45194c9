// Browser checks of the public service finder, called by run.mjs with its
// helpers: axe-core on /services, a search with filters, a service page and
// the map view in nl/fr/en; the map drawn by Leaflet from map.json under the
// real CSP (no tiles, nothing loaded from elsewhere); as-you-type suggestions;
// the search without JavaScript; the language switch keeping the service
// page; today's hours highlighted; print styles hiding the controls.
export const FINDER_AXE_PAGES = ['/services', '/services?q=kinderopvang&age=2', '/services?view=map'];

export async function runFinderChecks(h) {
  const { step, check, newContext, goto, switchLanguage, axeStep, t, LANGS, htmlLang, pathOf, clickAndWaitForPage } = h;
  const external = []; // requests to other hosts
  const consoleErrors = [];
  const watch = (page) => {
    page.on('request', (req) => {
      const u = new URL(req.url());
      if (!['127.0.0.1', 'localhost'].includes(u.hostname) && !/^(data|blob):/.test(req.url())) external.push(req.url());
    });
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(`${page.url()}: ${m.text()}`); });
    page.on('pageerror', (e) => consoleErrors.push(`${page.url()}: uncaught ${e.message}`));
  };

  // A service to open: the first result of a search.
  let serviceUrl = null;
  await step('(finder) /services lists services as headed links', async () => {
    const ctx = await newContext({ locale: 'nl' });
    try {
      const p = await ctx.newPage();
      watch(p);
      await goto(p, '/services?q=kinderopvang&age=2');
      const n = await p.locator('ul.results > li.result h3 a').count();
      check(n > 0, 'no results for q=kinderopvang&age=2 in the demo directory');
      serviceUrl = new URL(await p.locator('ul.results > li.result h3 a').first().getAttribute('href'), 'http://x').pathname;
      const status = (await p.locator('#result-count').innerText()).trim();
      check(/\d/.test(status), `result count "${status}" has no number`);
      for (const id of ['q', 'age', 'birth', 'municipality', 'language', 'category', 'open']) {
        check(await p.locator(`label[for="${id}"]`).count() === 1, `no label for #${id}`);
      }
    } finally { await ctx.close(); }
  });

  for (const lang of LANGS) {
    const ctx = await newContext({ locale: lang, bypassCSP: true });
    const p = await ctx.newPage();
    const pages = [...FINDER_AXE_PAGES, ...(serviceUrl ? [serviceUrl] : [])];
    for (const url of pages) {
      await step(`(finder) axe ${url} [${lang}]`, async () => {
        await goto(p, url + (url.includes('?') ? '&' : '?') + `lang=${lang}`);
        const got = await htmlLang(p);
        check(got === lang, `<html lang="${got}">, expected "${lang}"`);
        if (url.includes('view=map')) await p.waitForSelector('#map[data-points-loaded]', { timeout: 15_000 });
        await axeStep(p, `${url} [${lang}]`);
      });
    }
    await ctx.close();
  }

  await step('(finder) the map draws the results with Leaflet under the CSP, no tiles, nothing external', async () => {
    const ctx = await newContext({ locale: 'en' });
    try {
      const p = await ctx.newPage();
      watch(p);
      await goto(p, '/services?view=map&q=opvang');
      await p.waitForSelector('#map[data-points-loaded]', { timeout: 15_000 });
      const loaded = await p.getAttribute('#map', 'data-points-loaded');
      check(Number(loaded) > 0, `map.js reported data-points-loaded="${loaded}"`);
      const markers = await p.locator('#map .leaflet-interactive').count();
      check(markers > 0, 'no markers drawn in #map');
      check(await p.locator('#map .leaflet-tile').count() === 0, 'tiles were drawn although no tile URL is configured');
      check(await p.locator('ul.results > li.result').count() > 0, 'the list is gone in the map view');
      // A marker opens a popup with a link to the service.
      await p.locator('#map .leaflet-interactive').first().click({ force: true });
      const link = p.locator('.leaflet-popup-content a');
      await link.waitFor({ timeout: 5_000 });
      check(/^\/services\/[^/?]+\?lang=en$/.test(await link.getAttribute('href')), 'popup link is not a service page');
    } finally { await ctx.close(); }
  });

  await step('(finder) suggestions appear while typing', async () => {
    const ctx = await newContext({ locale: 'nl' });
    try {
      const p = await ctx.newPage();
      watch(p);
      await goto(p, '/services');
      await p.locator('#q').pressSequentially('kinder', { delay: 40 });
      await p.waitForFunction(() => document.querySelectorAll('#q-suggestions option').length > 0, null, { timeout: 10_000 });
      const first = await p.locator('#q-suggestions option').first().getAttribute('value');
      check(/kinder/i.test(first), `first suggestion "${first}" does not start with the typed text`);
    } finally { await ctx.close(); }
  });

  await step('(finder) search and filters work without JavaScript', async () => {
    const ctx = await h.browser.newContext({ baseURL: h.baseURL, locale: 'fr', javaScriptEnabled: false,
      viewport: { width: 390, height: 844 } });
    try {
      const p = await ctx.newPage();
      await goto(p, '/services');
      await p.locator('#q').fill('crèche');
      await clickAndWaitForPage(p, p.locator('#search-form button[type=submit]'));
      const url = new URL(p.url());
      check(url.pathname === '/services' && url.searchParams.get('q') === 'crèche', `landed on ${p.url()}`);
      check(url.searchParams.get('lang') === 'fr', 'the search URL does not carry lang=fr (not shareable per language)');
      // Phones: the filters are folded in a <details>; wide screens show them as a sidebar.
      if (!(await p.locator('#municipality').isVisible())) await p.locator('details.filters summary').click();
      await p.locator('#municipality').selectOption('21004');
      await clickAndWaitForPage(p, p.locator('#filter-form button[type=submit]'));
      const after = new URL(p.url());
      check(after.searchParams.get('municipality') === '21004' && after.searchParams.get('q') === 'crèche',
        `filters not kept in the URL: ${p.url()}`);
      check(await p.locator('#municipality').inputValue() === '21004', 'the chosen municipality is not selected again');
    } finally { await ctx.close(); }
  });

  await step('(finder) service page: today highlighted, language switch stays on the page, print hides controls', async () => {
    check(serviceUrl, 'no service found to open');
    const ctx = await newContext({ locale: 'nl' });
    try {
      const p = await ctx.newPage();
      watch(p);
      await goto(p, serviceUrl);
      const rows = await p.locator('table.hours tr[aria-current=date]').count();
      if (rows) {
        const [today, other] = await p.evaluate(() => {
          const bg = (el) => getComputedStyle(el).backgroundColor;
          const t = document.querySelector('table.hours tr.today');
          const o = [...document.querySelectorAll('table.hours tbody tr')].find((r) => !r.classList.contains('today'));
          return [bg(t), o ? bg(o) : ''];
        });
        check(today !== other, `today's row looks like the others (${today})`);
      }
      await switchLanguage(p, 'fr');
      check(pathOf(p) === serviceUrl, `the language switch left the service page for ${p.url()}`);
      check(await htmlLang(p) === 'fr', 'not in French after the switch');
      await p.emulateMedia({ media: 'print' });
      for (const sel of ['nav.main', '.lang-switch', '.no-print', '.skip-link']) {
        const shown = await p.locator(sel).first().isVisible().catch(() => false);
        check(!shown, `${sel} is visible when printing`);
      }
      check(await p.locator('h1').isVisible(), 'the heading is hidden when printing');
      const pdf = await p.pdf({ format: 'A4' });
      check(pdf.length > 1000, 'printing produced no PDF');
      await p.emulateMedia({ media: 'screen' });
    } finally { await ctx.close(); }
  });

  await step('(finder) unknown service: 404 page in the reader\'s language', async () => {
    const ctx = await newContext({ locale: 'fr' });
    try {
      const p = await ctx.newPage();
      const res = await goto(p, '/services/00000000-0000-4000-8000-000000000000?lang=fr', { expectOk: false });
      check(res.status() === 404, `answered ${res.status()}`);
      check((await p.locator('main').innerText()).includes(t('fr', 'finder.not_found')), 'no French explanation');
    } finally { await ctx.close(); }
  });

  await step('(finder) no request left the server and no console errors (CSP)', async () => {
    check(!external.length, `requests to other hosts: ${[...new Set(external)].slice(0, 5).join(', ')}`);
    check(!consoleErrors.length, consoleErrors.slice(0, 8).join('\n'));
  });
}
