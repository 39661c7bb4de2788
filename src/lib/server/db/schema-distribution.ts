/**
 * Distribution: registry imports, invitations, e-mail outbox, reminders.
 * Table interfaces of this area; each key is a table created by a migration in migrations/.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DistributionTables {}
