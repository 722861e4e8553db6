import type { LabelLevel } from './aigc-label.js';
import { parseDigitalSourceType } from './digital-source-type.js';

const levelText: Record<LabelLevel, { zh: string; en: string }> = {
  '1': { zh: 'AI生成', en: 'AI-generated' },
  '2': { zh: '可能为AI生成', en: 'Possibly AI-generated' },
  '3': { zh: '疑似为AI生成', en: 'Suspected AI-generated' },
};

/**
 * The explicit label a player or the portal shows beside the audio: the GB 45438 wording for the
 * level in Chinese and English, "AI-assisted" for composite content, and the producer.
 */
export function explicitLabelText(level: LabelLevel, producer: string, digitalSourceType?: string): string {
  const assisted = digitalSourceType !== undefined && parseDigitalSourceType(digitalSourceType) === 'compositeWithTrainedAlgorithmicMedia';
  const text = assisted && level === '1' ? { zh: 'AI辅助生成', en: 'AI-assisted' } : levelText[level];
  return `${text.zh} · ${text.en} — ${producer}`;
}
