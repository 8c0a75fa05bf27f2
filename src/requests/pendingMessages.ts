import { catalogue } from '../platform/i18n/messages.ts';
import { serverMessages } from '../platform/i18n/translator.ts';

/** What sponsors' requests ask of a member (pending.ts), in the member's language. */
const en = {
  answer_one: 'Answer {{count}} sponsor request',
  answer_other: 'Answer {{count}} sponsor requests',
  answerDetail: 'Open and waiting for the co-op’s reply, the oldest since {{day}}.',
  reply_one: '{{count}} request of your organization waits for your answer',
  reply_other: '{{count}} requests of your organization wait for your answer',
  replyDetail: 'The co-op asked you something; the oldest since {{day}}.',
};

const de = {
  answer_one: 'Beantworte {{count}} Anfrage eines Sponsors',
  answer_other: 'Beantworte {{count}} Anfragen von Sponsoren',
  answerDetail: 'Offen und wartet auf die Antwort der Genossenschaft, die älteste seit {{day}}.',
  reply_one: '{{count}} Anfrage deiner Organisation wartet auf deine Antwort',
  reply_other: '{{count}} Anfragen deiner Organisation warten auf deine Antwort',
  replyDetail: 'Die Genossenschaft hat dich etwas gefragt; die älteste seit {{day}}.',
};

export const requestsPendingCatalogue = catalogue('requests-pending', { en, de });
export const requestsPendingText = serverMessages(requestsPendingCatalogue);
