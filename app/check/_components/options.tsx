// Question options as ChoiceList rows; certificates get their little cover picture.
import type { ChoiceOption } from '@/app/_components/choice-list';
import type { OptionView } from '@/lib/check/views';
import { CardPicture } from './card-picture';

export function toChoiceOption(o: OptionView): ChoiceOption {
  return { value: o.value, label: o.label, hint: o.hint, icon: o.card ? <CardPicture text={o.card} /> : undefined };
}
