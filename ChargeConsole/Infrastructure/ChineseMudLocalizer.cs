using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace ChargeConsole.Infrastructure;

/// <summary>
/// MudBlazor's own messages in Chinese (they come in English otherwise: "Not a valid number" under a numeric field).
/// Only for the Chinese UI; English keeps MudBlazor's defaults.
/// </summary>
public sealed class ChineseMudLocalizer : MudLocalizer
{
    private static readonly Dictionary<string, string> Chinese = new()
    {
        ["Converter_InvalidNumber"] = "请输入有效的数字",
        ["Converter_InvalidDateTime"] = "请输入有效的日期，格式 yyyy-MM-dd",
        ["Converter_InvalidTimeSpan"] = "请输入有效的时间",
        ["Converter_InvalidBoolean"] = "请选择是或否",
        ["Converter_InvalidGUID"] = "格式不正确",
        ["Converter_InvalidType"] = "格式不正确",
        ["Converter_NotValueOf"] = "不是有效的选项",
        ["Converter_ConversionError"] = "格式不正确",
        ["Converter_ConversionFailed"] = "格式不正确",
        ["Converter_UnableToConvert"] = "格式不正确",
        ["Converter_ConversionNotImplemented"] = "格式不正确",
    };

    public override LocalizedString this[string key] =>
        !CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.OrdinalIgnoreCase) && Chinese.TryGetValue(key, out var text)
            ? new LocalizedString(key, text)
            : new LocalizedString(key, key, resourceNotFound: true);

    public override LocalizedString this[string key, params object[] arguments] => this[key];
}
