import { parseTarget } from './parse-target';

describe(parseTarget.name, () => {
  it.each([
    ['≥390', 'gte', 390, null],
    ['≥90%', 'gte', 90, '%'],
    ['>=90%', 'gte', 90, '%'],
    ['＞＝90％', 'gte', 90, '%'],
    ['≧90%', 'gte', 90, '%'],
    ['大于等于90%', 'gte', 90, '%'],
    ['不低于30篇', 'gte', 30, '篇'],
    ['不少于2次', 'gte', 2, '次'],
    ['全员业务培训不少1次', 'gte', 1, '次'],
    ['至少3场', 'gte', 3, '场'],
    ['完成率达到100%', 'gte', 100, '%'],
    ['15次以上', 'gte', 15, '次'],
    ['5个镇以上', 'gte', 5, '个镇'],
    ['≤4000元/人', 'lte', 4000, '元/人'],
    ['<=30天', 'lte', 30, '天'],
    ['不超过5%', 'lte', 5, '%'],
    ['3个工作日以内', 'lte', 3, '个工作日'],
    ['2小时以下', 'lte', 2, '小时'],
    ['高于95%', 'gt', 95, '%'],
    ['超过10家', 'gt', 10, '家'],
    ['采购率大于80%即达标', 'gt', 80, '%'],
    ['低于5%', 'lt', 5, '%'],
    ['不足3次', 'lt', 3, '次'],
    ['小于2小时', 'lt', 2, '小时'],
    ['100%', 'eq', 100, '%'],
    ['=100%', 'eq', 100, '%'],
    ['78个', 'eq', 78, '个'],
    ['一个指挥部', 'eq', 1, '个指挥部'],
    ['≥1.4万人', 'gte', 14000, '人'],
    ['≥5亿元', 'gte', 500000000, '元'],
    ['10万平米', 'eq', 100000, '平米'],
    ['≥1,200个', 'gte', 1200, '个'],
    ['≥１２００个', 'gte', 1200, '个'],
    ['≥48期/条/篇', 'gte', 48, '期/条/篇'],
    ['≥3%（含广清、广佛、广德产业园）', 'gte', 3, '%'],
    ['满意度指标低于90%不得分，大于等于90%得满分', 'gte', 90, '%'],
    ['不高于3%', 'lte', 3, '%'],
    ['不大于2次', 'lte', 2, '次'],
    ['控制在5%以内', 'lte', 5, '%'],
    ['控制在100万元以内', 'lte', 1000000, '元'],
    ['同比增长5%', 'gte', 5, '%'],
    ['较上年提高3个百分点', 'gte', 3, '个百分点'],
    ['100%完成', 'eq', 100, '%'],
    ['两次', 'eq', 2, '次'],
    ['不少于两次', 'gte', 2, '次'],
    ['零投诉', 'eq', 0, '投诉'],
    ['增长-2%', 'gte', -2, '%'],
    // Spellings from other provinces' budget systems.
    ['≥ 90 %', 'gte', 90, '%'],
    ['大于或等于95%', 'gte', 95, '%'],
    ['≦5天', 'lte', 5, '天'],
    ['＜＝3个', 'lte', 3, '个'],
    ['=<10%', 'lte', 10, '%'],
    ['=>90', 'gte', 90, null],
    ['＞95%', 'gt', 95, '%'],
    ['不小于100人', 'gte', 100, '人'],
    ['小于等于5%', 'lte', 5, '%'],
    ['控制在3%以内', 'lte', 3, '%'],
    ['≥９５％', 'gte', 95, '%'],
    ['≤１０个工作日', 'lte', 10, '个工作日'],
    ['１２个', 'eq', 12, '个'],
    ['1.2亿元', 'eq', 120000000, '元'],
    ['3000万元', 'eq', 30000000, '元'],
    ['≥0.5万元/人', 'gte', 5000, '元/人'],
    ['不少于1.5万人次', 'gte', 15000, '人次'],
    ['≥ 1.2 万亩', 'gte', 12000, '亩'],
    ['≥1,000.5万元', 'gte', 10005000, '元'],
    ['95%及以上', 'gte', 95, '%'],
    ['85%以上（含）', 'gte', 85, '%'],
    ['在95%以上', 'gte', 95, '%'],
    ['10天内', 'lte', 10, '天'],
    ['≤3‰', 'lte', 3, '‰'],
    ['不高于100元/人·天', 'lte', 100, '元/人·天'],
    ['全年≥12次', 'gte', 12, '次'],
    ['确保100%', 'eq', 100, '%'],
    ['0投诉', 'eq', 0, '投诉'],
  ])('reads %s as %s %d %s', (raw, comparator, value, unit) => {
    expect(parseTarget(raw)).toMatchObject({ raw, kind: 'quantitative', comparator, value, unit, per: null });
  });

  it.each([
    ['每月不少于1次', 'month'],
    ['每季度至少1次', 'quarter'],
    ['每年≥2次', 'year'],
    ['每季度1次', 'quarter'],
    ['每月2期', 'month'],
  ])('reads the period of %s as %s', (raw, per) => {
    expect(parseTarget(raw)).toMatchObject({ kind: 'quantitative', per });
  });

  it.each([
    ['每月5日前', 'lte', 5, '日', 'month'],
    ['2025年10月底前', 'lte', 10, '月', null],
    ['2025年12月31日前', 'lte', 31, '日', null],
    ['2025年底前', 'lte', 2025, '年', null],
    ['11月末之前', 'lte', 11, '月', null],
  ])('reads the deadline %s as its last calendar part: %s %d %s', (raw, comparator, value, unit, per) => {
    expect(parseTarget(raw)).toMatchObject({ kind: 'quantitative', comparator, value, unit, per });
  });

  it.each([
    ['80%-90%', 80, 90, '%'],
    ['80%至90%', 80, 90, '%'],
    ['≥80%且≤90%', 80, 90, '%'],
    ['≤10%且≥5%', 5, 10, '%'],
    ['不低于80%并不高于90%', 80, 90, '%'],
    ['80%~90%', 80, 90, '%'],
    ['80-90%', 80, 90, '%'],
    ['±3%以内', -3, 3, '%'],
    ['90%—95%', 90, 95, '%'],
    ['95%-100%', 95, 100, '%'],
    ['5-10天', 5, 10, '天'],
    ['5～10万元', 50000, 100000, '元'],
    ['1-2亿元', 100000000, 200000000, '元'],
    ['3万-5万人', 30000, 50000, '人'],
  ])('reads the range %s as %d to %d', (raw, value, upper, unit) => {
    expect(parseTarget(raw)).toMatchObject({ kind: 'quantitative', comparator: 'gte', value, upper, unit });
  });

  it.each(['较上年提高', '不低于上年', '控制在预算范围内', '按时完成', '建立一个机制', '有所提升', '提升', '合规', '是', '较好', '考核结果达到较好及以上', '按照35人需求，租用宿舍', '工作经费实际支出符合国家财经法规'])(
    'reads %s as qualitative',
    (raw) => {
      expect(parseTarget(raw)).toEqual({ raw, kind: 'qualitative', comparator: null, value: null, unit: null, per: null });
    },
  );

  it.each(['待单位补充...', '待补充', '待定', 'XX', '**', '*', '_', '—', '/'])('reads %s as a placeholder', (raw) => {
    expect(parseTarget(raw)).toMatchObject({ raw, kind: 'placeholder', value: null });
  });

  it.each(['', '   ', null, undefined])('reads %p as missing', (raw) => {
    expect(parseTarget(raw)).toEqual({ raw: '', kind: 'missing', comparator: null, value: null, unit: null, per: null });
  });

  it('strips the trailing 。 from raw', () => {
    expect(parseTarget('不低于6篇。').raw).toBe('不低于6篇');
  });
});
