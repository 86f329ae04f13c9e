import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { createMailSender } from './mailer.js';

// A real SMTP server on loopback receives what nodemailer sends when SMTP_URL is set.
const received: { from: string; to: string[]; data: string }[] = [];
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, session, cb) {
    let data = '';
    stream.on('data', (c) => {
      data += c;
    });
    stream.on('end', () => {
      received.push({
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        to: session.envelope.rcptTo.map((r) => r.address),
        data,
      });
      cb();
    });
  },
});
let port = 0;

function decodeWords(header: string): string {
  return header
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?([BQ])\?(.*?)\?=/gi, (_, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
}
before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  port = (server.server.address() as AddressInfo).port;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

test('with SMTP_URL set, mail goes out over SMTP with Vietnamese text intact', async () => {
  const sender = createMailSender({
    smtpUrl: `smtp://127.0.0.1:${port}`,
    from: 'no-reply@san.khanhhoa.gov.vn',
    log: pino({ level: 'silent' }),
  });
  await sender.send({
    to: 'hongnhung@example.vn',
    subject: 'Hồ sơ đã được duyệt',
    text: 'Chúc mừng cửa hàng của bạn!',
  });
  assert.equal(received.length, 1);
  assert.equal(received[0].from, 'no-reply@san.khanhhoa.gov.vn');
  assert.deepEqual(received[0].to, ['hongnhung@example.vn']);
  // Non-ASCII headers are MIME-encoded words (RFC 2047); decoded, the subject is exact.
  const subject = received[0].data.match(/^Subject: (.*(?:\r?\n[ \t].*)*)/m)?.[1] ?? '';
  assert.equal(decodeWords(subject), 'Hồ sơ đã được duyệt');
  assert.match(received[0].data, /Content-Type: text\/plain; charset=utf-8/i);
});

test('without SMTP_URL, mail is written to the log and nothing is sent', async () => {
  const lines: string[] = [];
  const log = pino({ level: 'info' }, { write: (l: string) => lines.push(l) });
  const before = received.length;
  await createMailSender({ from: 'no-reply@x.vn', log }).send({
    to: 'a@b.vn',
    subject: 'Xin chào',
    text: 'Nội dung',
  });
  assert.equal(received.length, before);
  assert.equal(lines.length, 1);
  const entry = JSON.parse(lines[0]);
  assert.equal(entry.mail.subject, 'Xin chào');
  assert.equal(entry.mail.to, 'a@b.vn');
});
