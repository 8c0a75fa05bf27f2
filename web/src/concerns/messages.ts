import { catalogue } from '../../../src/platform/i18n/messages.ts';
import { webMessages } from '../app/i18n.ts';

const en = {
  kind: { acknowledge: 'Acknowledged', comment: 'Commented', object: 'Objected' },
  action: { acknowledge: 'Acknowledge', comment: 'Comment', object: 'Object' },
  concerns: {
    title: 'Our concerns',
    titleOf: 'Concerns of {{name}}',
    intro:
      'Tell the co-op what you depend on: when a work item, a proposal or a planned change touches one of your topics, your contacts are consulted before it is decided.',
    topics: 'Topics',
    topicsHint: 'Short slugs, separated by commas, such as tls, packaging, api-v2.',
    systems: 'Systems you depend on',
    constraints: 'Constraints',
    constraintsHint: 'Support windows, freezes, compliance: what a change must not break.',
    toAsk: 'Whom to ask',
    toAskHint: 'Without a choice, your representatives are asked.',
    noContacts: 'Your organization has no contacts yet.',
    save: 'Save our concerns',
    saved: 'Saved.',
    all: 'Every sponsor’s concerns',
    allCaption: 'Sponsors’ concerns',
    none: 'No sponsor has recorded concerns yet.',
    noneNext:
      'Sponsors record what they depend on under “Our concerns”; officers can record it for them on the organization’s page.',
    organization: 'Sponsor',
    updated: 'Updated',
    noReciprocalAccess:
      'No agreement in force includes reciprocal access: these concerns are kept and read by the hackers, but the organization is not consulted on the changes that touch them.',
    notConsulted: 'not consulted: no reciprocal access',
  },
  item: {
    heading: 'Sponsors to consult',
    topics: 'Topics of this item',
    topicsHint: 'Short slugs, separated by commas.',
    saveTopics: 'Save topics',
    noTopics: 'No topics yet.',
    noSponsors:
      'No sponsor whose agreement includes reciprocal access shares a topic with this item.',
    shares: 'shares {{topics}}',
    open: 'Open a consultation',
    whatChanges: 'What changes',
    answerBy: 'Answer wanted by',
    send: 'Consult the sponsors',
    opened: 'Consultation opened: the sponsors’ contacts are mailed.',
    consultations: 'Consultations',
    noConsultations: 'No consultations yet.',
    workItemTitle: 'Work item: {{title}}',
    back: 'Back to the cycles',
    consultLink: 'Sponsors to consult',
  },
  consultation: {
    wantedBy: 'Answer wanted by {{day}}',
    overdue: 'Overdue',
    awaiting: 'Awaiting an answer',
    answered: 'Answered',
    mailedTo: 'mailed to {{count}}',
    answers: 'Answers',
    noAnswers: 'No answers yet.',
    by: '{{who}}, {{when}}',
    viaLink: 'by mailed link',
    yourAnswer: 'Your answer',
    comment: 'Comment',
    commentHint: 'Needed for a comment or an objection.',
    kind: 'Answer',
    send: 'Send the answer',
    sent: 'Thank you: your answer is recorded.',
    about: 'About: {{title}}',
    sponsorsCaption: 'Sponsors consulted',
    item: 'Item',
  },
  inbox: {
    title: 'Consultations',
    intro:
      'Changes the co-op asks your view on. Replies to the mail are not recorded: answer here.',
    none: 'No consultations yet.',
    noneNext:
      'When a change the co-op plans touches one of your concerns, you are asked here and by mail.',
    noneNextCoop:
      'A work item or proposal that touches a sponsor’s concerns lists the sponsors to consult; each consultation and its answers are kept here.',
  },
  link: {
    title: 'Consultation',
    invalid: 'This link is not valid.',
  },
};

const de = {
  kind: { acknowledge: 'Zur Kenntnis genommen', comment: 'Kommentiert', object: 'Widersprochen' },
  action: { acknowledge: 'Zur Kenntnis nehmen', comment: 'Kommentieren', object: 'Widersprechen' },
  concerns: {
    title: 'Unsere Anliegen',
    titleOf: 'Anliegen von {{name}}',
    intro:
      'Sagen Sie der Genossenschaft, wovon Sie abhängen: Berührt ein Arbeitspaket, ein Antrag oder eine geplante Änderung eines Ihrer Themen, werden Ihre Kontakte vor der Entscheidung angehört.',
    topics: 'Themen',
    topicsHint: 'Kurze Kennungen, durch Kommas getrennt, etwa tls, packaging, api-v2.',
    systems: 'Systeme, von denen Sie abhängen',
    constraints: 'Einschränkungen',
    constraintsHint: 'Supportzeiträume, Freezes, Compliance: was eine Änderung nicht brechen darf.',
    toAsk: 'Wen fragen',
    toAskHint: 'Ohne Auswahl werden Ihre Vertretungen gefragt.',
    noContacts: 'Ihre Organisation hat noch keine Kontakte.',
    save: 'Unsere Anliegen speichern',
    saved: 'Gespeichert.',
    all: 'Die Anliegen aller Sponsoren',
    allCaption: 'Anliegen der Sponsoren',
    none: 'Noch kein Sponsor hat Anliegen erfasst.',
    noneNext:
      'Sponsoren erfassen unter „Unsere Anliegen“, wovon sie abhängen; Amtsträger können es auf der Seite der Organisation für sie erfassen.',
    organization: 'Sponsor',
    updated: 'Aktualisiert',
    noReciprocalAccess:
      'Kein geltender Vertrag schließt gegenseitigen Zugang ein: Diese Anliegen werden gespeichert und von den Hackern gelesen, die Organisation wird aber zu Änderungen, die sie berühren, nicht angehört.',
    notConsulted: 'wird nicht angehört: kein gegenseitiger Zugang',
  },
  item: {
    heading: 'Anzuhörende Sponsoren',
    topics: 'Themen dieses Eintrags',
    topicsHint: 'Kurze Kennungen, durch Kommas getrennt.',
    saveTopics: 'Themen speichern',
    noTopics: 'Noch keine Themen.',
    noSponsors:
      'Kein Sponsor, dessen Vertrag gegenseitigen Zugang einschließt, teilt ein Thema mit diesem Eintrag.',
    shares: 'teilt {{topics}}',
    open: 'Eine Anhörung eröffnen',
    whatChanges: 'Was sich ändert',
    answerBy: 'Antwort erbeten bis',
    send: 'Sponsoren anhören',
    opened: 'Anhörung eröffnet: Die Kontakte der Sponsoren erhalten eine Mail.',
    consultations: 'Anhörungen',
    noConsultations: 'Noch keine Anhörungen.',
    workItemTitle: 'Arbeitspaket: {{title}}',
    back: 'Zurück zu den Zyklen',
    consultLink: 'Anzuhörende Sponsoren',
  },
  consultation: {
    wantedBy: 'Antwort erbeten bis {{day}}',
    overdue: 'Überfällig',
    awaiting: 'Antwort ausstehend',
    answered: 'Beantwortet',
    mailedTo: 'an {{count}} gemailt',
    answers: 'Antworten',
    noAnswers: 'Noch keine Antworten.',
    by: '{{who}}, {{when}}',
    viaLink: 'über den Link in der Mail',
    yourAnswer: 'Ihre Antwort',
    comment: 'Kommentar',
    commentHint: 'Nötig für einen Kommentar oder einen Widerspruch.',
    kind: 'Antwort',
    send: 'Antwort senden',
    sent: 'Danke: Ihre Antwort ist erfasst.',
    about: 'Betrifft: {{title}}',
    sponsorsCaption: 'Angehörte Sponsoren',
    item: 'Eintrag',
  },
  inbox: {
    title: 'Anhörungen',
    intro:
      'Änderungen, zu denen die Genossenschaft Ihre Einschätzung erbittet. Antworten auf die Mail werden nicht erfasst: Antworten Sie hier.',
    none: 'Noch keine Anhörungen.',
    noneNext:
      'Wenn eine geplante Änderung eines Ihrer Anliegen berührt, werden Sie hier und per Mail gefragt.',
    noneNextCoop:
      'Ein Eintrag oder Antrag, der Anliegen eines Sponsors berührt, nennt die Sponsoren, die zu fragen sind; jede Anhörung und ihre Antworten bleiben hier.',
  },
  link: {
    title: 'Anhörung',
    invalid: 'Dieser Link ist nicht gültig.',
  },
};

export const concernsCatalogue = catalogue('concerns', { en, de });
/** Reciprocal access: concerns, items' sponsors to consult, consultations and answers. */
export const t = webMessages(concernsCatalogue);
