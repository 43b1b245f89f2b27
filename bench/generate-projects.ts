import type { DataSource } from 'typeorm';

/** Ten indicators per project across the 一级 pools, positive targets of 100, so weights and ratios vary by actual. */
const INDICATOR_LAYOUT: [level1: string, level2: string][] = [
  ['产出指标', '数量指标'],
  ['产出指标', '数量指标'],
  ['产出指标', '质量指标'],
  ['产出指标', '质量指标'],
  ['产出指标', '时效指标'],
  ['效益指标', '社会效益指标'],
  ['效益指标', '社会效益指标'],
  ['效益指标', '经济效益指标'],
  ['效益指标', '可持续影响指标'],
  ['满意度指标', '服务对象满意度指标'],
];
export const INDICATORS_PER_PROJECT = INDICATOR_LAYOUT.length;

const PROJECTS_PER_UNIT = 50;
const UNITS_PER_DEPARTMENT = 40;

/**
 * The SQL of a time-ordered (version 7) uuid for the `n`-th row, as the import's `uuidV7` gives projects and
 * indicators: rows written together sort together, in their keys and in the indexes that lead with them.
 */
const uuidV7 = (n: string) =>
  `encode(set_byte(overlay(uuid_send(gen_random_uuid()) placing substring(int8send((extract(epoch FROM now()) * 1000)::bigint + ${n}) FROM 3) FROM 1 FOR 6),
                   6, 112 + get_byte(uuid_send(gen_random_uuid()), 6) % 16), 'hex')::uuid`;

/**
 * `projects` projects of `year` in units of 50 projects and departments of 40 units, with ten indicators each, a
 * year-end actual for most indicators (40–119 % of the target, derived from the indicator id, so reruns on the same
 * rows agree), 偏差原因 on nine in ten of the missed ones (as submitted year-end entries carry them), and spending —
 * all by set-based SQL. Rows are written unit by unit and project by project, with time-ordered ids, as an import and
 * a unit's entry sheet write them, so a project's rows share pages and index ranges as they do in use.
 */
export async function generateProjects(dataSource: DataSource, projects: number, year: number): Promise<void> {
  const units = Math.ceil(projects / PROJECTS_PER_UNIT);
  await dataSource.query(
    `INSERT INTO departments (name) SELECT '生成部门 ' || g FROM generate_series(1, $1) g ON CONFLICT (name) DO NOTHING`,
    [Math.ceil(units / UNITS_PER_DEPARTMENT)],
  );
  await dataSource.query(
    `INSERT INTO units (name, "departmentId")
     SELECT '生成单位 ' || g, d.id FROM generate_series(1, $1) g JOIN departments d ON d.name = '生成部门 ' || ((g - 1) / $2 + 1)
     ON CONFLICT (name) DO NOTHING`,
    [units, UNITS_PER_DEPARTMENT],
  );
  await dataSource.query(
    `INSERT INTO projects (id, year, name, amount, goal, "unitId", "departmentId")
     SELECT ${uuidV7('g')}, $2, '生成项目 ' || g, 1000000, '生成的绩效目标', u.id, u."departmentId"
     FROM generate_series(1, $1) g JOIN units u ON u.name = '生成单位 ' || ((g - 1) / $3 + 1)`,
    [projects, year, PROJECTS_PER_UNIT],
  );
  await dataSource.query(
    `INSERT INTO indicators (id, "projectId", position, level1, level2, name, "annualRaw", "annualKind", "annualComparator", "annualValue", "annualUnit")
     SELECT ${uuidV7('row_number() OVER (ORDER BY p."unitId", p.id, l.position)')}, p.id, l.position - 1, l.level1, l.level2, l.level2 || ' ' || l.position, '≥100', 'quantitative', 'gte', 100, '个'
     FROM projects p CROSS JOIN unnest($2::varchar[], $3::varchar[]) WITH ORDINALITY AS l(level1, level2, position)
     WHERE p.year = $1
     ORDER BY p."unitId", p.id, l.position`,
    [year, INDICATOR_LAYOUT.map(([level1]) => level1), INDICATOR_LAYOUT.map(([, level2]) => level2)],
  );
  await dataSource.query(
    `INSERT INTO actuals ("indicatorId", "projectId", period, version, value, "deviationCategory", "deviationText")
     SELECT id, "projectId", $2, 1, value,
            CASE WHEN value < 100 AND seed % 10 <> 1 THEN '其他' END,
            CASE WHEN value < 100 AND seed % 10 <> 1 THEN '受上级资金下达时间影响，部分工作顺延至下年度' END
     FROM (SELECT i.id, i."projectId", abs(hashtext(i.id::text)) AS seed, 40 + abs(hashtext(i.id::text)) % 80 AS value
           FROM indicators i JOIN projects p ON p.id = i."projectId" WHERE p.year = $1
           ORDER BY p."unitId", i."projectId", i.position) generated
     WHERE seed % 10 <> 0`,
    [year, String(year)],
  );
  await dataSource.query(
    `INSERT INTO spending ("projectId", period, version, executed)
     SELECT id, $2, 1, 500000 + abs(hashtext(id::text)) % 500000 FROM projects WHERE year = $1`,
    [year, String(year)],
  );
  await dataSource.query('ANALYZE');
}

/** An order-independent digest of every stored project score of the year, to compare two runs. */
export async function scoresChecksum(dataSource: DataSource, year: number): Promise<string> {
  const [row] = await dataSource.query(
    `SELECT count(*)::int AS n,
            md5(string_agg(s."projectId" || s.period || coalesce(s.score::text, '-') || coalesce(s.grade, '-') || coalesce(s."inputsHash", '-'),
                           ',' ORDER BY s."projectId", s.period)) AS digest
     FROM project_scores s JOIN projects p ON p.id = s."projectId" WHERE p.year = $1`,
    [year],
  );
  return `${row.n}:${row.digest}`;
}
