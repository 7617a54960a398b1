import {
  OperationNodeTransformer,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type PrimitiveValueListNode,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
  type ValueNode,
} from 'kysely';

const NUL = /\u0000/g;

/** The text without NUL characters; anything else as it is. */
export function withoutNul(value: unknown): unknown {
  return typeof value === 'string' && value.includes('\u0000') ? value.replace(NUL, '') : value;
}

class NulStripper extends OperationNodeTransformer {
  protected override transformValue(node: ValueNode): ValueNode {
    const value = withoutNul(node.value);
    return value === node.value ? node : { ...node, value };
  }

  protected override transformPrimitiveValueList(node: PrimitiveValueListNode): PrimitiveValueListNode {
    return node.values.some((v) => withoutNul(v) !== v) ? { ...node, values: node.values.map(withoutNul) } : node;
  }
}

/**
 * Removes NUL characters from every string a query binds. PostgreSQL refuses them in text ("invalid byte
 * sequence for encoding UTF8: 0x00"), and a resident's message is still worth answering when a buggy keyboard or
 * a hostile client slips one in: removing it at the storage edge turns what would be a 500 (and a platform
 * retrying the same webhook forever) into a stored, handled message. The character carries no meaning in chat
 * text, so every dialect gets the same treatment and the stores behave alike.
 */
export const stripNul: KyselyPlugin = {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return new NulStripper().transformNode(args.node);
  },
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  },
};
