/**
 * `--organization`: the member accounts of an AWS Organization (ListAccounts, every page, from the management or a
 * delegated administrator account), each to be reached by assuming `--role-name` in it. Suspended and closed accounts
 * are left out: their APIs answer nothing a cost report could use.
 */
import { ListAccountsCommand, OrganizationsClient, type Account } from '@aws-sdk/client-organizations';
import type { Target } from '../targets/targets-file.js';
import type { BaseCredentials } from './target-credentials.js';

export interface OrganizationOptions {
  readonly credentials: BaseCredentials;
  readonly profile?: string | undefined;
  readonly endpoint?: string | undefined;
  /** Organizations is a global service served from us-east-1 (aws-cn: cn-northwest-1; GovCloud: us-gov-west-1). */
  readonly region: string;
  readonly roleName: string;
  readonly regions: readonly string[];
  /** The partition in the role ARNs. */
  readonly partition?: string | undefined;
}

export async function listOrganizationTargets(options: OrganizationOptions): Promise<Target[]> {
  const client = new OrganizationsClient({
    region: options.region,
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
    ...(options.profile === undefined ? {} : { profile: options.profile }),
  });
  try {
    const accounts: Account[] = [];
    let nextToken: string | undefined;
    do {
      const page = await client.send(new ListAccountsCommand({ NextToken: nextToken }));
      accounts.push(...(page.Accounts ?? []));
      nextToken = page.NextToken;
    } while (nextToken !== undefined);
    return accounts
      .filter((account) => account.Id !== undefined && isActive(account))
      .sort((a, b) => (a.Id! < b.Id! ? -1 : a.Id! > b.Id! ? 1 : 0))
      .map((account) => ({
        name: targetName(account),
        accountId: account.Id!,
        roleArn: `arn:${options.partition ?? 'aws'}:iam::${account.Id!}:role/${options.roleName}`,
        regions: [...options.regions],
      }));
  } finally {
    client.destroy();
  }
}

/** `State` replaced `Status` in 2025; either says whether the account is usable. */
function isActive(account: Account): boolean {
  const state = (account as { State?: string }).State ?? account.Status;
  return state === undefined || state === 'ACTIVE';
}

/** The account name made safe for report keys and CI job names, with the id so two equal names stay apart. */
function targetName(account: Account): string {
  const name = (account.Name ?? '').replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  return name === '' ? account.Id! : `${name}-${account.Id!}`;
}
