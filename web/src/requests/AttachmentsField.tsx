import { useId } from 'react';
import { Field } from '../app/forms.tsx';
import { attachmentTypeOf, fileSize, maxAttachmentBytes, maxAttachments } from './labels.ts';
import { t } from './messages.ts';

/** Reads a chosen file as the data: URL the upload accepts. */
function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error(file.name));
    reader.readAsDataURL(file);
  });
}

/** The chosen files as the API takes them: name, type, and the bytes in base64. */
export async function uploads(files: readonly File[]) {
  return Promise.all(
    files.map(async (file) => ({
      name: file.name,
      contentType: attachmentTypeOf(file) ?? 'text/plain',
      base64: await readAsDataUrl(file),
    })),
  );
}

/** What is wrong with the chosen files before sending them, or undefined. */
export function attachmentsProblem(files: readonly File[]): string | undefined {
  if (files.length > maxAttachments) return t('form.tooMany');
  const wrong = files.find((f) => !attachmentTypeOf(f));
  if (wrong) return t('form.wrongType', { name: wrong.name });
  const large = files.find((f) => f.size > maxAttachmentBytes);
  if (large) return t('form.tooLarge', { name: large.name });
  return undefined;
}

/**
 * Files to attach: each choice adds to the list, each file can be removed again. The server
 * checks each file's first bytes; the browser checks type and size first to save a round trip.
 */
export function AttachmentsField({
  files,
  onChange,
  error,
}: {
  files: readonly File[];
  onChange: (files: File[]) => void;
  error?: string | undefined;
}) {
  const listId = useId();
  return (
    <Field label={t('form.attachments')} hint={t('form.attachmentsHint')} error={error}>
      {(props) => (
        <>
          <input
            {...props}
            type="file"
            multiple
            accept="image/png,image/jpeg,application/pdf,text/plain,.log,.txt"
            className="file-input"
            onChange={(e) => {
              const chosen = Array.from(e.target.files ?? []);
              onChange([...files, ...chosen]);
              // The same file can be chosen again after removing it.
              e.target.value = '';
            }}
          />
          {files.length > 0 ? (
            <ul id={listId} className="attachment-list">
              {files.map((file, index) => (
                <li key={`${file.name}:${index}`}>
                  <span className="attachment-name">
                    {file.name} ({fileSize(file.size)})
                  </span>{' '}
                  <button
                    type="button"
                    className="button small"
                    onClick={() => onChange(files.filter((_, i) => i !== index))}
                  >
                    {t('form.remove', { name: file.name })}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}
    </Field>
  );
}
