/** The canonical 一级/二级 classification with the export codes documents use (parsed-document.md). */
export interface Level1 {
  code: string;
  name: string;
  level2: Level2[];
}

export interface Level2 {
  code: string;
  name: string;
}

export const LEVEL1 = {
  output: '产出指标',
  benefit: '效益指标',
  satisfaction: '满意度指标',
  cost: '成本指标',
} as const;

export const INDICATOR_LEVELS: readonly Level1[] = [
  {
    code: '1',
    name: LEVEL1.output,
    level2: [
      { code: '11', name: '数量指标' },
      { code: '12', name: '质量指标' },
      { code: '13', name: '时效指标' },
      { code: '14', name: '成本指标' },
    ],
  },
  {
    code: '2',
    name: LEVEL1.benefit,
    level2: [
      { code: '21', name: '经济效益指标' },
      { code: '22', name: '社会效益指标' },
      { code: '23', name: '生态效益指标' },
      { code: '24', name: '可持续影响指标' },
    ],
  },
  {
    code: '3',
    name: LEVEL1.satisfaction,
    level2: [{ code: '31', name: '服务对象满意度指标' }],
  },
  {
    code: '4',
    name: LEVEL1.cost,
    level2: [
      { code: '41', name: '经济成本指标' },
      { code: '42', name: '社会成本指标' },
      { code: '43', name: '生态环境成本指标' },
    ],
  },
];
