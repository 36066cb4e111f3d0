import { Injectable, Logger } from '@nestjs/common';

/**
 * What workflow actions do. Email and notifications go to the log as JSON lines (an outbox a
 * mail or push relay can consume); webhooks are POSTed with a 5 second timeout.
 */
@Injectable()
export class WorkflowActions {
  private readonly log = new Logger('workflow-actions');

  async sendEmail(workflow: string, to: string | null, template: string | null, message: string | null, row: unknown): Promise<void> {
    if (!to) {
      this.log.warn(JSON.stringify({ workflow, action: 'sendEmail', skipped: 'no recipient' }));
      return;
    }
    this.log.log(JSON.stringify({ workflow, action: 'sendEmail', to, template, message, id: idOf(row) }));
  }

  async notify(workflow: string, role: string | null, message: string | null, row: unknown): Promise<void> {
    this.log.log(JSON.stringify({ workflow, action: 'notify', role, message, id: idOf(row) }));
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

  async skipped(workflow: string, reason: string): Promise<void> {
    this.log.warn(JSON.stringify({ workflow, skipped: reason }));
  }
}

function idOf(row: unknown): string | null {
  return row && typeof row === 'object' && 'id' in row ? String((row as { id: unknown }).id) : null;
}
