import { resolveLevel1, resolveLevel2 } from './level-aliases';

describe('indicator level aliases', () => {
  it.each([
    ['22-社会效益', '效益指标', '社会效益指标'],
    ['社会效益', '效益指标', '社会效益指标'],
    ['社会效益指标', '效益指标', '社会效益指标'],
    ['环境效益', '效益指标', '生态效益指标'],
    ['进度指标', '产出指标', '时效指标'],
    ['社会公众或服务对象满意度', '满意度指标', '服务对象满意度指标'],
    ['31-服务对象满意度', '满意度指标', '服务对象满意度指标'],
    ['11-数量指标', '产出指标', '数量指标'],
    ['成本指标', '产出指标', '成本指标'],
    ['42-社会成本指标', '成本指标', '社会成本指标'],
    ['23-生态效益', '效益指标', '生态效益指标'],
    ['数量指标（20分）', '产出指标', '数量指标'],
    ['（一）数量指标', '产出指标', '数量指标'],
    ['1.社会效益', '效益指标', '社会效益指标'],
    ['2、质量指标', '产出指标', '质量指标'],
    ['二、满意度', '满意度指标', '服务对象满意度指标'],
    ['生态效益指标(10分)', '效益指标', '生态效益指标'],
  ])('resolves the level2 label %s', (label, level1, level2) => {
    expect(resolveLevel2(label)).toEqual({ level1, level2 });
  });

  it.each([
    ['1-产出指标', '产出指标'],
    ['产出', '产出指标'],
    ['2-效益指标', '效益指标'],
    ['3-满意度指标', '满意度指标'],
    ['4-成本指标', '成本指标'],
    ['一、产出指标', '产出指标'],
    ['（二）效益指标', '效益指标'],
    ['产出指标（50分）', '产出指标'],
    ['1.产出指标', '产出指标'],
  ])('resolves the level1 label %s', (label, level1) => {
    expect(resolveLevel1(label)).toBe(level1);
  });

  it.each(['培训人数', '11-数量指标', ''])('does not take %p for a level1 label', (label) => {
    expect(resolveLevel1(label)).toBeNull();
  });

  it.each(['培训人数', '1-产出指标', '有所提升'])('does not take %p for a level2 label', (label) => {
    expect(resolveLevel2(label)).toBeNull();
  });
});
