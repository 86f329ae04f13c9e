import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { signedIn, type TestApp, testApp } from '../../../test/helpers.js';
import { completeForm, files } from './test-fixtures.js';

let t: TestApp;
before(async () => {
  // About 10 KB, so a 20 KB scan is over the limit.
  t = await testApp({ UPLOAD_MAX_MB: '0.01' });
});
after(() => t.close());

test('a file over the size limit is refused on its field, and the rest of the form is kept', async () => {
  const { client } = await signedIn(t);
  const big = { ...files.pdf, data: Buffer.concat([files.pdf.data, Buffer.alloc(20_000, 32)]) };
  const res = await client.multipart(
    '/kenh-ban-hang/dang-ky',
    { ...completeForm('4201987658'), _action: 'submit' },
    {
      'upload.business_registration': big,
      'upload.citizen_id_front': files.png,
      'upload.citizen_id_back': files.png,
    },
  );
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /Giấy chứng nhận đăng ký kinh doanh \(tệp\): Tệp quá lớn: tối đa 10 KB\./);
  assert.match(res.body, /value="4201987658"/);
  // The small files were stored and stay attached.
  assert.match(res.body, /cccd-mat-truoc\.png/);
});
