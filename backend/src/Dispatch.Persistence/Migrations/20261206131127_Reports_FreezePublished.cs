using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dispatch.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Reports_FreezePublished : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A published report is frozen for every role the application connects as: no update, no delete. A draft
            // may be regenerated, edited and published (the update that publishes it still sees the old state Draft).
            migrationBuilder.Sql("""
                CREATE FUNCTION evaluation_reports_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF OLD.state = 'Published' THEN
                        RAISE EXCEPTION 'evaluation report % (% revision %) is published and frozen: % refused',
                            OLD.id, OLD.period, OLD.revision, TG_OP USING ERRCODE = 'insufficient_privilege';
                    END IF;
                    IF TG_OP = 'DELETE' THEN
                        RETURN OLD;
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER evaluation_reports_freeze BEFORE UPDATE OR DELETE ON evaluation_reports
                    FOR EACH ROW EXECUTE FUNCTION evaluation_reports_frozen();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION evaluation_reports_frozen() CASCADE;");
        }
    }
}
