/**
 * Browser tests of the Account panel in the local preview: Debian chromium driven by playwright-core, over the
 * built preview (`npm run test:browser` builds it first). Each view is checked with axe-core (WCAG 2.1 A and
 * AA, no rule disabled) and the main views are saved to docs/screenshots/ for the README.
 *
 * Usage: tsx preview/tests/panel.browser.ts   (ends with `N passed, N failed`; exit code 1 on any failure)
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { RunningPreview } from '../server';
import { axeViolations, describeViolations, launchBrowser, Runner, servePreview, type Browser } from './harness';

const ROOT = join(__dirname, '..', '..');
const SCREENSHOTS = join(ROOT, 'docs', 'screenshots');
const HARBOR_BANK = 'CW-ACC-0001';
const BLUEWATER = 'CW-ACC-0002';

let browser: Browser;
let preview: RunningPreview;

/** Opens the preview on an account as a rep; waits until the panel shows its suggestions. */
async function open(query: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
    const page = await browser.context.newPage();
    await page.setViewportSize(viewport);
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
    });
    (page as Page & { problems?: string[] }).problems = problems;
    await page.goto(`${preview.url}?${query}`);
    return page;
}

/** Script errors the page reported (uncaught errors and console errors). */
function problemsOf(page: Page): string[] {
    return (page as Page & { problems?: string[] }).problems ?? [];
}

/** Closes a page after checking that it reported no script error. */
async function closeClean(page: Page): Promise<void> {
    const problems = problemsOf(page);
    await page.close();
    assert.deepEqual(problems, [], 'the page reported script errors');
}

const cards = (page: Page): Locator => page.locator('c-offering-card article.offering');
const cardNamed = (page: Page, name: string): Locator =>
    cards(page).filter({ has: page.locator('h3.name', { hasText: name }) });
const attemptsNamed = (page: Page, name: string): Locator =>
    page.locator('c-attempt-item').filter({ has: page.locator('p.offering', { hasText: name }) });

async function waitForSuggestions(page: Page): Promise<void> {
    await cards(page).first().waitFor({ state: 'visible' });
}

async function offeringNames(page: Page): Promise<string[]> {
    return (await page.locator('c-offering-card h3.name').allInnerTexts()).map((t) => t.trim());
}

async function expectNoAxeViolations(page: Page, view: string): Promise<void> {
    const violations = await axeViolations(page);
    assert.equal(
        violations.length,
        0,
        `${view}: axe found WCAG 2.1 A/AA violations:\n${describeViolations(violations)}`
    );
}

/** Saves what the window shows (the README's pictures) to docs/screenshots. */
async function screenshot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

async function expectToast(page: Page, title: string): Promise<void> {
    await page.locator('#toast-region .slds-notify_toast', { hasText: title }).first().waitFor({ state: 'visible' });
}

/** Describes the focused element, looking through (synthetic) shadow roots. */
function focused(page: Page): Promise<string> {
    return page.evaluate(() => {
        let active: Element | null = document.activeElement;
        while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
        if (!active) return '';
        const label = active.getAttribute('aria-label') ?? '';
        const name = active.getAttribute('name') ?? '';
        const role = active.getAttribute('role') ?? '';
        return `${active.tagName.toLowerCase()}|${name}|${label}|${role}|${(active.textContent ?? '').trim().slice(0, 60)}`;
    });
}

/** Presses Tab until the focused element matches, at most `limit` times. */
async function tabTo(page: Page, matches: (description: string) => boolean, what: string, limit = 80): Promise<void> {
    for (let i = 0; i < limit; i++) {
        await page.keyboard.press('Tab');
        if (matches(await focused(page))) return;
    }
    throw new Error(`Tab never reached ${what} (last focus: ${await focused(page)})`);
}

/** Polls a condition (for changes the page makes without a navigation). */
async function waitUntil(condition: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
        if (await condition()) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`Timed out waiting for ${what}`);
}

const runner = new Runner(60_000);

runner.test('the page serves and `npm start` prints the address to open', async () => {
    const server = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'preview', 'server.ts'), '--port', '0'], {
        cwd: ROOT
    });
    try {
        const url = await new Promise<string>((resolve, reject) => {
            let out = '';
            server.stdout.on('data', (chunk: Buffer) => {
                out += chunk.toString();
                const found = /open (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
                if (found) resolve(found[1]);
            });
            server.on('exit', (code) => reject(new Error(`the server exited (${code}): ${out}`)));
        });
        const response = await fetch(url);
        assert.equal(response.status, 200);
        assert.match(await response.text(), /Crossway preview/);
    } finally {
        server.kill();
    }
});

runner.test('main view: ranked offerings with reasons and colleagues, no WCAG violation', async () => {
    const page = await open(`account=${HARBOR_BANK}&rep=rep.alex`);
    await waitForSuggestions(page);
    assert.equal(await page.locator('#account-name').innerText(), 'Harbor Bank');
    const names = await offeringNames(page);
    assert.ok(names.length >= 3, `several suggestions are shown (${names.join(', ')})`);
    assert.equal(names[0], 'Treasury Services', 'the sample story ranks Treasury Services first for Harbor Bank');
    const first = cards(page).first();
    assert.equal(await first.getAttribute('aria-label'), 'Suggestion 1: Treasury Services');
    const reasons = await first.locator(':scope > ul.reasons li').allInnerTexts();
    assert.ok(reasons.length >= 2, 'the top suggestion has reasons');
    assert.ok(
        reasons.some((r) => /Banking accounts/.test(r)),
        `a peer adoption reason names the segment: ${reasons.join(' | ')}`
    );
    assert.ok((await first.locator('c-specialist-list').innerText()).includes('Priya Raman'));
    await page.locator('c-attempt-list').waitFor();
    await screenshot(page, 'panel-desktop');
    await expectNoAxeViolations(page, 'main view');
    await closeClean(page);
});

runner.test('learn card: value proposition, questions and who has sold it', async () => {
    const page = await open(`account=${HARBOR_BANK}&rep=rep.alex`);
    await waitForSuggestions(page);
    const card = cardNamed(page, 'Treasury Services');
    await card.getByRole('button', { name: 'Learn about it' }).click();
    const learn = card.locator('c-learn-card section.learn');
    await learn.waitFor({ state: 'visible' });
    assert.equal(await learn.getAttribute('aria-label'), 'Learn about Treasury Services');
    assert.ok((await learn.locator('ol.questions li').count()) > 0, 'discovery questions are listed');
    assert.match(await learn.locator('ul.sellers').innerText(), /won/);
    await learn.scrollIntoViewIfNeeded();
    await card.screenshot({ path: join(SCREENSHOTS, 'learn-card.png') });
    await expectNoAxeViolations(page, 'learn card');
    await closeClean(page);
});

runner.test('log an attempt, see it listed, then move its status along', async () => {
    const page = await open(`account=${HARBOR_BANK}&rep=rep.alex`);
    await waitForSuggestions(page);
    const name = (await offeringNames(page))[1];
    const card = cardNamed(page, name);
    await card.getByRole('button', { name: 'Log attempt' }).click();
    const form = card.locator('c-log-attempt-form form');
    await form.waitFor({ state: 'visible' });
    await form.getByRole('combobox', { name: 'Colleague to involve' }).click();
    const option = form.getByRole('option').nth(1);
    const specialistName = (await option.innerText()).split('(')[0].trim();
    await option.click();
    // the form proposes the typical deal size; replace it as a rep would
    await form.getByLabel('Estimated value').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('75000');
    await form.getByLabel('Next step', { exact: true }).fill('Book discovery call');
    await card.screenshot({ path: join(SCREENSHOTS, 'log-attempt.png') });
    await expectNoAxeViolations(page, 'log attempt form');
    await form.getByRole('button', { name: 'Log attempt' }).click();

    await expectToast(page, 'Attempt logged');
    await cardNamed(page, name).waitFor({ state: 'detached' });
    const attempt = attemptsNamed(page, name);
    await attempt.waitFor({ state: 'visible' });
    assert.equal((await attempt.locator('lightning-badge.status').innerText()).trim(), 'Introduced');
    assert.match(await attempt.locator('dd.specialist').innerText(), new RegExp(specialistName));
    assert.match(await attempt.locator('dd.next-step').innerText(), /Book discovery call/);
    assert.equal((await attempt.locator('dd.value').innerText()).trim(), '$75,000');

    await attempt.getByRole('button', { name: `Update the attempt on ${name}` }).click();
    const editor = attempt.locator('form.editor');
    await editor.waitFor({ state: 'visible' });
    await editor.getByRole('combobox', { name: 'Status' }).click();
    await editor.getByRole('option', { name: 'Meeting Held' }).click();
    await expectNoAxeViolations(page, 'attempt editor');
    await editor.getByRole('button', { name: 'Save' }).click();
    await expectToast(page, 'Attempt updated');
    await attempt.locator('lightning-badge.status', { hasText: 'Meeting Held' }).waitFor();
    await closeClean(page);
});

runner.test('dismiss an offering with a reason: it leaves the list', async () => {
    const page = await open(`account=${HARBOR_BANK}&rep=rep.alex`);
    await waitForSuggestions(page);
    const name = (await offeringNames(page))[2];
    const card = cardNamed(page, name);
    await card.getByRole('button', { name: 'Dismiss' }).click();
    const form = card.locator('c-dismiss-form form');
    await form.waitFor({ state: 'visible' });
    await form.getByText('Bad timing', { exact: true }).click();
    await form.getByLabel('Notes').fill('Budget is frozen until next year');
    await expectNoAxeViolations(page, 'dismiss form');
    await form.getByRole('button', { name: 'Dismiss' }).click();
    await expectToast(page, 'Suggestion dismissed');
    await cardNamed(page, name).waitFor({ state: 'detached' });
    // the refreshed data (not only the optimistic removal) leaves it out
    await page.locator('c-cross-sell-panel lightning-button-icon.refresh button').click();
    await waitForSuggestions(page);
    assert.ok(!(await offeringNames(page)).includes(name), `${name} is no longer suggested`);
    await closeClean(page);
});

runner.test('switch account: the header and the suggestions follow', async () => {
    const page = await open(`account=${HARBOR_BANK}&rep=rep.alex`);
    await waitForSuggestions(page);
    const harborReasons = await cards(page).first().locator(':scope > ul.reasons').innerText();
    await page.getByLabel('Account', { exact: true }).selectOption(BLUEWATER);
    await page.locator('#account-name', { hasText: 'Bluewater Trading' }).waitFor();
    const firstReasons = () => cards(page).first().locator(':scope > ul.reasons').innerText();
    await waitUntil(async () => (await firstReasons()) !== harborReasons, 'the suggestions to change');
    const reasons = await cards(page).first().locator(':scope > ul.reasons').innerText();
    assert.doesNotMatch(reasons, /Banking accounts/, 'Bluewater has no industry: no banking segment');
    assert.match(page.url(), new RegExp(`account=${BLUEWATER}`), 'the address keeps the account');
    await expectNoAxeViolations(page, 'second account');
    await closeClean(page);
});

runner.test('act as another rep: trust signals change with shared history', async () => {
    const page = await open(`account=${HARBOR_BANK}&rep=rep.alex`);
    await waitForSuggestions(page);
    const colleagues = () => cardNamed(page, 'Treasury Services').locator('c-specialist-list').innerText();
    assert.match(await colleagues(), /Dana Whitfield[\s\S]*Worked with you on 3 attempts/);
    await page.getByLabel('View as rep', { exact: true }).selectOption('rep.jamie');
    // the panel is created again for the new rep; wait for its colleagues to be listed afresh
    await waitUntil(async () => {
        const text = await colleagues().catch(() => '');
        return text.includes('Priya Raman') && !/Worked with you on 3 attempts/.test(text);
    }, 'the colleagues as Jamie sees them');
    assert.match(page.url(), /rep=rep\.jamie/);
    await closeClean(page);
});

runner.test('log a touchpoint with a colleague: it becomes shared history', async () => {
    const page = await open(`account=${HARBOR_BANK}&rep=rep.jamie`);
    await waitForSuggestions(page);
    const card = cardNamed(page, 'Treasury Services');
    const priya = () => card.locator('c-specialist-list li', { hasText: 'Priya Raman' }).first();
    /** Priya's reasons, all of them (the list shows the strongest three until asked for more). */
    const reasons = async (): Promise<string> => {
        const more = priya().locator('button.more-reasons');
        if ((await more.count()) && (await more.getAttribute('aria-expanded')) !== 'true') await more.click();
        return priya().locator('ul.reasons').innerText();
    };
    assert.doesNotMatch(await reasons(), /touchpoints? with you outside deals/, 'Jamie has no touchpoint with Priya');
    await priya().getByRole('button', { name: 'Log a touchpoint with Priya Raman' }).click();
    const form = priya().locator('c-connection-form form');
    await form.waitFor({ state: 'visible' });
    await form.getByText('Shadowing', { exact: true }).click();
    await form.getByLabel('Notes').fill('Sat in on a treasury workshop');
    await expectNoAxeViolations(page, 'touchpoint form');
    await form.getByRole('button', { name: 'Log touchpoint' }).click();
    await expectToast(page, 'Touchpoint logged');
    await waitUntil(
        async () => /1 touchpoints? with you outside deals/.test(await reasons().catch(() => '')),
        "the touchpoint among Priya's reasons"
    );
    await closeClean(page);
});

runner.test('error state: the panel says the suggestions could not be loaded', async () => {
    const page = await open(`account=${HARBOR_BANK}&rep=rep.alex&fail=getPanelData`);
    const error = page.locator('c-error-panel.load-error [role="alert"]');
    await error.waitFor({ state: 'visible' });
    assert.match(await error.innerText(), /Suggestions could not be loaded\./);
    assert.match(await error.innerText(), /getPanelData failed on purpose/);
    assert.equal(await cards(page).count(), 0);
    await screenshot(page, 'error-state');
    await expectNoAxeViolations(page, 'error state');
    await closeClean(page);
});

runner.test('a failed write shows its error in the form and keeps the suggestion', async () => {
    const page = await open(`account=${HARBOR_BANK}&rep=rep.alex&fail=logAttempt`);
    await waitForSuggestions(page);
    const name = (await offeringNames(page))[0];
    const card = cardNamed(page, name);
    await card.getByRole('button', { name: 'Log attempt' }).click();
    const form = card.locator('c-log-attempt-form form');
    await form.getByRole('button', { name: 'Log attempt' }).click();
    const error = form.locator('c-error-panel.server-error [role="alert"]');
    await error.waitFor({ state: 'visible' });
    assert.match(await error.innerText(), /The attempt could not be logged\./);
    assert.match(await error.innerText(), /logAttempt failed on purpose/);
    assert.equal(await cardNamed(page, name).count(), 1, 'the suggestion stays');
    assert.equal(await attemptsNamed(page, name).count(), 0, 'no attempt was listed');
    await expectNoAxeViolations(page, 'failed write');
    await closeClean(page);
});

runner.test('loading state while the server answers slowly', async () => {
    const page = await open(`account=${HARBOR_BANK}&rep=rep.alex&latency=1500`);
    const loading = page.locator('c-cross-sell-panel .loading[role="status"]');
    await loading.waitFor({ state: 'visible' });
    assert.match(await loading.innerText(), /Loading suggestions/);
    await expectNoAxeViolations(page, 'loading state');
    await waitForSuggestions(page);
    assert.equal(await loading.count(), 0, 'the spinner goes once the suggestions are in');
    await closeClean(page);
});

runner.test('keyboard only: log an attempt without the mouse', async () => {
    const page = await open(`account=${HARBOR_BANK}&rep=rep.alex`);
    await waitForSuggestions(page);
    const name = (await offeringNames(page))[0];
    await page.locator('body').focus();
    await tabTo(page, (d) => d.startsWith('button|') && d.endsWith('|Log attempt'), 'the first Log attempt button');
    await page.keyboard.press('Enter');
    const form = cardNamed(page, name).locator('c-log-attempt-form form');
    await form.waitFor({ state: 'visible' });
    const colleague = form.getByRole('combobox', { name: 'Colleague to involve' });
    await tabTo(page, (d) => d.includes('|combobox|'), 'the colleague field');
    // the form suggests the top colleague; choose the second one with the arrow keys
    const preselected = (await colleague.innerText()).trim();
    let highlighted = '';
    for (let i = 0; i < 6 && (!highlighted || /Nobody yet/.test(highlighted) || highlighted === preselected); i++) {
        await page.keyboard.press('ArrowDown');
        await page.waitForFunction(
            (el) => el?.getAttribute('aria-expanded') === 'true' && !!el.getAttribute('aria-activedescendant'),
            await colleague.elementHandle()
        );
        const id = await colleague.getAttribute('aria-activedescendant');
        highlighted = (await form.locator(`[id="${id}"]`).innerText()).trim();
    }
    await page.keyboard.press('Enter');
    const chosen = highlighted.split('(')[0].trim();
    await page.waitForFunction(([el, text]) => !!el && (el as HTMLElement).innerText.includes(text as string), [
        await colleague.elementHandle(),
        chosen
    ] as const);
    await tabTo(page, (d) => d.startsWith('input|estimatedValue|'), 'the estimated value');
    await page.keyboard.type('42000');
    await tabTo(page, (d) => d.startsWith('input|nextStep|'), 'the next step');
    await page.keyboard.type('Send case study');
    await tabTo(
        page,
        (d) => d.startsWith('button|') && d.endsWith('|Log attempt') && !d.includes('Suggestion'),
        'Save'
    );
    await page.keyboard.press('Enter');
    await expectToast(page, 'Attempt logged');
    const attempt = attemptsNamed(page, name);
    await attempt.waitFor({ state: 'visible' });
    assert.match(await attempt.locator('dd.next-step').innerText(), /Send case study/);
    assert.equal((await attempt.locator('dd.value').innerText()).trim(), '$42,000');
    assert.match(
        await attempt.locator('dd.specialist').innerText(),
        new RegExp(chosen),
        'the colleague chosen by keyboard'
    );
    await closeClean(page);
});

runner.test('phone (375 px wide): the panel fits the screen, no WCAG violation', async () => {
    const page = await open(`account=${HARBOR_BANK}&rep=rep.alex`, { width: 375, height: 812 });
    await waitForSuggestions(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
    assert.equal((await offeringNames(page))[0], 'Treasury Services');
    await screenshot(page, 'panel-phone');
    await expectNoAxeViolations(page, 'phone view');
    await closeClean(page);
});

async function main(): Promise<void> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    preview = await servePreview();
    browser = await launchBrowser();
    let failed = 1;
    try {
        failed = await runner.run();
    } finally {
        await browser.close();
        await preview.close();
    }
    process.exitCode = failed ? 1 : 0;
}

main().catch((error: Error) => {
    console.error(`Browser tests could not run: ${error.message}`);
    console.log('0 passed, 1 failed');
    process.exitCode = 1;
});
