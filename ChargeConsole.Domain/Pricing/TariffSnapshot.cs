using System.Globalization;
using ChargeConsole.Domain.Values;

namespace ChargeConsole.Domain.Pricing;

/// <summary>
/// The tariff a pile charges an order by, as it was given at start: the model number, the 4 electricity prices,
/// the 4 service fees and the 48 half-hour slots. Kept on the order as text so that a template edited later never
/// reprices a charge already running or awaiting its record (SPEC "Tariff of an order").
/// </summary>
public sealed record TariffSnapshot(int ModelNumber, Tariff Tariff, TouSchedule Schedule)
{
    private const string Version = "t1";

    /// <summary><c>t1|model|e0,e1,e2,e3|s0,s1,s2,s3|slots</c>, prices in 1/100000 yuan per kWh.</summary>
    public string ToText() => string.Join('|', Version, ModelNumber.ToString(CultureInfo.InvariantCulture),
        string.Join(',', Tariff.Electricity.Select(p => p.Units.ToString(CultureInfo.InvariantCulture))),
        string.Join(',', Tariff.Service.Select(p => p.Units.ToString(CultureInfo.InvariantCulture))),
        Schedule.ToSlotString());

    public static TariffSnapshot Parse(string text)
    {
        var parts = text.Split('|');
        if (parts.Length != 5 || parts[0] != Version) throw new FormatException($"Not a tariff snapshot: '{text}'.");
        static Price[] Prices(string list)
        {
            var prices = list.Split(',').Select(u => Price.FromUnits(long.Parse(u, CultureInfo.InvariantCulture))).ToArray();
            return prices.Length == 4 ? prices : throw new FormatException("A tariff snapshot has 4 prices per kind.");
        }
        return new TariffSnapshot(int.Parse(parts[1], CultureInfo.InvariantCulture), new Tariff(Prices(parts[2]), Prices(parts[3])),
            TouSchedule.FromSlotString(parts[4]));
    }
}
