using ChargeConsole.Data.Entities;
using ChargeConsole.Data;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Excel;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Invoices;

/// <summary>The Invoices module's wiring: its services and endpoints.</summary>
public sealed class InvoicesFeature : ConsoleFeature
{
    public const string InvoicesExport = "export/invoices";
    public const string InvoicePdf = "files/invoices/{id:int}";

    /// <summary>The staff link to request <paramref name="id"/>'s PDF (<see cref="InvoicePdf"/>).</summary>
    public static string PdfLink(int id) => InvoicePdf.Replace("{id:int}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    public override void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<InvoiceService>();
    }

    public override void MapEndpoints(FeatureRoutes routes)
    {
        routes.StaffExports.MapExport<InvoiceFilter, InvoiceExportRow>(InvoicesExport, "发票管理", InvoiceService.Export);
        // An invoice PDF, for staff only, by the request's id (the file's own name is random and never shown).
        routes.App.MapGet("/" + InvoicePdf, async (int id, HttpContext http, InvoiceService invoices, IDbContextFactory<ChargeDbContext> dbFactory, CancellationToken ct) =>
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                return await invoices.PdfForStaffAsync(await AccessScope.ForAsync(http.User, db, ct), id, ct) is { } pdf
                    ? Results.File(pdf.File, "application/pdf", pdf.Name)
                    : Results.NotFound();
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Operator));
    }
}
