// Reach of one activity, per neighbourhood and in total: times shown, detail views, going, maybe and the
// waiting list. Counts only; every count behind which fewer than five people stand becomes "< 5".
import { maskCount, type MaskedCount } from "@buurtplein/core";
import type { Client } from "@libsql/client/web";

export interface ReachFigures {
  shown: MaskedCount;
  views: MaskedCount;
  going: MaskedCount;
  maybe: MaskedCount;
  waitlisted: MaskedCount;
}

export interface Reach extends ReachFigures {
  neighbourhoods: ({ slug: string; name: string } & ReachFigures)[];
}

const RSVPS_TOTAL = `SELECT answer, waitlisted, count(*) AS people FROM activity_rsvps WHERE activity_id = :id GROUP BY answer, waitlisted`;
const RSVPS_PER_NEIGHBOURHOOD = `
SELECT an.neighbourhood_id AS neighbourhood, r.answer, r.waitlisted, count(DISTINCT r.user_id) AS people
FROM activity_rsvps r
JOIN activity_neighbourhoods an ON an.activity_id = r.activity_id
JOIN memberships m ON m.user_id = r.user_id AND m.neighbourhood_id = an.neighbourhood_id
WHERE r.activity_id = :id
GROUP BY an.neighbourhood_id, r.answer, r.waitlisted`;
const VIEWS_TOTAL = `SELECT kind, sum(count) AS times, count(DISTINCT user_id) AS people FROM activity_views WHERE activity_id = :id GROUP BY kind`;
const VIEWS_PER_NEIGHBOURHOOD = `SELECT neighbourhood_id AS neighbourhood, kind, sum(count) AS times, count(*) AS people FROM activity_views WHERE activity_id = :id GROUP BY neighbourhood_id, kind`;
const NEIGHBOURHOODS = `SELECT n.id, n.slug, n.name FROM activity_neighbourhoods an JOIN neighbourhoods n ON n.id = an.neighbourhood_id WHERE an.activity_id = :id ORDER BY n.name`;

type Row = Record<string, unknown>;

function figures(rsvps: Row[], views: Row[]): ReachFigures {
  const people = (answer: string, waitlisted: number) =>
    rsvps.filter((row) => row.answer === answer && Number(row.waitlisted) === waitlisted).reduce((sum, row) => sum + Number(row.people), 0);
  const view = (kind: string) => {
    const rows = views.filter((row) => row.kind === kind);
    return maskCount(
      rows.reduce((sum, row) => sum + Number(row.times), 0),
      rows.reduce((sum, row) => sum + Number(row.people), 0),
    );
  };
  return {
    shown: view("shown"),
    views: view("detail"),
    going: maskCount(people("going", 0)),
    maybe: maskCount(people("maybe", 0)),
    waitlisted: maskCount(people("going", 1)),
  };
}

export async function activityReach(client: Client, activityId: string): Promise<Reach> {
  const args = { id: activityId };
  const [rsvpsTotal, rsvpsPer, viewsTotal, viewsPer, places] = await client.batch(
    [RSVPS_TOTAL, RSVPS_PER_NEIGHBOURHOOD, VIEWS_TOTAL, VIEWS_PER_NEIGHBOURHOOD, NEIGHBOURHOODS].map((sql) => ({ sql, args })),
    "read",
  );
  const rows = (result: typeof rsvpsTotal) => (result?.rows ?? []) as unknown as Row[];
  return {
    ...figures(rows(rsvpsTotal), rows(viewsTotal)),
    neighbourhoods: rows(places).map((place) => ({
      slug: String(place.slug),
      name: String(place.name),
      ...figures(
        rows(rsvpsPer).filter((row) => row.neighbourhood === place.id),
        rows(viewsPer).filter((row) => row.neighbourhood === place.id),
      ),
    })),
  };
}
