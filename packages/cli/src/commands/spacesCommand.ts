import { parseArgs } from 'node:util';
import {
  type DefaultSpaceRole,
  DomainError,
  defaultSpaceRoles,
  type PrincipalKind,
  type SpaceRole,
  spaceRoles,
  spaceVisibilities,
  type User,
} from '@lore/core';
import type { LoreRuntime } from '@lore/server';
import { CliError } from '../CliError';
import type { CommandIo } from './CommandIo';
import { finish, openRuntime } from './openRuntime';
import { transferActor } from './transferActor';

export const spacesUsage = `Usage: lore spaces <action> [arguments] [--as EMAIL]

Manages spaces in the Lore database (LORE_DATA_DIR, default ./data), acting as the admin
with --as EMAIL (default: the first admin).
  list                                   every space with its visibility and default role
  create <name> [--slug S] [--private] [--default-role R] [--description D]
                                         a new space, open unless --private; the acting
                                         admin becomes its space admin
  members <space>                        the space's members and their roles
  members <space> add <who> <role>       give a person (their email) or a group
                                         (group:NAME) a role: ${spaceRoles.join(', ')}
  members <space> remove <who>           take a person or group out of the space

<space> is the space's slug or id. Default roles of open spaces: ${defaultSpaceRoles.join(', ')}.`;

/** `lore spaces …`: the operator's way to set up spaces and who is in them without the web app. */
export async function spacesCommand(args: string[], io: CommandIo): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: {
      as: { type: 'string' },
      slug: { type: 'string' },
      private: { type: 'boolean', default: false },
      'default-role': { type: 'string' },
      description: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [action, ...rest] = positionals;
  if (action === undefined || action === 'help' || values.help) {
    io.out(spacesUsage);
    return;
  }
  const defaultRole = values['default-role'];
  if (
    defaultRole !== undefined &&
    !(defaultSpaceRoles as readonly string[]).includes(defaultRole)
  ) {
    throw new CliError(`The default role must be one of ${defaultSpaceRoles.join(', ')}.`);
  }
  const plan = planOf(action, rest);
  const runtime = await openRuntime(io);
  try {
    const actor = transferActor(runtime, values.as);
    if (actor.role !== 'admin') throw new CliError(`${actor.email} is not an admin.`);
    plan(runtime, actor, io, {
      slug: values.slug,
      visibility: values.private ? spaceVisibilities[1] : spaceVisibilities[0],
      defaultRole: defaultRole as DefaultSpaceRole | undefined,
      description: values.description,
    });
  } catch (error) {
    if (error instanceof DomainError) throw new CliError(error.message);
    throw error;
  } finally {
    await finish(runtime);
  }
}

interface SpaceOptions {
  readonly slug: string | undefined;
  readonly visibility: (typeof spaceVisibilities)[number];
  readonly defaultRole: DefaultSpaceRole | undefined;
  readonly description: string | undefined;
}

type Plan = (runtime: LoreRuntime, actor: User, io: CommandIo, options: SpaceOptions) => void;

/** Checks the arguments before the database is opened, and says what to do with it. */
function planOf(action: string, rest: string[]): Plan {
  const takes = (count: number, usage: string) => {
    if (rest.length !== count) throw new CliError(`Usage: lore spaces ${usage}`);
  };
  if (action === 'list') {
    takes(0, 'list');
    return listSpaces;
  }
  if (action === 'create') {
    takes(1, 'create <name> [--slug S] [--private] [--default-role R]');
    const name = rest[0] ?? '';
    return (runtime, actor, io, options) => {
      const space = runtime.services.pages.createSpace(actor, {
        name,
        ...(options.slug === undefined ? {} : { slug: options.slug }),
        ...(options.description === undefined ? {} : { description: options.description }),
        visibility: options.visibility,
        ...(options.defaultRole === undefined ? {} : { defaultRole: options.defaultRole }),
      });
      io.out(
        `Created the ${space.visibility} space ${space.name} (${space.slug}); ${actor.email} is its admin.`,
      );
    };
  }
  if (action === 'members') {
    const [space, verb, who, role] = rest;
    if (space === undefined) throw new CliError('Usage: lore spaces members <space> …');
    if (verb === undefined) return (runtime, actor, io) => listMembers(runtime, actor, io, space);
    if (verb === 'add') {
      takes(4, 'members <space> add <email|group:NAME> <role>');
      if (!(spaceRoles as readonly string[]).includes(role ?? '')) {
        throw new CliError(`The role must be one of ${spaceRoles.join(', ')}.`);
      }
      return (runtime, actor, io) => {
        const principal = principalOf(runtime, actor, who ?? '');
        const member = runtime.services.spaceMembers.set(
          actor,
          space,
          principal.kind,
          principal.id,
          role as SpaceRole,
        );
        io.out(`${member.name} is ${article(member.role)} ${member.role} of ${space}.`);
      };
    }
    if (verb === 'remove') {
      takes(3, 'members <space> remove <email|group:NAME>');
      return (runtime, actor, io) => {
        const principal = principalOf(runtime, actor, who ?? '');
        runtime.services.spaceMembers.remove(actor, space, principal.kind, principal.id);
        io.out(`Removed ${principal.label} from ${space}.`);
      };
    }
    throw new CliError(`Unknown action: spaces members ${verb}\n\n${spacesUsage}`);
  }
  throw new CliError(`Unknown action: spaces ${action}\n\n${spacesUsage}`);
}

function listSpaces(runtime: LoreRuntime, actor: User, io: CommandIo): void {
  const spaces = runtime.services.pages.listSpaces(actor);
  if (spaces.length === 0) io.out('No spaces yet.');
  for (const { space } of spaces) {
    const access =
      space.visibility === 'open' ? `open, members are ${space.defaultRole}s` : 'private';
    io.out(`${space.slug}  ${space.name}  (${access})`);
  }
}

function listMembers(runtime: LoreRuntime, actor: User, io: CommandIo, space: string): void {
  const members = runtime.services.spaceMembers.list(actor, space);
  if (members.length === 0) io.out(`${space} has no members yet.`);
  for (const member of members) {
    io.out(`${member.role.padEnd(9)}  ${member.kind === 'group' ? 'group ' : ''}${member.name}`);
  }
}

/** `group:NAME` is a group by its name; anything else is a person by their email. */
function principalOf(
  runtime: LoreRuntime,
  actor: User,
  who: string,
): { kind: PrincipalKind; id: string; label: string } {
  if (who.startsWith('group:')) {
    const name = who.slice('group:'.length).trim().toLowerCase();
    const group = runtime.services.groups
      .list(actor)
      .find((candidate) => candidate.name.toLowerCase() === name);
    if (!group) throw new CliError(`There is no group named ${who.slice('group:'.length)}.`);
    return { kind: 'group', id: group.id, label: `the group ${group.name}` };
  }
  const user = runtime.services.accounts.findAccount(null, who.trim());
  return { kind: 'user', id: user.id, label: user.email };
}

const article = (role: string) => (/^[aeiou]/.test(role) ? 'an' : 'a');
