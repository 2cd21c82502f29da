using Dispatch.Domain.Calendar;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Catalogue;
using Dispatch.Domain.Components;
using Dispatch.Domain.Grids;
using Dispatch.Domain.Routing;
using Dispatch.Persistence.Identity;
using Dispatch.Persistence.Messaging;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Persistence;

/// <summary>
/// The one database context. The model is provider-neutral; the provider is chosen in
/// <see cref="PersistenceRegistration"/> and provider-specific SQL lives under Postgres/ and in the migrations.
/// </summary>
public sealed class DispatchDbContext(DbContextOptions<DispatchDbContext> options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CaseTrace> CaseTraces => Set<CaseTrace>();
    public DbSet<CasePhoto> CasePhotos => Set<CasePhoto>();
    public DbSet<CaseAssist> CaseAssists => Set<CaseAssist>();
    public DbSet<Dispatch.Domain.Evaluation.EvaluationFact> EvaluationFacts => Set<Dispatch.Domain.Evaluation.EvaluationFact>();
    public DbSet<Evaluation.EvaluationScoring> EvaluationScorings => Set<Evaluation.EvaluationScoring>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<CategoryCondition> CategoryConditions => Set<CategoryCondition>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<ConditionTimeLimit> ConditionTimeLimits => Set<ConditionTimeLimit>();
    public DbSet<HolidayNotice> HolidayNotices => Set<HolidayNotice>();
    public DbSet<RoutingRule> RoutingRules => Set<RoutingRule>();
    public DbSet<Component> Components => Set<Component>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<InboxMessage> Inbox => Set<InboxMessage>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<DeadLetter> DeadLetters => Set<DeadLetter>();
    public DbSet<Audit.AuditEntry> AuditEntries => Set<Audit.AuditEntry>();
    public DbSet<Ledger.SavedLedger> SavedLedgers => Set<Ledger.SavedLedger>();
    public DbSet<GridNode> GridNodes => Set<GridNode>();
    public DbSet<ResponsibilityGrid> ResponsibilityGrids => Set<ResponsibilityGrid>();
    public DbSet<ResponsibilityGridUnit> ResponsibilityGridUnits => Set<ResponsibilityGridUnit>();
    public DbSet<ResponsibilityGridPatroller> ResponsibilityGridPatrollers => Set<ResponsibilityGridPatroller>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(DispatchDbContext).Assembly);
        SnakeCaseNames.Apply(builder);
    }
}
