'use client';
// One /check question. Posts to a server action, so it works before JavaScript loads; a refused answer comes back
// with its message at the field and with what was typed.
import { useActionState, type ReactNode } from 'react';
import { ChoiceList } from '@/app/_components/choice-list';
import { ErrorSummary } from '@/app/_components/field';
import { SubmitButton } from '@/app/_components/submit-button';
import type { QuestionView } from '@/lib/check/views';
import { answerQuestion, type AnswerState } from '../actions';
import { toChoiceOption } from './options';

export function QuestionForm({ view, value, change, caption, children }: {
  view: QuestionView;
  value: string | string[];
  change: boolean;
  caption: string;
  /** Explanations of the words used, shown under the answers. */
  children?: ReactNode;
}) {
  const [state, action] = useActionState(answerQuestion, {} as AnswerState);
  const current = state.values ?? value;
  const error = state.error;
  const legend = (
    <>
      <span className="block text-base font-normal text-muted mb-1">{caption}</span>
      {view.title}
    </>
  );
  return (
    <form action={action} noValidate className="space-y-4">
      <input type="hidden" name="question" value={view.id} />
      {change ? <input type="hidden" name="change" value="1" /> : null}
      <ErrorSummary message={state.message} fieldErrors={error ? { answer: error } : undefined} />
      {view.kind === 'number' ? (
        <div className="mb-6">
          <span className="block text-muted mb-1">{caption}</span>
          <h1 className="text-2xl font-bold leading-snug mb-2">
            <label htmlFor="f-answer">{view.title}</label>
          </h1>
          {view.hint ? (
            <p id="f-answer-hint" className="text-muted mb-2">
              {view.hint}
            </p>
          ) : null}
          {error ? (
            <p id="f-answer-error" className="text-bad font-semibold mb-2">
              <span className="sr-only">错误：</span>
              {error}
            </p>
          ) : null}
          <div className="flex items-center gap-2 max-w-xs">
            {view.money ? <span aria-hidden="true" className="text-lg">¥</span> : null}
            <input
              id="f-answer"
              name="answer"
              className="input text-lg"
              inputMode={view.money ? 'decimal' : 'numeric'}
              autoComplete="off"
              maxLength={view.money ? 20 : 3}
              defaultValue={typeof current === 'string' ? current : ''}
              aria-invalid={error ? true : undefined}
              aria-describedby={[view.hint ? 'f-answer-hint' : '', error ? 'f-answer-error' : ''].filter(Boolean).join(' ') || undefined}
            />
            <span className="text-lg shrink-0">{view.unit}</span>
          </div>
        </div>
      ) : (
        <ChoiceList
          name="answer"
          legend={legend}
          legendAs="h1"
          hint={view.hint}
          error={error}
          type={view.kind}
          options={view.options.map(toChoiceOption)}
          exclusive={view.kind === 'checkbox' ? toChoiceOption(view.none) : undefined}
          defaultValue={current}
        />
      )}
      {children}
      <div className="flex flex-col sm:flex-row gap-3 pt-2">
        <SubmitButton pendingText="正在保存…">继续</SubmitButton>
        {view.kind === 'number' ? (
          <button type="submit" name="unsure" value="1" className="btn btn-secondary w-full sm:w-auto">
            {view.unsureLabel}
          </button>
        ) : null}
      </div>
    </form>
  );
}
