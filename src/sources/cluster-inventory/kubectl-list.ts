/**
 * The JSON `kubectl get nodes,pods,services -A -o json` prints: a `List` whose items are Nodes, Pods and Services.
 * Tolerant reader: only the fields cwdash uses are modelled, every object stays loose, and items of other kinds are
 * skipped (a user may have piped `kubectl get all`), so newer Kubernetes versions never break the parse.
 */
import { z } from 'zod';

const stringMap = z.record(z.string(), z.string());

const metadata = z.looseObject({
  name: z.string().min(1),
  namespace: z.string().optional(),
  labels: stringMap.optional(),
  ownerReferences: z
    .array(z.looseObject({ kind: z.string(), name: z.string(), controller: z.boolean().optional() }))
    .optional(),
});

/** `cpu: 250m`, `memory: 128Mi`: quantities are strings (or numbers when written bare). */
const resourceList = z.record(z.string(), z.union([z.string(), z.number()]));

const container = z.looseObject({
  name: z.string(),
  image: z.string().optional(),
  resources: z.looseObject({ requests: resourceList.optional(), limits: resourceList.optional() }).optional(),
});

const condition = z.looseObject({ type: z.string(), status: z.string() });

export const nodeItemSchema = z.looseObject({
  kind: z.literal('Node'),
  metadata,
  spec: z.looseObject({ providerID: z.string().optional() }).optional(),
  status: z.looseObject({ conditions: z.array(condition).optional() }).optional(),
});

export const podItemSchema = z.looseObject({
  kind: z.literal('Pod'),
  metadata,
  spec: z.looseObject({ nodeName: z.string().optional(), containers: z.array(container) }),
  status: z
    .looseObject({
      phase: z.string().optional(),
      conditions: z.array(condition).optional(),
      containerStatuses: z.array(z.looseObject({ name: z.string(), restartCount: z.number().optional() })).optional(),
    })
    .optional(),
});

export const serviceItemSchema = z.looseObject({
  kind: z.literal('Service'),
  metadata,
  spec: z.looseObject({ selector: stringMap.optional(), type: z.string().optional() }).optional(),
});

export type NodeItem = z.infer<typeof nodeItemSchema>;
export type PodItem = z.infer<typeof podItemSchema>;
export type ServiceItem = z.infer<typeof serviceItemSchema>;

/** The envelope; items are checked one by one so an error names the item (`/items/7/spec/containers`). */
export const kubectlListSchema = z.looseObject({
  kind: z.string(),
  items: z.array(z.looseObject({ kind: z.string().optional() })),
});

/** Which schema an item of a given `kind` is read with; other kinds are not part of the inventory. */
export const itemSchemas = { Node: nodeItemSchema, Pod: podItemSchema, Service: serviceItemSchema } as const;
export type InventoryKind = keyof typeof itemSchemas;
