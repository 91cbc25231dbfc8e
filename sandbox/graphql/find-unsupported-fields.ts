import {
  getNamedType,
  isAbstractType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
} from "graphql";

/**
 * The fields a query selects that the sandbox has no resolver for, as
 * "Type.field". Checked before execution so a gap fails loudly even where
 * execution would not reach it (a null parent, an unmatched fragment). A
 * field of an interface or union counts as implemented when every type the
 * sandbox can return for it implements the field.
 */
export function findUnsupportedFields(
  schema: GraphQLSchema,
  document: DocumentNode,
  implemented: Readonly<Record<string, Readonly<Record<string, unknown>>>>,
): string[] {
  const typeInfo = new TypeInfo(schema);
  const missing = new Set<string>();
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        const field = node.name.value;
        if (!parent || field.startsWith("__")) return;
        const named = getNamedType(parent);
        const concrete = isAbstractType(named)
          ? schema.getPossibleTypes(named).filter((type) => implemented[type.name])
          : [named];
        const supported =
          concrete.length > 0 && concrete.every((type) => implemented[type.name]?.[field]);
        if (!supported) missing.add(`${named.name}.${field}`);
      },
    }),
  );
  return [...missing];
}
