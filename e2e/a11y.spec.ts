/**
 * Accessibility of every page and its main states, in the light and the dark theme: axe with the
 * WCAG 2.0/2.1/2.2 A and AA rules; reflow (WCAG 1.4.10) at 320 CSS px and at 640 CSS px (1280 px
 * at 200 % zoom): the document never scrolls sideways, only a table inside its own labelled,
 * focusable region; long ids shown whole; and the contrast of form-field borders, focus rings and
 * danger buttons, computed from the colours the browser resolved.
 */
import { test as plain, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { LONG_EVENT_ID, LONG_RESOURCE_ID } from '../mocks/data/queue';
import { paths } from '../src/config/paths';
import { tokenApp } from './helpers/auth';
import { borderContrast, composite, contrastRatio, focusRingContrast, parseColor, textContrast } from './helpers/contrast';
import { linkedCard, lookUp, SEED_ACCOUNT, SEED_USER } from './helpers/linked-resources';
import { applyAdvancedFilter, applySimpleFilter, MAPPINGS_TABLE } from './helpers/mappings';
import { chooseMapping, listRuns, QUICK_MAPPING } from './helpers/recon';
import { QUEUE_TABLE, queueScroller, queueTable } from './helpers/sync-queue';
import { tableRows } from './helpers/table';
import { expect, expectNoAxeViolations, expectNoColourViolations, test } from './helpers/test';

const WIDE = { width: 1280, height: 720 };
/** 320 CSS px (WCAG 1.4.10), and 1280 px at 200 % zoom. */
const NARROW_WIDTHS = [320, 640];
const THEMES = ['light', 'dark'] as const;
const OVERVIEW_TABLE = 'Mappings in processing order, with their health';
/** The mock tenant's queued event whose resource id has 160 characters and nowhere to break. */
const LONG_RESOURCE = `managed/alpha_user/${LONG_RESOURCE_ID}`;

/**
 * The elements that stick out of the viewport on the right, outside any element that scrolls or
 * clips sideways: what makes the document scroll sideways (empty when it does not).
 */
function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return [];
    const clips = (element: Element) => getComputedStyle(element).overflowX !== 'visible';
    const offenders: string[] = [];
    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      if (element.getBoundingClientRect().right <= root.clientWidth + 0.5) continue;
      // Inside a scrolling or clipping element it cannot widen the page, unless it is positioned
      // out of it (an absolutely positioned element escapes a container that is not positioned).
      let clipped = false;
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (clips(parent)) clipped = true;
      }
      if (clipped && getComputedStyle(element).position === 'static') continue;
      const text = (element.textContent ?? '').trim().slice(0, 40);
      offenders.push(`<${element.tagName.toLowerCase()} class="${element.getAttribute('class') ?? ''}"> ${text}`);
    }
    return [`document ${root.scrollWidth}px wide in a ${root.clientWidth}px viewport`, ...offenders.slice(-6)];
  });
}

/** At each narrow width the document does not scroll sideways; then back to the wide viewport. */
async function expectReflow(page: Page, state: string): Promise<void> {
  for (const width of NARROW_WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    // Polled: a virtualized table re-renders for its new size a frame after the resize.
    await expect.poll(() => sidewaysOverflow(page), { message: `${state} at ${width}px scrolls sideways` }).toEqual([]);
  }
  await page.setViewportSize(WIDE);
}

/** The element shows its whole text: nothing clipped sideways or below, no ellipsis, in it or its cell. */
async function expectShownWhole(locator: Locator, text: string): Promise<void> {
  await expect(locator).toHaveText(text);
  const boxes = await locator.evaluate((element) => {
    const chain = [element, element.closest('td, th')].filter((e): e is Element => e !== null);
    return chain.map((e) => {
      const style = getComputedStyle(e);
      return {
        tag: e.tagName,
        scrollWidth: e.scrollWidth,
        clientWidth: e.clientWidth,
        scrollHeight: e.scrollHeight,
        clientHeight: e.clientHeight,
        ellipsis: style.textOverflow === 'ellipsis' && style.whiteSpace === 'nowrap',
      };
    });
  });
  for (const box of boxes) {
    expect(box.scrollWidth, `${box.tag} clipped sideways`).toBeLessThanOrEqual(box.clientWidth);
    expect(box.scrollHeight, `${box.tag} clipped below`).toBeLessThanOrEqual(box.clientHeight);
    expect(box.ellipsis, `${box.tag} ends in an ellipsis`).toBe(false);
  }
}

plain.describe('contrast arithmetic (WCAG 2.2 relative luminance)', () => {
  plain('known ratios', () => {
    const ratio = (fg: string, bg: string) => contrastRatio(parseColor(fg), parseColor(bg));
    expect(ratio('rgb(0, 0, 0)', 'rgb(255, 255, 255)')).toBeCloseTo(21, 5);
    expect(ratio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    // The order does not matter.
    expect(ratio('#767676', '#ffffff')).toBeCloseTo(ratio('#ffffff', '#767676'), 10);
    // #767676 is the classic lightest grey that passes 4.5:1 on white; #777777 just fails.
    expect(ratio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(ratio('#777777', '#ffffff')).toBeLessThan(4.5);
    // The figure: white text on the dark theme's former danger colour.
    expect(ratio('#ffffff', '#ff8a9b')).toBeCloseTo(2.24, 2);
  });

  plain('reads the colour forms Chromium computes, and paints translucent colours over their background', () => {
    expect(parseColor('rgba(11, 92, 173, 0.5)')).toEqual({ r: 11, g: 92, b: 173, a: 0.5 });
    expect(parseColor('rgb(11 92 173 / 50%)')).toEqual({ r: 11, g: 92, b: 173, a: 0.5 });
    expect(parseColor('color(srgb 1 0.5 0)')).toEqual({ r: 255, g: 127.5, b: 0, a: 1 });
    expect(() => parseColor('oklch(0.5 0.1 200)')).toThrow(/not a colour/);
    // Half-transparent black over white is mid grey; fully transparent leaves the background.
    expect(composite(parseColor('rgba(0, 0, 0, 0.5)'), parseColor('#ffffff'))).toEqual({ r: 127.5, g: 127.5, b: 127.5, a: 1 });
    expect(composite(parseColor('rgba(0, 0, 0, 0)'), parseColor('#102030'))).toEqual(parseColor('#102030'));
    expect(contrastRatio(parseColor('rgba(0, 0, 0, 0)'), parseColor('#ffffff'))).toBeCloseTo(1, 5);
  });
});

/**
 * Every page and its main states, each reached from a fresh load: a name, and the steps that bring
 * the page there and wait until it shows that state.
 */
const STATES: { name: string; open: (page: Page, request: APIRequestContext) => Promise<void> }[] = [
  {
    name: 'the overview',
    open: async (page) => {
      await page.goto(paths.overview);
      await expect(page.getByRole('table', { name: OVERVIEW_TABLE }).locator('tbody tr[data-index]').first()).toBeVisible();
    },
  },
  {
    name: 'the overview, only what needs attention',
    open: async (page) => {
      await page.goto(paths.overviewAttention);
      await expect(page.getByRole('status').filter({ hasText: /need attention$/ })).toBeVisible();
      await expect(page.getByRole('table', { name: OVERVIEW_TABLE }).locator('tbody tr[data-index]').first()).toBeVisible();
    },
  },
  {
    name: 'the jump box open',
    open: async (page) => {
      await page.goto(paths.recon);
      await expect(page.getByRole('heading', { name: 'Reconciliation runs' })).toBeVisible();
      await page.getByRole('combobox', { name: 'Jump to' }).fill(QUICK_MAPPING.slice(0, 10));
      await expect(page.getByRole('option', { name: `Mapping ${QUICK_MAPPING}` })).toBeVisible();
    },
  },
  {
    name: 'the mappings',
    open: async (page) => {
      await page.goto(paths.mappings);
      await expect(tableRows(page, MAPPINGS_TABLE)).toHaveCount(50);
    },
  },
  {
    name: 'the mappings, filtered',
    open: async (page) => {
      await page.goto(`${paths.mappings}?by=source&match=eq&value=source1`);
      await expect(tableRows(page, MAPPINGS_TABLE)).toHaveCount(3);
    },
  },
  {
    name: 'the mappings, no match',
    open: async (page) => {
      await page.goto(paths.mappings);
      await applySimpleFilter(page, 'Target', 'equals', 'system/nowhere');
      await expect(page.getByRole('heading', { name: 'No mappings match these filters' })).toBeVisible();
    },
  },
  {
    name: "the mappings, the server's error",
    open: async (page) => {
      await page.goto(paths.mappings);
      // An operator only the server refuses: its 400 with its own message.
      await applyAdvancedFilter(page, '/name regex "^map"');
      await expect(page.getByRole('alert')).toContainText(`Invalid query filter 'regex': unsupported operator`);
    },
  },
  {
    name: "a mapping's page with its trends",
    open: async (page) => {
      await page.goto(paths.mapping('systemLdapAccounts_managedUser'));
      await expect(page.getByRole('heading', { level: 1, name: 'systemLdapAccounts_managedUser' })).toBeVisible();
      await expect(page.getByRole('table', { name: 'Runs of systemLdapAccounts_managedUser, oldest first' })).toBeAttached();
    },
  },
  {
    name: 'linked resources, the form',
    open: async (page) => {
      await page.goto(paths.linkedResources);
      await expect(page.getByRole('heading', { name: 'Choose a resource' })).toBeVisible();
    },
  },
  {
    name: 'linked resources, results and cards',
    open: async (page) => {
      await page.goto(paths.linkedResources);
      await lookUp(page, SEED_USER);
      await expect(linkedCard(page, SEED_ACCOUNT)).toBeVisible();
    },
  },
  {
    name: 'linked resources of an id too long for a line',
    open: async (page) => {
      await page.goto(paths.linkedResourcesOf(LONG_RESOURCE));
      await expect(page.getByRole('heading', { name: `No linked resources for ${LONG_RESOURCE}` })).toBeVisible();
    },
  },
  {
    name: 'the sync queue',
    open: async (page) => {
      await page.goto(paths.syncQueue);
      await expect(tableRows(page, QUEUE_TABLE).first()).toBeVisible();
    },
  },
  {
    name: 'the sync queue with a selection',
    open: async (page) => {
      await page.goto(paths.syncQueue);
      await tableRows(page, QUEUE_TABLE).first().getByRole('checkbox').check();
      await expect(page.getByRole('button', { name: 'Delete selected (1)' })).toBeEnabled();
    },
  },
  {
    name: 'the sync queue, the delete dialog',
    open: async (page) => {
      await page.goto(paths.syncQueue);
      await tableRows(page, QUEUE_TABLE).first().getByRole('checkbox').check();
      await page.getByRole('button', { name: 'Delete selected (1)' }).click();
      await expect(page.getByRole('dialog', { name: 'Delete queued event' }).getByRole('button', { name: 'Delete event' })).toBeVisible();
    },
  },
  {
    name: "the sync queue, an event's change",
    open: async (page) => {
      await page.goto(paths.syncQueue);
      await queueTable(page)
        .getByRole('button', { name: /^[0-9a-f-]{36}$/ })
        .first()
        .click();
      const dialog = page.getByRole('dialog', { name: 'Change carried by a queued event' });
      await expect(dialog.getByRole('table', { name: 'Old and new values of each attribute' })).toBeVisible();
    },
  },
  {
    name: 'the sync queue with a row opened',
    open: async (page) => {
      await page.goto(`${paths.syncQueue}?${new URLSearchParams({ resourceId: LONG_RESOURCE_ID })}`);
      const toggle = page.getByRole('button', { name: `All values of event ${LONG_EVENT_ID}` });
      await toggle.click();
      await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    },
  },
  {
    name: 'the recon runs',
    open: async (page) => {
      await page.goto(paths.recon);
      await expect(page.getByRole('table', { name: 'Reconciliation runs, newest first' })).toBeVisible();
    },
  },
  {
    name: 'the launch dialog',
    open: async (page) => {
      await page.goto(paths.recon);
      await chooseMapping(page, QUICK_MAPPING);
    },
  },
  {
    name: 'a finished run',
    open: async (page, request) => {
      const finished = (await listRuns(request)).find((run) => run.state === 'SUCCESS')!;
      await page.goto(paths.reconRun(finished._id));
      await expect(page.getByRole('table', { name: 'Situations found' })).toBeVisible();
    },
  },
  {
    name: 'a running run',
    open: async (page, request) => {
      const active = (await listRuns(request)).find((run) => run.state === 'ACTIVE')!;
      await page.goto(paths.reconRun(active._id));
      await expect(page.getByRole('progressbar', { name: 'Source entries' })).toBeVisible();
    },
  },
  {
    name: 'a page that does not exist',
    open: async (page) => {
      await page.goto('/no/such/page');
      await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    },
  },
  {
    name: 'the sign-in page',
    open: async (page) => {
      await page.goto(`${tokenApp}/mappings`);
      await expect(page.getByLabel('Access token')).toBeVisible();
    },
  },
];

// Three tests a state, each from a fresh load: axe is the slow part, and one scan of a large page
// is as much as one test should do on a loaded machine.
for (const state of STATES) {
  test(`${state.name}: axe, light`, async ({ page, request }) => {
    await state.open(page, request);
    await expectNoAxeViolations(page);
  });

  test(`${state.name}: axe, dark`, async ({ page, request }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await state.open(page, request);
    // Scanned whole in the light scheme; in the dark one only colours differ.
    await expectNoColourViolations(page);
  });

  test(`${state.name}: no sideways scrolling at 320 and 640 px`, async ({ page, request }) => {
    await state.open(page, request);
    await expectReflow(page, state.name);
  });
}

test('an id too long for a line is shown whole at every width on the linked resources page', async ({ page }) => {
  await page.goto(paths.linkedResourcesOf(LONG_RESOURCE));
  const heading = page.getByRole('heading', { name: `No linked resources for ${LONG_RESOURCE}` });
  for (const width of [WIDE.width, ...NARROW_WIDTHS]) {
    await page.setViewportSize({ width, height: 800 });
    await expectShownWhole(heading, `No linked resources for ${LONG_RESOURCE}`);
  }
});

test('a queue row opened by keyboard shows its long values whole at every width, and closes back to one line', async ({ page }) => {
  await page.goto(`${paths.syncQueue}?${new URLSearchParams({ resourceId: LONG_RESOURCE_ID })}`);
  const row = tableRows(page, QUEUE_TABLE).filter({ has: page.getByRole('button', { name: LONG_EVENT_ID, exact: true }) });
  await expect(row).toHaveCount(1);
  const link = row.getByRole('link', { name: LONG_RESOURCE });
  const toggle = row.getByRole('button', { name: `All values of event ${LONG_EVENT_ID}` });
  // Closed, the row is one line and the id is clipped to its column.
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  expect(await link.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(toggle).toBeFocused();
  for (const width of [WIDE.width, ...NARROW_WIDTHS]) {
    await page.setViewportSize({ width, height: 800 });
    await expectShownWhole(link, LONG_RESOURCE);
    await expectShownWhole(row.getByRole('link', { name: 'managedAlpha_user_managedBravo_user' }), 'managedAlpha_user_managedBravo_user');
    await expectShownWhole(row.getByRole('button', { name: LONG_EVENT_ID, exact: true }), LONG_EVENT_ID);
    // The row is as tall as its content (measured), and the rows after it are laid out below it.
    await expect.poll(() => row.evaluate((tr) => tr.getBoundingClientRect().height)).toBeGreaterThan(41);
    const overlap = await row.evaluate((tr) => (tr.nextElementSibling?.getBoundingClientRect().top ?? Infinity) - tr.getBoundingClientRect().bottom);
    expect(overlap).toBeGreaterThanOrEqual(-1);
  }
  await page.setViewportSize(WIDE);
  await page.keyboard.press('Space');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect.poll(() => row.evaluate((tr) => Math.round(tr.getBoundingClientRect().height))).toBe(41);
  // The table scrolls inside its own labelled region, which the keyboard can reach.
  await expect(queueScroller(page)).toHaveAttribute('tabindex', '0');
});

for (const colorScheme of THEMES) {
  test(`contrast in the ${colorScheme} theme: field borders and focus rings 3:1, danger buttons' text 4.5:1`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto(paths.mappings);
    await expect(tableRows(page, MAPPINGS_TABLE)).toHaveCount(50);

    for (const field of [page.getByLabel('Value'), page.getByLabel('Filter by')]) {
      expect(await borderContrast(field), 'field border').toBeGreaterThanOrEqual(3);
      await field.focus();
      expect(await field.evaluate((e) => e.matches(':focus-visible'))).toBe(true);
      expect(await focusRingContrast(field), 'focus ring of a field').toBeGreaterThanOrEqual(3);
    }
    const apply = page.getByRole('button', { name: 'Apply filter' });
    await apply.focus();
    expect(await focusRingContrast(apply), 'focus ring of a button').toBeGreaterThanOrEqual(3);
    const navLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mappings' });
    await navLink.focus();
    expect(await focusRingContrast(navLink), 'focus ring of the current page’s link').toBeGreaterThanOrEqual(3);

    // A destructive button, and the one in its confirmation dialog.
    await page.goto(paths.syncQueue);
    await tableRows(page, QUEUE_TABLE).first().getByRole('checkbox').check();
    const deleteSelected = page.getByRole('button', { name: 'Delete selected (1)' });
    expect(await textContrast(deleteSelected), 'danger button text').toBeGreaterThanOrEqual(4.5);
    await deleteSelected.click();
    const confirm = page.getByRole('dialog', { name: 'Delete queued event' }).getByRole('button', { name: 'Delete event' });
    expect(await textContrast(confirm), 'danger button text in the dialog').toBeGreaterThanOrEqual(4.5);
    // The dialog opens on its safe choice (Cancel, the last button); Shift+Tab reaches the danger one.
    await expect(page.getByRole('dialog').getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(confirm).toBeFocused();
    expect(await focusRingContrast(confirm), 'focus ring in a dialog').toBeGreaterThanOrEqual(3);
  });
}
