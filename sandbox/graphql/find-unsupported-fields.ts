import {
  getNamedType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
} from "graphql";

/**
 * The fields a query selects that the sandbox has no resolver for, as
 * "Type.field". Checked before execution so a gap fails loudly even where
 * execution would not reach it (a null parent, an unmatched fragment).
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
        if (!parent || node.name.value.startsWith("__")) return;
        const parentName = getNamedType(parent).name;
        if (!implemented[parentName]?.[node.name.value])
          missing.add(`${parentName}.${node.name.value}`);
      },
    }),
  );
  return [...missing];
}
