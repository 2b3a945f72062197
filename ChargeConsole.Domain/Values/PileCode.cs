namespace ChargeConsole.Domain.Values;

/// <summary>A pile's 14-digit code (7 BCD bytes on the YKC wire).</summary>
public readonly record struct PileCode
{
    public const int Length = 14;

    public string Value { get; }

    private PileCode(string value) => Value = value;

    public static bool IsValid(string? text) =>
        text is { Length: Length } && text.All(char.IsAsciiDigit);

    public static bool TryParse(string? text, out PileCode code)
    {
        code = IsValid(text) ? new PileCode(text!) : default;
        return code.Value is not null;
    }

    public static PileCode Parse(string text) =>
        TryParse(text, out var code) ? code : throw new FormatException($"Pile code must be {Length} digits: '{text}'.");

    public GunCode Gun(int number) => GunCode.Create(this, number);

    /// <summary>
    /// The consecutive codes a batch add creates: <paramref name="prefix"/> followed by the serial numbers
    /// <paramref name="firstSerial"/>.. zero-padded to 14 digits.
    /// </summary>
    public static IReadOnlyList<PileCode> Sequence(string prefix, long firstSerial, int count)
    {
        if (prefix.Length is 0 or >= Length || !prefix.All(char.IsAsciiDigit))
            throw new ArgumentException("Prefix must be 1 to 13 digits.", nameof(prefix));
        var width = Length - prefix.Length;
        var max = (long)Math.Pow(10, width) - 1;
        if (firstSerial < 0 || count < 1 || firstSerial + count - 1 > max)
            throw new ArgumentOutOfRangeException(nameof(count), $"Serials {firstSerial}..{firstSerial + count - 1} do not fit in {width} digits.");
        return Enumerable.Range(0, count)
            .Select(i => new PileCode(prefix + (firstSerial + i).ToString().PadLeft(width, '0')))
            .ToList();
    }

    public override string ToString() => Value;
}
