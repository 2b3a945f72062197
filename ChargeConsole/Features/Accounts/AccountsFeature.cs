
namespace ChargeConsole.Features.Accounts;

/// <summary>The Accounts module's wiring: its services.</summary>
public sealed class AccountsFeature : ConsoleFeature
{
    public override void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<AccountService>();
    }
}
