import { plainError } from '@hipwise/core';
import { z } from 'zod';

// Every form's checks in words for people; the server says the same (createApp).
z.config({ customError: plainError });
