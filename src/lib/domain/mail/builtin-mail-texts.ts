import type { Locale } from '../locales.ts';
import type { MailKind } from './mail-kinds.ts';

/**
 * The built-in invitation and reminder e-mails in the six languages: what a
 * questionnaire without its own `mailTemplates` sends, and what "Use editable e-mail
 * texts" copies into a draft. Merge fields: {contact}, {entity}, {link}, {deadline}.
 * Each body is a list of paragraphs; the paragraph that names the closing date is
 * written whole twice, `dated` (with {deadline}) and `undated` (for an edition without
 * a closing date): a date phrase glued into a sentence cannot be grammatical in six
 * languages ("avant le dès que possible").
 */
export interface BuiltinMailText {
	subject: string;
	paragraphs: string[];
	dated: string;
	undated: string;
	button: string;
}

export const BUILTIN_MAIL_TEXTS: Record<MailKind, Record<Locale, BuiltinMailText>> = {
	invitation: {
		en: {
			subject: 'ITU survey on regional presence: your personal link ({entity})',
			paragraphs: [
				'Dear {contact},',
				'Under Resolution 25 (Rev. Bucharest, 2022), ITU asks its Member States, Sector Members and regional telecommunication organizations how satisfied they are with its regional presence. You are invited to answer on behalf of {entity}.'
			],
			dated:
				'Please answer by {deadline}. The link below is personal to {entity}: you can stop and continue later, and a colleague you forward it to will continue the same response.',
			undated:
				'Please answer as soon as you can. The link below is personal to {entity}: you can stop and continue later, and a colleague you forward it to will continue the same response.',
			button: 'Open the questionnaire'
		},
		fr: {
			subject: "Enquête de l'UIT sur la présence régionale : votre lien personnel ({entity})",
			paragraphs: [
				'Madame, Monsieur {contact},',
				"En application de la Résolution 25 (Rév. Bucarest, 2022), l'UIT demande à ses États Membres, Membres de Secteur et organisations régionales de télécommunication leur degré de satisfaction à l'égard de sa présence régionale. Vous êtes invité(e) à répondre au nom de : {entity}."
			],
			dated:
				'Merci de répondre avant le {deadline}. Le lien ci-dessous est propre à {entity} : vous pouvez vous interrompre et reprendre plus tard, et un(e) collègue à qui vous le transmettez poursuivra la même réponse.',
			undated:
				'Merci de répondre dès que possible. Le lien ci-dessous est propre à {entity} : vous pouvez vous interrompre et reprendre plus tard, et un(e) collègue à qui vous le transmettez poursuivra la même réponse.',
			button: 'Ouvrir le questionnaire'
		},
		es: {
			subject: 'Encuesta de la UIT sobre la presencia regional: su enlace personal ({entity})',
			paragraphs: [
				'Estimado/a {contact}:',
				'En virtud de la Resolución 25 (Rev. Bucarest, 2022), la UIT pregunta a sus Estados Miembros, Miembros de Sector y organizaciones regionales de telecomunicaciones por su grado de satisfacción con su presencia regional. Le invitamos a responder en nombre de {entity}.'
			],
			dated:
				'Le rogamos que responda antes del {deadline}. El enlace siguiente es propio de {entity}: puede interrumpir y continuar más tarde, y un colega al que se lo reenvíe continuará la misma respuesta.',
			undated:
				'Le rogamos que responda lo antes posible. El enlace siguiente es propio de {entity}: puede interrumpir y continuar más tarde, y un colega al que se lo reenvíe continuará la misma respuesta.',
			button: 'Abrir el cuestionario'
		},
		ru: {
			subject: 'Опрос МСЭ о региональном присутствии: ваша персональная ссылка ({entity})',
			paragraphs: [
				'Уважаемый(ая) {contact}!',
				'В соответствии с Резолюцией 25 (Пересм. Бухарест, 2022 г.) МСЭ просит свои Государства-Члены, Членов Секторов и региональные организации электросвязи оценить удовлетворенность его региональным присутствием. Приглашаем вас ответить от имени {entity}.'
			],
			dated:
				'Просим ответить до {deadline}. Ссылка ниже предназначена для {entity}: вы можете прерваться и продолжить позже, а коллега, которому вы ее перешлете, продолжит тот же ответ.',
			undated:
				'Просим ответить как можно скорее. Ссылка ниже предназначена для {entity}: вы можете прерваться и продолжить позже, а коллега, которому вы ее перешлете, продолжит тот же ответ.',
			button: 'Открыть вопросник'
		},
		ar: {
			subject: 'استقصاء الاتحاد الدولي للاتصالات بشأن الحضور الإقليمي: رابطكم الشخصي ({entity})',
			paragraphs: [
				'السيد/السيدة {contact}،',
				'عملاً بالقرار 25 (المراجَع في بوخارست، 2022)، يسأل الاتحاد الدولي للاتصالات دوله الأعضاء وأعضاء قطاعاته والمنظمات الإقليمية للاتصالات عن مدى رضاها عن حضوره الإقليمي. ندعوكم إلى الإجابة باسم {entity}.'
			],
			dated: 'يُرجى الإجابة قبل {deadline}. الرابط أدناه خاص بـ {entity}: يمكنكم التوقف والمتابعة لاحقاً، وإذا أحلتموه إلى زميل فسيتابع الإجابة نفسها.',
			undated: 'يُرجى الإجابة في أقرب وقت ممكن. الرابط أدناه خاص بـ {entity}: يمكنكم التوقف والمتابعة لاحقاً، وإذا أحلتموه إلى زميل فسيتابع الإجابة نفسها.',
			button: 'فتح الاستبيان'
		},
		zh: {
			subject: '国际电联区域代表性调查：您的专属链接（{entity}）',
			paragraphs: [
				'尊敬的{contact}：',
				'根据第25号决议（2022年，布加勒斯特，修订版），国际电联请其成员国、部门成员和区域性电信组织评价对国际电联区域代表性的满意程度。诚邀您代表{entity}作答。'
			],
			dated: '请于{deadline}之前作答。以下链接专属于{entity}：您可以中途保存、稍后继续；转交给同事后，同事将继续同一份答卷。',
			undated: '请尽早作答。以下链接专属于{entity}：您可以中途保存、稍后继续；转交给同事后，同事将继续同一份答卷。',
			button: '打开问卷'
		}
	},
	reminder: {
		en: {
			subject: 'Reminder: ITU survey on regional presence ({entity})',
			paragraphs: ['Dear {contact},'],
			dated:
				'We have not yet received the answers of {entity} to the ITU survey on regional presence. The survey closes on {deadline}; your answers so far are kept.',
			undated:
				'We have not yet received the answers of {entity} to the ITU survey on regional presence. Please answer as soon as you can; your answers so far are kept.',
			button: 'Continue the questionnaire'
		},
		fr: {
			subject: "Rappel : enquête de l'UIT sur la présence régionale ({entity})",
			paragraphs: ['Madame, Monsieur {contact},'],
			dated:
				"Nous n'avons pas encore reçu les réponses de {entity} à l'enquête de l'UIT sur la présence régionale. L'enquête se termine le {deadline} ; les réponses déjà données sont conservées.",
			undated:
				"Nous n'avons pas encore reçu les réponses de {entity} à l'enquête de l'UIT sur la présence régionale. Merci de répondre dès que possible ; les réponses déjà données sont conservées.",
			button: 'Reprendre le questionnaire'
		},
		es: {
			subject: 'Recordatorio: encuesta de la UIT sobre la presencia regional ({entity})',
			paragraphs: ['Estimado/a {contact}:'],
			dated:
				'Aún no hemos recibido las respuestas de {entity} a la encuesta de la UIT sobre la presencia regional. La encuesta se cierra el {deadline}; las respuestas ya dadas se conservan.',
			undated:
				'Aún no hemos recibido las respuestas de {entity} a la encuesta de la UIT sobre la presencia regional. Le rogamos que responda lo antes posible; las respuestas ya dadas se conservan.',
			button: 'Continuar el cuestionario'
		},
		ru: {
			subject: 'Напоминание: опрос МСЭ о региональном присутствии ({entity})',
			paragraphs: ['Уважаемый(ая) {contact}!'],
			dated: 'Мы еще не получили ответы {entity} на опрос МСЭ о региональном присутствии. Опрос завершается {deadline}; уже данные ответы сохранены.',
			undated: 'Мы еще не получили ответы {entity} на опрос МСЭ о региональном присутствии. Просим ответить как можно скорее; уже данные ответы сохранены.',
			button: 'Продолжить заполнение'
		},
		ar: {
			subject: 'تذكير: استقصاء الاتحاد الدولي للاتصالات بشأن الحضور الإقليمي ({entity})',
			paragraphs: ['السيد/السيدة {contact}،'],
			dated: 'لم نتلقَّ بعدُ إجابات {entity} على استقصاء الاتحاد بشأن الحضور الإقليمي. يُغلق الاستقصاء في {deadline}؛ والإجابات المقدَّمة حتى الآن محفوظة.',
			undated: 'لم نتلقَّ بعدُ إجابات {entity} على استقصاء الاتحاد بشأن الحضور الإقليمي. يُرجى الإجابة في أقرب وقت ممكن؛ والإجابات المقدَّمة حتى الآن محفوظة.',
			button: 'متابعة الاستبيان'
		},
		zh: {
			subject: '提醒：国际电联区域代表性调查（{entity}）',
			paragraphs: ['尊敬的{contact}：'],
			dated: '我们尚未收到{entity}对国际电联区域代表性调查的答复。调查将于{deadline}截止；您已填写的答案均已保存。',
			undated: '我们尚未收到{entity}对国际电联区域代表性调查的答复。请尽早作答；您已填写的答案均已保存。',
			button: '继续填写问卷'
		}
	}
};
