/**
 * Phrase banks of the synthetic corpus (scripts/bench/corpus.mjs). Every phrase is a
 * triple [it, zh, en] of the same sentence in the three languages, so that one choice of
 * indices renders an entry and its two translations in parallel, as an editor would write them.
 *
 * Slots filled by the generator: {topic} / {Topic} (capitalised in it/en), {city}, {city2},
 * {year}, {n}, {partner}. Text must stay plain MDX: no "{", "}", "<" or ">" of its own.
 */

/** Technology areas: the subject of an entry, its main tag and its offer sector (language-neutral). */
export const TOPICS = [
  { slug: 'energy-storage', it: 'accumulo di energia', zh: '储能', en: 'energy storage', tag: 'energy', sector: 'Energy' },
  { slug: 'green-hydrogen', it: 'idrogeno verde', zh: '绿色氢能', en: 'green hydrogen', tag: 'energy', sector: 'Energy' },
  { slug: 'photovoltaics', it: 'fotovoltaico di nuova generazione', zh: '新一代光伏', en: 'next-generation photovoltaics', tag: 'solar', sector: 'Energy' },
  { slug: 'advanced-manufacturing', it: 'manifattura avanzata', zh: '先进制造', en: 'advanced manufacturing', tag: 'manufacturing', sector: 'Advanced manufacturing' },
  { slug: 'collaborative-robotics', it: 'robotica collaborativa', zh: '协作机器人', en: 'collaborative robotics', tag: 'robotics', sector: 'Advanced manufacturing' },
  { slug: 'artificial-intelligence', it: 'intelligenza artificiale', zh: '人工智能', en: 'artificial intelligence', tag: 'ai', sector: 'ICT and software' },
  { slug: 'biomedical-devices', it: 'dispositivi biomedicali', zh: '生物医学器械', en: 'biomedical devices', tag: 'health', sector: 'Healthcare' },
  { slug: 'digital-health', it: 'sanità digitale', zh: '数字医疗', en: 'digital health', tag: 'health', sector: 'Healthcare' },
  { slug: 'precision-agriculture', it: 'agricoltura di precisione', zh: '精准农业', en: 'precision agriculture', tag: 'agrifood', sector: 'Agri-food' },
  { slug: 'food-safety', it: 'sicurezza alimentare', zh: '食品安全', en: 'food safety', tag: 'agrifood', sector: 'Agri-food' },
  { slug: 'cultural-heritage', it: 'conservazione dei beni culturali', zh: '文化遗产保护', en: 'cultural heritage conservation', tag: 'cultural-heritage', sector: 'Cultural heritage' },
  { slug: 'water-treatment', it: 'trattamento delle acque', zh: '水处理', en: 'water treatment', tag: 'environment', sector: 'Environment' },
  { slug: 'environmental-monitoring', it: 'monitoraggio ambientale', zh: '环境监测', en: 'environmental monitoring', tag: 'environment', sector: 'Environment' },
  { slug: 'circular-economy', it: 'economia circolare', zh: '循环经济', en: 'circular economy', tag: 'circular-economy', sector: 'Environment' },
  { slug: 'new-materials', it: 'nuovi materiali', zh: '新材料', en: 'new materials', tag: 'materials', sector: 'Advanced materials' },
  { slug: 'graphene', it: 'grafene e materiali bidimensionali', zh: '石墨烯及二维材料', en: 'graphene and 2D materials', tag: 'materials', sector: 'Advanced materials' },
  { slug: 'aerospace', it: 'aerospazio', zh: '航空航天', en: 'aerospace', tag: 'aerospace', sector: 'Aerospace' },
  { slug: 'smart-cities', it: 'città intelligenti', zh: '智慧城市', en: 'smart cities', tag: 'smart-cities', sector: 'ICT and software' },
  { slug: 'electric-mobility', it: 'mobilità elettrica', zh: '电动交通', en: 'electric mobility', tag: 'mobility', sector: 'Automotive' },
  { slug: 'microelectronics', it: 'microelettronica', zh: '微电子', en: 'microelectronics', tag: 'electronics', sector: 'ICT and software' },
  { slug: 'technical-textiles', it: 'tessile tecnico', zh: '技术纺织品', en: 'technical textiles', tag: 'textiles', sector: 'Advanced materials' },
  { slug: 'industrial-design', it: 'design industriale', zh: '工业设计', en: 'industrial design', tag: 'design', sector: 'Advanced manufacturing' },
  { slug: 'biotechnology', it: 'biotecnologie', zh: '生物技术', en: 'biotechnology', tag: 'biotech', sector: 'Healthcare' },
  { slug: 'intellectual-property', it: 'proprietà intellettuale', zh: '知识产权', en: 'intellectual property', tag: 'ip', sector: 'Services' },
];

/** Extra free keywords, added to an entry's topic tag (news tag pages are built from these). */
export const EXTRA_TAGS = [
  'research', 'funding', 'smes', 'startups', 'universities', 'joint-projects', 'mobility-grants',
  'forum', 'business-matching', 'training', 'innovation', 'patents', 'licensing', 'investment',
  'sustainability', 'digital', 'internationalisation', 'newsletter',
];

/** Cities of events and courses, with their country and time zone; names per language. */
export const CITIES = [
  { it: 'Roma', zh: '罗马', en: 'Rome', country: 'IT', tz: 'Europe/Rome' },
  { it: 'Milano', zh: '米兰', en: 'Milan', country: 'IT', tz: 'Europe/Rome' },
  { it: 'Napoli', zh: '那不勒斯', en: 'Naples', country: 'IT', tz: 'Europe/Rome' },
  { it: 'Torino', zh: '都灵', en: 'Turin', country: 'IT', tz: 'Europe/Rome' },
  { it: 'Bologna', zh: '博洛尼亚', en: 'Bologna', country: 'IT', tz: 'Europe/Rome' },
  { it: 'Bergamo', zh: '贝加莫', en: 'Bergamo', country: 'IT', tz: 'Europe/Rome' },
  { it: 'Firenze', zh: '佛罗伦萨', en: 'Florence', country: 'IT', tz: 'Europe/Rome' },
  { it: 'Padova', zh: '帕多瓦', en: 'Padua', country: 'IT', tz: 'Europe/Rome' },
  { it: 'Bari', zh: '巴里', en: 'Bari', country: 'IT', tz: 'Europe/Rome' },
  { it: 'Genova', zh: '热那亚', en: 'Genoa', country: 'IT', tz: 'Europe/Rome' },
  { it: 'Pechino', zh: '北京', en: 'Beijing', country: 'CN', tz: 'Asia/Shanghai' },
  { it: 'Shanghai', zh: '上海', en: 'Shanghai', country: 'CN', tz: 'Asia/Shanghai' },
  { it: 'Shenzhen', zh: '深圳', en: 'Shenzhen', country: 'CN', tz: 'Asia/Shanghai' },
  { it: 'Canton', zh: '广州', en: 'Guangzhou', country: 'CN', tz: 'Asia/Shanghai' },
  { it: 'Hangzhou', zh: '杭州', en: 'Hangzhou', country: 'CN', tz: 'Asia/Shanghai' },
  { it: 'Chengdu', zh: '成都', en: 'Chengdu', country: 'CN', tz: 'Asia/Shanghai' },
  { it: 'Wuhan', zh: '武汉', en: 'Wuhan', country: 'CN', tz: 'Asia/Shanghai' },
  { it: 'Nanchino', zh: '南京', en: 'Nanjing', country: 'CN', tz: 'Asia/Shanghai' },
  { it: "Xi'an", zh: '西安', en: "Xi'an", country: 'CN', tz: 'Asia/Shanghai' },
  { it: 'Suzhou', zh: '苏州', en: 'Suzhou', country: 'CN', tz: 'Asia/Shanghai' },
];

/** Venues of events: [it, zh, en] with {city}. */
export const VENUES = [
  ['Centro congressi di {city}', '{city}会议中心', '{city} Congress Centre'],
  ['Parco scientifico e tecnologico di {city}', '{city}科技园', '{city} Science and Technology Park'],
  ["Aula magna dell'università di {city}", '{city}大学礼堂', 'Great Hall, University of {city}'],
  ['Camera di commercio di {city}', '{city}商会', '{city} Chamber of Commerce'],
  ["Incubatore d'impresa di {city}", '{city}创业孵化器', '{city} Business Incubator'],
];

/** Organisations named in texts and as partners: [it, zh, en] with {city} or {topic}. */
export const ORGS = [
  ['Parco scientifico di {city}', '{city}科学园', '{city} Science Park'],
  ["Agenzia per l'innovazione di {city}", '{city}创新促进中心', '{city} Innovation Agency'],
  ['Incubatore universitario di {city}', '{city}大学孵化器', '{city} University Incubator'],
  ['Distretto tecnologico di {city}', '{city}技术园区', '{city} Technology District'],
  ['Ufficio di trasferimento tecnologico di {city}', '{city}技术转移办公室', '{city} Technology Transfer Office'],
  ['Laboratorio congiunto Italia-Cina per {topic}', '中意{topic}联合实验室', 'Italy-China Joint Laboratory for {topic}'],
  ['Consorzio per {topic} di {city}', '{city}{topic}产业联盟', '{city} Consortium for {topic}'],
];

/** Funders of calls: [it, zh, en]. */
export const FUNDERS = [
  ['Centro di trasferimento tecnologico Cina-Italia (CITTC)', '中意技术转移中心', 'China-Italy Technology Transfer Centre (CITTC)'],
  ["Ministero dell'Università e della Ricerca", '意大利大学与研究部', 'Italian Ministry of University and Research'],
  ['Fondazione per la cooperazione scientifica Italia-Cina', '中意科学合作基金会', 'Foundation for Italy-China Scientific Cooperation'],
  ["{partner}", '{partner}', '{partner}'],
];

/** Course providers: [it, zh, en]. */
export const PROVIDERS = [
  ['Centro di trasferimento tecnologico Cina-Italia (CITTC)', '中意技术转移中心', 'China-Italy Technology Transfer Centre (CITTC)'],
  ['{partner}', '{partner}', '{partner}'],
];

/** Titles per collection: [it, zh, en]. */
export const TITLES = {
  news: [
    ['{Topic}: nuova collaborazione tra ricercatori di {city} e {city2}', '{city}与{city2}研究人员在{topic}领域开展新合作', '{Topic}: new collaboration between researchers in {city} and {city2}'],
    ['Firmato a {city} un accordo di trasferimento tecnologico in tema di {topic}', '{city}签署{topic}技术转移协议', 'Technology transfer agreement on {topic} signed in {city}'],
    ['Delegazione da {city} in visita ai laboratori di {city2}', '{city}代表团参观{city2}实验室', 'Delegation from {city} visits laboratories in {city2}'],
    ['{Topic}: {n} imprese italiane e cinesi agli incontri bilaterali', '{topic}：{n}家中意企业参加一对一洽谈', '{Topic}: {n} Italian and Chinese companies at one-to-one meetings'],
    ['Pubblicati i risultati del programma {year} in tema di {topic}', '{year}年度{topic}项目成果发布', 'Results of the {year} programme on {topic} published'],
    ['Nuovo sportello del Centro a {city} per le imprese', '中心在{city}设立企业服务窗口', "The Centre opens a desk for companies in {city}"],
    ['{Topic}: un brevetto italiano trova un licenziatario in Cina', '{topic}：一项意大利专利在中国找到被许可方', '{Topic}: an Italian patent finds a licensee in China'],
    ['Startup di {city} premiata al forum sull\'innovazione {year}', '{city}初创企业在{year}创新论坛上获奖', 'Start-up from {city} wins an award at the {year} innovation forum'],
  ],
  calls: [
    ['Progetti congiunti di ricerca in tema di {topic} {year}', '{year}年{topic}联合研究项目征集', 'Joint research projects on {topic} {year}'],
    ['Voucher per la sperimentazione di tecnologie: {topic}', '技术试验券：{topic}', 'Technology pilot vouchers: {topic}'],
    ['Mobilità di ricercatori tra {city} e {city2} {year}', '{year}年{city}—{city2}研究人员交流计划', 'Researcher mobility between {city} and {city2} {year}'],
    ['Premio per l\'innovazione Italia-Cina {year}: {topic}', '{year}中意创新奖：{topic}', 'Italy-China innovation award {year}: {topic}'],
    ['Gara per servizi di supporto al forum di {city}', '{city}论坛配套服务招标', 'Tender for support services at the {city} forum'],
    ['Partenariati tra imprese in tema di {topic}', '{topic}企业合作伙伴征集', 'Business partnerships on {topic}'],
  ],
  events: [
    ['Forum Italia-Cina in tema di {topic} a {city}', '{city}中意{topic}论坛', 'Italy-China forum on {topic} in {city}'],
    ['Incontri d\'affari: {topic} ({city})', '企业对接会：{topic}（{city}）', 'Business matching: {topic} ({city})'],
    ['Seminario su brevetti e licenze in tema di {topic}', '{topic}专利与许可研讨会', 'Seminar on patents and licensing in {topic}'],
    ['Workshop tecnico: {topic}', '技术工作坊：{topic}', 'Technical workshop: {topic}'],
    ['Webinar: finanziamenti per progetti in tema di {topic}', '网络研讨会：{topic}项目资助', 'Webinar: funding for projects on {topic}'],
    ['Visita di studio ai laboratori di {city}', '{city}实验室考察', 'Study visit to laboratories in {city}'],
    ['Fiera dell\'innovazione di {city} {year}', '{year}{city}创新博览会', '{city} innovation fair {year}'],
    ['Conferenza annuale sul trasferimento tecnologico {year}', '{year}年度技术转移大会', 'Annual technology transfer conference {year}'],
  ],
  courses: [
    ['Corso di gestione della proprietà intellettuale: {topic}', '知识产权管理课程：{topic}', 'Intellectual property management course: {topic}'],
    ['Scuola estiva sul trasferimento tecnologico {year}', '{year}技术转移暑期学校', 'Technology transfer summer school {year}'],
    ['Cinese per l\'innovazione: corso per ricercatori e imprese', '面向科研人员和企业的创新汉语课程', 'Chinese for innovators: a course for researchers and companies'],
    ['Programma executive a {city} in tema di {topic}', '{city}{topic}高管培训项目', 'Executive programme in {city} on {topic}'],
    ['Laboratorio di negoziazione delle licenze {year}', '{year}许可谈判实训班', 'Licensing negotiation workshop {year}'],
  ],
  bulletins: [
    ['Bollettino della cooperazione scientifica e tecnologica Italia-Cina, n. {n}', '中意科技合作简报（第{n}期）', 'Italy-China Science and Technology Cooperation Bulletin, no. {n}'],
  ],
  offers: [
    ['{Topic}: tecnologia brevettata cerca partner industriali', '{topic}：专利技术寻求产业合作伙伴', '{Topic}: patented technology seeks industrial partners'],
    ['Soluzione per {topic} pronta per il mercato', '面向市场的{topic}解决方案', 'Market-ready solution for {topic}'],
    ['Impresa di {city} cerca tecnologie in tema di {topic}', '{city}企业寻求{topic}技术', 'Company in {city} seeks technologies for {topic}'],
    ['Prototipo dimostrativo in tema di {topic}', '{topic}示范样机', 'Demonstration prototype in {topic}'],
    ['Know-how di laboratorio in tema di {topic} disponibile in licenza', '{topic}实验室专有技术对外许可', 'Laboratory know-how in {topic} available for licensing'],
  ],
  pages: [
    ['Servizi in tema di {topic}', '{topic}服务', 'Services for {topic}'],
    ['Guida alla cooperazione in tema di {topic}', '{topic}合作指南', 'Guide to cooperation on {topic}'],
  ],
};

/** Summaries per collection: [it, zh, en]. */
export const SUMMARIES = {
  news: [
    ['Ricercatori e imprese di {city} e {city2} lavoreranno insieme per portare sul mercato nuove soluzioni in tema di {topic}.', '{city}与{city2}的科研人员和企业将携手推动{topic}领域新方案走向市场。', 'Researchers and companies from {city} and {city2} will work together to bring new {topic} solutions to market.'],
    ['Il Centro fa il punto sui risultati dell\'anno e sulle prossime iniziative in tema di {topic}.', '中心回顾了本年度{topic}领域的成果及下一步工作。', 'The Centre reviews the year\'s results and the next initiatives on {topic}.'],
    ['Una giornata di incontri, visite e presentazioni con {n} organizzazioni dei due paesi.', '来自两国的{n}家机构参加了洽谈、参观和推介活动。', 'A day of meetings, visits and presentations with {n} organisations from both countries.'],
  ],
  calls: [
    ['Contributi fino a {n}0.000 euro per progetti in tema di {topic} svolti insieme da partner italiani e cinesi.', '为中意合作开展的{topic}项目提供最高{n}0000欧元资助。', 'Grants of up to €{n}0,000 for {topic} projects carried out jointly by Italian and Chinese partners.'],
    ['Il bando sostiene scambi e progetti pilota che portano una tecnologia verso l\'applicazione industriale.', '本项目支持推动技术走向产业应用的交流和试点项目。', 'The call supports exchanges and pilot projects that take a technology towards industrial use.'],
  ],
  events: [
    ['Una giornata a {city} per ricercatori, imprese e istituzioni interessati a {topic}, con incontri bilaterali su appuntamento.', '在{city}举办的{topic}专题活动，面向科研人员、企业和机构，现场安排一对一洽谈。', 'A day in {city} for researchers, companies and public bodies interested in {topic}, with pre-arranged one-to-one meetings.'],
    ['Esperti italiani e cinesi presentano casi concreti e opportunità di collaborazione in tema di {topic}.', '中意专家介绍{topic}领域的实际案例和合作机会。', 'Italian and Chinese experts present case studies and partnership opportunities in {topic}.'],
  ],
  courses: [
    ['Un percorso pratico per ricercatori, manager e imprenditori che vogliono collaborare con partner cinesi e italiani.', '面向希望与中意伙伴合作的科研人员、管理者和企业家的实践课程。', 'A practical programme for researchers, managers and entrepreneurs who want to work with Chinese and Italian partners.'],
    ['Lezioni, casi di studio ed esercitazioni in tema di {topic}, con docenti dei due paesi.', '由两国教师讲授{topic}相关课程、案例和实操练习。', 'Classes, case studies and exercises on {topic}, taught by lecturers from both countries.'],
  ],
  bulletins: [
    ['In questo numero: {topic}, i risultati degli incontri di {city} e i nuovi bandi.', '本期内容：{topic}、{city}对接活动成果及最新项目征集。', 'In this issue: {topic}, the results of the {city} meetings and new calls.'],
  ],
  offers: [
    ['Una tecnologia in tema di {topic} sviluppata a {city}, cercata da imprese che vogliono ridurre costi e consumi.', '一项在{city}研发的{topic}技术，可帮助企业降低成本和能耗。', 'A {topic} technology developed in {city} for companies that want to cut costs and energy use.'],
    ['Un\'organizzazione di {city} cerca partner per sviluppare e portare sul mercato soluzioni in tema di {topic}.', '{city}一家机构寻求合作伙伴，共同开发{topic}解决方案并推向市场。', 'An organisation in {city} seeks partners to develop {topic} solutions and take them to market.'],
  ],
  pages: [
    ['Come il Centro accompagna università e imprese nelle collaborazioni in tema di {topic}.', '中心如何支持高校和企业开展{topic}领域合作。', 'How the Centre helps universities and companies cooperate on {topic}.'],
  ],
};

/** Opening sentences, any collection: [it, zh, en]. */
export const INTRO = [
  ['Il Centro di trasferimento tecnologico Italia-Cina accompagna università, centri di ricerca e imprese dei due paesi in ogni fase della collaborazione.', '中意技术转移中心在合作的各个阶段为两国高校、科研机构和企业提供支持。', 'The China-Italy Technology Transfer Centre supports universities, research centres and companies from both countries at every stage of a collaboration.'],
  ['Negli ultimi anni la cooperazione in tema di {topic} è cresciuta rapidamente, con nuovi progetti congiunti e accordi di licenza.', '近年来，{topic}领域的合作发展迅速，联合项目和许可协议不断增加。', 'Cooperation on {topic} has grown quickly in recent years, with new joint projects and licensing agreements.'],
  ['L\'iniziativa nasce dalle richieste di tecnologia raccolte dal Centro presso le imprese di {city} e {city2}.', '该活动源于中心在{city}和{city2}企业中收集的技术需求。', 'The initiative grew out of the technology requests the Centre collected from companies in {city} and {city2}.'],
  ['Ricercatori e imprese di {city} lavorano da tempo in tema di {topic} e cercano ora partner nell\'altro paese.', '{city}的科研人员和企业长期从事{topic}研究，现正在寻找对方国家的合作伙伴。', 'Researchers and companies in {city} have long worked on {topic} and are now looking for partners in the other country.'],
  ['Il programma {year} mette al centro il passaggio dai risultati della ricerca alle applicazioni industriali.', '{year}年度计划重点关注科研成果向产业应用的转化。', 'The {year} programme focuses on moving research results into industrial applications.'],
  ['Le piccole e medie imprese sono il principale destinatario delle attività del Centro in tema di {topic}.', '中小企业是中心{topic}相关活动的主要服务对象。', 'Small and medium-sized enterprises are the main audience of the Centre\'s work on {topic}.'],
];

/** Middle sentences, any collection: [it, zh, en]. */
export const DETAIL = [
  ['Le organizzazioni interessate possono presentare il proprio profilo tecnologico sulla piattaforma del Centro.', '感兴趣的机构可在中心平台上发布本机构的技术信息。', 'Interested organisations can publish their technology profile on the Centre\'s platform.'],
  ['Gli incontri bilaterali vengono organizzati in base alle offerte e alle richieste di tecnologia pubblicate.', '一对一洽谈将根据已发布的技术供需信息进行安排。', 'One-to-one meetings are arranged according to the technology offers and requests published.'],
  ['Per ogni progetto è previsto un accompagnamento sulla tutela della proprietà intellettuale in Italia e in Cina.', '每个项目都将获得在意大利和中国进行知识产权保护方面的指导。', 'Each project receives guidance on protecting intellectual property in Italy and in China.'],
  ['I partecipanti riceveranno un\'agenda personalizzata una settimana prima dell\'evento.', '参与者将在活动前一周收到个人日程安排。', 'Participants will receive a personal agenda one week before the event.'],
  ['Sono disponibili servizi di interpretariato e di prima consulenza legale e fiscale.', '现场提供翻译服务以及初步的法律和税务咨询。', 'Interpreting and initial legal and tax advice are available.'],
  ['Nel {year} il Centro ha seguito {n} accordi tra organizzazioni italiane e cinesi.', '{year}年，中心共跟进了{n}项中意机构间的合作协议。', 'In {year} the Centre followed {n} agreements between Italian and Chinese organisations.'],
  ['La tecnologia ha già superato le prove in laboratorio e cerca ora un primo impianto pilota.', '该技术已通过实验室测试，目前正在寻找首个试点项目。', 'The technology has passed laboratory tests and is now looking for a first pilot plant.'],
  ['Le candidature si presentano in inglese attraverso il modulo online del Centro.', '申请须通过中心在线表格以英文提交。', 'Applications are submitted in English through the Centre\'s online form.'],
  ['Le imprese di {city} hanno mostrato un forte interesse per soluzioni già collaudate sul mercato.', '{city}企业对已经过市场验证的解决方案表现出浓厚兴趣。', 'Companies in {city} showed strong interest in solutions already proven on the market.'],
  ['Il gruppo di lavoro comprende esperti di {topic}, di brevetti e di finanza per l\'innovazione.', '工作组由{topic}、专利和创新金融方面的专家组成。', 'The working group includes experts in {topic}, patents and innovation finance.'],
  ['Il Centro raccoglie le manifestazioni di interesse e mette in contatto le parti entro due settimane.', '中心负责收集合作意向，并在两周内为双方牵线搭桥。', 'The Centre collects expressions of interest and puts the parties in touch within two weeks.'],
  ['Una parte delle attività si svolge online, per facilitare la partecipazione da entrambi i paesi.', '部分活动在线上进行，方便两国人员参与。', 'Part of the programme takes place online, to make it easier to take part from both countries.'],
];

/** Closing sentences: [it, zh, en]. */
export const CLOSING = [
  ['Per informazioni scrivete al Centro indicando la vostra organizzazione e l\'obiettivo della collaborazione.', '如需了解详情，请联系中心并说明贵机构情况及合作目标。', 'For information, write to the Centre describing your organisation and the aim of the collaboration.'],
  ['Nelle prossime settimane il Centro pubblicherà il programma dettagliato e l\'elenco dei partecipanti.', '中心将在未来几周公布详细日程和参会名单。', 'Over the coming weeks the Centre will publish the detailed programme and the list of participants.'],
  ['Le proposte più mature saranno accompagnate verso un accordo di licenza o di sviluppo congiunto.', '较为成熟的合作意向将获得支持，推动达成许可或联合开发协议。', 'The most mature proposals will be helped towards a licensing or joint development agreement.'],
  ['Gli aggiornamenti saranno pubblicati su questo sito e nel bollettino del Centro.', '最新进展将在本网站和中心简报上发布。', 'Updates will be published on this site and in the Centre\'s bulletin.'],
];

/** Section headings per collection: [it, zh, en]. */
export const HEADINGS = {
  news: [['I numeri', '数据一览', 'In figures'], ['I prossimi passi', '下一步工作', 'Next steps'], ['Chi è coinvolto', '参与方', 'Who is involved']],
  calls: [['Chi può partecipare', '申请条件', 'Who can apply'], ['Cosa finanzia il bando', '资助内容', 'What the call funds'], ['Come candidarsi', '申请方式', 'How to apply']],
  events: [['Programma', '活动日程', 'Programme'], ['Come partecipare', '参会方式', 'How to take part']],
  courses: [['Argomenti', '课程内容', 'Topics'], ['A chi si rivolge', '招生对象', 'Who it is for']],
  bulletins: [['In questo numero', '本期内容', 'In this issue']],
  offers: [['Caratteristiche', '技术特点', 'Features'], ['Partner cercati', '合作需求', 'Partnership sought']],
  pages: [['Cosa offriamo', '服务内容', 'What we offer'], ['Come lavoriamo', '工作方式', 'How we work']],
  partners: [['Attività', '主要工作', 'Activities']],
};

/** List items per collection: [it, zh, en]. */
export const ITEMS = {
  news: [
    ['{n} organizzazioni partecipanti dai due paesi;', '来自两国的{n}家参与机构；', '{n} participating organisations from both countries;'],
    ['nuovi contatti tra laboratori di {city} e {city2};', '{city}与{city2}实验室建立了新的联系；', 'new contacts between laboratories in {city} and {city2};'],
    ['un accordo quadro sulla formazione di giovani ricercatori;', '签署了青年科研人员培养框架协议；', 'a framework agreement on training young researchers;'],
    ['proposte di collaborazione in tema di {topic} passate alla fase di approfondimento;', '{topic}领域合作意向进入深入对接阶段；', 'partnership proposals on {topic} moved on to detailed discussion;'],
    ['una giornata di visite alle imprese del territorio.', '组织参观当地企业。', 'a day of visits to local companies.'],
  ],
  calls: [
    ['partenariati con almeno un soggetto italiano e uno cinese;', '合作方至少包括一家意大利机构和一家中国机构；', 'partnerships with at least one Italian and one Chinese organisation;'],
    ['almeno un\'impresa tra i partner;', '合作方中至少有一家企业；', 'at least one company among the partners;'],
    ['durata massima di {n} mesi;', '项目周期不超过{n}个月；', 'a maximum duration of {n} months;'],
    ['un piano di sfruttamento dei risultati;', '提交成果转化计划；', 'a plan for exploiting the results;'],
    ['un cofinanziamento pari ad almeno il 20% dei costi.', '自筹资金不低于总成本的20%。', 'co-funding of at least 20% of the costs.'],
  ],
  events: [
    ['mattina: presentazioni dei partner italiani e cinesi;', '上午：中意合作伙伴推介；', 'morning: presentations by Italian and Chinese partners;'],
    ['pomeriggio: incontri bilaterali su appuntamento;', '下午：预约一对一洽谈；', 'afternoon: pre-arranged one-to-one meetings;'],
    ['visita ai laboratori di {city};', '参观{city}实验室；', 'visit to laboratories in {city};'],
    ['tavola rotonda in tema di {topic};', '{topic}圆桌讨论；', 'round table on {topic};'],
    ['interpretariato italiano-cinese in tutte le sessioni.', '全程提供中意双语翻译。', 'Italian-Chinese interpreting in every session.'],
  ],
  courses: [
    ['strategie di ingresso nel mercato cinese e italiano;', '进入中国和意大利市场的策略；', 'strategies for entering the Chinese and Italian markets;'],
    ['tutela e valorizzazione dei brevetti;', '专利保护与运营；', 'protecting and exploiting patents;'],
    ['negoziazione di contratti di licenza;', '许可合同谈判；', 'negotiating licensing contracts;'],
    ['finanza per l\'innovazione e capitale di rischio;', '创新金融与风险投资；', 'innovation finance and venture capital;'],
    ['casi di studio in tema di {topic}.', '{topic}案例分析。', 'case studies in {topic}.'],
  ],
  bulletins: [
    ['{city}: com\'è andata la giornata di incontri d\'affari;', '{city}企业对接日活动回顾；', '{city}: how the business matching day went;'],
    ['le nuove richieste di tecnologia in tema di {topic};', '{topic}领域最新技术需求；', 'new technology requests in {topic};'],
    ['i bandi aperti per progetti congiunti;', '正在征集的联合项目；', 'open calls for joint projects;'],
    ['intervista a un ricercatore di {city2}.', '专访{city2}一位科研人员。', 'an interview with a researcher from {city2}.'],
  ],
  offers: [
    ['livello di maturità tecnologica dimostrato in ambiente operativo;', '技术成熟度已在实际运行环境中得到验证；', 'technology readiness demonstrated in an operational environment;'],
    ['costi di produzione inferiori del {n}% rispetto alle soluzioni attuali;', '生产成本比现有方案低{n}%；', 'production costs {n}% below current solutions;'],
    ['compatibile con gli impianti esistenti;', '与现有设备兼容；', 'compatible with existing plants;'],
    ['disponibile per licenza, sviluppo congiunto o investimento;', '可通过许可、联合开发或投资方式合作；', 'available for licensing, joint development or investment;'],
    ['supporto tecnico del gruppo di ricerca per il trasferimento.', '研发团队提供技术转移支持。', 'technical support from the research team during the transfer.'],
  ],
  pages: [
    ['ricerca di partner nell\'altro paese;', '在对方国家寻找合作伙伴；', 'finding partners in the other country;'],
    ['orientamento sulla proprietà intellettuale;', '知识产权咨询；', 'guidance on intellectual property;'],
    ['organizzazione di incontri e visite;', '组织洽谈和考察；', 'organising meetings and visits;'],
    ['formazione su misura in tema di {topic}.', '{topic}定制培训。', 'tailored training on {topic}.'],
  ],
  partners: [
    ['progetti di ricerca con partner cinesi e italiani;', '与中意伙伴开展科研项目；', 'research projects with Chinese and Italian partners;'],
    ['servizi alle imprese in tema di {topic};', '提供{topic}相关企业服务；', 'services to companies in {topic};'],
    ['formazione e scambi di ricercatori.', '人才培养与科研人员交流。', 'training and exchanges of researchers.'],
  ],
};

/** Partner descriptions: [it, zh, en]. */
export const PARTNER_BODIES = [
  ['Promuove la cooperazione tra ricerca e imprese a {city} ed è partner del Centro per le attività in tema di {topic}.', '致力于推动{city}的产学研合作，是中心{topic}领域的合作伙伴。', 'It promotes cooperation between research and business in {city} and works with the Centre on {topic}.'],
  ['Sostiene la nascita di nuove imprese tecnologiche e i loro primi passi nel mercato dell\'altro paese.', '支持科技型企业创立，并帮助其开拓对方国家市场。', 'It supports new technology companies and their first steps in the other country\'s market.'],
];

/** Callout (MDX component) texts: [it, zh, en]. */
export const CALLOUTS = [
  ['Le iscrizioni chiudono due settimane prima della data indicata.', '报名将于所示日期前两周截止。', 'Registration closes two weeks before the date shown.'],
  ['Il Centro offre un primo colloquio gratuito alle piccole imprese.', '中心为小企业提供免费初步咨询。', 'The Centre offers small companies a free first consultation.'],
];

/** Call-to-action labels: [it, zh, en]. */
export const CTA_LABELS = [
  ['Scrivi al Centro', '联系中心', 'Write to the Centre'],
  ['Scopri di più', '了解更多', 'Find out more'],
];

/** Last line of every generated body: [it, zh, en]. */
export const DISCLAIMER = ['*Contenuto generato per il benchmark del sito.*', '*本文为网站性能测试生成的内容。*', '*Content generated for the site benchmark.*'];

/** Alternative texts of cover images: [it, zh, en] with {topic}. */
export const COVER_ALTS = [
  ['Illustrazione astratta in tema di {topic}', '{topic}主题抽象插图', 'Abstract illustration on {topic}'],
  ['Immagine di un laboratorio di ricerca', '科研实验室图片', 'Picture of a research laboratory'],
];
