using System.Globalization;

namespace ChargeConsole.Domain.Values;

/// <summary>Energy in kWh to 0.0001 (the YKC wire precision). Stored in 1/10000 kWh.</summary>
public readonly record struct Energy : IComparable<Energy>
{
    public const decimal Scale = 10_000m;

    public long Units { get; }

    private Energy(long units) => Units = units;

    public static readonly Energy Zero = new(0);

    public static Energy FromUnits(long units) => new(units);

    public static Energy FromKwh(decimal kwh) => new((long)Math.Round(kwh * Scale, MidpointRounding.AwayFromZero));

    public decimal Kwh => Units / Scale;

    public static Energy operator +(Energy a, Energy b) => new(checked(a.Units + b.Units));
    public static Energy operator -(Energy a, Energy b) => new(checked(a.Units - b.Units));
    public static bool operator >(Energy a, Energy b) => a.Units > b.Units;
    public static bool operator <(Energy a, Energy b) => a.Units < b.Units;

    public int CompareTo(Energy other) => Units.CompareTo(other.Units);

    public override string ToString() => Kwh.ToString("0.0000", CultureInfo.InvariantCulture);
}
