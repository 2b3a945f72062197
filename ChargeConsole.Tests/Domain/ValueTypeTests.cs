using ChargeConsole.Tests.Support;
using ChargeConsole.Domain.Values;

namespace ChargeConsole.Tests.Domain;

[Trait(TestKind.Name, TestKind.Fast)]
public class ValueTypeTests
{
    [Fact]
    public void Batch_codes_are_consecutive_and_zero_padded_to_14_digits()
    {
        var codes = PileCode.Sequence("320102", 98, 3).Select(c => c.Value).ToList();
        Assert.Equal(["32010200000098", "32010200000099", "32010200000100"], codes);
    }

    [Fact]
    public void Batch_that_overflows_the_free_digits_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PileCode.Sequence("3201020000000", 8, 3));
    }

    [Theory]
    [InlineData("3201020000000")]
    [InlineData("320102000000011")]
    [InlineData("3201020000000a")]
    [InlineData("")]
    public void Pile_code_must_be_exactly_14_digits(string text) => Assert.False(PileCode.IsValid(text));

    [Fact]
    public void Gun_code_is_pile_code_plus_two_digit_number()
    {
        var gun = PileCode.Parse("32010200000001").Gun(2);
        Assert.Equal("3201020000000102", gun.Value);
        Assert.Equal(2, gun.Number);
        Assert.Equal("32010200000001", gun.Pile.Value);
    }

    [Theory]
    [InlineData(1.005, 101)]
    [InlineData(-1.005, -101)]
    [InlineData(0.004, 0)]
    [InlineData(2.345, 235)]
    public void Money_rounds_half_away_from_zero_to_the_fen(decimal yuan, long fen) => Assert.Equal(fen, Money.FromYuan(yuan).Fen);

    [Fact]
    public void Prices_and_energy_keep_the_wire_precision()
    {
        Assert.Equal(200000, Price.FromYuan(2m).Units);
        Assert.Equal(16540, Price.FromYuan(0.1654m).Units);
        Assert.Equal(123457, Energy.FromKwh(12.34567m).Units);
    }
}
