using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Dispatch.Persistence.Migrations;

/// <summary>
/// Hand-written: the EF design-time package is not available. Column types are left to the provider's mapping
/// of the CLR type; <c>MigratedSchemaMatchesModel</c> proves the result equals the model.
/// </summary>
[DbContext(typeof(DispatchDbContext))]
[Migration("20261121000001_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var m = migrationBuilder;
        CreateIdentity(m);

        m.CreateTable("departments", t => new
        {
            id = t.Column<Guid>(nullable: false),
            key = t.Column<string>(maxLength: 64, nullable: false),
            kind = t.Column<string>(maxLength: 32, nullable: false),
            level = t.Column<string>(maxLength: 16, nullable: false),
            jurisdiction_code = t.Column<string>(maxLength: 15, nullable: false),
            name_zh = t.Column<string>(maxLength: 128, nullable: false),
            name_en = t.Column<string>(maxLength: 256, nullable: false),
        }, constraints: t => t.PrimaryKey("pk_departments", x => x.id));
        m.CreateIndex("ix_departments_key", "departments", "key", unique: true);

        m.CreateTable("categories", t => new
        {
            id = t.Column<Guid>(nullable: false),
            kind = t.Column<string>(maxLength: 16, nullable: false),
            major_code = t.Column<string>(maxLength: 2, nullable: false),
            major_name_zh = t.Column<string>(maxLength: 64, nullable: false),
            major_name_en = t.Column<string>(maxLength: 128, nullable: false),
            code = t.Column<string>(maxLength: 8, nullable: false),
            name_zh = t.Column<string>(maxLength: 64, nullable: false),
            name_en = t.Column<string>(maxLength: 128, nullable: false),
            department_kind = t.Column<string>(maxLength: 32, nullable: false),
        }, constraints: t => t.PrimaryKey("pk_categories", x => x.id));
        m.CreateIndex("ix_categories_kind_code", "categories", ["kind", "code"], unique: true);

        m.CreateTable("category_conditions", t => new
        {
            id = t.Column<Guid>(nullable: false),
            category_id = t.Column<Guid>(nullable: false),
            ordinal = t.Column<int>(nullable: false),
            name_zh = t.Column<string>(maxLength: 64, nullable: false),
            name_en = t.Column<string>(maxLength: 128, nullable: false),
            limit = t.Column<decimal>(precision: 9, scale: 2, nullable: false),
            unit = t.Column<string>(maxLength: 16, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_category_conditions", x => x.id);
            t.ForeignKey("fk_category_conditions_categories_category_id", x => x.category_id, "categories", "id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("ix_category_conditions_category_id_ordinal", "category_conditions", ["category_id", "ordinal"], unique: true);

        m.CreateTable("category_routes", t => new
        {
            category_id = t.Column<Guid>(nullable: false),
            department_id = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_category_routes", x => x.category_id);
            t.ForeignKey("fk_category_routes_categories_category_id", x => x.category_id, "categories", "id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("fk_category_routes_departments_department_id", x => x.department_id, "departments", "id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("ix_category_routes_department_id", "category_routes", "department_id");

        m.CreateTable("cases", t => new
        {
            id = t.Column<Guid>(nullable: false),
            number = t.Column<string>(maxLength: 32, nullable: false),
            state = t.Column<string>(maxLength: 32, nullable: false),
            version = t.Column<int>(nullable: false),
            source = t.Column<string>(maxLength: 16, nullable: false),
            category_id = t.Column<Guid>(nullable: false),
            condition_id = t.Column<Guid>(nullable: true),
            longitude = t.Column<double>(nullable: false),
            latitude = t.Column<double>(nullable: false),
            description = t.Column<string>(maxLength: 2000, nullable: false),
            district_code = t.Column<string>(maxLength: 15, nullable: false),
            reported_by = t.Column<string>(maxLength: 256, nullable: false),
            reported_at = t.Column<DateTimeOffset>(nullable: false),
            updated_at = t.Column<DateTimeOffset>(nullable: false),
            department_id = t.Column<Guid>(nullable: true),
            needs_manual_dispatch = t.Column<bool>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_cases", x => x.id);
            t.ForeignKey("fk_cases_categories_category_id", x => x.category_id, "categories", "id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("fk_cases_category_conditions_condition_id", x => x.condition_id, "category_conditions", "id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("fk_cases_departments_department_id", x => x.department_id, "departments", "id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("ix_cases_number", "cases", "number", unique: true);
        m.CreateIndex("ix_cases_category_id", "cases", "category_id");
        m.CreateIndex("ix_cases_condition_id", "cases", "condition_id");
        m.CreateIndex("ix_cases_department_id_state", "cases", ["department_id", "state"]);
        m.CreateIndex("ix_cases_updated_at", "cases", "updated_at");
        m.CreateIndex("ix_cases_reported_by_reported_at", "cases", ["reported_by", "reported_at"]);

        m.CreateTable("case_traces", t => new
        {
            id = t.Column<Guid>(nullable: false),
            case_id = t.Column<Guid>(nullable: false),
            sequence = t.Column<int>(nullable: false),
            action = t.Column<string>(maxLength: 32, nullable: false),
            from_state = t.Column<string>(maxLength: 32, nullable: true),
            to_state = t.Column<string>(maxLength: 32, nullable: false),
            actor_user_name = t.Column<string>(maxLength: 256, nullable: false),
            actor_role = t.Column<string>(maxLength: 32, nullable: false),
            department_key = t.Column<string>(maxLength: 64, nullable: true),
            at = t.Column<DateTimeOffset>(nullable: false),
            opinion = t.Column<string>(maxLength: 2000, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_case_traces", x => x.id);
            t.ForeignKey("fk_case_traces_cases_case_id", x => x.case_id, "cases", "id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("ix_case_traces_case_id_sequence", "case_traces", ["case_id", "sequence"], unique: true);

        m.CreateTable("case_photos", t => new
        {
            id = t.Column<Guid>(nullable: false),
            case_id = t.Column<Guid>(nullable: false),
            sha256 = t.Column<string>(maxLength: 64, nullable: false),
            content_type = t.Column<string>(maxLength: 64, nullable: false),
            length = t.Column<long>(nullable: false),
            stage = t.Column<string>(maxLength: 16, nullable: false),
            uploaded_at = t.Column<DateTimeOffset>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_case_photos", x => x.id);
            t.ForeignKey("fk_case_photos_cases_case_id", x => x.case_id, "cases", "id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("ix_case_photos_case_id", "case_photos", "case_id");

        m.CreateTable("outbox_messages", t => new
        {
            id = t.Column<Guid>(nullable: false),
            message_type = t.Column<string>(maxLength: 256, nullable: false),
            body = t.Column<string>(nullable: false),
            created_at = t.Column<DateTimeOffset>(nullable: false),
            sent_at = t.Column<DateTimeOffset>(nullable: true),
            attempts = t.Column<int>(nullable: false),
            last_error = t.Column<string>(maxLength: 2000, nullable: true),
        }, constraints: t => t.PrimaryKey("pk_outbox_messages", x => x.id));
        m.CreateIndex("ix_outbox_messages_unsent", "outbox_messages", "created_at", filter: "sent_at IS NULL");
        // Wakes the relays when a transaction that wrote outbox rows commits (NOTIFY is delivered on commit).
        m.Sql("""
            CREATE FUNCTION notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN PERFORM pg_notify('dispatch_outbox', ''); RETURN NULL; END $$;
            CREATE TRIGGER outbox_messages_notify AFTER INSERT ON outbox_messages
                FOR EACH STATEMENT EXECUTE FUNCTION notify_outbox();
            """);

        m.CreateTable("inbox_messages", t => new
        {
            message_id = t.Column<Guid>(nullable: false),
            consumer = t.Column<string>(maxLength: 128, nullable: false),
            processed_at = t.Column<DateTimeOffset>(nullable: false),
        }, constraints: t => t.PrimaryKey("pk_inbox_messages", x => new { x.message_id, x.consumer }));

        m.CreateTable("idempotency_records", t => new
        {
            user_name = t.Column<string>(maxLength: 256, nullable: false),
            key = t.Column<string>(maxLength: 100, nullable: false),
            request_hash = t.Column<string>(maxLength: 64, nullable: false),
            case_id = t.Column<Guid>(nullable: false),
            created_at = t.Column<DateTimeOffset>(nullable: false),
        }, constraints: t => t.PrimaryKey("pk_idempotency_records", x => new { x.user_name, x.key }));
    }

    private static void CreateIdentity(MigrationBuilder m)
    {
        m.CreateTable("asp_net_roles", t => new
        {
            id = t.Column<string>(nullable: false),
            name = t.Column<string>(maxLength: 256, nullable: true),
            normalized_name = t.Column<string>(maxLength: 256, nullable: true),
            concurrency_stamp = t.Column<string>(nullable: true),
        }, constraints: t => t.PrimaryKey("pk_asp_net_roles", x => x.id));
        m.CreateIndex("role_name_index", "asp_net_roles", "normalized_name", unique: true);

        m.CreateTable("asp_net_users", t => new
        {
            id = t.Column<string>(nullable: false),
            display_name = t.Column<string>(maxLength: 64, nullable: false),
            department_key = t.Column<string>(maxLength: 64, nullable: true),
            user_name = t.Column<string>(maxLength: 256, nullable: true),
            normalized_user_name = t.Column<string>(maxLength: 256, nullable: true),
            email = t.Column<string>(maxLength: 256, nullable: true),
            normalized_email = t.Column<string>(maxLength: 256, nullable: true),
            email_confirmed = t.Column<bool>(nullable: false),
            password_hash = t.Column<string>(nullable: true),
            security_stamp = t.Column<string>(nullable: true),
            concurrency_stamp = t.Column<string>(nullable: true),
            phone_number = t.Column<string>(nullable: true),
            phone_number_confirmed = t.Column<bool>(nullable: false),
            two_factor_enabled = t.Column<bool>(nullable: false),
            lockout_end = t.Column<DateTimeOffset>(nullable: true),
            lockout_enabled = t.Column<bool>(nullable: false),
            access_failed_count = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("pk_asp_net_users", x => x.id));
        m.CreateIndex("email_index", "asp_net_users", "normalized_email");
        m.CreateIndex("user_name_index", "asp_net_users", "normalized_user_name", unique: true);

        m.CreateTable("asp_net_role_claims", t => new
        {
            id = t.Column<int>(nullable: false)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            role_id = t.Column<string>(nullable: false),
            claim_type = t.Column<string>(nullable: true),
            claim_value = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_asp_net_role_claims", x => x.id);
            t.ForeignKey("fk_asp_net_role_claims_asp_net_roles_role_id", x => x.role_id, "asp_net_roles", "id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("ix_asp_net_role_claims_role_id", "asp_net_role_claims", "role_id");

        m.CreateTable("asp_net_user_claims", t => new
        {
            id = t.Column<int>(nullable: false)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            user_id = t.Column<string>(nullable: false),
            claim_type = t.Column<string>(nullable: true),
            claim_value = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_asp_net_user_claims", x => x.id);
            t.ForeignKey("fk_asp_net_user_claims_asp_net_users_user_id", x => x.user_id, "asp_net_users", "id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("ix_asp_net_user_claims_user_id", "asp_net_user_claims", "user_id");

        m.CreateTable("asp_net_user_logins", t => new
        {
            login_provider = t.Column<string>(nullable: false),
            provider_key = t.Column<string>(nullable: false),
            provider_display_name = t.Column<string>(nullable: true),
            user_id = t.Column<string>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_asp_net_user_logins", x => new { x.login_provider, x.provider_key });
            t.ForeignKey("fk_asp_net_user_logins_asp_net_users_user_id", x => x.user_id, "asp_net_users", "id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("ix_asp_net_user_logins_user_id", "asp_net_user_logins", "user_id");

        m.CreateTable("asp_net_user_roles", t => new
        {
            user_id = t.Column<string>(nullable: false),
            role_id = t.Column<string>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_asp_net_user_roles", x => new { x.user_id, x.role_id });
            t.ForeignKey("fk_asp_net_user_roles_asp_net_roles_role_id", x => x.role_id, "asp_net_roles", "id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("fk_asp_net_user_roles_asp_net_users_user_id", x => x.user_id, "asp_net_users", "id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("ix_asp_net_user_roles_role_id", "asp_net_user_roles", "role_id");

        m.CreateTable("asp_net_user_tokens", t => new
        {
            user_id = t.Column<string>(nullable: false),
            login_provider = t.Column<string>(nullable: false),
            name = t.Column<string>(nullable: false),
            value = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_asp_net_user_tokens", x => new { x.user_id, x.login_provider, x.name });
            t.ForeignKey("fk_asp_net_user_tokens_asp_net_users_user_id", x => x.user_id, "asp_net_users", "id", onDelete: ReferentialAction.Cascade);
        });
    }
}
