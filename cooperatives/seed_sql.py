"""The SQL of `seed_national` (cooperatives/seed.py): set-based statements over generate_series, and the name lists
the synthetic founders are drawn from."""

# --- the steps: each one statement or a few, set-based ------------------------------------------------------------

VILLAGES = """
CREATE TEMP TABLE seed_village ON COMMIT DROP AS
SELECT v.code, v.name, v.kind, v.parent_id AS kecamatan, replace(v.parent_id, '.', '') AS kecamatan_digits,
       k.parent_id AS regency, regexp_replace(r.name, '^(Kabupaten|Kota) ', '') AS regency_name,
       mod(abs(hashtext(v.code)), 10000) AS h
FROM registry_region v
JOIN registry_region k ON k.code = v.parent_id
JOIN registry_region r ON r.code = k.parent_id
WHERE v.level = 4 AND v.is_active
  AND (%(regencies)s::text[] IS NULL OR k.parent_id = ANY(%(regencies)s::text[]))
  AND mod(abs(hashtext(v.code || '#scale')), 10000) < %(scale)s
"""

# One row per cooperative with its id, founders' id range, stage, pattern and the dates of its steps (ts[j]: when it
# reached stage j). role 1: the village's cooperative, 2: a second active one (with a reason), 3: deactivated.
PLAN = """
CREATE TEMP TABLE seed_coop ON COMMIT DROP AS
WITH planned AS (
    SELECT v.*, 1 AS role FROM seed_village v WHERE v.h >= %(no_coop)s
    UNION ALL SELECT v.*, 2 FROM seed_village v WHERE v.h >= %(second_lo)s AND v.h < %(second_hi)s
    UNION ALL SELECT v.*, 3 FROM seed_village v WHERE v.h >= %(inactive_lo)s AND v.h < %(inactive_hi)s
), numbered AS (
    SELECT p.*, row_number() OVER (ORDER BY p.code, p.role) AS id FROM planned p
), drawn AS (
    SELECT n.*,
        15 + mod(abs(hashint8extended(n.id, 1)), 11)::int AS founders,
        mod(abs(hashint8extended(n.id, 2)), 10000) AS u_stage,
        mod(abs(hashint8extended(n.id, 3)), 10000) AS u_pattern,
        abs(hashint8extended(n.id, 4)) AS r,
        (timestamptz '2025-05-12 09:00+07' + make_interval(days => mod(abs(hashint8extended(n.id, 5)), 43)::int,
                                                           mins => mod(abs(hashint8extended(n.id, 6)), 420)::int)) AS t1
    FROM numbered n
), staged AS (
    SELECT d.*,
        (SELECT count(*) FROM unnest(%(stage_bounds)s::int[]) b WHERE d.u_stage >= b)::int AS s0,
        -- days between the steps: Musdesus → founding meeting 3–12, → deed 5–24, → SK AHU 7–30, → NPWP/NIB
        -- 10–45, → operational 14–70; the last Musdesus is on 23 June, so everything is done by 21 December.
        mod(d.r / 10, 10)::int AS a, mod(d.r / 1000, 20)::int AS b, mod(d.r / 100000, 24)::int AS c,
        mod(d.r / 10000000, 36)::int AS d, mod(d.r / 1000000000, 57)::int AS e
    FROM drawn d
)
SELECT s.id, s.code, s.name AS village_name, s.kind AS village_kind, s.kecamatan, s.kecamatan_digits,
    s.regency_name, s.role, s.founders, s.r,
    CASE WHEN s.role = 3 THEN least(s.s0, 3) ELSE s.s0 END AS s,
    CASE WHEN s.u_pattern < 8500 THEN 'pendirian_baru' WHEN s.u_pattern < 9500 THEN 'pengembangan'
         ELSE 'revitalisasi' END AS pattern,
    (sum(s.founders) OVER (ORDER BY s.id) - s.founders)::bigint AS founder_base,
    s.t1 - make_interval(days => 1 + mod(s.r, 10)::int) AS t0,
    ARRAY[
        s.t1,
        s.t1 + make_interval(days => 3 + s.a),
        s.t1 + make_interval(days => 8 + s.a + s.b),
        s.t1 + make_interval(days => 15 + s.a + s.b + s.c),
        s.t1 + make_interval(days => 25 + s.a + s.b + s.c + s.d),
        s.t1 + make_interval(days => 39 + s.a + s.b + s.c + s.d + s.e)
    ] AS ts
FROM staged s
"""

FINISH_PLAN = """
ALTER TABLE seed_coop ADD COLUMN stage text, ADD COLUMN changed_at timestamptz, ADD COLUMN deactivated_at timestamptz;
UPDATE seed_coop SET
    stage = (%(stages)s::text[])[s + 1],
    changed_at = CASE WHEN s = 0 THEN t0 ELSE ts[s] END,
    deactivated_at = CASE WHEN role = 3 THEN (CASE WHEN s = 0 THEN t0 ELSE ts[s] END)
                                            + make_interval(days => 5 + mod(r, 36)::int) END;
ALTER TABLE seed_coop ADD PRIMARY KEY (id);
ANALYZE seed_coop;
"""


COOPERATIVES = """
INSERT INTO cooperatives_cooperative (
    id, kind, name, pattern, existing_nik_koperasi, existing_grade, revitalisation_method, revitalised_cooperatives,
    address, phone, email, simpanan_pokok, simpanan_wajib, simpanan_wajib_period, grants, sk_ahu_number, sk_ahu_date,
    npwp, nib, nik_koperasi, deed_number, deed_date, stage, is_active, duplicate_reason, version, created_at,
    updated_at, created_by_id, village_id, stage_changed_at)
SELECT c.id,
    CASE WHEN c.village_kind = 'kelurahan' THEN 'KKMP' ELSE 'KDMP' END,
    CASE WHEN c.village_kind = 'kelurahan' THEN 'Koperasi Kelurahan Merah Putih ' ELSE 'Koperasi Desa Merah Putih ' END
        || c.village_name || CASE c.role WHEN 2 THEN ' II' ELSE '' END,
    c.pattern,
    CASE WHEN c.pattern = 'pengembangan' THEN c.kecamatan_digits || lpad(mod(c.r, 10000000000)::text, 10, '0')
         ELSE '' END,
    CASE WHEN c.pattern = 'pengembangan' THEN (ARRAY['A', 'B', 'C'])[1 + mod(c.r / 7, 3)::int] ELSE '' END,
    CASE WHEN c.pattern = 'revitalisasi' THEN (ARRAY['reaktivasi', 'penggabungan'])[1 + mod(c.r / 7, 2)::int]
         ELSE '' END,
    CASE WHEN c.pattern = 'revitalisasi' THEN 'KUD ' || c.village_name ELSE '' END,
    'Jl. Balai Desa No. ' || (1 + mod(c.r / 11, 99)) || ', ' || c.village_name,
    '08' || (1100000000 + mod(c.r, 8899999999)),
    '',
    CASE WHEN c.s >= 2 THEN 100000 * (1 + mod(c.r / 13, 5)) END,
    CASE WHEN c.s >= 2 THEN 10000 * (1 + mod(c.r / 17, 5)) END,
    CASE WHEN c.s >= 2 THEN 'bulanan' ELSE '' END,
    NULL,
    CASE WHEN c.s >= 4 THEN 'AHU-' || lpad(c.id::text, 7, '0') || '.AH.01.29.TAHUN 2025' ELSE '' END,
    CASE WHEN c.s >= 4 THEN (c.ts[4] AT TIME ZONE 'Asia/Jakarta')::date END,
    CASE WHEN c.s >= 5 THEN '0' || lpad(mod(c.r, 1000000000000000)::text, 15, '0') ELSE '' END,
    CASE WHEN c.s >= 5 THEN lpad(mod(c.r / 3, 10000000000000)::text, 13, '0') ELSE '' END,
    CASE WHEN c.s >= 5 THEN c.kecamatan_digits || lpad(c.id::text, 10, '0') ELSE '' END,
    CASE WHEN c.s >= 3 THEN (1 + mod(c.r / 19, 60))::text ELSE '' END,
    CASE WHEN c.s >= 3 THEN (c.ts[3] AT TIME ZONE 'Asia/Jakarta')::date END,
    c.stage,
    c.role <> 3,
    CASE WHEN c.role = 2 THEN 'Desa ini terdiri atas dua wilayah adat yang sepakat dalam Musdesus membentuk '
                              || 'koperasi masing-masing.' ELSE '' END,
    1 + c.s + (c.role = 3)::int,
    c.t0,
    coalesce(c.deactivated_at, c.changed_at),
    %(user)s, c.code, c.changed_at
FROM seed_coop c;
-- The key duplicates are compared by (Cooperative.save keeps it for the records the portal writes).
UPDATE cooperatives_cooperative SET name_key = lower(regexp_replace(btrim(name), '[[:space:]]+', ' ', 'g'));
"""

# Villages without a cooperative of their own, served by the first cooperative of their kecamatan.
COVERED_VILLAGES = """
INSERT INTO cooperatives_cooperative_covered_villages (cooperative_id, region_id)
SELECT host.id, v.code
FROM seed_village v
JOIN (SELECT DISTINCT ON (c.kecamatan) c.kecamatan, c.id FROM seed_coop c WHERE c.role = 1 ORDER BY c.kecamatan, c.id)
    AS host ON host.kecamatan = v.kecamatan
WHERE v.h < %(covered)s
"""

# n: the founder's number in the country (0-based); m: its permutation, which gives the birth date and the serial.
FOUNDERS = """
INSERT INTO cooperatives_foundingmember (
    id, nik, full_name, birth_place, birth_date, gender, address, rt, rw, phone, occupation, version, created_at,
    cooperative_id)
SELECT f.n + 1,
    f.kecamatan_digits
        || lpad((extract(day FROM f.birth)::int + CASE WHEN f.woman THEN 40 ELSE 0 END)::text, 2, '0')
        || to_char(f.birth, 'MMYY')
        || lpad((f.m / %(birth_days)s + 1)::text, 4, '0'),
    CASE WHEN f.woman THEN (%(first_p)s::text[])[1 + mod(f.h, %(n_first_p)s)::int]
         ELSE (%(first_l)s::text[])[1 + mod(f.h, %(n_first_l)s)::int] END
        || ' ' || (%(last)s::text[])[1 + mod(f.h / 100, %(n_last)s)::int],
    f.regency_name,
    f.birth,
    CASE WHEN f.woman THEN 'P' ELSE 'L' END,
    'Dusun ' || (1 + mod(f.h / 10000, 6)) || ', ' || f.village_name,
    lpad((1 + mod(f.h / 100000, 15))::text, 3, '0'),
    lpad((1 + mod(f.h / 10000000, 8))::text, 3, '0'),
    '08' || (1200000000 + mod(f.h, 8799999999)),
    (%(occupations)s::text[])[1 + mod(f.h / 1000000000, %(n_occupations)s)::int],
    1,
    f.added_at,
    f.cooperative_id
FROM (
    SELECT c.id AS cooperative_id, c.kecamatan_digits, c.regency_name, c.village_name, n,
        mod(n * %(multiplier)s, %(modulus)s) AS m,
        %(birth_first)s::date + mod(mod(n * %(multiplier)s, %(modulus)s), %(birth_days)s)::int AS birth,
        mod(abs(hashint8extended(n, 7)), 100) < 48 AS woman,
        abs(hashint8extended(n, 8)) AS h,
        CASE WHEN c.s >= 2 THEN c.ts[2] - interval '2 days' ELSE c.t0 + interval '1 day' END
            + make_interval(mins => (n - c.founder_base)::int) AS added_at
    FROM seed_coop c
    CROSS JOIN LATERAL generate_series(c.founder_base, c.founder_base + c.founders - 1) AS n
) f
"""

# From the founding meeting on: the five required board positions from the first founders, the kepala desa chairing
# the supervisors, two founders as supervisors.
OFFICERS = """
INSERT INTO cooperatives_officer (body, position, name, cooperative_id, member_id)
SELECT p.body, p.position,
    CASE WHEN p.k IS NULL THEN (%(first_l)s::text[])[1 + mod(c.r / 23, %(n_first_l)s)::int] || ' '
                                || (%(last)s::text[])[1 + mod(c.r / 29, %(n_last)s)::int] ELSE '' END,
    c.id,
    c.founder_base + p.k
FROM seed_coop c
JOIN (VALUES ('pengurus', 'ketua', 1), ('pengurus', 'wakil_ketua_usaha', 2), ('pengurus', 'wakil_ketua_anggota', 3),
             ('pengurus', 'sekretaris', 4), ('pengurus', 'bendahara', 5), ('pengawas', 'ketua_pengawas', NULL),
             ('pengawas', 'anggota_pengawas', 6), ('pengawas', 'anggota_pengawas', 7))
    AS p(body, position, k) ON c.s >= 2
ORDER BY c.id, p.k NULLS LAST
"""

DOCUMENTS = """
INSERT INTO cooperatives_document (id, kind, file, original_name, size, sha256, uploaded_at, cooperative_id,
                                   uploaded_by_id)
SELECT row_number() OVER (ORDER BY c.id, d.ord), d.kind, %(file)s, d.original_name, %(size)s, %(sha256)s,
    c.ts[d.stage] - interval '2 hours', c.id, %(user)s
FROM seed_coop c
JOIN (VALUES (1, 'minutes_musdesus', 'berita-acara-musdesus.pdf', 1, false),
             (2, 'assessment', 'penilaian-dinas.pdf', 1, true),
             (3, 'minutes_founding', 'berita-acara-rapat-pendirian.pdf', 2, false),
             (4, 'sk_ahu', 'sk-ahu.pdf', 4, false))
    AS d(ord, kind, original_name, stage, revitalisation_only)
    ON c.s >= d.stage AND (NOT d.revitalisation_only OR c.pattern = 'revitalisasi')
"""

MEETINGS = """
INSERT INTO cooperatives_meeting (kind, date, place, attendance, cooperative_id, minutes_id)
SELECT m.kind, (c.ts[m.stage] AT TIME ZONE 'Asia/Jakarta')::date, 'Balai Desa ' || c.village_name,
    CASE WHEN m.stage = 1 THEN 40 + mod(c.r / 31, 160) ELSE c.founders + mod(c.r / 37, 30) END,
    c.id, doc.id
FROM seed_coop c
JOIN (VALUES ('musdesus', 'minutes_musdesus', 1), ('rapat_pendirian', 'minutes_founding', 2))
    AS m(kind, document_kind, stage) ON c.s >= m.stage
JOIN cooperatives_document doc ON doc.cooperative_id = c.id AND doc.kind = m.document_kind
"""

# From the deed on, the office and the grocery outlet are planned; an operational cooperative runs them, and some
# have more units.
UNITS = """
INSERT INTO cooperatives_businessunit (kind, other_name, status, cooperative_id)
SELECT u.kind, u.other_name, CASE WHEN c.s >= u.running_from THEN 'running' ELSE 'planned' END, c.id
FROM seed_coop c
JOIN (VALUES ('kantor', '', 3, 6, 1), ('sembako', '', 3, 6, 1), ('simpan_pinjam', '', 4, 7, 2),
             ('klinik', '', 5, 7, 5), ('lainnya', 'Penggilingan padi', 6, 6, 3))
    AS u(kind, other_name, from_stage, running_from, one_in) ON c.s >= u.from_stage AND mod(c.r / 41, u.one_in) = 0
"""

TIMELINE = """
INSERT INTO cooperatives_stagetransition (event, from_stage, to_stage, is_correction, reason, at, actor_id,
                                          cooperative_id)
SELECT 'stage', (%(stages)s::text[])[j], (%(stages)s::text[])[j + 1], false, '', c.ts[j], %(user)s, c.id
FROM seed_coop c CROSS JOIN LATERAL generate_series(1, c.s) AS j
UNION ALL
SELECT 'deactivated', c.stage, c.stage, false,
    'Terdaftar dua kali untuk desa yang sama; data yang benar ada pada koperasi lain.', c.deactivated_at, %(user)s, c.id
FROM seed_coop c WHERE c.role = 3
"""

# One creation ("+") row per record, as simple-history would have written, with no user: the seed is no one.
HISTORY = {
    "koperasi": """
INSERT INTO cooperatives_historicalcooperative (
    id, kind, name, pattern, existing_nik_koperasi, existing_grade, revitalisation_method, revitalised_cooperatives,
    address, phone, email, simpanan_pokok, simpanan_wajib, simpanan_wajib_period, grants, sk_ahu_number, sk_ahu_date,
    npwp, nib, nik_koperasi, deed_number, deed_date, stage, is_active, duplicate_reason, version, created_at,
    history_date, history_change_reason, history_type, created_by_id, history_user_id, village_id, stage_changed_at)
SELECT id, kind, name, pattern, existing_nik_koperasi, existing_grade, revitalisation_method, revitalised_cooperatives,
    address, phone, email, simpanan_pokok, simpanan_wajib, simpanan_wajib_period, grants, sk_ahu_number, sk_ahu_date,
    npwp, nib, nik_koperasi, deed_number, deed_date, stage, is_active, duplicate_reason, version, created_at,
    created_at, NULL, '+', created_by_id, NULL, village_id, stage_changed_at
FROM cooperatives_cooperative ORDER BY id;
INSERT INTO cooperatives_historicalcooperative_covered_villages (id, cooperative_id, history_id, region_id)
SELECT cv.id, cv.cooperative_id, h.history_id, cv.region_id
FROM cooperatives_cooperative_covered_villages cv
JOIN cooperatives_historicalcooperative h ON h.id = cv.cooperative_id
""",
    "pendiri": """
INSERT INTO cooperatives_historicalfoundingmember (
    id, nik, full_name, birth_place, birth_date, gender, address, rt, rw, phone, occupation, version, created_at,
    history_date, history_change_reason, history_type, cooperative_id, history_user_id)
SELECT id, nik, full_name, birth_place, birth_date, gender, address, rt, rw, phone, occupation, version, created_at,
    created_at, NULL, '+', cooperative_id, NULL
FROM cooperatives_foundingmember ORDER BY id
""",
    "pengurus dan pengawas": """
INSERT INTO cooperatives_historicalofficer (id, body, position, name, history_date, history_change_reason,
                                            history_type, cooperative_id, history_user_id, member_id)
SELECT o.id, o.body, o.position, o.name, c.ts[2] - interval '1 hour', NULL, '+', o.cooperative_id, NULL, o.member_id
FROM cooperatives_officer o JOIN seed_coop c ON c.id = o.cooperative_id ORDER BY o.id
""",
    "rapat, dokumen, unit usaha": """
INSERT INTO cooperatives_historicaldocument (id, kind, file, original_name, size, sha256, uploaded_at, history_date,
    history_change_reason, history_type, cooperative_id, history_user_id, uploaded_by_id)
SELECT id, kind, file, original_name, size, sha256, uploaded_at, uploaded_at, NULL, '+', cooperative_id, NULL,
    uploaded_by_id
FROM cooperatives_document ORDER BY id;
INSERT INTO cooperatives_historicalmeeting (id, kind, date, place, attendance, history_date, history_change_reason,
                                            history_type, cooperative_id, history_user_id, minutes_id)
SELECT m.id, m.kind, m.date, m.place, m.attendance, d.uploaded_at + interval '5 minutes', NULL, '+', m.cooperative_id,
    NULL, m.minutes_id
FROM cooperatives_meeting m JOIN cooperatives_document d ON d.id = m.minutes_id ORDER BY m.id;
INSERT INTO cooperatives_historicalbusinessunit (id, kind, other_name, status, history_date, history_change_reason,
                                                 history_type, cooperative_id, history_user_id)
SELECT u.id, u.kind, u.other_name, u.status, c.ts[3] + interval '1 day', NULL, '+', u.cooperative_id, NULL
FROM cooperatives_businessunit u JOIN seed_coop c ON c.id = u.cooperative_id ORDER BY u.id
""",
}

FOREIGN_KEYS = """
SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)
FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text = ANY(%s)
ORDER BY conrelid::regclass::text, conname
"""

PLAIN_INDEXES = """
SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
FROM pg_index i
WHERE i.indrelid::regclass::text = ANY(%s)
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
ORDER BY 1
"""

SEQUENCES_OF = (
    "cooperatives_cooperative",
    "cooperatives_foundingmember",
    "cooperatives_document",
)
