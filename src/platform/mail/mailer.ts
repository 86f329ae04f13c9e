import type { FastifyBaseLogger } from 'fastify';
import nodemailer from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Where mail goes: SMTP when configured, the log otherwise (development, tests). */
export interface MailSender {
  send(mail: Mail): Promise<void>;
}

export function createMailSender(opts: {
  smtpUrl?: string;
  from: string;
  log: FastifyBaseLogger;
}): MailSender {
  if (!opts.smtpUrl) {
    return {
      async send(mail) {
        opts.log.info({ mail }, 'mail (no SMTP_URL configured: written to the log)');
      },
    };
  }
  const transport = nodemailer.createTransport(opts.smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from: opts.from, ...mail });
    },
  };
}
