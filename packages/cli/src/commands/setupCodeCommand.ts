import type { CommandIo } from './CommandIo';
import { finish, openRuntime } from './openRuntime';

/** `lore setup-code`: prints the first-run setup code again, while Lore has no admin. */
export async function setupCodeCommand(io: CommandIo): Promise<void> {
  const runtime = await openRuntime(io);
  try {
    const code = runtime.services.accounts.setupCode();
    io.out(
      code
        ? `Setup code: ${code}\nEnter it on the setup page of the web app to create the first admin.`
        : 'Lore is already set up; sign in, or ask an admin (lore users reset-password <email>).',
    );
  } finally {
    await finish(runtime);
  }
}
