import { z } from 'zod';

// zod speeds up parsing by compiling code with `new Function`; the server's CSP forbids eval,
// and even zod's guarded probe for it is reported as a CSP violation. Imported first in main.tsx.
z.config({ jitless: true });
