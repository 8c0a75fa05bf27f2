import { Fragment } from 'react';
import { pathParts } from './books.ts';

/** An account path that wraps after its colons rather than inside a word. */
export function AccountPath({ path }: { path: string }) {
  return (
    <>
      {pathParts(path).map((part, i) => (
        <Fragment key={i}>
          {i > 0 ? <wbr /> : null}
          {part}
        </Fragment>
      ))}
    </>
  );
}
