// The page object for bringing data in and out: the "Open data" dialog (file, paste, address,
// kept datasets), dropping a file on the page, the load progress, and the "Export" dialog.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { eventsText } from './seed';
import { clickHeaderAction } from './header.po';

export class ImportPage {
  readonly openButton: Locator;
  readonly dialog: Locator;
  readonly fileInput: Locator;
  readonly pasteBox: Locator;
  readonly pasteButton: Locator;
  readonly addressBox: Locator;
  readonly addressButton: Locator;
  readonly kept: Locator;
  readonly progress: Locator;
  readonly cancelButton: Locator;
  readonly exportButton: Locator;
  readonly exportDialog: Locator;
  readonly notices: Locator;
  readonly eventCount: Locator;
  readonly reportButton: Locator;
  readonly reportDialog: Locator;
  readonly datasetTitle: Locator;

  constructor(readonly page: Page) {
    this.openButton = page.getByTestId('open-data').first();
    this.dialog = page.getByTestId('open-data-dialog');
    this.fileInput = page.getByTestId('file-input');
    this.pasteBox = this.dialog.getByLabel('CSV, JSON or GeoJSON');
    this.pasteButton = this.dialog.getByRole('button', { name: 'Open pasted text' });
    this.addressBox = this.dialog.getByLabel('Address of a data file');
    this.addressButton = this.dialog.getByRole('button', { name: 'Open address' });
    this.kept = page.getByTestId('kept-datasets');
    this.progress = page.getByTestId('import-progress');
    this.cancelButton = this.progress.getByRole('button', { name: 'Cancel' });
    this.exportButton = page.getByTestId('export');
    this.exportDialog = page.getByTestId('export-dialog');
    this.notices = page.getByTestId('notice');
    this.eventCount = page.getByTestId('event-count');
    this.reportButton = page.getByTestId('report-button').first();
    this.reportDialog = page.getByTestId('report').first();
    this.datasetTitle = page.locator('.dl-dataset-title');
  }

  /**
   * Records every text the load progress shows from now on, however briefly (a step may come
   * and go between two polls of an assertion): read them with `progressSeen`.
   */
  async recordProgress(): Promise<void> {
    await this.page.evaluate(() => {
      const seen = new Set<string>();
      (window as unknown as { dlProgressSeen: Set<string> }).dlProgressSeen = seen;
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="import-progress"]')?.textContent;
        if (text) seen.add(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
  }

  /** The texts the load progress showed since `recordProgress`. */
  progressSeen(): Promise<string[]> {
    return this.page.evaluate(() => [
      ...(window as unknown as { dlProgressSeen: Set<string> }).dlProgressSeen,
    ]);
  }

  async openDialog(): Promise<void> {
    await this.clickHeaderAction(this.openButton);
    await expect(this.dialog).toBeVisible();
  }

  /** Clicks one of the header's actions, through its menu where they are folded. */
  clickHeaderAction(button: Locator): Promise<void> {
    return clickHeaderAction(this.page, button);
  }

  /** Picks a file in the dialog's file input, as a user would. */
  async pickFile(path: string): Promise<void> {
    await this.openDialog();
    await this.fileInput.setInputFiles(path);
  }

  /** Picks in-memory content as a file of the given name. */
  async pickContent(name: string, content: string, mimeType = 'text/plain'): Promise<void> {
    await this.openDialog();
    await this.fileInput.setInputFiles({ name, mimeType, buffer: Buffer.from(content) });
  }

  /** Drops a file on the page (the map), with the drag events a browser sends. */
  async dropFile(path: string, target: Locator = this.page.locator('body')): Promise<void> {
    const content = readFileSync(path, 'utf8');
    const dataTransfer = await this.page.evaluateHandle(
      ({ name, body }) => {
        const dt = new DataTransfer();
        dt.items.add(new File([body], name, { type: 'text/plain' }));
        return dt;
      },
      { name: basename(path), body: content },
    );
    await target.dispatchEvent('dragenter', { dataTransfer });
    await target.dispatchEvent('dragover', { dataTransfer });
    await target.dispatchEvent('drop', { dataTransfer });
  }

  async paste(text: string): Promise<void> {
    await this.openDialog();
    await this.pasteBox.fill(text);
    await this.pasteButton.click();
  }

  async openAddress(address: string): Promise<void> {
    await this.openDialog();
    await this.addressBox.fill(address);
    await this.addressButton.click();
  }

  /** The header says `n events` ("1 event"). */
  async expectEvents(n: number): Promise<void> {
    await expect(this.eventCount).toHaveText(eventsText(n), { timeout: 30_000 });
  }

  /** Exports the events shown in a format (its button's name) and returns the download. */
  async export(formatName: string): Promise<Download> {
    await this.clickHeaderAction(this.exportButton);
    await expect(this.exportDialog).toBeVisible();
    const downloading = this.page.waitForEvent('download');
    await this.exportDialog.getByRole('button', { name: formatName, exact: true }).click();
    return downloading;
  }

  keptItem(name: string): Locator {
    return this.kept.getByRole('listitem').filter({ hasText: name });
  }
}

/** The column-mapping step's parts. */
export function mappingStep(page: Page) {
  const dialog = page.getByTestId('column-mapping');
  return {
    dialog,
    field: (label: string) => dialog.getByLabel(label, { exact: true }),
    count: page.getByTestId('column-mapping-count'),
    load: dialog.getByRole('button', { name: 'Load' }),
    cancel: dialog.getByRole('button', { name: 'Cancel' }),
  };
}
