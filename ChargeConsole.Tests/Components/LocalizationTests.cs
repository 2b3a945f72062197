using ChargeConsole.Tests.Support;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace ChargeConsole.Tests.Components;

[Trait(TestKind.Name, TestKind.Fast)]
public class LocalizationTests
{
    private static IStringLocalizer<SharedResource> Localizer()
    {
        var services = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources").BuildServiceProvider();
        return services.GetRequiredService<IStringLocalizer<SharedResource>>();
    }

    [Fact]
    public void Chinese_is_the_default_and_english_comes_from_its_resource()
    {
        var l = Localizer();
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
            Assert.Equal("电站管理", l["电站管理"]);
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            Assert.Equal("Stations", l["电站管理"]);
        }
        finally { CultureInfo.CurrentUICulture = saved; }
    }
}
