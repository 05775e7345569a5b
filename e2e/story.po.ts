// Page object for stories (issue 13): the story panel (title, "3 of 9", Previous/Next, the
// progress bar, the step's text, Leave), the Stories dialog (play, edit, delete, New story), and
// the story editor (titles, texts, adding the selected event, moving and deleting steps).
import type { Locator, Page } from '@playwright/test';
import { expect, READY, seed, type DatelinePage } from './fixtures';

export class StoryPage {
  readonly panel: Locator;
  readonly title: Locator;
  readonly count: Locator;
  readonly previous: Locator;
  readonly next: Locator;
  readonly leave: Locator;
  readonly progress: Locator;
  readonly step: Locator;
  readonly text: Locator;
  readonly storiesButton: Locator;
  readonly dialog: Locator;
  readonly items: Locator;
  readonly newStory: Locator;
  readonly editor: Locator;
  readonly editorTitle: Locator;
  readonly addStep: Locator;
  readonly stepRows: Locator;
  readonly done: Locator;
  readonly editorAnnouncer: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByTestId('story-panel');
    this.title = this.panel.locator('#dl-story-title');
    this.count = page.getByTestId('story-count');
    this.previous = page.getByTestId('story-previous');
    this.next = page.getByTestId('story-next');
    this.leave = page.getByTestId('story-leave');
    this.progress = this.panel.locator('progress');
    this.step = page.getByTestId('story-step');
    this.text = this.step.getByTestId('story-text');
    this.storiesButton = page.getByTestId('stories-button');
    this.dialog = page.getByTestId('stories-dialog');
    this.items = this.dialog.getByTestId('story-item');
    this.newStory = page.getByTestId('story-new');
    this.editor = page.getByTestId('story-editor');
    this.editorTitle = page.getByTestId('story-title-input');
    this.addStep = page.getByTestId('story-add-step');
    this.stepRows = page.getByTestId('story-step-row');
    this.done = page.getByTestId('story-done');
    this.editorAnnouncer = page.getByTestId('story-editor-announcer');
  }

  /**
   * Opens a link to step `step` (1-based) of story `id` and waits until the views show it:
   * `shown` events of the seed's (the step's filters may narrow them).
   */
  async gotoStep(dateline: DatelinePage, id: string, step: number, shown = seed.events.length) {
    await this.page.goto(`/?story=${id}&step=${step}`);
    const total = seed.events.length;
    await expect(dateline.eventCount).toHaveText(
      shown === total ? `${total} events` : `${shown} of ${total} events`,
      READY,
    );
    await dateline.views.timeline.waitUntilDrawn();
    await dateline.views.map.waitForBasemap();
    await expect(this.panel).toBeVisible();
  }

  /** Opens the Stories dialog (through the header's menu on a narrow screen). */
  async openDialog(): Promise<void> {
    if (!(await this.storiesButton.isVisible())) await this.page.getByTestId('menu-toggle').click();
    await this.storiesButton.click();
    await expect(this.dialog).toBeVisible();
  }

  /** Plays the story titled `title` from the Stories dialog. */
  async play(title: string): Promise<void> {
    await this.openDialog();
    await this.dialog.getByRole('button', { name: `Play “${title}”` }).click();
    await expect(this.panel).toBeVisible();
  }

  async expectAt(step: number, of: number): Promise<void> {
    await expect(this.count).toHaveText(`Step ${step} of ${of}`);
    await expect(this.progress).toHaveAttribute('value', String(step));
    await expect(this.progress).toHaveAttribute('max', String(of));
  }

  /** The address bar's story parameters. */
  async linkStep(): Promise<{ story: string | null; step: string | null }> {
    const params = new URL(this.page.url()).searchParams;
    return { story: params.get('story'), step: params.get('step') };
  }

  row(i: number): Locator {
    return this.stepRows.nth(i);
  }

  /** Drags step `from`'s handle onto step `to` (both 0-based), as a mouse does. */
  async dragStep(from: number, to: number): Promise<void> {
    const handle = this.row(from).getByTestId('story-step-drag');
    await handle.hover();
    const box = (await handle.boundingBox())!;
    await this.page.mouse.down();
    // Chromium starts an HTML drag once the pointer has moved a little, before any scrolling;
    // the drop goes where the pointer is after a move over the target.
    await this.page.mouse.move(box.x + box.width / 2 + 8, box.y + box.height / 2 - 8, { steps: 3 });
    const target = this.row(to).getByTestId('story-step-drag');
    await target.hover({ position: { x: 2, y: 2 } });
    await target.hover();
    await this.page.mouse.up();
  }

  /** The event names of the editor's steps, in order ("1. Title" → "Title"). */
  async stepNames(): Promise<string[]> {
    const names = await this.stepRows.locator('.dl-story-step-name').allTextContents();
    return names.map((n) => n.replace(/^\d+\.\s*/, '').replace(/ · with its view$/, ''));
  }
}
