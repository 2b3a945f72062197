using System.Text.RegularExpressions;
using Bunit;
using ChargeConsole.Domain.Values;
using ChargeConsole.Features.Invoices;
using ChargeConsole.Features.StoredValue;
using ChargeConsole.Shared;
using ChargeConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace ChargeConsole.Tests.Dialogs;

/// <summary>
/// Every dialog with a form (every <see cref="FormDialogBase"/>, found by reflection, so a new one is covered the day it
/// is written), opened blank over the demo database and submitted: it refuses in Chinese, stays open, and nothing is
/// saved. The dialogs' happy paths run in the browser suite.
/// </summary>
[Trait(TestKind.Name, TestKind.Live)]
public partial class FormDialogTests(FormDialogTests.Demo demo) : IClassFixture<FormDialogTests.Demo>
{
    public sealed class Demo : IAsyncLifetime
    {
        public TestWebApp App { get; private set; } = default!;
        public async Task InitializeAsync() => App = await TestWebApp.StartAsync();
        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    public static TheoryData<string> Dialogs() =>
        new(typeof(FormDialogBase).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(FormDialogBase)) && !t.IsAbstract).Select(t => t.FullName!).Order());

    /// <summary>What a dialog is opened with besides its blank form: the record it acts on.</summary>
    private static DialogParameters ParametersOf(string dialog) => dialog switch
    {
        _ when dialog.EndsWith(".RefundDialog", StringComparison.Ordinal) => new DialogParameters
        {
            ["Order"] = new RechargeOrderRow { Id = 1, OrderNo = "R20261202000001", PaidAmount = Money.FromFen(10_000) },
            ["Refundable"] = Money.FromFen(10_000),
        },
        _ when dialog.EndsWith(".InvoiceUploadDialog", StringComparison.Ordinal) => new DialogParameters
        {
            ["Row"] = new InvoiceRow { Id = 1, RequestNo = "INV-TEST", Title = "测试抬头", Amount = Money.FromFen(10_000) },
        },
        _ when dialog.EndsWith(".PasswordDialog", StringComparison.Ordinal) => new DialogParameters { ["UserId"] = "no-such-account" },
        _ when dialog.EndsWith(".InvestorSharesDialog", StringComparison.Ordinal) => new DialogParameters { ["InvestorId"] = "no-such-account" },
        _ => [],
    };

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();

    [Theory]
    [MemberData(nameof(Dialogs))]
    public async Task A_blank_form_is_refused_in_Chinese_the_dialog_stays_open_and_nothing_is_saved(string dialog)
    {
        var type = typeof(FormDialogBase).Assembly.GetType(dialog)!;
        await using var ctx = ComponentContext.New(demo.App);
        var provider = ctx.Render<MudDialogProvider>();
        var dialogs = ctx.Services.GetRequiredService<IDialogService>();
        var before = await SavedAsync();

        await provider.InvokeAsync(() => dialogs.ShowAsync(type, "测试", ParametersOf(dialog)));
        provider.WaitForAssertion(() => Assert.NotEmpty(provider.FindAll(".mud-dialog-actions button")));
        var submit = provider.FindAll(".mud-dialog-actions button").LastOrDefault(b => b.TextContent.Trim() != "取消");
        if (submit is null)
        {
            // No submit at all: the dialog acts through its file field (a poster), and without a file nothing happens.
            Assert.NotEmpty(provider.FindAll("input[type=file]"));
            Assert.Equal(before, await SavedAsync());
            return;
        }
        if (submit.HasAttribute("disabled"))
        {
            // Nothing chosen yet (发放优惠券 without users): the blank form cannot even be sent.
            Assert.Equal(before, await SavedAsync());
            return;
        }
        await provider.InvokeAsync(() => submit.Click());

        provider.WaitForAssertion(() =>
        {
            var shown = provider.FindAll(".mud-input-error .mud-input-helper-text, .mud-input-helper-text.mud-input-error, .mud-alert-message")
                .Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).ToList();
            Assert.True(shown.Any(t => Chinese().IsMatch(t)), $"{type.Name}: no Chinese refusal shown. Dialog:\n{provider.Markup[..Math.Min(provider.Markup.Length, 3000)]}");
        });
        Assert.NotEmpty(provider.FindAll(".mud-dialog"));
        Assert.Equal(before, await SavedAsync());
    }

    /// <summary>Successful audited actions: every save of a staff edit writes one, so a save would move this count.</summary>
    private async Task<int> SavedAsync()
    {
        await using var db = demo.App.Context();
        return await db.AuditLogs.CountAsync(a => a.Succeeded);
    }
}
