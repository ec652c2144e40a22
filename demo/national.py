"""The national-scale data set: all of Denmark on one installation (DESIGN.md, "Scale").

About 100 organisations, 50,000 youth, 20,000 companies and 1,000,000 progress entries,
generated inside PostgreSQL with `INSERT … SELECT generate_series(…)` so it builds in well
under three minutes. Every row satisfies the models' constraints (CVR numbers pass the
modulus-11 check, ended youth have an outcome, interrupted placements a category, issued
certificates a number, code and hash).

One organisation (id 1, "NAA…") is big on purpose, so the benchmark has heavy objects to
open: ~2,000 youth, a caseworker with 300 youth (`national-sagsbehandler`), a mentor with 40
placements (`national-mentor`), and a youth with 10 placements and 60 goals (`national-ung`).

The values are derived from the row numbers (no randomness), so two builds are identical
apart from the dates, which are relative to `today`.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.contrib.auth.hashers import make_password

NATIONAL_PASSWORD = "demo"
BIG_CASEWORKER = "national-sagsbehandler"
BIG_MANAGER = "national-leder"
BIG_MENTOR = "national-mentor"
BIG_YOUTH = "national-ung"
BIG_YOUTH_PLACEMENTS = 10
BIG_YOUTH_GOALS_PER_PLACEMENT = 6
BIG_MENTOR_PLACEMENTS = 40
BIG_CASELOAD = 300
BIG_YOUTH_ACCESS_LOG_ROWS = 3000
CASEWORKERS_PER_ORGANISATION = 20

# Every table the data set writes, emptied first (children before parents is not needed
# with CASCADE, but the list doubles as the summary's order).
TABLES = (
    "accounts_organisation",
    "accounts_user",
    "companies_company",
    "companies_mentor",
    "certificates_goaltemplate",
    "youth_youth",
    "placements_placement",
    "placements_followup",
    "certificates_learninggoal",
    "certificates_progressentry",
    "certificates_certificate",
    "certificates_certificate_goals",
    "certificates_certificatecounter",
    "accounts_accesslogentry",
    "accounts_historyentry",
)


@dataclass(frozen=True)
class NationalSize:
    organisations: int
    youth: int
    big_youth: int
    companies: int
    big_companies: int
    access_log_per_youth: int = 10
    # The big organisation's heavy objects.
    caseload: int = BIG_CASELOAD
    mentor_placements: int = BIG_MENTOR_PLACEMENTS
    youth_placements: int = BIG_YOUTH_PLACEMENTS
    youth_goals_per_placement: int = BIG_YOUTH_GOALS_PER_PLACEMENT
    youth_access_log: int = BIG_YOUTH_ACCESS_LOG_ROWS

    @classmethod
    def scaled(cls, scale: float) -> "NationalSize":
        """The national size times `scale` (1.0 = all of Denmark), never smaller than the
        big organisation's heavy objects need."""
        organisations = max(3, round(100 * scale))
        big_youth = max(2 * BIG_CASELOAD, round(2000 * scale))
        big_companies = max(BIG_MENTOR_PLACEMENTS, round(600 * scale))
        return cls(
            organisations=organisations,
            youth=max(big_youth + 10 * (organisations - 1), round(50_000 * scale)),
            big_youth=big_youth,
            companies=max(big_companies + 5 * (organisations - 1), round(20_000 * scale)),
            big_companies=big_companies,
        )


def _steps(size: NationalSize, today: date, password: str) -> list[tuple[str, str, dict]]:
    """(label, SQL, parameters) in order. Ids are explicit so later steps can compute them."""
    p = {
        "orgs": size.organisations,
        "youth": size.youth,
        "big_youth": size.big_youth,
        "companies": size.companies,
        "big_companies": size.big_companies,
        "today": today,
        "password": password,
        "cw": CASEWORKERS_PER_ORGANISATION,
        "caseload": size.caseload,
        "mentor_placements": size.mentor_placements,
        "big_youth_placements": size.youth_placements,
        "big_youth_goals": size.youth_goals_per_placement,
        "log_per_youth": size.access_log_per_youth,
        "big_youth_log": size.youth_access_log,
    }
    # User ids: caseworkers 1..orgs*cw, then one manager per organisation, then one user for
    # each company's first mentor, then one per youth.
    manager_base = "(%(orgs)s * %(cw)s)"
    mentor_user_base = f"({manager_base} + %(orgs)s)"
    youth_user_base = f"({mentor_user_base} + %(companies)s)"
    # The organisation of company / youth number i: the big organisation first, the rest
    # dealt out round-robin.
    other_orgs = "(%(orgs)s - 1)"
    per_org_companies = f"((%(companies)s - %(big_companies)s) / {other_orgs})"
    org_code = "'N' || translate(lpad(o::text, 3, '0'), '0123456789', 'ABCDEFGHIJ')"
    return [
        (
            "organisations",
            f"""
            INSERT INTO accounts_organisation (id, name, code, logo, address, phone, email)
            SELECT o, CASE WHEN o = 1 THEN 'Ungeindsats Storby'
                           ELSE 'Ungeindsats Kommune ' || o END,
                   {org_code}, '', 'Rådhuspladsen ' || o || E'\\n' || (1000 + o) || ' By',
                   '7012' || lpad(o::text, 4, '0'), 'ungeindsats' || o || '@kommune.dk'
            FROM generate_series(1, %(orgs)s) AS o
            """,
            p,
        ),
        (
            "staff",
            f"""
            INSERT INTO accounts_user (id, password, is_superuser, username, first_name,
                last_name, email, is_staff, is_active, date_joined, role, wants_daily_digest,
                organisation_id, session_epoch)
            SELECT u, %(password)s, false,
                   CASE WHEN u = 1 THEN '{BIG_CASEWORKER}' ELSE 'n' || u || '-sagsbehandler' END,
                   (ARRAY['Anne','Bo','Camilla','Dorte','Emil','Frida','Gustav'])[1 + u %% 7],
                   'Sagsbehandler' || u, 'sb' || u || '@kommune.dk', false, true, now(),
                   'caseworker', false, 1 + (u - 1) / %(cw)s, 0
            FROM generate_series(1, {manager_base}) AS u
            UNION ALL
            SELECT {manager_base} + o, %(password)s, false,
                   CASE WHEN o = 1 THEN '{BIG_MANAGER}' ELSE 'n' || o || '-leder' END,
                   'Lene', 'Leder' || o, 'leder' || o || '@kommune.dk', false, true, now(),
                   'manager', false, o, 0
            FROM generate_series(1, %(orgs)s) AS o
            """,
            p,
        ),
        (
            "companies",
            f"""
            WITH candidates AS (
                SELECT base, (11 - (
                    2 * substr(base::text, 1, 1)::int + 7 * substr(base::text, 2, 1)::int
                    + 6 * substr(base::text, 3, 1)::int + 5 * substr(base::text, 4, 1)::int
                    + 4 * substr(base::text, 5, 1)::int + 3 * substr(base::text, 6, 1)::int
                    + 2 * substr(base::text, 7, 1)::int) %% 11) %% 11 AS check_digit
                FROM generate_series(2000000, 2000000 + %(companies)s * 2) AS base
            ), cvrs AS (
                SELECT (row_number() OVER (ORDER BY base))::int AS c,
                       base::text || check_digit AS cvr
                FROM candidates WHERE check_digit < 10
            )
            INSERT INTO companies_company (id, name, cvr, industry, address, postal_code, city,
                phone, email, in_network_since, is_active, is_own_workshop, notes, created_at,
                organisation_id)
            SELECT c,
                   (ARRAY['Brugsen','Rengøring','Kantinen','Lageret','Planteskolen','Værkstedet',
                          'Plejecentret','Gården','Kontorhuset','Butikken'])[1 + c %% 10]
                   || ' ' || c,
                   cvr,
                   (ARRAY['retail','cleaning','kitchen','warehouse','gardening','workshop',
                          'care','agriculture','office','other'])[1 + c %% 10],
                   'Industrivej ' || c, lpad((1000 + c %% 8999)::text, 4, '0'), 'By',
                   '9' || lpad(c::text, 7, '0'), 'kontakt' || c || '@firma.dk',
                   %(today)s::date - (c %% 3000), c %% 23 <> 0, false, '', now(),
                   CASE WHEN c <= %(big_companies)s THEN 1
                        ELSE 2 + (c - %(big_companies)s - 1) %% {other_orgs} END
            FROM cvrs WHERE c <= %(companies)s
            """,
            p,
        ),
        (
            "mentor users",
            f"""
            INSERT INTO accounts_user (id, password, is_superuser, username, first_name,
                last_name, email, is_staff, is_active, date_joined, role, wants_daily_digest,
                organisation_id, session_epoch)
            SELECT {mentor_user_base} + c.id, %(password)s, false,
                   CASE WHEN c.id = 1 THEN '{BIG_MENTOR}' ELSE 'n-mentor' || c.id END,
                   'Mads', 'Mentor' || c.id, 'mentor' || c.id || '@firma.dk', false, true,
                   now(), 'mentor', false, c.organisation_id, 0
            FROM companies_company c
            """,
            p,
        ),
        (
            "mentors",
            f"""
            INSERT INTO companies_mentor (id, name, title, email, phone, is_active, company_id,
                user_id)
            SELECT 2 * c.id - 1 + m, CASE WHEN m = 0 THEN 'Mads Mentor' ELSE 'Mette Mester' END
                   || c.id, 'Værkfører', 'mentor' || c.id || '-' || m || '@firma.dk',
                   '2' || m || lpad(c.id::text, 6, '0'), true, c.id,
                   CASE WHEN m = 0 THEN {mentor_user_base} + c.id END
            FROM companies_company c CROSS JOIN generate_series(0, 1) AS m
            """,
            p,
        ),
        (
            "goal templates",
            """
            INSERT INTO certificates_goaltemplate (title, criteria, area, level, points,
                industry, is_active, created_at, organisation_id)
            SELECT 'Kan løse opgave ' || t || ' selvstændigt', 'Løser opgaven efter aftale.',
                   (ARRAY['faglig','personlig','social'])[1 + t %% 3], 1 + t %% 3,
                   (1 + t %% 4)::numeric / 2, '', true, now(), o
            FROM generate_series(1, %(orgs)s) AS o CROSS JOIN generate_series(1, 20) AS t
            """,
            p,
        ),
        (
            "youth",
            f"""
            INSERT INTO youth_youth (id, first_name, last_name, birth_date, email, phone, dream,
                support_needs, status, started_on, ended_on, outcome, education, outcome_note,
                created_at, updated_at, caseworker_id, organisation_id, user_id)
            SELECT y,
                   (ARRAY['Mikkel','Sara','Jonas','Emma','Ali','Laura','Oliver','Ida','Noah',
                          'Freja','Victor','Clara'])[1 + y %% 12],
                   (ARRAY['Jensen','Nielsen','Hansen','Pedersen','Andersen','Christensen',
                          'Larsen','Sørensen','Rasmussen','Jørgensen'])[1 + (y / 12) %% 10]
                   || ' ' || y,
                   %(today)s::date - (6000 + y %% 2500), 'ung' || y || '@mail.dk',
                   '3' || lpad(y::text, 7, '0'), 'At få et arbejde jeg er glad for.',
                   CASE WHEN y %% 4 = 0 THEN 'Har brug for pauser.' ELSE '' END,
                   status, started_on,
                   CASE WHEN status <> 'active' THEN started_on + 200 END,
                   CASE WHEN status = 'active' THEN ''
                        ELSE (ARRAY['ordinary_job','flex_job','education','public_benefits',
                                    'other'])[1 + y %% 5] END,
                   CASE WHEN status <> 'active' AND y %% 5 = 2 THEN 'fgu' ELSE '' END,
                   '', now(), now(),
                   CASE WHEN org = 1 AND y <= %(caseload)s THEN 1
                        WHEN org = 1 THEN 2 + y %% (%(cw)s - 1)
                        ELSE (org - 1) * %(cw)s + 1 + y %% %(cw)s END,
                   org, {youth_user_base} + y
            FROM (
                SELECT y,
                       CASE WHEN y <= %(big_youth)s THEN 1
                            ELSE 2 + (y - %(big_youth)s - 1) %% {other_orgs} END AS org,
                       CASE WHEN y = 1 OR y %% 10 < 6 THEN 'active'
                            WHEN y %% 10 < 9 THEN 'completed' ELSE 'stopped' END AS status,
                       %(today)s::date - CASE WHEN y = 1 THEN 1000
                                               WHEN y %% 10 < 6 THEN 120 + y %% 500
                                               ELSE 250 + y %% 500 END AS started_on
                FROM generate_series(1, %(youth)s) AS y
            ) AS s
            """,
            p,
        ),
        (
            "youth users",
            f"""
            INSERT INTO accounts_user (id, password, is_superuser, username, first_name,
                last_name, email, is_staff, is_active, date_joined, role, wants_daily_digest,
                organisation_id, session_epoch)
            SELECT user_id, %(password)s, false,
                   CASE WHEN id = 1 THEN '{BIG_YOUTH}' ELSE 'n-ung' || id END,
                   first_name, last_name, email, false, true, now(), 'youth', false,
                   organisation_id, 0
            FROM youth_youth
            """,
            p,
        ),
        (
            "placements",
            f"""
            INSERT INTO placements_placement (id, kind, starts_on, ends_on, hours_per_week,
                accommodations, expectations, status, interruption_reason, created_at,
                updated_at, company_id, created_by_id, mentor_id, organisation_id, youth_id,
                interruption_category, follow_up_interval_days, next_follow_up_on)
            SELECT id, (ARRAY['virksomhedspraktik','snusepraktik','loentilskud',
                              'loennede_timer','mesterlaere'])[1 + id %% 5],
                   starts_on, CASE WHEN status <> 'active' THEN starts_on + 60 END,
                   20 + id %% 18, 'Korte pauser efter behov.', 'Møder kl. 8 og ringer ved fravær.',
                   status, '', now(), now(), company, caseworker,
                   2 * company - 1 + CASE WHEN id %% 5 = 0 AND company <> 1 THEN 1 ELSE 0 END,
                   org, youth,
                   CASE WHEN status = 'interrupted' THEN 'attendance' ELSE '' END,
                   14, CASE WHEN status = 'active' THEN %(today)s::date + (id %% 14)::int END
            FROM (
                SELECT 2 * y.id - 1 + second AS id, y.id AS youth, y.organisation_id AS org,
                       y.caseworker_id AS caseworker,
                       y.started_on + CASE WHEN second = 1 THEN 80 ELSE 10 END AS starts_on,
                       CASE WHEN second = 1 AND y.status = 'active' THEN 'active'
                            WHEN second = 0 AND y.id %% 7 = 3 THEN 'interrupted'
                            ELSE 'completed' END AS status,
                       CASE WHEN y.organisation_id = 1 AND second = 1 AND y.id BETWEEN 2
                                 AND %(mentor_placements)s + 1 THEN 1
                            WHEN y.organisation_id = 1
                                THEN 2 + ((2 * y.id + second) * 7919) %% (%(big_companies)s - 1)
                            ELSE %(big_companies)s + y.organisation_id - 1 + {other_orgs}
                                 * (((2 * y.id + second) * 7919) %% {per_org_companies})
                       END AS company
                FROM youth_youth y CROSS JOIN generate_series(0, 1) AS second
                UNION ALL
                SELECT 2 * %(youth)s + k, 1, 1, 1, %(today)s::date - 900 + 90 * k,
                       'completed', 2 + k
                FROM generate_series(1, %(big_youth_placements)s - 2) AS k
            ) AS s
            """,
            p,
        ),
        (
            "follow-ups",
            """
            INSERT INTO placements_followup (held_on, kind, note, created_at, author_id,
                placement_id)
            SELECT least(starts_on + 14, %(today)s::date),
                   (ARRAY['visit','phone','meeting'])[1 + id %% 3],
                   'Opfølgning: det går godt, aftalt at fortsætte.', now(), created_by_id, id
            FROM placements_placement
            """,
            p,
        ),
        (
            "learning goals",
            """
            INSERT INTO certificates_learninggoal (title, criteria, area, target_level, points,
                assessed_level, assessed_on, created_at, updated_at, assessed_by_id,
                placement_id, template_id)
            SELECT 'Kan løse opgave ' || g || ' selvstændigt', 'Løser opgaven efter aftale.',
                   (ARRAY['faglig','personlig','social'])[1 + g %% 3], 1 + (p.id + g) %% 3,
                   (1 + g %% 4)::numeric / 2,
                   CASE WHEN p.status = 'completed' THEN 1 + (p.id + g) %% 3 END,
                   CASE WHEN p.status = 'completed' THEN p.ends_on END,
                   now(), now(),
                   CASE WHEN p.status = 'completed' THEN p.created_by_id END, p.id, NULL
            FROM placements_placement p
            CROSS JOIN LATERAL generate_series(
                1, CASE WHEN p.youth_id = 1 THEN %(big_youth_goals)s ELSE 3 END) AS g
            """,
            p,
        ),
        (
            "progress entries",
            f"""
            INSERT INTO certificates_progressentry (observed_on, level, note, created_at,
                withdrawn_at, submission_key, author_id, goal_id)
            SELECT least(p.starts_on + 7 * k, %(today)s::date), 1 + (g.id + k) %% 3,
                   CASE WHEN k = 1 THEN 'God start, spørger når han er i tvivl.' ELSE '' END,
                   least(p.starts_on + 7 * k, %(today)s::date)::timestamptz
                       + interval '14 hours',
                   NULL, gen_random_uuid(),
                   CASE WHEN p.mentor_id %% 2 = 1 THEN {mentor_user_base} + p.company_id
                        ELSE p.created_by_id END,
                   g.id
            FROM certificates_learninggoal g
            JOIN placements_placement p ON p.id = g.placement_id
            CROSS JOIN LATERAL generate_series(1, 3 + (g.id %% 3 = 0)::int) AS k
            """,
            p,
        ),
        (
            "certificates",
            """
            INSERT INTO certificates_certificate (status, number, year, sequence,
                verification_code, issued_on, issued_at, snapshot, pdf, pdf_sha256,
                revoked_at, revocation_reason, created_at, created_by_id, issued_by_id,
                organisation_id, revoked_by_id, supersedes_id, youth_id)
            SELECT CASE WHEN s.youth_id %% 97 = 0 THEN 'revoked' ELSE 'issued' END,
                   o.code || '-' || s.year || '-' || lpad(s.sequence::text, 4, '0'),
                   s.year, s.sequence, s.code, s.issued_on, s.issued_on + interval '10 hours',
                   jsonb_build_object(
                       'organisation', jsonb_build_object('name', o.name, 'code', o.code,
                                                          'address', o.address, 'logo', ''),
                       'youth', jsonb_build_object('name', y.first_name || ' ' || y.last_name),
                       'placements', jsonb_build_array(jsonb_build_object(
                           'company', c.name, 'kind', 'Virksomhedspraktik',
                           'starts_on', s.starts_on, 'ends_on', s.ends_on)),
                       'goals', (SELECT jsonb_agg(jsonb_build_object(
                                    'title', g.title, 'criteria', g.criteria, 'area', g.area,
                                    'level', g.assessed_level, 'points', g.points::text)
                                    ORDER BY g.id)
                                 FROM certificates_learninggoal g
                                 WHERE g.placement_id = s.placement_id),
                       'total_points', (SELECT sum(points)::text FROM certificates_learninggoal
                                        WHERE placement_id = s.placement_id),
                       'caseworker', u.first_name || ' ' || u.last_name,
                       'mentors', jsonb_build_array('Mads Mentor' || c.id),
                       'number', o.code || '-' || s.year || '-' || lpad(s.sequence::text, 4, '0'),
                       'verification_code', substr(s.code, 1, 5) || '-' || substr(s.code, 6, 5)
                           || '-' || substr(s.code, 11, 5) || '-' || substr(s.code, 16, 5),
                       'verification_url', '', 'issued_on', s.issued_on,
                       'supersedes_number', ''),
                   '', encode(sha256(s.code::bytea), 'hex'),
                   CASE WHEN s.youth_id %% 97 = 0 THEN now() END,
                   CASE WHEN s.youth_id %% 97 = 0 THEN 'Udstedt ved en fejl.' ELSE '' END,
                   now(), y.caseworker_id, y.caseworker_id, y.organisation_id,
                   CASE WHEN s.youth_id %% 97 = 0 THEN y.caseworker_id END, NULL, y.id
            FROM (
                SELECT p.youth_id, p.id AS placement_id, p.company_id, p.starts_on, p.ends_on,
                       p.ends_on + 7 AS issued_on,
                       extract(year FROM p.ends_on + 7)::int AS year,
                       row_number() OVER (PARTITION BY p.organisation_id,
                                          extract(year FROM p.ends_on + 7)
                                          ORDER BY p.ends_on, p.id) AS sequence,
                       (SELECT string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ',
                                                 1 + get_byte(h, k) %% 32, 1), '' ORDER BY k)
                        FROM (SELECT sha256(('cert' || p.id)::bytea) AS h) AS hh,
                             generate_series(0, 19) AS k) AS code
                FROM placements_placement p
                WHERE p.status = 'completed' AND p.youth_id %% 5 < 2
                  AND p.id = 2 * p.youth_id - 1
                   OR p.youth_id = 1 AND p.status = 'completed' AND p.id > 2 * %(youth)s
            ) AS s
            JOIN youth_youth y ON y.id = s.youth_id
            JOIN accounts_organisation o ON o.id = y.organisation_id
            JOIN companies_company c ON c.id = s.company_id
            JOIN accounts_user u ON u.id = y.caseworker_id
            """,
            p,
        ),
        (
            "certificate goals",
            """
            INSERT INTO certificates_certificate_goals (certificate_id, learninggoal_id)
            SELECT DISTINCT ON (g.id) c.id, g.id
            FROM certificates_certificate c
            JOIN placements_placement p ON p.youth_id = c.youth_id
                 AND p.ends_on + 7 = c.issued_on AND p.status = 'completed'
            JOIN certificates_learninggoal g ON g.placement_id = p.id
            ORDER BY g.id, c.id
            """,
            p,
        ),
        (
            "certificate counters",
            """
            INSERT INTO certificates_certificatecounter (organisation_id, year, last_sequence)
            SELECT organisation_id, year, max(sequence)
            FROM certificates_certificate GROUP BY organisation_id, year
            """,
            p,
        ),
        (
            "access log",
            """
            INSERT INTO accounts_accesslogentry (at, youth_id, what, purpose, user_id,
                organisation_id, kind)
            SELECT %(today)s::date - ((y.id + k) %% 300)::int + interval '9 hours'
                       - k * interval '1 minute',
                   y.id, (ARRAY['Profil','Praktik','Læringsmål'])[1 + k %% 3], 'Sagsbehandling',
                   y.caseworker_id, y.organisation_id, 'record'
            FROM youth_youth y
            CROSS JOIN LATERAL generate_series(
                1, CASE WHEN y.id = 1 THEN %(big_youth_log)s ELSE %(log_per_youth)s END) AS k
            """,
            p,
        ),
        (
            "change history",
            """
            INSERT INTO accounts_historyentry (at, action, object_type, object_id,
                organisation_id, youth_id, by_id, fields, detail)
            SELECT %(today)s::date - ((y.id + k) %% 300)::int + interval '10 hours'
                       - k * interval '1 minute',
                   (ARRAY['youth.updated', 'placement.updated', 'learning_goal.assessed'])
                       [1 + k %% 3],
                   'youth.youth', y.id, y.organisation_id, y.id, y.caseworker_id,
                   '["phone", "support_needs"]'::jsonb, ''
            FROM youth_youth y
            CROSS JOIN LATERAL generate_series(
                1, CASE WHEN y.id = 1 THEN %(big_youth_log)s ELSE %(log_per_youth)s END) AS k
            """,
            p,
        ),
    ]


def national_dataset_build(
    *,
    cursor,
    size: NationalSize,
    today: date,
    report: Callable[[str, int, float], None] = lambda label, rows, seconds: None,
) -> dict[str, int]:
    """Fill an EMPTY database (migrated, every table above truncated) with the data set.

    `report(label, rows, seconds)` is called after each step. Returns rows per table.
    """
    password = make_password(NATIONAL_PASSWORD)
    for label, sql, params in _steps(size, today, password):
        started = time.perf_counter()
        cursor.execute(sql, params)
        report(label, cursor.rowcount, time.perf_counter() - started)
    for table in TABLES:
        cursor.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"coalesce((SELECT max(id) FROM {table}), 1))"
        )
    counts = {}
    for table in TABLES:
        cursor.execute(f"SELECT count(*) FROM {table}")
        counts[table] = cursor.fetchone()[0]
    started = time.perf_counter()
    cursor.execute("ANALYZE")
    report("analyze", 0, time.perf_counter() - started)
    return counts


def national_dataset_reset(*, cursor) -> None:
    """Empty every table the data set fills (and what hangs off them)."""
    # Check deferred foreign keys now: TRUNCATE refuses while such checks are pending.
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    cursor.execute(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE")
    # The build inserts youth before their users: foreign keys are checked at commit.
    cursor.execute("SET CONSTRAINTS ALL DEFERRED")
