import { Injectable, Logger } from '@nestjs/common';
import { Transporter, createTransport } from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends mail over SMTP with nodemailer, configured by the environment (SMTP_HOST, SMTP_PORT,
 * SMTP_SECURE, SMTP_USER, SMTP_PASSWORD, MAIL_FROM; the Helm chart's values and Secret carry them).
 * Without SMTP_HOST nothing is sent and each mail is a JSON log line, so a developer sees it.
 * Mails go out after the workflow that queued them, never inside its transaction; a failed send
 * is logged with its recipient and workflow and does not undo anything.
 */
@Injectable()
export class Mailer {
  private readonly log = new Logger('mail');
  private transport: Transporter | null | undefined;
  private readonly sending = new Set<Promise<void>>();

  queue(workflow: string, mail: Mail): void {
    const send = this.send(workflow, mail)
      .catch((e: unknown) => this.log.error(`workflow ${ workflow }: mail to ${ mail.to } failed: ${ e instanceof Error ? e.message : String(e) }`))
      .finally(() => this.sending.delete(send));
    this.sending.add(send);
  }

  /** Waits for mails still being sent (tests, shutdown). */
  async settled(): Promise<void> {
    await Promise.all([...this.sending]);
  }

  private async send(workflow: string, mail: Mail): Promise<void> {
    const transport = this.transporter();
    if (!transport) {
      this.log.log(JSON.stringify({ workflow, mail: 'not sent: SMTP_HOST is not set', to: mail.to, subject: mail.subject }));
      return;
    }
    await transport.sendMail({ from: process.env.MAIL_FROM || 'no-reply@localhost', to: mail.to, subject: mail.subject, text: mail.text });
  }

  private transporter(): Transporter | null {
    if (this.transport === undefined) {
      const host = process.env.SMTP_HOST;
      this.transport = host
        ? createTransport({
            host,
            port: Number(process.env.SMTP_PORT || 587),
            secure: process.env.SMTP_SECURE === 'true',
            auth: process.env.SMTP_USER ? { user: process.env.SMTP_USER, pass: process.env.SMTP_PASSWORD ?? '' } : undefined,
          })
        : null;
    }
    return this.transport;
  }
}
