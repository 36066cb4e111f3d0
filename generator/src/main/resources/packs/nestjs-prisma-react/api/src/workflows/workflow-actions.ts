import { Injectable, Logger } from '@nestjs/common';
import { UserDirectory } from '../auth/user-directory';
import type { Tx } from '../db/tenant-db';
import { Mailer } from './mailer';

/** A mail a workflow action writes: subject and text with placeholders filled, and the row it is about. */
export interface WorkflowMail {
  subject: string;
  text: string;
  entity: string | null;
  about: string | null;
}

/**
 * What workflow actions do. Mail goes over SMTP (Mailer): to an address, to a field reached
 * through relations, or to every user of the tenant with a role (UserDirectory); a notification
 * without a recipient is a JSON log line; webhooks are POSTed with a 5 second timeout.
 */
@Injectable()
export class WorkflowActions {
  private readonly log = new Logger('workflow-actions');

  constructor(
    private readonly mailer: Mailer,
    private readonly directory: UserDirectory,
  ) {}

  /** Queues the mail; the mailer sends it after the transaction commits. */
  sendEmail(workflow: string, to: string | null, mail: WorkflowMail): void {
    if (!to) {
      this.log.warn(JSON.stringify({ workflow, action: 'sendEmail', skipped: 'no recipient', about: mail.about }));
      return;
    }
    this.mailer.queue(workflow, { to, subject: mail.subject, text: body(workflow, mail) });
  }

  /** Mail to every user of the caller's tenant who has the role (as their last token said). */
  async emailRole(workflow: string, tx: Tx, role: string, mail: WorkflowMail): Promise<void> {
    const recipients = await this.directory.emailsWithRole(tx, role);
    if (recipients.length === 0) {
      this.log.warn(JSON.stringify({ workflow, action: 'email role', role, skipped: 'no user with this role and an e-mail address' }));
    }
    for (const to of recipients) {
      this.mailer.queue(workflow, { to, subject: mail.subject, text: body(workflow, mail) });
    }
  }

  notify(workflow: string, mail: WorkflowMail): void {
    this.log.log(JSON.stringify({ workflow, action: 'notify', subject: mail.subject, text: mail.text, about: mail.about }));
  }

  async callWebhook(workflow: string, url: string, row: unknown): Promise<void> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ workflow, id: idOf(row) }),
      signal: AbortSignal.timeout(5000),
    });
    if (!response.ok) {
      throw new Error(`webhook ${ url } answered ${ response.status }`);
    }
  }

  skipped(workflow: string, reason: string): void {
    this.log.warn(JSON.stringify({ workflow, skipped: reason }));
  }
}

function body(workflow: string, mail: WorkflowMail): string {
  return mail.text + (mail.entity && mail.about ? `\n\n(${ workflow }: ${ mail.entity } ${ mail.about })` : '');
}

function idOf(row: unknown): string | null {
  return row && typeof row === 'object' && 'id' in row ? String((row as { id: unknown }).id) : null;
}

/** A placeholder's value as text: '' when missing, ISO-8601 for date-times. */
export function asText(value: unknown): string {
  if (value === null || value === undefined) {
    return '';
  }
  return value instanceof Date ? value.toISOString() : String(value);
}

/** A date field as yyyy-mm-dd, as the API shows it. */
export function asDay(value: Date | null | undefined): string {
  return value ? value.toISOString().slice(0, 10) : '';
}

/** A recipient: the text, or null when empty. */
export function orNull(text: string): string | null {
  return text === '' ? null : text;
}

/** A text with its placeholders filled: literal parts and values in order. */
export function compose(parts: string[]): string {
  return parts.join('');
}
