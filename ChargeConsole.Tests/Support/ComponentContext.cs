using Bunit;
using ChargeConsole.Data.Entities;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Grid;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace ChargeConsole.Tests.Support;

/// <summary>
/// The one bUnit context of the component tests: MudBlazor, the console's Chinese texts, JS calls answered loosely.
/// Given an app, the components get its real services (a real SQLite database behind them) and a signed-in staff
/// member, so a dialog saves, or refuses, exactly as it does in the console.
/// </summary>
public static class ComponentContext
{
    // MudBlazor's services dispose asynchronously only: callers dispose the context with await using.
    public static BunitContext New(AppFactory? app = null, string role = Roles.Operator)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        if (app is null) return ctx;
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized("operator");
        auth.SetRoles(role);
        // The circuit's own services, as Program registers them; everything else comes from the app.
        ctx.Services.AddScoped<CurrentScope>();
        ctx.Services.AddScoped<ListPages>();
        Radzen.ServiceCollectionExtensions.AddRadzenComponents(ctx.Services); // the HTML editor's, on bUnit's navigation
        ctx.Services.AddSingleton(app.Factory);
        // A scope of the app, not its root: the framework's scoped services resolve there as they do in a circuit.
        var scope = app.Services.CreateAsyncScope();
        app.OnDispose(scope);
        ctx.Services.AddFallbackServiceProvider(scope.ServiceProvider);
        return ctx;
    }
}
