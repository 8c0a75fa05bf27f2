import { useId } from 'react';
import { locales, type Locale } from '../../../src/platform/i18n/locales.ts';
import { currentLocale } from './i18n.ts';
import { t } from './messages.ts';
import { useSession } from './session.tsx';

/** The language of every screen; a member's choice is saved to their profile (and mails). */
export function LanguagePicker() {
  const { changeLocale } = useSession();
  const id = useId();
  return (
    <div className="language-picker">
      <label htmlFor={id} className="visually-hidden">
        {t('nav.language')}
      </label>
      <select
        id={id}
        value={currentLocale()}
        onChange={(event) => void changeLocale(event.target.value as Locale)}
      >
        {locales.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {t(`languages.${locale}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
