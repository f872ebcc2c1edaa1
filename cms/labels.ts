import type { Trilingual } from '../src/schema/labels';

const L = (it: string, zh: string, en: string): Trilingual => ({ it, zh, en });

/** Texts of the admin page itself and of the editor components, in the editor's language. */
export const adminLabels = {
  figure: L('Figura', '图片', 'Figure'),
  figureImage: L('Immagine', '图片文件', 'Image'),
  figureAlt: L('Testo alternativo', '替代文字', 'Alt text'),
  figureAltHint: L(
    "Descrivi l'immagine per chi non la vede (vuoto solo se decorativa).",
    '为看不到图片的读者描述图片（仅装饰性图片可留空）。',
    'Describe the image for people who cannot see it (empty only if decorative).',
  ),
  figureCaption: L('Didascalia', '图片说明', 'Caption'),
  callout: L('Riquadro', '提示框', 'Callout'),
  calloutType: L('Tipo', '类型', 'Type'),
  calloutText: L('Testo', '内容', 'Text'),
  calloutInfo: L('Nota', '提示', 'Note'),
  calloutWarning: L('Attenzione', '注意', 'Warning'),
  calloutSuccess: L('Fatto', '完成', 'Done'),
  cta: L('Pulsante di invito', '行动按钮', 'Call to action'),
  ctaHref: L('Indirizzo (https://, mailto: o /percorso/)', '链接（https://、mailto: 或站内路径）', 'Link (https://, mailto: or /path/)'),
  ctaLabel: L('Testo del pulsante', '按钮文字', 'Button text'),
  adminLanguage: L('Lingua dell’interfaccia', '界面语言', 'Interface language'),
} satisfies Record<string, Trilingual>;

/**
 * Texts of the translation status: the page /admin/translations/, the note in the CMS editor
 * and the minor-edit switch. `{name}` marks a value filled in by `fill`.
 */
export const translationLabels = {
  pageTitle: L('Stato delle traduzioni', '翻译状态', 'Translation status'),
  intro: L(
    'Lo stato di ogni voce in ogni lingua, dalla cronologia Git dei contenuti. Una lingua è «da aggiornare» quando un’altra ha testo più recente che non ha ancora seguito.',
    '根据内容的 Git 历史显示每个条目在各语言中的状态。当另一种语言有它尚未跟进的新内容时，该语言显示为“需更新”。',
    'The status of every entry in every language, from the Git history of the content. A language is “outdated” when another holds newer text it has not followed yet.',
  ),
  guide: L('Come leggere questa pagina', '如何阅读本页', 'How to read this page'),
  openCms: L('Apri il CMS', '打开内容管理系统', 'Open the CMS'),
  commit: L('Cronologia letta fino al commit {commit}.', '历史读取至提交 {commit}。', 'History read up to commit {commit}.'),
  unknownNoGit: L(
    'Stato sconosciuto: Git non è installato, la cronologia dei contenuti non si può leggere.',
    '状态未知：未安装 Git，无法读取内容历史。',
    'Status unknown: Git is not installed, so the history of the content cannot be read.',
  ),
  unknownNotRepository: L(
    'Stato sconosciuto: il sito non è in un repository Git, la cronologia dei contenuti non si può leggere.',
    '状态未知：网站不在 Git 仓库中，无法读取内容历史。',
    'Status unknown: the site is not in a Git repository, so the history of the content cannot be read.',
  ),
  unknownShallow: L(
    'Stato sconosciuto: questa è una copia parziale (shallow clone) del repository; serve la cronologia completa (git fetch --unshallow).',
    '状态未知：这是仓库的浅克隆（shallow clone），需要完整历史（git fetch --unshallow）。',
    'Status unknown: this is a shallow clone of the repository; the whole history is needed (git fetch --unshallow).',
  ),
  progressHeading: L('Avanzamento per lingua', '各语言进度', 'Progress by language'),
  progress: L('{upToDate} di {total} aggiornate', '{total} 个中 {upToDate} 个已是最新', '{upToDate} of {total} up to date'),
  progressRest: L(
    '{outdated} da aggiornare, {missing} mancanti',
    '{outdated} 个需更新，{missing} 个缺失',
    '{outdated} outdated, {missing} missing',
  ),
  progressUnknown: L('{unknown} sconosciute', '{unknown} 个未知', '{unknown} unknown'),
  filters: L('Filtri', '筛选', 'Filters'),
  filterCollection: L('Sezione', '栏目', 'Section'),
  filterLocale: L('Lingua', '语言', 'Language'),
  filterStatus: L('Stato', '状态', 'Status'),
  all: L('Tutte', '全部', 'All'),
  shown: L('{count} voci su {total} mostrate', '显示 {total} 个条目中的 {count} 个', '{count} of {total} entries shown'),
  entries: L('Voci', '条目', 'Entries'),
  entry: L('Voce', '条目', 'Entry'),
  missing: L('Mancante', '缺失', 'Missing'),
  outdated: L('Da aggiornare', '需更新', 'Outdated'),
  upToDate: L('Aggiornata', '已是最新', 'Up to date'),
  unknown: L('Sconosciuto', '未知', 'Unknown'),
  newer: L('testo più recente in {languages} dal {date}', '{languages}自{date}起有更新的内容', 'newer text in {languages} since {date}'),
  updated: L('modificata il {date}', '修改于{date}', 'changed {date}'),
  fallback: L('i lettori vedono un’altra lingua', '读者看到的是其他语言版本', 'readers get another language'),
  draft: L('bozza', '草稿', 'draft'),
  edit: L('Modifica', '编辑', 'Edit'),
  viewPage: L('Pagina', '页面', 'Page'),
  inLanguage: L('{title} in {language}', '{title}（{language}）', '{title} in {language}'),
  needsScript: L(
    'L’elenco delle voci ha bisogno di JavaScript, come il CMS.',
    '条目列表和内容管理系统一样需要 JavaScript。',
    'The list of entries needs JavaScript, as the CMS does.',
  ),
  otherChecks: L('Altri testi da tradurre', '其他待翻译内容', 'Other texts to translate'),
  vocabularyLabels: L('Termini senza nome in una lingua', '缺少某种语言名称的术语', 'Terms without a name in a language'),
  vocabularyMissing: L('manca: {languages}', '缺少：{languages}', 'missing: {languages}'),
  uiStrings: L('Testi dell’interfaccia mancanti o vuoti', '缺失或为空的界面文字', 'Interface texts missing or empty'),
  unknownTerms: L(
    'Settori e temi che non sono nei vocabolari (mostrati come scritti)',
    '不在词表中的技术领域和主题（按原文显示）',
    'Sectors and topics not in the vocabularies (shown as written)',
  ),
  nothing: L('Nessuno.', '无。', 'None.'),
  noteHeading: L('Traduzioni di questa voce', '本条目的翻译', 'Translations of this entry'),
  noteMissing: L('{language}: mancante', '{language}：缺失', '{language}: missing'),
  noteOutdated: L(
    '{language}: da aggiornare, testo più recente in {languages} dal {date}',
    '{language}：需更新，{languages}自{date}起有更新的内容',
    '{language}: outdated, newer text in {languages} since {date}',
  ),
  noteAll: L('Tutte le traduzioni', '全部翻译状态', 'All translations'),
  noteHide: L('Nascondi la nota sulle traduzioni', '隐藏翻译提示', 'Hide the note on translations'),
  minorEdit: L(
    'Modifica minore (refuso): non rende da aggiornare le altre lingue',
    '小修改（如错别字）：不会使其他语言变为“需更新”',
    'Minor edit (typo fix): does not make other languages outdated',
  ),
  minorEditByHand: L(
    'Modifica minore (refuso)? Quando fai il commit dei file, scrivi [minor] nel messaggio: le altre lingue non diventano da aggiornare.',
    '小修改（如错别字）？提交文件时在提交信息中写上 [minor]，其他语言就不会变为“需更新”。',
    'A minor edit (typo fix)? When you commit the files, write [minor] in the commit message: other languages do not become outdated.',
  ),
} satisfies Record<string, Trilingual>;

/** A label with its `{name}` marks filled in. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
