using ChargeConsole.Tests.Support;
using ChargeConsole.Features.Marketing;
using ChargeConsole.Features.StoredValue;
using ChargeConsole.Infrastructure;

namespace ChargeConsole.Tests.StoredValue;

/// <summary>储值套餐 and 营销套餐 dialogs: the same amount rules, field by field as the dialog validates them.</summary>
[Trait(TestKind.Name, TestKind.Fast)]
public class PackageFormTests
{
    public static TheoryData<object, string, string> Cases() => new()
    {
        { new PackageForm { Name = "充100送200", Amount = 100, Bonus = 200 }, "Bonus", "赠送金额不能超过充值金额" },
        { new MarketingPackageForm { Name = "充100送200", Amount = 100, Bonus = 200 }, "Bonus", "赠送金额不能超过充值金额" },
        { new PackageForm { Name = "零元", Amount = 0, Bonus = 0 }, "Amount", "充值金额至少 0.01 元" },
        { new MarketingPackageForm { Name = "零元", Amount = 0, Bonus = 0 }, "Amount", "充值金额至少 0.01 元" },
        { new PackageForm { Name = "", Amount = 10, Bonus = 0 }, "Name", "请输入套餐名称" },
        { new MarketingPackageForm { Name = "", Amount = 10, Bonus = 0 }, "Name", "请输入套餐名称" },
        { new PackageForm { Name = "大额", Amount = 50_000.01m, Bonus = 0 }, "Amount", "充值金额不能超过 50,000 元" },
        { new MarketingPackageForm { Name = "大额", Amount = 50_000.01m, Bonus = 0 }, "Amount", "充值金额不能超过 50,000 元" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_package_form_refuses_a_bad_field_with_its_chinese_message(object form, string field, string message)
    {
        var check = form is PackageForm ? new PackageFormValidator().ForMudForm() : new MarketingPackageFormValidator().ForMudForm();
        Assert.Equal([message], await check(form, field));
        Assert.Empty(await check(form, field == "Name" ? "Bonus" : "Name"));
    }
}
