/** Roles of the AppSpec and what each may do; "own" grants reach only rows whose owner is the caller. */
export const ROLES = {app.rolesLiteral} as const;

export type Action = 'create' | 'read' | 'update' | 'delete';
export type EntityName = {#for e in app.entities}'{e.name}'{#if e_hasNext} | {/if}{/for};

interface Grant {
  roles: readonly string[];
  ownRowsRoles: readonly string[];
}

export const PERMISSIONS: Record<EntityName, Record<Action, Grant>> = {
{#for e in app.entities}
  {e.name}: {
    create: { roles: {e.create.rolesLiteral}, ownRowsRoles: {e.create.ownRowsRolesLiteral} },
    read: { roles: {e.read.rolesLiteral}, ownRowsRoles: {e.read.ownRowsRolesLiteral} },
    update: { roles: {e.update.rolesLiteral}, ownRowsRoles: {e.update.ownRowsRolesLiteral} },
    delete: { roles: {e.delete.rolesLiteral}, ownRowsRoles: {e.delete.ownRowsRolesLiteral} },
  },
{/for}
};

/** 'all' rows, only 'own' rows, or 'none'. */
export function allows(roles: readonly string[], entity: EntityName, action: Action): 'all' | 'own' | 'none' {
  const grant = PERMISSIONS[entity][action];
  if (roles.some((r) => grant.roles.includes(r))) {
    return 'all';
  }
  return roles.some((r) => grant.ownRowsRoles.includes(r)) ? 'own' : 'none';
}
