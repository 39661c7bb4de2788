import type { ItemValue, Model, Question } from 'survey-core';

/**
 * An exclusive choice ("none of these", showNoneItem, or any choice marked isExclusive)
 * cannot stand beside another choice. survey-core keeps this in its own UI by the order
 * of clicks (the last one wins), which a whole-page post without JavaScript cannot
 * carry: a form with "none" and an office both ticked says nothing about which one the
 * respondent meant. So the server does not guess: such a page is saved as ticked (no
 * answer is lost) but does not validate, with a message on the question, and it can
 * never be submitted (submission validates every page).
 */

/** survey-core locale code → the message, with {choice} standing for the exclusive choice's text. */
const MESSAGES: Record<string, string> = {
	'': '“{choice}” cannot be combined with other answers. Untick it, or untick the other answers.',
	en: '“{choice}” cannot be combined with other answers. Untick it, or untick the other answers.',
	fr: '« {choice} » ne peut pas être combiné avec d’autres réponses. Décochez-le, ou décochez les autres réponses.',
	es: '«{choice}» no puede combinarse con otras respuestas. Desmárquelo o desmarque las demás respuestas.',
	ru: '«{choice}» нельзя сочетать с другими ответами. Снимите эту отметку или отметки других ответов.',
	'zh-cn': '“{choice}”不能与其他答案同时选择。请取消勾选该项，或取消勾选其他答案。',
	ar: 'لا يمكن الجمع بين «{choice}» وإجابات أخرى. ألغِ تحديده، أو ألغِ تحديد الإجابات الأخرى.'
};

/** The exclusive choice that a checkbox question's value holds beside other choices, or null. */
export function exclusiveConflict(question: Question): ItemValue | null {
	if (question.getType() !== 'checkbox') return null;
	const value: unknown = question.value;
	if (!Array.isArray(value) || value.length < 2) return null;
	const select = question as unknown as { isNoneItem(item: ItemValue): boolean };
	const exclusive = (question.visibleChoices as ItemValue[]).find((item) => select.isNoneItem(item) && value.some((v) => String(v) === String(item.value)));
	return exclusive ?? null;
}

const ruled = new WeakSet<Model>();

/** Makes survey-core's validation (page.validate, hence every page post and the submission) hold the rule. */
export function holdExclusiveChoices(model: Model): Model {
	if (ruled.has(model)) return model;
	ruled.add(model);
	model.onValidateQuestion.add((survey, options) => {
		const conflict = exclusiveConflict(options.question as Question);
		if (!conflict) return;
		const template = MESSAGES[survey.locale] ?? MESSAGES['']!;
		options.error = template.replace('{choice}', conflict.locText.renderedHtml || String(conflict.value));
	});
	return model;
}
