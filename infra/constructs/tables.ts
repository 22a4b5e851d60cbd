import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';

/** One key attribute: name and DynamoDB scalar type. */
export interface KeyAttribute {
  name: string;
  type: 'S' | 'N';
}

/** A table's keys, indexes and TTL attribute, as the store adapters use them. */
export interface TableDesign {
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
  timeToLiveAttribute?: string;
  globalSecondaryIndexes: { indexName: string; partitionKey: KeyAttribute; sortKey?: KeyAttribute }[];
}

export type TableRole = 'events' | 'sources' | 'subscribers' | 'deliveries' | 'limits' | 'feedback';

function attribute(key: KeyAttribute): dynamodb.Attribute {
  return { name: key.name, type: key.type === 'S' ? dynamodb.AttributeType.STRING : dynamodb.AttributeType.NUMBER };
}

export interface TablesProps {
  design: Record<TableRole, TableDesign>;
}

/**
 * The six tables: on-demand (a weekly fan-out is spiky, LR-12), point-in-time recovery on (LR-13),
 * encrypted at rest, deletion protection on and RETAIN on removal: subscriber, consent and delivery
 * records must survive a mistaken `cdk destroy`.
 */
export class Tables extends Construct {
  readonly events: dynamodb.Table;
  readonly sources: dynamodb.Table;
  readonly subscribers: dynamodb.Table;
  readonly deliveries: dynamodb.Table;
  /** Signup limit counters: short-lived, TTL-expired; kept like the others for one simple rule. */
  readonly limits: dynamodb.Table;
  /** Subscribers' "I'm going" / "Not for me", one item per (subscriber, event). */
  readonly feedback: dynamodb.Table;

  constructor(scope: Construct, id: string, props: TablesProps) {
    super(scope, id);
    this.events = this.table('Events', props.design.events);
    this.sources = this.table('Sources', props.design.sources);
    this.subscribers = this.table('Subscribers', props.design.subscribers);
    this.deliveries = this.table('Deliveries', props.design.deliveries);
    this.limits = this.table('Limits', props.design.limits);
    this.feedback = this.table('Feedback', props.design.feedback);
  }

  private table(id: string, design: TableDesign): dynamodb.Table {
    const table = new dynamodb.Table(this, id, {
      partitionKey: attribute(design.partitionKey),
      ...(design.sortKey && { sortKey: attribute(design.sortKey) }),
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      ...(design.timeToLiveAttribute !== undefined && { timeToLiveAttribute: design.timeToLiveAttribute }),
    });
    for (const index of design.globalSecondaryIndexes) {
      table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: attribute(index.partitionKey),
        ...(index.sortKey && { sortKey: attribute(index.sortKey) }),
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }
    return table;
  }
}
