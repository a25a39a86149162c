import { z } from 'zod';

// zod's own messages (a missing field, a value of the wrong type: what only a hand-written request
// sends) in Chinese as well, so every refusal shown next to a field is Chinese. Imported for its effect
// by the server-action wrapper; the portal's schemas give their own messages for everything a form sends.
z.config(z.locales.zhCN());
