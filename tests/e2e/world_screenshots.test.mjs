// Screenshots of the world page at 1280×720 and 768 wide, after the main flow and
// after a denial, saved to screenshots/ for people to look at.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { SCREENSHOTS, TRUST_EC2, advance, firstInstanceId, openWorld, run, setUpWorld } from './world_helpers.mjs';

let env;
before(async () => {
  env = await setUpWorld();
  await mkdir(SCREENSHOTS, { recursive: true });
});
after(async () => {
  await env.close();
});

async function story(page) {
  await run(page, `echo '${TRUST_EC2}' > trust.json`);
  await run(page, 'aws iam create-role --role-name app-role --assume-role-policy-document file://trust.json');
  await run(page, 'aws iam attach-role-policy --role-name app-role --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess');
  await run(page, 'aws iam create-instance-profile --instance-profile-name app-profile');
  await run(page, 'aws iam add-role-to-instance-profile --instance-profile-name app-profile --role-name app-role');
  await run(page, 'aws s3 mb s3://demo-bucket');
  await run(page, 'aws ec2 run-instances --image-id ami-0abcdef1234567890 --iam-instance-profile Name=app-profile --tag-specifications "ResourceType=instance,Tags=[{Key=Name,Value=web-1}]"');
  await advance(page, '5m');
  const id = await firstInstanceId(page);
  await run(page, `ssh ${id}`);
  await run(page, 'echo hello > f.txt');
  await run(page, 'aws s3 cp f.txt s3://demo-bucket/f.txt');
}

for (const [name, viewport] of [
  ['1280x720', { width: 1280, height: 720 }],
  ['768', { width: 768, height: 1024 }],
]) {
  test(`screenshots at ${name}`, async () => {
    const { context, page, errors } = await openWorld(env, '#/terminal', { viewport });
    await page.screenshot({ path: join(SCREENSHOTS, `world-empty-${name}.png`) });
    await story(page);
    await page.screenshot({ path: join(SCREENSHOTS, `world-denied-${name}.png`) });
    await page.getByTestId('tab-events').click();
    await page.getByTestId('event-row').first().click();
    await page.screenshot({ path: join(SCREENSHOTS, `world-events-${name}.png`), fullPage: true });
    await page.getByTestId('tab-iam').click();
    await page.screenshot({ path: join(SCREENSHOTS, `world-iam-${name}.png`), fullPage: true });
    await page.getByTestId('tab-ec2').click();
    await page.getByTestId('advance-6h').click();
    await page.screenshot({ path: join(SCREENSHOTS, `world-ec2-${name}.png`), fullPage: true });
    const embedded = await context.newPage();
    await embedded.goto(`${env.server.url}?embed=1#/`);
    await embedded.getByTestId('world-page').waitFor();
    await embedded.screenshot({ path: join(SCREENSHOTS, `world-embed-${name}.png`) });
    assert.deepEqual(errors, []);
    await context.close();
  });
}
