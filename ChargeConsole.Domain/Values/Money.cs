using System.Globalization;

namespace ChargeConsole.Domain.Values;

/// <summary>An amount of CNY, always a whole number of fen (0.01). Stored as <see cref="Fen"/>.</summary>
public readonly record struct Money : IComparable<Money>
{
    public long Fen { get; }

    private Money(long fen) => Fen = fen;

    public static readonly Money Zero = new(0);

    public static Money FromFen(long fen) => new(fen);

    /// <summary>Rounds half away from zero to the fen, as SPEC's money rules require.</summary>
    public static Money FromYuan(decimal yuan) => new((long)Math.Round(yuan * 100m, MidpointRounding.AwayFromZero));

    public decimal Yuan => Fen / 100m;

    public bool IsNegative => Fen < 0;

    public static Money operator +(Money a, Money b) => new(checked(a.Fen + b.Fen));
    public static Money operator -(Money a, Money b) => new(checked(a.Fen - b.Fen));
    public static Money operator -(Money a) => new(-a.Fen);
    public static bool operator <(Money a, Money b) => a.Fen < b.Fen;
    public static bool operator >(Money a, Money b) => a.Fen > b.Fen;
    public static bool operator <=(Money a, Money b) => a.Fen <= b.Fen;
    public static bool operator >=(Money a, Money b) => a.Fen >= b.Fen;

    public static Money Min(Money a, Money b) => a.Fen <= b.Fen ? a : b;
    public static Money Max(Money a, Money b) => a.Fen >= b.Fen ? a : b;

    public int CompareTo(Money other) => Fen.CompareTo(other.Fen);

    public override string ToString() => Yuan.ToString("0.00", CultureInfo.InvariantCulture);
}
