using ClientRequests.Departments.Domain;
using ClientRequests.ServiceDefaults.Data;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Departments.Data;

/// <summary>Departments, members and routing rules of the demo company, written once into an empty database.</summary>
sealed class DemoData : IDemoDataSeeder<DepartmentsDbContext>
{
    public async Task SeedAsync(DepartmentsDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Departments.AnyAsync(cancellationToken)) return;

        db.Departments.AddRange(
            new Department
            {
                Code = "billing", Name = "Billing", Mode = DepartmentMode.Managed, LeadId = DemoUsers.Dave.Id,
                Members =
                [
                    new Member { DepartmentCode = "billing", UserId = DemoUsers.Carol.Id, Name = DemoUsers.Carol.Name, Skills = ["invoices", "refunds"] },
                    new Member { DepartmentCode = "billing", UserId = DemoUsers.Dave.Id, Name = DemoUsers.Dave.Name, Skills = ["invoices"], Capacity = 5 },
                ],
            },
            new Department
            {
                Code = "legal", Name = "Legal", Mode = DepartmentMode.Managed,
                Members = [new Member { DepartmentCode = "legal", UserId = DemoUsers.Erin.Id, Name = DemoUsers.Erin.Name, Skills = ["contracts"] }],
            },
            new Department
            {
                Code = "support", Name = "Customer Support", Mode = DepartmentMode.Managed,
                Members = [new Member { DepartmentCode = "support", UserId = DemoUsers.Sam.Id, Name = DemoUsers.Sam.Name }],
            },
            new Department { Code = "erp", Name = "ERP Operations (external system)", Mode = DepartmentMode.External });

        db.RoutingRules.AddRange(
            new RoutingRule { Name = "Contract changes go to legal and billing", Order = 10, RequestType = "contract-change", TargetDepartments = ["legal", "billing"] },
            new RoutingRule { Name = "Billing questions go to billing", Order = 20, RequestType = "billing", TargetDepartments = ["billing"] },
            new RoutingRule { Name = "Complaints go to support", Order = 30, RequestType = "complaint", TargetDepartments = ["support"] });

        await db.SaveChangesAsync(cancellationToken);
    }
}
