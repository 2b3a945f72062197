using Bunit;
using ChargeConsole.Shared;
using ChargeConsole.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace ChargeConsole.Tests.Dialogs;

/// <summary>The reason asked before 退单, 拒绝 and 冲红: none given, nothing happens; one given, it comes back trimmed.</summary>
[Trait(TestKind.Name, TestKind.Fast)]
public class ReasonDialogTests
{
    [Fact]
    public async Task A_blank_reason_is_refused_and_a_given_one_comes_back_trimmed()
    {
        await using var ctx = ComponentContext.New();
        var provider = ctx.Render<MudDialogProvider>();
        var dialogs = ctx.Services.GetRequiredService<IDialogService>();
        IDialogReference? reference = null;
        await provider.InvokeAsync(async () => reference = await dialogs.ShowAsync<ReasonDialog>("退单", new DialogParameters<ReasonDialog>
        {
            { d => d.Message, "确定退单吗？" }, { d => d.Label, "退单原因" }, { d => d.ConfirmText, "退单" },
        }));
        provider.WaitForAssertion(() => Assert.NotEmpty(provider.FindAll(".mud-dialog-actions button")));
        Button("退单").Click();

        provider.WaitForAssertion(() => Assert.Contains("请填写原因", provider.Markup));
        Assert.False(reference!.Result.IsCompleted);

        provider.Find("textarea").Change("  用户重复下单  ");
        Button("退单").Click();
        var result = await reference.Result.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(result!.Canceled);
        Assert.Equal("用户重复下单", result.Data);

        AngleSharp.Dom.IElement Button(string text) => provider.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Trim() == text);
    }
}
