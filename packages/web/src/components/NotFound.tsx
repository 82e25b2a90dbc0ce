import { Link } from 'wouter';

/**
 * An unknown address, and a page for another role, which answers the same so that it tells
 * nothing. The link is absolute (~/) so that it leaves a nested route too.
 */
export function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. <Link href="~/">Go to hipwise</Link>
      </p>
    </>
  );
}
