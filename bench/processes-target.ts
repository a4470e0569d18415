/**
 * The baseline server of `npm run bench:processes`, one per process: a bare Fastify route,
 * GET /terms/:slug, that reads a term, its program and its timeline from Cohort's tables with
 * three queries over a pool of 10 connections (as many as a Cohort process opens) and answers
 * them as JSON. It has none of Cohort's own work, so what a second process of it costs per
 * request is what a second Node.js process costs on the machine, whatever it runs.
 *
 * Usage: processes-target <postgres url>
 */
import Fastify from "fastify";
import pg from "pg";

const url = process.argv[2];
if (!url?.startsWith("postgres")) {
  process.stderr.write("usage: processes-target <postgres url>\n");
  process.exit(2);
}
const pool = new pg.Pool({ connectionString: url, max: 10 });
const app = Fastify({ logger: false });
app.get<{ Params: { slug: string } }>("/terms/:slug", async (request, reply) => {
  const term = (await pool.query("select id, program_id, slug, title, time_zone, revision from terms where slug = $1", [request.params.slug])).rows[0];
  if (!term) return reply.code(404).send({ error: "no such term" });
  const program = (await pool.query("select id, slug, name from programs where id = $1", [term.program_id])).rows[0];
  const timeline = (await pool.query("select kind, activity, starts_at, ends_at from timeline_phases where term_id = $1 order by position", [term.id])).rows;
  return { term, program, timeline };
});
const listening = await app.listen({ host: "127.0.0.1", port: 0 });
process.stdout.write(`listening on ${listening}\n`);
process.once("SIGTERM", () => {
  void app
    .close()
    .then(() => pool.end())
    .then(() => process.exit(0));
});
