using System.Globalization;

namespace ChargeConsole.Domain.Values;

/// <summary>A price per kWh in CNY to 0.00001 (the YKC wire precision). Stored in 1/100000 CNY.</summary>
public readonly record struct Price : IComparable<Price>
{
    public const decimal Scale = 100_000m;

    public long Units { get; }

    private Price(long units) => Units = units;

    public static readonly Price Zero = new(0);

    public static Price FromUnits(long units) => new(units);

    public static Price FromYuan(decimal yuanPerKwh) => new((long)Math.Round(yuanPerKwh * Scale, MidpointRounding.AwayFromZero));

    public decimal YuanPerKwh => Units / Scale;

    public static Price operator +(Price a, Price b) => new(checked(a.Units + b.Units));

    public int CompareTo(Price other) => Units.CompareTo(other.Units);

    public override string ToString() => YuanPerKwh.ToString("0.00000", CultureInfo.InvariantCulture);
}
