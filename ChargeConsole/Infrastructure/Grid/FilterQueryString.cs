using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.WebUtilities;

namespace ChargeConsole.Infrastructure.Grid;

/// <summary>
/// Turns a list filter into a query string, so that the export endpoint (bound with [AsParameters])
/// exports exactly the rows the grid shows.
/// </summary>
public static class FilterQueryString
{
    public static string Append<TFilter>(string path, TFilter filter) where TFilter : class
    {
        var values = new Dictionary<string, string?>();
        foreach (var p in typeof(TFilter).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var value = p.GetValue(filter);
            if (value is null || value is string { Length: 0 }) continue;
            values[p.Name] = value switch
            {
                DateTime d => d.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            };
        }
        return QueryHelpers.AddQueryString(path, values);
    }
}
