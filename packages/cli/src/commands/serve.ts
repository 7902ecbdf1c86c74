import { main } from '@lore/server';
import type { CommandIo } from './CommandIo';

/** `lore serve`: the wiki process; returns once it is listening and runs until a signal. */
export async function serve(io: CommandIo): Promise<void> {
  await main(io.env);
}
