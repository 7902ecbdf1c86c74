import { z } from 'zod';
import { spaceSchema } from './spaceSchemas';

/** A page in a space's tree, with its subpages in order. */
export interface TreeNode {
  id: string;
  shortId: string;
  title: string;
  icon: string | null;
  /** Canonical address in the web app: `/<space-slug>/<title-slug>-<shortId>`. */
  url: string;
  children: TreeNode[];
}

export const treeNodeSchema: z.ZodType<TreeNode> = z
  .object({
    id: z.string(),
    shortId: z.string(),
    title: z.string(),
    icon: z.string().nullable(),
    url: z.string().describe('canonical web path'),
    get children() {
      return z.array(treeNodeSchema);
    },
  })
  .meta({ id: 'PageTreeNode' });

/** `GET /api/spaces/:space/tree`: the space and its tree, siblings in order. */
export const spaceTreeSchema = z.object({ space: spaceSchema, tree: z.array(treeNodeSchema) });

export type SpaceTree = z.infer<typeof spaceTreeSchema>;
