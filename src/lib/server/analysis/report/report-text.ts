import type { Locale } from '../../../domain/locales.ts';

/**
 * The Council report's own words in the six languages. They live beside the
 * generator rather than in messages/*.json because the report is a document a
 * translator reviews as a whole, and because the CLI builds it without the compiled
 * Paraglide bundle. Question wording comes from the questionnaire itself.
 */
export interface ReportText {
	title: string;
	dataAsOf: (at: string, n: number) => string;
	/** Which results release the figures come from (docs/analysis.md, "Results releases"). */
	release: (n: number, at: string) => string;
	mandate: string;
	mandateText: string;
	method: string;
	methodText: (k: number) => string;
	rates: string;
	ratesText: (submitted: number, invited: number) => string;
	findings: string;
	findingOverall: (share: string, mean: string) => string;
	findingBest: (item: string, mean: string) => string;
	findingWorst: (item: string, mean: string) => string;
	sections: string;
	criteria: string;
	questions: string;
	regions: string;
	annex: string;
	themes: string;
	themesNone: string;
	wave: (label: string) => string;
	waveCols: { current: string; change: string; beyond: string; yes: string; no: string };
	theme: string;
	comments: string;
	figure: (text: string) => string;
	col: {
		item: string;
		region: string;
		invited: string;
		submitted: string;
		rate: string;
		n: string;
		na: string;
		mean: string;
		ci: string;
		satisfied: string;
		dissatisfied: string;
		total: string;
	};
	suppressed: (k: number) => string;
	sectionNames: Record<string, string>;
	criterionNames: Record<string, string>;
}

const SECTION_KEYS = ['profile', 'services', 'sectors', 'engagement', 'overall'] as const;
const CRITERION_KEYS = ['coherence', 'relevance', 'control', 'efficiency', 'effectiveness', 'impact', 'sustainability'] as const;
const zip = (keys: readonly string[], names: string[]) => Object.fromEntries(keys.map((k, i) => [k, names[i]!]));

const en: ReportText = {
	title: "Report on the survey of satisfaction with ITU's regional presence",
	dataAsOf: (at, n) => `Data as of ${at}: ${n} submitted responses.`,
	release: (n, at) => `Figures from results release ${n} of ${at}.`,
	mandate: 'Mandate',
	mandateText:
		"Resolution 25 (Rev. Bucharest, 2022) of the Plenipotentiary Conference instructs the Secretary-General to survey, once every four years, the satisfaction of Member States, Sector Members and regional telecommunication organizations with ITU's regional presence, and to report the results to the Council session before each Plenipotentiary Conference.",
	method: 'Method',
	methodText: (k) =>
		`Ratings run from 5 (very satisfied) to 1 (very dissatisfied). "No interaction / don't know" answers are reported but left out of means and indices. Intervals are 95% confidence intervals of the mean (Student's t). An index is the mean over respondents of each respondent's mean rating of its items. Figures resting on fewer than ${k} answers are not shown, together with enough other figures that they cannot be worked out from the totals.`,
	rates: 'Response rates',
	ratesText: (s, i) => `${s} of ${i} invited entities submitted their replies.`,
	findings: 'Key findings',
	findingOverall: (share, mean) => `${share} of respondents are satisfied or very satisfied overall (mean ${mean} out of 5).`,
	findingBest: (item, mean) => `Highest rated: ${item} (mean ${mean}).`,
	findingWorst: (item, mean) => `Lowest rated: ${item} (mean ${mean}).`,
	sections: 'Indices by section',
	criteria: 'Indices by Resolution 25 criterion',
	questions: 'Results by question',
	regions: 'Results by region',
	annex: 'Annex: the questionnaire',
	themes: 'Comment themes',
	themesNone: 'No open answer has been filed under a theme yet.',
	wave: (l) => `Comparison with ${l}`,
	waveCols: { current: 'Now', change: 'Change (95% CI)', beyond: 'Beyond the interval', yes: 'yes', no: 'no' },
	theme: 'Theme',
	comments: 'Comments',
	figure: (t) => `Figure: ${t}`,
	col: {
		item: 'Item',
		region: 'Region',
		invited: 'Invited',
		submitted: 'Submitted',
		rate: 'Rate',
		n: 'n',
		na: "Don't know",
		mean: 'Mean',
		ci: '95% CI',
		satisfied: 'Satisfied',
		dissatisfied: 'Dissatisfied',
		total: 'Total'
	},
	suppressed: (k) => `n < ${k}`,
	sectionNames: zip(SECTION_KEYS, ['Respondent profile', 'Services to members', 'Support to the Sectors', 'Events and cooperation', 'Overall assessment']),
	criterionNames: zip(CRITERION_KEYS, ['Coherence', 'Relevance', 'Control', 'Efficiency', 'Effectiveness', 'Impact', 'Sustainability'])
};

const fr: ReportText = {
	title: "Rapport sur l'enquête de satisfaction à l'égard de la présence régionale de l'UIT",
	dataAsOf: (at, n) => `Données au ${at} : ${n} réponses envoyées.`,
	release: (n, at) => `Chiffres tirés de la publication de résultats n° ${n} du ${at}.`,
	mandate: 'Mandat',
	mandateText:
		"La Résolution 25 (Rév. Bucarest, 2022) de la Conférence de plénipotentiaires charge le Secrétaire général de mener, tous les quatre ans, une enquête sur le niveau de satisfaction des États Membres, des Membres de Secteur et des organisations régionales de télécommunication à l'égard de la présence régionale de l'UIT, et d'en présenter les résultats à la session du Conseil qui précède chaque conférence de plénipotentiaires.",
	method: 'Méthode',
	methodText: (k) =>
		`Les notes vont de 5 (très satisfait) à 1 (très insatisfait). Les réponses « aucune interaction / ne sait pas » sont indiquées mais exclues des moyennes et des indices. Les intervalles sont des intervalles de confiance à 95 % de la moyenne (t de Student). Un indice est la moyenne, sur les répondants, de la note moyenne de chacun pour ses éléments. Les chiffres reposant sur moins de ${k} réponses ne sont pas montrés, ainsi que d'autres chiffres en nombre suffisant pour qu'on ne puisse pas les déduire des totaux.`,
	rates: 'Taux de réponse',
	ratesText: (s, i) => `${s} des ${i} entités invitées ont envoyé leurs réponses.`,
	findings: 'Principales constatations',
	findingOverall: (share, mean) => `${share} des répondants sont satisfaits ou très satisfaits dans l'ensemble (moyenne ${mean} sur 5).`,
	findingBest: (item, mean) => `Note la plus élevée : ${item} (moyenne ${mean}).`,
	findingWorst: (item, mean) => `Note la plus basse : ${item} (moyenne ${mean}).`,
	sections: 'Indices par partie',
	criteria: 'Indices par critère de la Résolution 25',
	questions: 'Résultats par question',
	regions: 'Résultats par région',
	annex: 'Annexe : le questionnaire',
	themes: 'Thèmes des commentaires',
	themesNone: "Aucune réponse libre n'a encore été classée sous un thème.",
	wave: (l) => `Comparaison avec ${l}`,
	waveCols: { current: 'Aujourd’hui', change: 'Évolution (IC 95 %)', beyond: 'Au-delà de l’intervalle', yes: 'oui', no: 'non' },
	theme: 'Thème',
	comments: 'Commentaires',
	figure: (t) => `Figure : ${t}`,
	col: {
		item: 'Élément',
		region: 'Région',
		invited: 'Invitées',
		submitted: 'Réponses',
		rate: 'Taux',
		n: 'n',
		na: 'Ne sait pas',
		mean: 'Moyenne',
		ci: 'IC 95 %',
		satisfied: 'Satisfaits',
		dissatisfied: 'Insatisfaits',
		total: 'Total'
	},
	suppressed: (k) => `n < ${k}`,
	sectionNames: zip(SECTION_KEYS, [
		'Profil du répondant',
		'Services aux membres',
		'Appui aux Secteurs',
		'Manifestations et coopération',
		'Appréciation générale'
	]),
	criterionNames: zip(CRITERION_KEYS, ['Cohérence', 'Pertinence', 'Contrôle', 'Efficience', 'Efficacité', 'Impact', 'Durabilité'])
};

const es: ReportText = {
	title: 'Informe sobre la encuesta de satisfacción con la presencia regional de la UIT',
	dataAsOf: (at, n) => `Datos a ${at}: ${n} respuestas enviadas.`,
	release: (n, at) => `Cifras de la publicación de resultados n.º ${n} del ${at}.`,
	mandate: 'Mandato',
	mandateText:
		'La Resolución 25 (Rev. Bucarest, 2022) de la Conferencia de Plenipotenciarios encarga al Secretario General que realice, cada cuatro años, una encuesta sobre el grado de satisfacción de los Estados Miembros, los Miembros de Sector y las organizaciones regionales de telecomunicaciones con la presencia regional de la UIT, y que presente los resultados a la reunión del Consejo anterior a cada Conferencia de Plenipotenciarios.',
	method: 'Método',
	methodText: (k) =>
		`Las puntuaciones van de 5 (muy satisfecho) a 1 (muy insatisfecho). Las respuestas «sin interacción / no sabe» se indican, pero se excluyen de las medias y los índices. Los intervalos son intervalos de confianza del 95 % de la media (t de Student). Un índice es la media, entre los encuestados, de la puntuación media de cada uno en sus elementos. No se muestran las cifras basadas en menos de ${k} respuestas, junto con las cifras necesarias para que no puedan deducirse de los totales.`,
	rates: 'Tasas de respuesta',
	ratesText: (s, i) => `${s} de las ${i} entidades invitadas enviaron sus respuestas.`,
	findings: 'Principales conclusiones',
	findingOverall: (share, mean) => `El ${share} de los encuestados está satisfecho o muy satisfecho en general (media ${mean} sobre 5).`,
	findingBest: (item, mean) => `Mejor valorado: ${item} (media ${mean}).`,
	findingWorst: (item, mean) => `Peor valorado: ${item} (media ${mean}).`,
	sections: 'Índices por parte',
	criteria: 'Índices por criterio de la Resolución 25',
	questions: 'Resultados por pregunta',
	regions: 'Resultados por región',
	annex: 'Anexo: el cuestionario',
	themes: 'Temas de los comentarios',
	themesNone: 'Todavía no se ha clasificado ninguna respuesta abierta en un tema.',
	wave: (l) => `Comparación con ${l}`,
	waveCols: { current: 'Actual', change: 'Cambio (IC 95 %)', beyond: 'Fuera del intervalo', yes: 'sí', no: 'no' },
	theme: 'Tema',
	comments: 'Comentarios',
	figure: (t) => `Figura: ${t}`,
	col: {
		item: 'Elemento',
		region: 'Región',
		invited: 'Invitadas',
		submitted: 'Respuestas',
		rate: 'Tasa',
		n: 'n',
		na: 'No sabe',
		mean: 'Media',
		ci: 'IC 95 %',
		satisfied: 'Satisfechos',
		dissatisfied: 'Insatisfechos',
		total: 'Total'
	},
	suppressed: (k) => `n < ${k}`,
	sectionNames: zip(SECTION_KEYS, ['Perfil del encuestado', 'Servicios a los miembros', 'Apoyo a los Sectores', 'Eventos y cooperación', 'Valoración general']),
	criterionNames: zip(CRITERION_KEYS, ['Coherencia', 'Pertinencia', 'Control', 'Eficiencia', 'Eficacia', 'Impacto', 'Sostenibilidad'])
};

const ru: ReportText = {
	title: 'Отчет об обследовании удовлетворенности региональным присутствием МСЭ',
	dataAsOf: (at, n) => `Данные на ${at}: получено ответов — ${n}.`,
	release: (n, at) => `Цифры из выпуска результатов № ${n} от ${at}.`,
	mandate: 'Мандат',
	mandateText:
		'Резолюция 25 (Пересм. Бухарест, 2022 г.) Полномочной конференции поручает Генеральному секретарю один раз в четыре года проводить обследование степени удовлетворенности Государств-Членов, Членов Секторов и региональных организаций электросвязи региональным присутствием МСЭ и представлять его результаты сессии Совета, предшествующей каждой полномочной конференции.',
	method: 'Методика',
	methodText: (k) =>
		`Оценки выставляются от 5 (полностью удовлетворены) до 1 (совсем не удовлетворены). Ответы «не взаимодействовали / не знаю» приводятся, но не учитываются в средних значениях и индексах. Интервалы — 95-процентные доверительные интервалы среднего (t-распределение Стьюдента). Индекс — это среднее по респондентам значение средней оценки каждого респондента по элементам индекса. Показатели, основанные менее чем на ${k} ответах, не приводятся, как и другие показатели в количестве, достаточном, чтобы их нельзя было вычислить из итогов.`,
	rates: 'Доля ответивших',
	ratesText: (s, i) => `Ответы направили ${s} из ${i} приглашенных организаций.`,
	findings: 'Основные выводы',
	findingOverall: (share, mean) => `${share} респондентов в целом удовлетворены или полностью удовлетворены (среднее ${mean} из 5).`,
	findingBest: (item, mean) => `Наивысшая оценка: ${item} (среднее ${mean}).`,
	findingWorst: (item, mean) => `Самая низкая оценка: ${item} (среднее ${mean}).`,
	sections: 'Индексы по разделам',
	criteria: 'Индексы по критериям Резолюции 25',
	questions: 'Результаты по вопросам',
	regions: 'Результаты по регионам',
	annex: 'Приложение: вопросник',
	themes: 'Темы комментариев',
	themesNone: 'Открытые ответы еще не отнесены ни к одной теме.',
	wave: (l) => `Сравнение с ${l}`,
	waveCols: { current: 'Сейчас', change: 'Изменение (95% ДИ)', beyond: 'За пределами интервала', yes: 'да', no: 'нет' },
	theme: 'Тема',
	comments: 'Комментарии',
	figure: (t) => `Рисунок: ${t}`,
	col: {
		item: 'Элемент',
		region: 'Регион',
		invited: 'Приглашено',
		submitted: 'Ответили',
		rate: 'Доля',
		n: 'n',
		na: 'Не знаю',
		mean: 'Среднее',
		ci: '95% ДИ',
		satisfied: 'Удовлетворены',
		dissatisfied: 'Не удовлетворены',
		total: 'Итого'
	},
	suppressed: (k) => `n < ${k}`,
	sectionNames: zip(SECTION_KEYS, ['Профиль респондента', 'Услуги для членов', 'Поддержка Секторов', 'Мероприятия и сотрудничество', 'Общая оценка']),
	criterionNames: zip(CRITERION_KEYS, [
		'Согласованность',
		'Актуальность',
		'Контроль',
		'Эффективность использования ресурсов',
		'Результативность',
		'Воздействие',
		'Устойчивость'
	])
};

const ar: ReportText = {
	title: 'تقرير عن استقصاء مستوى الرضا عن الحضور الإقليمي للاتحاد',
	dataAsOf: (at, n) => `البيانات في ${at}: ${n} ردود مُرسلة.`,
	release: (n, at) => `الأرقام مأخوذة من إصدار النتائج رقم ${n} بتاريخ ${at}.`,
	mandate: 'الولاية',
	mandateText:
		'يكلّف القرار 25 (المراجَع في بوخارست، 2022) لمؤتمر المندوبين المفوضين الأمينَ العام بأن يُجري، مرة كل أربع سنوات، استقصاءً لمستوى رضا الدول الأعضاء وأعضاء القطاعات والمنظمات الإقليمية للاتصالات عن الحضور الإقليمي للاتحاد، وأن يقدّم نتائجه إلى دورة المجلس التي تسبق كل مؤتمر للمندوبين المفوضين.',
	method: 'المنهجية',
	methodText: (k) =>
		`تتراوح التقديرات بين 5 (راضٍ جداً) و1 (غير راضٍ إطلاقاً). تُذكر إجابات «لا تعامل / لا أعرف» ولكنها تُستبعد من المتوسطات والمؤشرات. الفترات هي فترات ثقة بنسبة 95% للمتوسط (توزيع t لستيودنت). المؤشر هو متوسط متوسطات تقديرات المجيبين لبنوده. لا تُعرض الأرقام المستندة إلى أقل من ${k} إجابات، ولا عدد كافٍ من الأرقام الأخرى بحيث يتعذر استنتاجها من المجاميع.`,
	rates: 'معدلات الرد',
	ratesText: (s, i) => `أرسل ${s} من أصل ${i} كياناً مدعواً ردودهم.`,
	findings: 'النتائج الرئيسية',
	findingOverall: (share, mean) => `${share} من المجيبين راضون أو راضون جداً بوجه عام (المتوسط ${mean} من 5).`,
	findingBest: (item, mean) => `الأعلى تقديراً: ${item} (المتوسط ${mean}).`,
	findingWorst: (item, mean) => `الأدنى تقديراً: ${item} (المتوسط ${mean}).`,
	sections: 'المؤشرات حسب الجزء',
	criteria: 'المؤشرات حسب معايير القرار 25',
	questions: 'النتائج حسب السؤال',
	regions: 'النتائج حسب المنطقة',
	annex: 'الملحق: الاستبيان',
	themes: 'مواضيع التعليقات',
	themesNone: 'لم تُصنَّف أي إجابة مفتوحة ضمن موضوع بعد.',
	wave: (l) => `المقارنة مع ${l}`,
	waveCols: { current: 'الآن', change: 'التغير (فترة الثقة 95%)', beyond: 'خارج فترة الثقة', yes: 'نعم', no: 'لا' },
	theme: 'الموضوع',
	comments: 'التعليقات',
	figure: (t) => `الشكل: ${t}`,
	col: {
		item: 'البند',
		region: 'المنطقة',
		invited: 'المدعوون',
		submitted: 'الردود',
		rate: 'المعدل',
		n: 'n',
		na: 'لا أعرف',
		mean: 'المتوسط',
		ci: 'فترة الثقة 95%',
		satisfied: 'راضون',
		dissatisfied: 'غير راضين',
		total: 'المجموع'
	},
	suppressed: (k) => `n < ${k}`,
	sectionNames: zip(SECTION_KEYS, ['بيانات المجيب', 'الخدمات المقدمة إلى الأعضاء', 'دعم القطاعات', 'الأحداث والتعاون', 'التقييم العام']),
	criterionNames: zip(CRITERION_KEYS, ['الاتساق', 'الملاءمة', 'الرقابة', 'الكفاءة', 'الفعالية', 'الأثر', 'الاستدامة'])
};

const zh: ReportText = {
	title: '国际电联区域代表性满意度调查报告',
	dataAsOf: (at, n) => `数据截至${at}：已提交答复${n}份。`,
	release: (n, at) => `数据取自${at}发布的第${n}号结果版本。`,
	mandate: '授权',
	mandateText:
		'全权代表大会第25号决议（2022年，布加勒斯特，修订版）责成秘书长每四年开展一次调查，了解成员国、部门成员和区域性电信组织对国际电联区域代表性的满意程度，并将调查结果提交每届全权代表大会之前的理事会会议。',
	method: '方法',
	methodText: (k) =>
		`评分从5（非常满意）到1（非常不满意）。“未曾接触/不知道”的答复予以报告，但不计入平均值和指数。区间为平均值的95%置信区间（学生t分布）。指数是各答复者对其所评各项平均分的平均值。基于少于${k}份答复的数字不予显示，并同时隐去足够多的其他数字，使其无法由合计推算出来。`,
	rates: '答复率',
	ratesText: (s, i) => `在受邀的${i}个实体中，有${s}个提交了答复。`,
	findings: '主要结论',
	findingOverall: (share, mean) => `${share}的答复者总体上满意或非常满意（平均${mean}分，满分5分）。`,
	findingBest: (item, mean) => `评分最高：${item}（平均${mean}分）。`,
	findingWorst: (item, mean) => `评分最低：${item}（平均${mean}分）。`,
	sections: '按部分列出的指数',
	criteria: '按第25号决议标准列出的指数',
	questions: '按问题列出的结果',
	regions: '按区域列出的结果',
	annex: '附件：调查问卷',
	themes: '评论主题',
	themesNone: '尚未将任何开放式答复归入主题。',
	wave: (l) => `与${l}的比较`,
	waveCols: { current: '本届', change: '变化（95%置信区间）', beyond: '超出置信区间', yes: '是', no: '否' },
	theme: '主题',
	comments: '评论',
	figure: (t) => `图：${t}`,
	col: {
		item: '项目',
		region: '区域',
		invited: '受邀',
		submitted: '已答复',
		rate: '答复率',
		n: 'n',
		na: '不知道',
		mean: '平均值',
		ci: '95%置信区间',
		satisfied: '满意',
		dissatisfied: '不满意',
		total: '合计'
	},
	suppressed: (k) => `n < ${k}`,
	sectionNames: zip(SECTION_KEYS, ['答复者概况', '为成员提供的服务', '对各部门的支持', '活动与合作', '总体评价']),
	criterionNames: zip(CRITERION_KEYS, ['一致性', '相关性', '控制', '效率', '有效性', '影响', '可持续性'])
};

export const REPORT_TEXT: Record<Locale, ReportText> = { ar, zh, en, fr, ru, es };
