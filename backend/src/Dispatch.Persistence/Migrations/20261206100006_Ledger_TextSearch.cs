using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dispatch.Persistence.Migrations
{
    /// <summary>
    /// The ledger's text search (台账检索): substring search over Chinese text needs trigram indexes (pg_trgm), which the
    /// provider-neutral model cannot describe, so they are written here by hand, apart from the model's own changes.
    /// Their names end in <c>_trgm</c>; the schema test leaves exactly those out of its comparison. Also fills the
    /// step times that <c>Ledger_Columns</c> added for cases stored before them, from their trace.
    /// </summary>
    public partial class Ledger_TextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE EXTENSION IF NOT EXISTS pg_trgm;
                CREATE INDEX ix_cases_description_trgm ON cases USING gin (description gin_trgm_ops);
                CREATE INDEX ix_cases_number_trgm ON cases USING gin (number gin_trgm_ops);
                CREATE INDEX ix_cases_caller_name_trgm ON cases USING gin (caller_name gin_trgm_ops);
                CREATE INDEX ix_cases_caller_phone_trgm ON cases USING gin (caller_phone gin_trgm_ops);
                UPDATE cases c SET
                    dispatched_at = (SELECT min(t.at) FROM case_traces t WHERE t.case_id = c.id AND t.to_state = 'Dispatched'),
                    closed_at = (SELECT max(t.at) FROM case_traces t WHERE t.case_id = c.id AND t.to_state = 'Closed'),
                    was_overdue = EXISTS (SELECT 1 FROM case_traces t WHERE t.case_id = c.id AND t.action = 'overdue');
                -- The default only filled the rows stored before the column; from now on the case sets it.
                ALTER TABLE cases ALTER COLUMN was_overdue DROP DEFAULT;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS ix_cases_description_trgm;
                DROP INDEX IF EXISTS ix_cases_number_trgm;
                DROP INDEX IF EXISTS ix_cases_caller_name_trgm;
                DROP INDEX IF EXISTS ix_cases_caller_phone_trgm;
                """);
        }
    }
}
