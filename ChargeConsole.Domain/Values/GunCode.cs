namespace ChargeConsole.Domain.Values;

/// <summary>A gun's code: the pile code followed by the 2-digit gun number (e.g. 3201020000000101).</summary>
public readonly record struct GunCode
{
    public string Value { get; }

    private GunCode(string value) => Value = value;

    public static GunCode Create(PileCode pile, int number)
    {
        if (number is < 1 or > 99) throw new ArgumentOutOfRangeException(nameof(number), "Gun number is 1 to 99.");
        return new GunCode(pile.Value + number.ToString("00"));
    }

    public PileCode Pile => PileCode.Parse(Value[..PileCode.Length]);

    public int Number => int.Parse(Value[PileCode.Length..]);

    public static bool TryParse(string? text, out GunCode code)
    {
        code = default;
        if (text is not { Length: PileCode.Length + 2 } || !text.All(char.IsAsciiDigit)) return false;
        var number = int.Parse(text[PileCode.Length..]);
        if (number < 1) return false;
        code = new GunCode(text);
        return true;
    }

    public override string ToString() => Value;
}
