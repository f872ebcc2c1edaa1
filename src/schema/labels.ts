import type { Locale } from '../i18n/locales';

/** A text in the three languages of the site (and of the CMS). */
export type Trilingual = Record<Locale, string>;

const L = (it: string, zh: string, en: string): Trilingual => ({ it, zh, en });

/**
 * Labels and hints that editors see in the CMS, by field name. A field with the same name
 * means the same thing in every collection, so it is labelled once.
 */
export const fieldLabels = {
  title: { label: L('Titolo', '标题', 'Title'), hint: L('Al massimo 200 caratteri.', '不超过200个字符。', 'At most 200 characters.') },
  summary: {
    label: L('Sommario', '摘要', 'Summary'),
    hint: L(
      'Una o due frasi (max 300 caratteri): compare negli elenchi, nei feed e nei motori di ricerca.',
      '一两句话（不超过300个字符），用于列表、订阅源和搜索引擎。',
      'One or two sentences (max 300 characters), shown in lists, feeds and search engines.',
    ),
  },
  draft: { label: L('Bozza', '草稿', 'Draft'), hint: L('Le bozze non vengono pubblicate.', '草稿不会发布。', 'Drafts are not published.') },
  tags: {
    label: L('Parole chiave', '关键词', 'Tags'),
    hint: L(
      'Parole libere nella lingua di questa versione, es. robotica, università. Per i temi comuni alle tre lingue usa «Temi».',
      '用本语言版本的词语自由填写，如 汽车、机器人。三种语言共有的主题请在“主题”中选择。',
      'Free words in the language of this version, e.g. robotics, universities. For themes shared by the three languages, use "Topics".',
    ),
  },
  topics: {
    label: L('Temi', '主题', 'Topics'),
    hint: L(
      'Scelti dall’elenco dei temi, uguali in tutte le lingue; il sito li mostra tradotti.',
      '从主题列表中选择，各语言版本相同；网站会以读者的语言显示。',
      'Picked from the list of topics, the same in every language; the site shows them translated.',
    ),
  },
  cover: { label: L('Immagine di copertina', '封面图片', 'Cover image') },
  coverAlt: {
    label: L('Testo alternativo della copertina', '封面图片替代文字', 'Cover image alt text'),
    hint: L(
      "Obbligatorio se c'è una copertina: descrivi l'immagine per chi non la vede.",
      '有封面图片时必填：为看不到图片的读者描述图片内容。',
      'Required with a cover: describe the image for people who cannot see it.',
    ),
  },
  body: { label: L('Testo', '正文', 'Body') },
  date: { label: L('Data', '日期', 'Date') },
  updated: { label: L('Aggiornato il', '更新日期', 'Updated on') },
  deadline: {
    label: L('Scadenza', '截止时间', 'Deadline'),
    hint: L("Data e ora nel fuso orario scelto sotto.", '按下方所选时区填写日期和时间。', 'Date and time in the time zone chosen below.'),
  },
  timezone: {
    label: L('Fuso orario', '时区', 'Time zone'),
    hint: L('Europe/Rome per l’Italia, Asia/Shanghai per la Cina.', '意大利选 Europe/Rome，中国选 Asia/Shanghai。', 'Europe/Rome for Italy, Asia/Shanghai for China.'),
  },
  opens: { label: L('Apertura', '开放日期', 'Opens on') },
  funder: { label: L('Ente finanziatore', '资助机构', 'Funder') },
  link: { label: L('Link al bando', '征集链接', 'Link to the call') },
  category: { label: L('Categoria', '类别', 'Category') },
  start: { label: L('Inizio', '开始', 'Start') },
  end: { label: L('Fine', '结束', 'End') },
  type: { label: L('Tipo', '类型', 'Type') },
  city: { label: L('Città', '城市', 'City') },
  country: { label: L('Paese', '国家', 'Country') },
  venue: { label: L('Sede', '地点', 'Venue') },
  online: { label: L('Online', '线上', 'Online') },
  registrationUrl: { label: L('Link per l’iscrizione', '报名链接', 'Registration link') },
  registrationDeadline: { label: L('Scadenza iscrizioni', '报名截止时间', 'Registration deadline') },
  applicationDeadline: { label: L('Scadenza candidature', '申请截止时间', 'Application deadline') },
  format: { label: L('Modalità', '形式', 'Format') },
  location: { label: L('Luogo', '地点', 'Location') },
  languages: { label: L('Lingue del corso', '授课语言', 'Languages of instruction') },
  fee: { label: L('Quota', '费用', 'Fee'), hint: L('Es. "Gratuito" o "€ 350".', '如“免费”或“350欧元”。', 'E.g. "Free" or "€ 350".') },
  provider: { label: L('Organizzatore', '主办方', 'Provider') },
  issue: { label: L('Numero', '期号', 'Issue number') },
  pdf: { label: L('PDF', 'PDF文件', 'PDF') },
  kind: { label: L('Offerta o domanda', '供给或需求', 'Offer or request') },
  reference: {
    label: L('Codice di riferimento', '编号', 'Reference code'),
    hint: L('Unico, es. IT-2026-001.', '唯一编号，如 IT-2026-001。', 'Unique, e.g. IT-2026-001.'),
  },
  sector: {
    label: L('Settore', '领域', 'Sector'),
    hint: L('Scelto dall’elenco dei settori (menu «Settori» per aggiungerne uno).', '从技术领域列表中选择（可在“技术领域”菜单中新增）。', 'Picked from the list of sectors (add one under "Sectors").'),
  },
  trl: { label: L('TRL (1–9)', '技术成熟度（1–9）', 'TRL (1–9)') },
  ipStatus: { label: L('Proprietà intellettuale', '知识产权状态', 'IP status') },
  partnerSought: { label: L('Partner cercato per', '寻求的合作方式', 'Partnership sought') },
  expires: { label: L('Scade il', '有效期至', 'Expires on') },
  order: { label: L('Ordine nel menu', '菜单顺序', 'Menu order') },
  menu: { label: L('Menu', '菜单', 'Menu') },
  name: { label: L('Nome', '名称', 'Name') },
  role: { label: L('Ruolo', '角色', 'Role') },
  url: { label: L('Sito web', '网站', 'Website') },
  logo: { label: L('Logo', '标志', 'Logo') },
} satisfies Record<string, { label: Trilingual; hint?: Trilingual }>;

export type FieldName = keyof typeof fieldLabels;

/** Labels of the values of enumerated fields, by value. */
export const optionLabels: Record<string, Trilingual> = {
  // calls.category
  funding: L('Finanziamento', '资助', 'Funding'),
  mobility: L('Mobilità', '人员交流', 'Mobility'),
  tender: L('Gara', '招标', 'Tender'),
  partnership: L('Partenariato', '合作伙伴', 'Partnership'),
  award: L('Premio', '奖项', 'Award'),
  other: L('Altro', '其他', 'Other'),
  // events.type
  forum: L('Forum', '论坛', 'Forum'),
  conference: L('Conferenza', '会议', 'Conference'),
  'business-matching': L('Business matching', '企业对接', 'Business matching'),
  visit: L('Visita', '考察访问', 'Visit'),
  seminar: L('Seminario', '研讨会', 'Seminar'),
  workshop: L('Workshop', '工作坊', 'Workshop'),
  webinar: L('Webinar', '网络研讨会', 'Webinar'),
  fair: L('Fiera', '展会', 'Fair'),
  // courses.format
  onsite: L('In presenza', '线下', 'On site'),
  online: L('Online', '线上', 'Online'),
  blended: L('Mista', '线上线下结合', 'Blended'),
  // courses.languages
  it: L('Italiano', '意大利语', 'Italian'),
  zh: L('Cinese', '中文', 'Chinese'),
  en: L('Inglese', '英语', 'English'),
  // offers
  offer: L('Offerta', '技术供给', 'Offer'),
  request: L('Domanda', '技术需求', 'Request'),
  'patent-granted': L('Brevetto concesso', '已授权专利', 'Patent granted'),
  'patent-pending': L('Brevetto depositato', '专利申请中', 'Patent pending'),
  'know-how': L('Know-how', '专有技术', 'Know-how'),
  copyright: L('Diritto d’autore', '著作权', 'Copyright'),
  none: L('Nessuna', '无', 'None'),
  licensing: L('Licenza', '技术许可', 'Licensing'),
  'joint-venture': L('Joint venture', '合资', 'Joint venture'),
  'research-cooperation': L('Cooperazione di ricerca', '科研合作', 'Research cooperation'),
  investment: L('Investimento', '投资', 'Investment'),
  'commercial-agreement': L('Accordo commerciale', '商业协议', 'Commercial agreement'),
  // pages.menu
  main: L('Menu principale', '主菜单', 'Main menu'),
  footer: L('Piè di pagina', '页脚', 'Footer'),
  // partners.role
  promoter: L('Promotore', '发起单位', 'Promoter'),
  partner: L('Partner', '合作单位', 'Partner'),
};

/** Collection names as editors see them: plural and singular. */
export const collectionLabels = {
  news: { label: L('Notizie', '新闻', 'News'), singular: L('Notizia', '新闻', 'News item') },
  calls: { label: L('Bandi', '项目征集', 'Calls'), singular: L('Bando', '项目征集', 'Call') },
  events: { label: L('Eventi', '活动', 'Events'), singular: L('Evento', '活动', 'Event') },
  courses: { label: L('Corsi', '培训课程', 'Courses'), singular: L('Corso', '培训课程', 'Course') },
  bulletins: { label: L('Bollettini', '合作简报', 'Bulletins'), singular: L('Bollettino', '合作简报', 'Bulletin') },
  offers: {
    label: L('Offerte e domande tecnologiche', '技术供需', 'Technology offers and requests'),
    singular: L('Offerta o domanda', '技术供需信息', 'Offer or request'),
  },
  pages: { label: L('Pagine', '页面', 'Pages'), singular: L('Pagina', '页面', 'Page') },
  partners: { label: L('Promotori e partner', '发起与合作单位', 'Promoters and partners'), singular: L('Ente', '单位', 'Organisation') },
} satisfies Record<string, { label: Trilingual; singular: Trilingual }>;
