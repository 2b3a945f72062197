using ChargeConsole.Tests.Support;
using Bunit;
using ChargeConsole.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ChargeConsole.Tests.Components;

[Trait(TestKind.Name, TestKind.Fast)]
public class ListGridTests
{
    public sealed record Row(string Name);


    [Fact]
    public async Task Rows_come_from_the_server_page_and_reset_clears_the_filter_then_reloads()
    {
        await using var ctx = ComponentContext.New();
        var filter = "新";
        var loads = new List<(string Filter, int Page, int Size)>();
        Task<GridData<Row>> Load(GridState<Row> state, CancellationToken ct)
        {
            loads.Add((filter, state.Page, state.PageSize));
            var all = new[] { "新街口站", "新庄站", "河西站" }.Where(n => n.Contains(filter)).Select(n => new Row(n)).ToList();
            return Task.FromResult(new GridData<Row> { Items = all, TotalItems = all.Count });
        }

        RenderFragment columns = b =>
        {
            b.OpenComponent<PropertyColumn<Row, string>>(0);
            b.AddAttribute(1, "Property", (System.Linq.Expressions.Expression<Func<Row, string>>)(r => r.Name));
            b.AddAttribute(2, "Title", "电站名称");
            b.CloseComponent();
        };
        var grid = ctx.Render<ListGrid<Row>>(p => p
            .Add(x => x.Load, Load)
            .Add(x => x.Columns, columns)
            .Add(x => x.OnReset, () => filter = ""));

        grid.WaitForAssertion(() => Assert.Equal(2, grid.FindAll("tbody tr").Count));
        Assert.Equal((0, 20), (loads[^1].Page, loads[^1].Size));
        Assert.DoesNotContain(grid.FindAll("button"), b => b.TextContent.Contains("导出")); // no export address, no button

        grid.FindAll("button").Single(b => b.TextContent.Contains("重置")).Click();

        grid.WaitForAssertion(() => Assert.Equal(3, grid.FindAll("tbody tr").Count));
        Assert.Equal("", loads[^1].Filter);
    }
}
