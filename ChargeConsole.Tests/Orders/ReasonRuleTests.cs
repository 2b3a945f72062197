using ChargeConsole.Infrastructure;
using ChargeConsole.Tests.Support;

namespace ChargeConsole.Tests.Orders;

/// <summary>The one rule for an operator's reason (退单, 拒绝提现, 驳回发票…): given, and at most 200 characters once trimmed.</summary>
[Trait(TestKind.Name, TestKind.Fast)]
public class ReasonRuleTests
{
    [Fact]
    public void A_reason_is_required_and_at_most_200_characters_once_trimmed()
    {
        Assert.Equal("请填写退单原因", ReasonRule.VoidReason.Refusal("   ")?.Error);
        Assert.Equal("请填写拒绝原因", ReasonRule.RejectReason.Refusal(null)?.Error);
        Assert.Equal("退单原因不能超过 200 个字", ReasonRule.VoidReason.Refusal(new string('退', 201))?.Error);
        Assert.Null(ReasonRule.VoidReason.Refusal(new string('退', 200)));
        Assert.Null(ReasonRule.Reason.Refusal("  " + new string('因', 200) + "  "));
    }
}
