// The shape of a draft application as the wizard saves it (encrypted as a whole in applications.draft_enc).
import type { EpisodeFormValues } from '@/lib/validation/episode-form';
import type { StepValues } from '@/lib/validation/apply';

export const SECTIONS = [
  { key: 'applicant', title: '申请人信息', path: 'applicant' },
  { key: 'identity', title: '救助身份', path: 'identity' },
  { key: 'episodes', title: '就医记录', path: 'episodes' },
  { key: 'bank', title: '收款账户', path: 'bank' },
  { key: 'declaration', title: '声明与授权', path: 'declaration' },
] as const;

export type SectionKey = (typeof SECTIONS)[number]['key'];
export type StepKey = Exclude<SectionKey, 'episodes'>;
export const STEP_KEYS = ['applicant', 'identity', 'bank', 'declaration'] as const satisfies readonly StepKey[];

export type StepState = { values: StepValues; complete: boolean };
export type EpisodeState = { values: EpisodeFormValues; complete: boolean };

export type Draft = {
  applicant?: StepState;
  identity?: StepState;
  bank?: StepState;
  declaration?: StepState;
  episodes: EpisodeState[];
};

export type SectionStatus = 'not_started' | 'in_progress' | 'complete';

export function sectionStatus(draft: Draft, key: SectionKey): SectionStatus {
  if (key === 'episodes') {
    if (draft.episodes.length === 0) return 'not_started';
    return draft.episodes.every((e) => e.complete) ? 'complete' : 'in_progress';
  }
  const step = draft[key];
  if (!step) return 'not_started';
  return step.complete ? 'complete' : 'in_progress';
}

export function allComplete(draft: Draft): boolean {
  return SECTIONS.every((s) => sectionStatus(draft, s.key) === 'complete');
}
