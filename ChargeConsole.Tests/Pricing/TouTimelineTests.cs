using ChargeConsole.Tests.Support;
using Bunit;
using ChargeConsole.Domain.Pricing;
using ChargeConsole.Features.Pricing;

namespace ChargeConsole.Tests.Pricing;

[Trait(TestKind.Name, TestKind.Fast)]
public class TouTimelineTests
{
    [Fact]
    public async Task Choosing_a_brush_and_dragging_over_slots_paints_them()
    {
        await using var ctx = ComponentContext.New();
        var slots = Enumerable.Repeat(TouPeriod.Flat, 48).ToArray();
        var brush = TouPeriod.Peak;
        var timeline = ctx.Render<TouTimeline>(p => p
            .Add(x => x.Slots, slots)
            .Add(x => x.Brush, brush)
            .Add(x => x.BrushChanged, b => brush = b));

        timeline.FindAll("button").Single(b => b.TextContent.Trim() == "谷").Click();
        Assert.Equal(TouPeriod.Valley, brush);

        AngleSharp.Dom.IElement Cell(int i) => timeline.FindAll("div[title]")[i]; // found afresh: each paint re-renders
        Assert.Equal(48, timeline.FindAll("div[title]").Count);
        Cell(0).MouseDown();   // 00:00–00:30
        Cell(1).MouseEnter();  // dragged over 00:30–01:00
        Cell(2).MouseUp();
        Cell(3).MouseEnter();  // after the button is released: not painted

        Assert.Equal([TouPeriod.Valley, TouPeriod.Valley, TouPeriod.Flat, TouPeriod.Flat], slots[..4]);
        Assert.Equal("00:00–00:30", Cell(0).GetAttribute("title"));
    }
}
