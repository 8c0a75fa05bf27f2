import { catalogue } from '../platform/i18n/messages.ts';
import { serverMessages } from '../platform/i18n/translator.ts';

const en = {
  invitation: {
    subject: 'You are invited to join the co-op',
    greeting: 'Hello,',
    greetingNamed: 'Hello {{name}},',
    invites: '{{inviter}} invites you to join as a {{memberClass}} member.',
    theCoop: 'The co-op',
    accept: 'Accept within {{days}} days by opening this link:',
  },
  memberClass: { hacker: 'hacker', sponsor: 'sponsor', community: 'community' },
  signInLink: {
    subject: 'Your sign-in link',
    body: 'Someone asked to sign in as {{email}}. If it was you, open this link within {{minutes}} minutes; it works once:\n\n{{link}}\n\nIf it was not you, ignore this mail: no one can use it without reading your mail.',
  },
  passwordReset: {
    subject: 'Reset your password',
    body: 'Someone asked to reset the password for {{email}}. If it was you, open this link within 2 hours:\n\n{{link}}\n\nIf it was not you, ignore this mail.',
  },
  verifyEmail: {
    subject: 'Confirm your email address',
    body: 'Open this link within 48 hours to confirm {{email}}:\n\n{{link}}',
  },
};

const de = {
  invitation: {
    subject: 'Einladung in die Genossenschaft',
    greeting: 'Hallo,',
    greetingNamed: 'Hallo {{name}},',
    invites: '{{inviter}} lädt dich ein, als Mitglied der Gruppe „{{memberClass}}“ beizutreten.',
    theCoop: 'Die Genossenschaft',
    accept: 'Nimm die Einladung innerhalb von {{days}} Tagen über diesen Link an:',
  },
  memberClass: { hacker: 'Hacker', sponsor: 'Sponsoren', community: 'Community' },
  signInLink: {
    subject: 'Dein Anmeldelink',
    body: 'Jemand möchte sich als {{email}} anmelden. Wenn du das warst, öffne diesen Link innerhalb von {{minutes}} Minuten; er funktioniert nur einmal:\n\n{{link}}\n\nWenn du es nicht warst, ignoriere diese Mail: Ohne Zugriff auf dein Postfach kann niemand den Link benutzen.',
  },
  passwordReset: {
    subject: 'Passwort zurücksetzen',
    body: 'Jemand möchte das Passwort für {{email}} zurücksetzen. Wenn du das warst, öffne diesen Link innerhalb von 2 Stunden:\n\n{{link}}\n\nWenn du es nicht warst, ignoriere diese Mail.',
  },
  verifyEmail: {
    subject: 'Bestätige deine E-Mail-Adresse',
    body: 'Öffne diesen Link innerhalb von 48 Stunden, um {{email}} zu bestätigen:\n\n{{link}}',
  },
};

export const membersMailCatalogue = catalogue('members-mail', { en, de });
export const membersMail = serverMessages(membersMailCatalogue);
