using ChargeConsole.Tests.Support;
using ChargeConsole.Domain.Invoices;

namespace ChargeConsole.Tests.Domain;

[Trait(TestKind.Name, TestKind.Fast)]
public class CreditCodeTests
{
    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("91110000600037341L")]
    [InlineData("911100001000079554")]
    public void Real_unified_social_credit_codes_pass(string code) => Assert.True(CreditCode.IsValid(code));

    [Theory]
    [InlineData("91350100M000100Y44")] // wrong check character
    [InlineData("91310000MA1FL8TQ3W")] // the check character for these 17 is 6
    [InlineData("91350100M000100Y4")] // 17 characters
    [InlineData("91350100I000100Y43")] // I is not in the alphabet
    [InlineData("91350100m000100y43")] // lower case
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_refused(string? code) => Assert.False(CreditCode.IsValid(code));
}
