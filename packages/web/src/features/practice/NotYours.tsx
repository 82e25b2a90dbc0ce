import { Link } from 'wouter';

/** What a page for another role shows: the same as an unknown address, so it tells nothing. */
export function NotYours() {
  return (
    <>
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. <Link href="~/">Go to hipwise</Link>
      </p>
    </>
  );
}
