using Dispatch.Api.Audit;
using Dispatch.Persistence.Identity;

namespace Dispatch.Api.Features.Departments;

public static class DepartmentEndpoints
{
    public static IEndpointRouteBuilder MapDepartmentEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin/departments").WithTags("Departments").RequireAuthorization(p => p.RequireRole(Roles.Admin));
        admin.MapGet("/", ManageDepartments.List).WithSummary("Every department, retired ones too, with its open cases");
        admin.MapGet("/kinds", ManageDepartments.Kinds).WithSummary("The kinds of department");
        admin.MapPost("/", ManageDepartments.Create).Audited("department.create").WithSummary("Create a department");
        admin.MapPut("/{key}", ManageDepartments.Edit).Audited("department.edit").WithSummary("Edit a department from the version read");
        admin.MapPost("/{key}/retire", ManageDepartments.Retire).Audited("department.retire")
            .WithSummary("Retire a department; refused with what still points at it");
        admin.MapPost("/{key}/restore", ManageDepartments.Restore).Audited("department.restore").WithSummary("Put a retired department back in service");

        app.MapGet("/api/departments/{key}/handlers", ListDepartmentHandlers.Handle).WithTags("Departments").RequireAuthorization()
            .WithSummary("Handlers of the department and its sub-units, for 内部派遣");
        return app;
    }
}
