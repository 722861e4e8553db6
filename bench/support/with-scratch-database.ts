import pg from 'pg';

/** Runs `work` on a fresh PostgreSQL database made on the server of `postgresUrl`, dropped afterwards. */
export async function withScratchDatabase(postgresUrl: string, work: (url: string) => Promise<void>): Promise<void> {
  const name = `clef_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  try {
    await work(url.toString());
  } finally {
    // Not WITH (FORCE): that kills the store pool's connection while it is still closing, an unhandled 'error'
    // event that ended earlier runs after their figures; wait for the pool's connections to go instead.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`DROP DATABASE IF EXISTS ${name}`);
        break;
      } catch (error) {
        if (attempt === 20) {
          console.error(`could not drop ${name}: ${(error as Error).message}`);
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
    await admin.end();
  }
}
