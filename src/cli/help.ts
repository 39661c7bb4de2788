/** What `npm run cli -- help` prints; kept beside the commands it lists. */
export const HELP = `Usage: npm run cli -- <command> [options]

Commands:
  help                                     this text
  migrate                                  bring the schema up to date and load the reference data
  user:create --email E --role R [--region AFR|AMS|ARB|ASP|CIS|EUR]
                                           create a user; the password is read from stdin
                                           (roles: admin, author, coordinator, analyst, regional_office, council;
                                           a regional_office needs --region, the region it sees)
  edition:create --questionnaire FILE --slug S [--title T] [--opens ISO] [--closes ISO] [--draft]
                 [--override-translations --reason R]
                                           import a questionnaire file and open an edition of it (or a
                                           draft); opening needs all six languages complete
  invite --edition S --entity CODE         invite an entity and print its personal link
  invite --edition S --all [--send]        invite every entity of the registry (one invitation each);
                                           --send queues the e-mail to every contact and, when SMTP_URL
                                           is set, sends it now with progress (otherwise the server does)
  remind --edition S [--region R] [--category K] [--state not_opened|opened|in_progress] [--send]
                                           queue a reminder to the contacts of entities that have not submitted
  remind --edition S --days-before N [--region R] [--category K] [--state X]
                                           plan that reminder N days before closing (the server queues it)
  outbox --edition S                       e-mail progress: queued, retrying, sent, failed, last error
  revoke --edition S --entity CODE         revoke every link of an entity (its answers are kept)
  reissue --edition S --entity CODE [--send]
                                           revoke and issue a new link: printed, or e-mailed with --send
  edition:state --edition S --to open|closed|archived [--override-translations --reason R]
                                           move an edition along draft -> open -> closed -> archived;
                                           opening needs all six languages complete (the override is audited)
  edition:dates --edition S [--opens ISO|none] [--closes ISO|none]
                                           set (or clear) an edition's opening and closing dates, in UTC;
                                           not for a closed or archived edition (docs/distribution.md)
  extend --edition S --entity CODE --until ISO
                                           let one entity answer until ISO although the edition closed
  contact:add --entity CODE --email E [--name N] [--language L] [--edition S]
                                           add a focal point (delegation); with --edition, e-mail them a link
  status --edition S                       invited / opened / started / submitted, by region
  backup FILE                              consistent copy of the live SQLite database (online backup)
  restore FILE                             replace the database with a backup (stop the server first)
  api-token:create --name N --role analyst|coordinator|regional_office|council [--region R]
                                           create an API token (docs/api.md) and print it, once
  api-token:list                           every API token: id, name, role, state, last use
  api-token:revoke --id ID                 revoke an API token at once
  results:release --edition S              freeze the suppressed aggregates as the next results release
                                           (what the Council, regional offices and the public dashboard read);
                                           refused, naming the cells, when too few responses changed
  report --edition S --lang L|all [--out FILE.docx]
                                           generate and store the Council report from the latest release
                                           (ar zh en fr ru es, or all);
                                           with one language, --out also writes the DOCX there
  export --edition S --file F --out PATH   microdata.csv, codebook.csv, microdata.xlsx, or the scripts that
                                           read the CSV: microdata.sps (SPSS/PSPP), microdata.do (Stata),
                                           microdata.R (raw data); PATH may be a folder (the download's name);
                                           --include-partial adds responses in progress
  demo:responses --edition S [--count N] [--seed X]
                                           invite entities and add synthetic submitted responses (demos only)
  registry:import FILE                     import entities and focal points from CSV (UTF-8) or XLSX;
                                           any bad row refuses the whole file (report by row)

The database is DATABASE_URL (default data/survey.db); links use PUBLIC_URL.`;
